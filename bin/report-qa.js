#!/usr/bin/env node
// `npx report-qa <command> …`: the project's commands with nothing but their own output on stdout
// (npm run prints a banner there unless given -s).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const COMMANDS = { ask: 'src/cli/ask.ts', ingest: 'src/cli/ingest.ts', eval: 'src/cli/eval.ts', bot: 'src/bot/main.ts', misses: 'src/cli/misses.ts', figures: 'src/cli/figures.ts' };
const [command, ...rest] = process.argv.slice(2);
const entry = COMMANDS[command];
if (!entry) {
  process.stderr.write(`usage: report-qa <${Object.keys(COMMANDS).join('|')}> [arguments]  (e.g. npx report-qa ask --json "晋中卫生厕所普及率是多少？")\n`);
  process.exit(command === undefined || command === '--help' || command === '-h' ? 0 : 2);
}
register();
const file = path.resolve(import.meta.dirname, '..', entry);
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(file).href);

#!/usr/bin/env node
// `npx report-qa <command> …`: the project's commands with nothing but their own output on stdout
// (npm run prints a banner there unless given -s). Runs the JavaScript `npm run build` writes to dist/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const COMMANDS = { ask: 'cli/ask.js', ingest: 'cli/ingest.js', migrate: 'cli/migrate.js', eval: 'cli/eval.js', bot: 'bot/main.js', misses: 'cli/misses.js', figures: 'cli/figures.js' };
const [command, ...rest] = process.argv.slice(2);
const entry = COMMANDS[command];
if (!entry) {
  process.stderr.write(`usage: report-qa <${Object.keys(COMMANDS).join('|')}> [arguments]  (e.g. npx report-qa ask --json "晋中卫生厕所普及率是多少？")\n`);
  process.exit(command === undefined || command === '--help' || command === '-h' ? 0 : 2);
}
const file = path.resolve(import.meta.dirname, '..', 'dist', entry);
if (!existsSync(file)) {
  process.stderr.write(`error: ${path.relative(process.cwd(), file)} is missing; run \`npm run build\` (npm install does it).\n`);
  process.exit(1);
}
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(file).href);

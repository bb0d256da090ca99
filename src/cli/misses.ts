import { Command } from 'commander';
import { readConfig } from '../app.js';
import { createFileMissLog, createPostgresMissLog, missesFile, type MissLog, type MissSummary } from '../bot/misses.js';
import { createPool } from '../store/postgres/pool.js';
import { EXIT, errorMessage, exitOnUsageError } from './context.js';
import { terminalText } from './terminal.js';

const program = new Command()
  .name('misses')
  .description('List what the bot could not serve: questions not found and answers marked 👎, most frequent first.')
  .option('--json', 'print the list as JSON')
  .option('--limit <n>', 'at most this many lines', '50')
  .action(run);
exitOnUsageError(program, 'see npx report-qa misses --help');

async function run(options: { json?: boolean; limit: string }): Promise<void> {
  const config = readConfig();
  const pool = config.store.kind === 'postgres' ? createPool(config.store, 1) : null;
  const log: MissLog = pool ? createPostgresMissLog(pool) : createFileMissLog(missesFile(config.indexDir));
  try {
    const misses = (await log.list()).slice(0, Math.max(1, Number(options.limit) || 50));
    process.stdout.write(options.json ? `${JSON.stringify(misses)}\n` : `${terminalText(formatMisses(misses))}\n`);
  } finally {
    await pool?.end();
  }
}

function formatMisses(misses: MissSummary[]): string {
  if (misses.length === 0) return 'No misses recorded yet.';
  return misses
    .map((m) => `${String(m.count).padStart(4)}  ${m.kind === 'disliked' ? '👎' : '—'} ${m.reason.padEnd(16)} ${m.chatTypes.join(',').padEnd(10)} ${m.question}${m.reading !== m.question ? `  (read as: ${m.reading})` : ''}`)
    .join('\n');
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(error)}\n`);
  process.exitCode = EXIT.failure;
});

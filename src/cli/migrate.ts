import { Command } from 'commander';
import { readConfig } from '../app.js';
import { asUnavailable, createPool, redactedUrl } from '../store/postgres/pool.js';
import { migrate, SCHEMA_VERSION } from '../store/postgres/schema.js';
import { EXIT, errorMessage, exitOnUsageError } from './context.js';

const program = new Command()
  .name('migrate')
  .description('Create or upgrade the PostgreSQL tables (STORE=postgres) and nothing else: a deploy step run before the readers start. Ingest does it too.')
  .action(run);
exitOnUsageError(program, 'see npx report-qa migrate --help');

async function run(): Promise<void> {
  const config = readConfig();
  if (config.store.kind !== 'postgres') {
    console.log('STORE=embedded: the embedded index has no tables to migrate.');
    return;
  }
  const pool = createPool(config.store, 1);
  try {
    const client = await pool.connect().catch((error: unknown) => Promise.reject(asUnavailable(error)));
    try {
      const before = await migrate(client);
      const where = redactedUrl(config.store.databaseUrl);
      console.log(before >= SCHEMA_VERSION ? `${where}: the schema is at version ${before} already.` : `${where}: schema version ${before} -> ${SCHEMA_VERSION}.`);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(asUnavailable(error))}\n`);
  process.exitCode = EXIT.failure;
});

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import { createPostgresBackend } from '../../src/store/postgres/backend.js';
import { SCHEMA_VERSION } from '../../src/store/postgres/schema.js';
import type { StoreExpectations } from '../../src/store/types.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { runCli } from '../support/run-cli.js';

let postgres: TestPostgres;
let sql: pg.Pool;
beforeAll(async () => {
  postgres = await startPostgres();
  sql = new pg.Pool({ connectionString: postgres.url, max: 1 });
}, 60_000);
afterAll(async () => {
  await sql.end();
  await postgres.stop();
});

const migrate = () => runCli('migrate', [], { STORE: 'postgres', DATABASE_URL: postgres.url });
const schema = async () => (await sql.query<{ version: number }>('SELECT version FROM rq_schema')).rows[0].version;
const expected: StoreExpectations = { corpusHash: 'h', chunkingHash: 'h', model: null, sif: null, efSearch: 50 };

/** What a reader's open says, and the tables it leaves as they were. */
async function openError(): Promise<unknown> {
  const backend = createPostgresBackend(postgres.settings);
  try {
    return await backend.open(expected).then(() => null, (error: unknown) => error);
  } finally {
    await backend.close();
  }
}

describe('npx report-qa migrate', () => {
  it('creates the tables on its own, before any ingest, and says so once', async () => {
    const first = await migrate();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`schema version 0 -> ${SCHEMA_VERSION}`);
    expect(first.stdout).not.toContain(':postgres@');
    expect((await sql.query("SELECT to_regclass('rq_passages') AS t")).rows[0].t).toBe('rq_passages');
    // Tables but no corpus version yet: a reader finds no index.
    expect(isAppError(await openError(), 'INDEX_MISSING')).toBe(true);
    const again = await migrate();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`at version ${SCHEMA_VERSION} already`);
  }, 60_000);

  it('upgrades tables of an older release, which a reader only reports as stale', async () => {
    await sql.query('UPDATE rq_schema SET version = $1', [SCHEMA_VERSION - 1]);
    const error = await openError();
    expect(isAppError(error, 'INDEX_STALE')).toBe(true);
    expect((error as Error).message).toContain('older database schema');
    expect(await schema()).toBe(SCHEMA_VERSION - 1);
    const upgraded = await migrate();
    expect(upgraded.stdout).toContain(`schema version ${SCHEMA_VERSION - 1} -> ${SCHEMA_VERSION}`);
    expect(await schema()).toBe(SCHEMA_VERSION);
  }, 60_000);

  it('has nothing to do for the embedded store', async () => {
    const { code, stdout } = await runCli('migrate', [], { STORE: 'embedded' });
    expect(code).toBe(0);
    expect(stdout).toContain('no tables to migrate');
  }, 30_000);

  it('says the database cannot be reached in one line, exit 1', async () => {
    const { code, stderr } = await runCli('migrate', [], { STORE: 'postgres', DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/db', PG_CONNECT_TIMEOUT_MS: '2000' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('暂时无法查询');
    expect(stderr).not.toContain('secret');
  }, 30_000);
});

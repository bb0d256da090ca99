import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { isAppError } from '../../src/errors.js';
import { ingest } from '../../src/ingest/ingest.js';
import { chunkingFingerprint, corpusFingerprint } from '../../src/store/manifest.js';
import { deleteExpired } from '../../src/store/postgres/expiry.js';
import { createPool, query, queryPrepared } from '../../src/store/postgres/pool.js';
import { createPostgresBackend } from '../../src/store/postgres/backend.js';
import { searchStatement } from '../../src/store/postgres/search-sql.js';
import type { StoreExpectations } from '../../src/store/types.js';
import { createPostgresBotState, expiringTables } from '../../src/bot/state.js';
import { CORPUS_DIR, TINY_MODEL_ID, tempDir, tinyEmbedder } from '../support/fixtures.js';
import { settingsFor, startPostgres, TEST_DATABASE_URL, type TestPostgres } from '../support/postgres.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let embedder: Embedder;
let config: Config;
let expected: StoreExpectations;
let postgres: TestPostgres;
let sql: pg.Pool;

beforeAll(async () => {
  dir = await tempDir();
  [{ embedder, config }, postgres] = await Promise.all([tinyEmbedder(dir.dir), startPostgres()]);
  sql = new pg.Pool({ connectionString: postgres.url, max: 2 });
  expected = { corpusHash: await corpusFingerprint(CORPUS_DIR), chunkingHash: chunkingFingerprint(config.chunking), model: TINY_MODEL_ID, sif: null, efSearch: 50 };
}, 120_000);
afterAll(async () => {
  await sql.end();
  await postgres.stop();
  await dir.cleanup();
});

const backendFor = () => createPostgresBackend(postgres.settings);
const publish = (backend = backendFor()) => ingest(config, { embedder, backend }).finally(() => backend.close());
const count = async (text: string, values: unknown[] = []) => Number((await sql.query<{ n: string }>(text, values)).rows[0].n);

describe('PostgreSQL index versions', () => {
  it('a reader on a database without tables creates none: the schema is set up by ingest', async () => {
    const backend = backendFor();
    const error = await backend.open(expected).then(() => null, (e: unknown) => e);
    await backend.close();
    expect(isAppError(error, 'INDEX_MISSING')).toBe(true);
    expect((await sql.query("SELECT to_regclass('rq_passages') AS t")).rows[0].t).toBeNull();
  });

  it('analyzes a new version before it goes live, so its first query is planned on its real size', async () => {
    await publish();
    const postings = await count('SELECT count(*) AS n FROM rq_postings');
    const { rows } = await sql.query<{ relname: string; reltuples: number }>("SELECT relname, reltuples FROM pg_class WHERE relname IN ('rq_postings', 'rq_passages', 'rq_terms')");
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.relname === 'rq_postings')!.reltuples).toBeGreaterThan(postings * 0.9);
    for (const row of rows) expect(row.reltuples).toBeGreaterThan(0);
  });

  it('plans the first search on a re-ingested version by its real size, not as a handful of rows', async () => {
    await publish();
    await publish();
    const version = await count('SELECT version AS n FROM rq_current');
    const actual = await count('SELECT count(*) AS n FROM rq_postings WHERE version = $1', [version]);
    const { rows } = await sql.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(`EXPLAIN (FORMAT JSON) SELECT * FROM rq_postings WHERE version = ${version}`);
    const planned = rows[0]['QUERY PLAN'][0].Plan['Plan Rows'];
    expect(planned).toBeGreaterThan(actual / 2);
    expect(planned).toBeLessThan(actual * 2);
  });

  it('runs a prepared statement with one generic plan or with a plan for its values, as asked, for that statement only', async () => {
    const pool = createPool(postgres.settings, 1);
    const setting = async () => (await query<{ plan_cache_mode: string }>(pool, 'SHOW plan_cache_mode')).rows[0].plan_cache_mode;
    const before = await setting();
    const values = [["晋中'; DROP TABLE rq_passages; --", 'a\\"b', ''], [1.5, -2e-7, 254.69357435977352], 0.1 + 0.2, "it's"];
    const text = 'SELECT $1::text[] AS terms, $2::float8[] AS idfs, $3::float8 AS x, $4::text AS said';
    for (const generic of [true, false]) {
      for (let i = 0; i < 3; i++) {
        const { rows } = await queryPrepared(pool, { name: `rq_test_${generic}`, text, values, generic });
        expect(rows).toEqual([{ terms: values[0], idfs: values[1], x: values[2], said: values[3] }]);
      }
    }
    const { rows } = await query<{ name: string; generic_plans: string; custom_plans: string }>(
      pool,
      "SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'rq_test_%' ORDER BY name",
    );
    expect(rows.map((r) => [r.name.split('_')[2], Number(r.generic_plans), Number(r.custom_plans)])).toEqual([
      ['false', 0, 3],
      ['true', 3, 0],
    ]);
    expect(await setting()).toBe(before);
    await pool.end();
  });

  it('sends the question vector in digits that pgvector reads back as the same float32 values', async () => {
    const vector = new Float32Array([0.1, 1 / 3, -2 / 7, 1e-8, -3.4e38, 123456.789, 0]);
    const { values } = searchStatement({ version: 1, scope: { cities: [], years: [] }, limit: 1, lexical: null, dense: { vector, dimension: vector.length, exact: false } });
    const sent = values.find((v) => typeof v === 'string' && v.startsWith('['));
    const { rows } = await sql.query<{ same: boolean }>('SELECT $1::vector::text = $2::vector::text AS same', [sent, `[${Array.from(vector).join(',')}]`]);
    expect(rows[0].same).toBe(true);
  });

  it('gives every table a primary key', async () => {
    const { rows } = await sql.query<{ table_name: string }>(
      `SELECT t.table_name FROM information_schema.tables t
        WHERE t.table_name LIKE 'rq\\_%' AND t.table_schema = current_schema()
          AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c
                           WHERE c.table_name = t.table_name AND c.table_schema = t.table_schema AND c.constraint_type = 'PRIMARY KEY')`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });

  it('keeps a version while a reader is on it, and drops it once no reader is', async () => {
    const readerBackend = backendFor();
    const reader = await readerBackend.open(expected);
    const readersVersion = await count('SELECT version AS n FROM rq_current');
    await publish();
    await publish();
    // The reader still answers from its version, two publishes later.
    expect(await count('SELECT count(*) AS n FROM rq_passages WHERE version = $1', [readersVersion])).toBe(reader.terms.passageCount);
    const hits = await reader.searchLexical(['卫生厕所', '普及率'], { cities: ['晋中'], years: [] }, 3);
    expect((await reader.passages([hits[0].passageId]))[0].text).toContain('82%');
    await reader.close();
    await readerBackend.close();
    await publish();
    expect(await count('SELECT count(*) AS n FROM rq_passages WHERE version = $1', [readersVersion])).toBe(0);
    // Only the live version is left (no reader holds another).
    expect(await count('SELECT count(DISTINCT version) AS n FROM rq_passages')).toBe(1);
  });

  it('tells a watching reader that a new version was published', async () => {
    const watcher = backendFor();
    let told = 0;
    const stop = watcher.watch(() => told++);
    await publish();
    const deadline = Date.now() + 30_000;
    while (told === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await stop();
    await watcher.close();
    expect(told).toBeGreaterThan(0);
  });
});

describe('bot state in PostgreSQL', () => {
  it('answers requests without deleting anything, and removes expired rows in batches by their expiry column', async () => {
    const state = createPostgresBotState(postgres.settings, { ratePerUser: 5, ratePerChat: 5 });
    const hourAgo = Date.now() - 3_600_000;
    await sql.query("INSERT INTO rq_bot_answers (key, answer, expires_at) SELECT 'old:' || i, '{}', now() - interval '1 day' FROM generate_series(1, 2500) i");
    await sql.query('INSERT INTO rq_conversations (key, turn, until) SELECT $1 || i, $2, $3 FROM generate_series(1, 1500) i', ['old:', '{}', hourAgo]);
    await sql.query('INSERT INTO rq_rate_events (key, at) SELECT $1, $2 FROM generate_series(1, 1200)', ['user:1', hourAgo]);

    const key = await state.cache.put(1, { found: true } as never);
    await state.conversations.set('chat:1', { question: 'q' } as never);
    expect((await state.limits.admit(1, 1)).allowed).toBe(true);
    expect(await state.cache.get(1, key)).toEqual({ found: true });
    expect(await count("SELECT count(*) AS n FROM rq_bot_answers WHERE key LIKE 'old:%'")).toBe(2500);
    expect(await count("SELECT count(*) AS n FROM rq_conversations WHERE key LIKE 'old:%'")).toBe(1500);

    expect(await deleteExpired(sql, expiringTables())).toBe(2500 + 1500 + 1200);
    expect(await count('SELECT count(*) AS n FROM rq_bot_answers')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM rq_conversations')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM rq_rate_events')).toBe(2);
    await state.close();
  });
});

describe.skipIf(!TEST_DATABASE_URL)('on a PostgreSQL server (TEST_DATABASE_URL)', () => {
  it('cancels a reader statement that runs past PG_STATEMENT_TIMEOUT_MS', async () => {
    const pool = createPool({ ...settingsFor(postgres.url), statementTimeoutMs: 200 }, 1);
    const error = await query(pool, 'SELECT pg_sleep(2)').then(() => null, (e: { code?: string }) => e);
    await pool.end();
    expect(error?.code).toBe('57014');
  });
});

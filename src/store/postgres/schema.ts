import type pg from 'pg';
import { inTransaction } from './transaction.js';
import { FIGURES_TABLE } from './figures.js';

/**
 * Tables for indexes in PostgreSQL, set up by `migrate` (ingest and `npm run migrate`), never by a
 * reader. Every index row belongs to a corpus version; `rq_current` names the live one. Passages
 * carry their report's city and years (`scope_years`: the report's planned and reviewed years and
 * those the passage names) so scope filters run in SQL on indexes; vectors sit in a pgvector column
 * with one HNSW index per version. Bot state expires by an indexed `expires_at`, removed in batches.
 */
export const SCHEMA_VERSION = 5;

/** A primary key for a table made before it had one (statements here run again on every migrate). */
function addPrimaryKey(table: string, columns: string): string {
  return `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '${table}_pkey') THEN
       ALTER TABLE ${table} ADD PRIMARY KEY (${columns});
     END IF;
   END $$`;
}

const STATEMENTS = [
  FIGURES_TABLE,
  'CREATE EXTENSION IF NOT EXISTS vector',
  `CREATE TABLE IF NOT EXISTS rq_versions (
     id bigserial PRIMARY KEY,
     manifest jsonb NOT NULL,
     average_length double precision NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now())`,
  // Versions written before scope_years existed have format 1 and are rebuilt, not read.
  'ALTER TABLE rq_versions ADD COLUMN IF NOT EXISTS format int NOT NULL DEFAULT 1',
  `CREATE TABLE IF NOT EXISTS rq_current (
     singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
     version bigint NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS rq_documents (
     version bigint NOT NULL,
     position int NOT NULL,
     meta jsonb NOT NULL,
     PRIMARY KEY (version, position))`,
  `CREATE TABLE IF NOT EXISTS rq_passages (
     version bigint NOT NULL,
     id int NOT NULL,
     doc_id text NOT NULL,
     city text NOT NULL,
     year int NOT NULL,
     reviews int NOT NULL,
     years int[] NOT NULL,
     length int NOT NULL,
     data jsonb NOT NULL,
     embedding vector,
     PRIMARY KEY (version, id))`,
  'ALTER TABLE rq_passages ADD COLUMN IF NOT EXISTS scope_years int[]',
  // The passage as json without its text (format 4; as arrays from format 5, see passage-body.ts); `data` (jsonb) holds it in versions of format 3.
  'ALTER TABLE rq_passages ADD COLUMN IF NOT EXISTS body json',
  'ALTER TABLE rq_passages ALTER COLUMN data DROP NOT NULL',
  'CREATE INDEX IF NOT EXISTS rq_passages_city ON rq_passages (version, city)',
  'CREATE INDEX IF NOT EXISTS rq_passages_scope_years ON rq_passages USING gin (scope_years)',
  `CREATE TABLE IF NOT EXISTS rq_terms (
     version bigint NOT NULL,
     term text NOT NULL,
     df int NOT NULL,
     PRIMARY KEY (version, term))`,
  `CREATE TABLE IF NOT EXISTS rq_postings (
     version bigint NOT NULL,
     term text NOT NULL,
     passage_id int NOT NULL,
     tf int NOT NULL,
     PRIMARY KEY (version, term, passage_id))`,
  addPrimaryKey('rq_postings', 'version, term, passage_id'),
  // The passage's length beside each posting (format 3), so BM25 reads postings only.
  'ALTER TABLE rq_postings ADD COLUMN IF NOT EXISTS length int',
  'DROP INDEX IF EXISTS rq_postings_term',
  // Which reader processes are on which version (refreshed while they run), so no version still read is removed.
  `CREATE TABLE IF NOT EXISTS rq_readers (
     reader text NOT NULL,
     version bigint NOT NULL,
     seen_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (reader, version))`,
  // Bot state shared by replicas: answers behind buttons, rate-limit events, conversations.
  `CREATE TABLE IF NOT EXISTS rq_bot_answers (
     key text PRIMARY KEY,
     answer jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now())`,
  "ALTER TABLE rq_bot_answers ADD COLUMN IF NOT EXISTS expires_at timestamptz NOT NULL DEFAULT now() + interval '7 days'",
  'CREATE INDEX IF NOT EXISTS rq_bot_answers_expires ON rq_bot_answers (expires_at)',
  `CREATE TABLE IF NOT EXISTS rq_rate_events (
     key text NOT NULL,
     at double precision NOT NULL)`,
  'ALTER TABLE rq_rate_events ADD COLUMN IF NOT EXISTS id bigserial',
  addPrimaryKey('rq_rate_events', 'id'),
  'CREATE INDEX IF NOT EXISTS rq_rate_events_key ON rq_rate_events (key, at)',
  'CREATE INDEX IF NOT EXISTS rq_rate_events_at ON rq_rate_events (at)',
  `CREATE TABLE IF NOT EXISTS rq_rate_notices (
     chat text PRIMARY KEY,
     until double precision NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS rq_rate_notices_until ON rq_rate_notices (until)',
  `CREATE TABLE IF NOT EXISTS rq_misses (
     question text NOT NULL,
     reading text NOT NULL,
     reason text NOT NULL,
     kind text NOT NULL,
     chat_type text NOT NULL,
     at double precision NOT NULL)`,
  'ALTER TABLE rq_misses ADD COLUMN IF NOT EXISTS id bigserial',
  addPrimaryKey('rq_misses', 'id'),
  `CREATE TABLE IF NOT EXISTS rq_bot_updates (
     key text PRIMARY KEY,
     at double precision NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS rq_bot_updates_at ON rq_bot_updates (at)',
  `CREATE TABLE IF NOT EXISTS rq_conversations (
     key text PRIMARY KEY,
     turn jsonb NOT NULL,
     until double precision NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS rq_conversations_until ON rq_conversations (until)',
  `CREATE TABLE IF NOT EXISTS rq_schema (
     singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
     version int NOT NULL)`,
];

/** A lock number all ingests take, so they write one version at a time (released if the holder dies). */
export const BUILD_LOCK = 727_001;
const MIGRATE_LOCK = BUILD_LOCK + 1;

/** The schema version the database is at; 0 before the first migration. */
export async function schemaVersion(client: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows: exists } = await client.query<{ table: string | null }>("SELECT to_regclass('rq_schema')::text AS table");
  if (!exists[0].table) return 0;
  const { rows } = await client.query<{ version: number }>('SELECT version FROM rq_schema');
  return rows[0]?.version ?? 0;
}

/**
 * Brings the tables to `SCHEMA_VERSION` and returns the version they were at; does nothing (one
 * read) when they are there already. Concurrent migrations are serialized by an advisory lock.
 * Its statements are not cut short by the readers' `statement_timeout` (adding a key to a large
 * table may take longer).
 */
export async function migrate(client: pg.PoolClient): Promise<number> {
  const before = await schemaVersion(client);
  if (before >= SCHEMA_VERSION) return before;
  return inTransaction(client, async () => {
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    const found = await schemaVersion(client);
    if (found >= SCHEMA_VERSION) return found;
    for (const statement of STATEMENTS) await client.query(statement);
    await client.query('INSERT INTO rq_schema (version) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version', [SCHEMA_VERSION]);
    return found;
  });
}

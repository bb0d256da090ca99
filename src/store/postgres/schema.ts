import type pg from 'pg';
import { inTransaction } from './transaction.js';

/**
 * Tables for indexes in PostgreSQL, created on first use. Every row belongs to a corpus version;
 * `rq_current` names the live one. An ingest writes a whole new version in one transaction, so
 * readers see the old version until it commits. Passages carry their report's city and years so
 * scope filters run in SQL; vectors sit in a pgvector column with one HNSW index per version.
 */
const STATEMENTS = [
  'CREATE EXTENSION IF NOT EXISTS vector',
  `CREATE TABLE IF NOT EXISTS rq_versions (
     id bigserial PRIMARY KEY,
     manifest jsonb NOT NULL,
     average_length double precision NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now())`,
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
  `CREATE TABLE IF NOT EXISTS rq_terms (
     version bigint NOT NULL,
     term text NOT NULL,
     df int NOT NULL,
     PRIMARY KEY (version, term))`,
  `CREATE TABLE IF NOT EXISTS rq_postings (
     version bigint NOT NULL,
     term text NOT NULL,
     passage_id int NOT NULL,
     tf int NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS rq_postings_term ON rq_postings (version, term)',
  // Bot state shared by replicas: answers behind buttons, rate-limit events, updates handled, conversations.
  `CREATE TABLE IF NOT EXISTS rq_bot_answers (
     key text PRIMARY KEY,
     answer jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS rq_rate_events (
     key text NOT NULL,
     at double precision NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS rq_rate_events_key ON rq_rate_events (key, at)',
  `CREATE TABLE IF NOT EXISTS rq_rate_notices (
     chat text PRIMARY KEY,
     until double precision NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS rq_misses (
     question text NOT NULL,
     reading text NOT NULL,
     reason text NOT NULL,
     kind text NOT NULL,
     chat_type text NOT NULL,
     at double precision NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS rq_bot_updates (
     key text PRIMARY KEY,
     at double precision NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS rq_conversations (
     key text PRIMARY KEY,
     turn jsonb NOT NULL,
     until double precision NOT NULL)`,
];

/** A lock number all ingests take, so they write one version at a time (released if the holder dies). */
export const BUILD_LOCK = 727_001;

const created = new WeakSet<pg.Pool>();

/** Creates the tables (once per pool); concurrent first uses are serialized by an advisory lock. */
export async function ensureSchema(pool: pg.Pool): Promise<void> {
  if (created.has(pool)) return;
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [BUILD_LOCK + 1]);
    for (const statement of STATEMENTS) await client.query(statement);
  });
  created.add(pool);
}

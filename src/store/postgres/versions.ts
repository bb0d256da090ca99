import type pg from 'pg';
import { query } from './pool.js';

/** A reader refreshes its leases this often; a lease not refreshed for `LEASE` is a dead reader's. */
export const LEASE_REFRESH_MS = 30_000;
const LEASE = "interval '2 minutes'";
/** Rows removed per statement when a version is dropped (each its own short transaction). */
const DELETE_BATCH = 5_000;

/**
 * Takes a lease on the live version for `reader`, atomically with reading which one is live: a
 * publish switching `rq_current` waits for this statement (FOR SHARE) or this statement reads the
 * new version, so a version is never dropped between a reader choosing it and leasing it.
 */
export async function leaseCurrent(pool: pg.Pool, reader: string): Promise<number | null> {
  const { rows } = await query<{ version: string }>(
    pool,
    `WITH live AS (SELECT version FROM rq_current FOR SHARE)
     INSERT INTO rq_readers (reader, version) SELECT $1, version FROM live
     ON CONFLICT (reader, version) DO UPDATE SET seen_at = now()
     RETURNING version`,
    [reader],
  );
  return rows.length ? Number(rows[0].version) : null;
}

export async function refreshLeases(pool: pg.Pool, reader: string): Promise<void> {
  await query(pool, 'UPDATE rq_readers SET seen_at = now() WHERE reader = $1', [reader]);
}

export async function releaseLease(pool: pg.Pool, reader: string, version: number): Promise<void> {
  await query(pool, 'DELETE FROM rq_readers WHERE reader = $1 AND version = $2', [reader, version]);
}

/**
 * Removes every version that is not live and that no reader holds a fresh lease on, in batches of
 * short transactions (row locks only: readers of other versions never wait). The HNSW index goes
 * first, concurrently, so deleting rows does not have to update it. A version whose removal is cut
 * short keeps its `rq_versions` row until its rows are gone, so the next publish finishes it.
 */
export async function dropUnusedVersions(client: pg.PoolClient): Promise<number[]> {
  await client.query(`DELETE FROM rq_readers WHERE seen_at < now() - ${LEASE}`);
  const { rows } = await client.query<{ id: string }>(
    `SELECT v.id FROM rq_versions v
      WHERE v.id <> ALL (SELECT version FROM rq_current)
        AND NOT EXISTS (SELECT 1 FROM rq_readers r WHERE r.version = v.id)`,
  );
  const dropped = rows.map((r) => Number(r.id));
  for (const version of dropped) {
    await dropIndex(client, `rq_passages_hnsw_${version}`);
    for (const table of ['rq_postings', 'rq_terms', 'rq_passages', 'rq_documents', 'rq_figures']) {
      for (;;) {
        const { rowCount } = await client.query(`DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE version = $1 LIMIT ${DELETE_BATCH}))`, [version]);
        if (!rowCount) break;
      }
    }
    await client.query('DELETE FROM rq_versions WHERE id = $1', [version]);
  }
  return dropped;
}

/** DROP INDEX CONCURRENTLY takes no lock that readers wait for; an engine without it (PGlite) drops it plainly. */
async function dropIndex(client: pg.PoolClient, name: string): Promise<void> {
  try {
    await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  } catch {
    await client.query(`DROP INDEX IF EXISTS ${name}`);
  }
}

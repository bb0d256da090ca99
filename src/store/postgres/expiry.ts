import type pg from 'pg';

/** Rows removed per statement: each a short transaction that holds row locks only. */
const BATCH = 1_000;

/** A table of expiring rows: `column` below `bound()` (an indexed column) means expired. */
export interface Expiring {
  table: string;
  column: string;
  bound: () => number | Date;
}

/** Deletes the expired rows of each table in batches, by the index on its expiry column; returns how many. */
export async function deleteExpired(pool: pg.Pool, tables: Expiring[]): Promise<number> {
  let removed = 0;
  for (const { table, column, bound } of tables) {
    const limit = bound();
    for (;;) {
      const { rowCount } = await pool.query(`DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${column} <= $1 LIMIT ${BATCH}))`, [limit]);
      removed += rowCount ?? 0;
      if ((rowCount ?? 0) < BATCH) break;
    }
  }
  return removed;
}

/** Runs `deleteExpired` every `intervalMs`, off the request path; a failed round (database away) waits for the next. */
export function expireEvery(pool: pg.Pool, tables: Expiring[], intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deleteExpired(pool, tables)
      .catch(() => undefined)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

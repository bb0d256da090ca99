import type pg from 'pg';
import { postgres } from './pool.js';

/**
 * Runs `work` in one transaction on one connection (a client of `on`, or `on` itself when it is one):
 * committed when it returns, rolled back when it throws.
 */
export async function inTransaction<T>(on: pg.Pool | pg.PoolClient, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = on instanceof postgres().Pool ? await on.connect() : on;
  let failed: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool for the next request.
    await client.query('ROLLBACK').catch((lost: Error) => (failed = lost));
    throw error;
  } finally {
    if (client !== on) client.release(failed);
  }
}

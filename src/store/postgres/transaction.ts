import pg from 'pg';

/**
 * Runs `work` in one transaction on one connection (a client of `on`, or `on` itself when it is one):
 * committed when it returns, rolled back when it throws.
 */
export async function inTransaction<T>(on: pg.Pool | pg.PoolClient, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = on instanceof pg.Pool ? await on.connect() : on;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (client !== on) client.release();
  }
}

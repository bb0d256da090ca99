import { describe, expect, it } from 'vitest';
import { sharedPool } from '../../src/store/postgres/pool.js';
import { settingsFor } from '../support/postgres.js';

describe('one PostgreSQL pool per process', () => {
  it('is shared by every user of the same settings, and ended by the last one to let go', async () => {
    const settings = settingsFor('postgres://u:p@127.0.0.1:1/db');
    const index = sharedPool(settings);
    const botState = sharedPool({ ...settings });
    expect(botState.pool).toBe(index.pool);
    expect(index.pool.options.max).toBe(settings.poolSize);
    const other = sharedPool({ ...settings, databaseUrl: 'postgres://u:p@127.0.0.1:1/other' });
    expect(other.pool).not.toBe(index.pool);
    await other.release();

    await index.release();
    // Letting go twice does not end it under the other user.
    await index.release();
    expect(index.pool.ending).toBe(false);
    await botState.release();
    expect(index.pool.ending).toBe(true);
    const next = sharedPool(settings);
    expect(next.pool).not.toBe(index.pool);
    await next.release();
  });
});

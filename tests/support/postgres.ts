import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { freePort } from './bot-api-emulator.js';

/**
 * A real PostgreSQL engine with pgvector for tests, started in this process: PGlite (PostgreSQL
 * compiled to WebAssembly) served over TCP on loopback, reached through `pg` like any server.
 * Single-threaded: its timings say nothing about a PostgreSQL server's.
 */
export async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const db = await PGlite.create({ extensions: { vector } });
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { PostgresSettings } from '../../src/config.js';
import { freePort } from './bot-api-emulator.js';

export interface TestPostgres {
  url: string;
  /** The settings a `STORE=postgres` config would have for `url`. */
  settings: PostgresSettings;
  /** A PostgreSQL server (TEST_DATABASE_URL), not PGlite. */
  real: boolean;
  stop(): Promise<void>;
}

/** A real server's URL (with pgvector installed), for running the PostgreSQL suites against it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const settingsFor = (url: string): PostgresSettings => ({ databaseUrl: url, statementTimeoutMs: 30_000, connectTimeoutMs: 5_000, poolSize: 10, efSearch: 100 });

/**
 * A PostgreSQL database with pgvector for one test file. With `TEST_DATABASE_URL` set, a fresh
 * database on that server (dropped by `stop`); otherwise PGlite (PostgreSQL compiled to WebAssembly)
 * started in this process from the fresh cluster the global setup made (pglite-setup.ts) and served
 * over TCP on loopback, reached through `pg` like any server.
 * PGlite is single-threaded and never analyzes: its timings say nothing about a server's.
 */
export async function startPostgres(): Promise<TestPostgres> {
  return TEST_DATABASE_URL ? createServerDatabase(TEST_DATABASE_URL) : startPGlite();
}

async function startPGlite(): Promise<TestPostgres> {
  const db = await PGlite.create({ extensions: { vector }, loadDataDir: await freshCluster() });
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    settings: settingsFor(url),
    real: false,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * The fresh data folder the tests' global setup made. Outside vitest (`npm run bench` starts PGlite
 * too) there is none, and PGlite runs its own initdb; importing vitest there throws.
 */
async function freshCluster(): Promise<Blob | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  return new Blob([await readFile(inject('pgliteCluster'))]);
}

/** A fresh database on the server at `serverUrl` (a superuser's URL: pgvector is created in it), dropped by `stop`. */
export async function createServerDatabase(serverUrl: string): Promise<TestPostgres> {
  const name = `rq_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    settings: settingsFor(url.toString()),
    real: true,
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

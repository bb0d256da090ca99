import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a fresh PGlite data folder, as `initdb` leaves it; empty with TEST_DATABASE_URL. */
    pgliteCluster: string;
  }
}

/**
 * Vitest global setup: runs PGlite's `initdb` once for the whole run and keeps the fresh data folder,
 * from which each PGlite the tests start is loaded (tests/support/postgres.ts). `initdb` was most
 * of a PGlite's start: about 7 s of CPU against 2 s, paid by every test file on PostgreSQL.
 */
export default async function makePgliteCluster(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteCluster', '');
    return async () => {};
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'report-qa-pglite-'));
  const file = path.join(dir, 'cluster.tar');
  const db = await PGlite.create({ extensions: { vector } });
  try {
    await writeFile(file, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await db.close();
  }
  project.provide('pgliteCluster', file);
  return () => rm(dir, { recursive: true, force: true });
}

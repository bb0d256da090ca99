import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the real corpus's lexical index is, for the tests that only read it (see lexical-context.ts). */
    lexicalIndexDir: string;
  }
}

/**
 * Vitest global setup: folders every test file shares for the run.
 * - A cache folder (CACHE_DIR, for the compact word vectors) for every command the tests start. By
 *   default it is in the index folder, and each test's fresh index folder made the first command
 *   started on it convert the 51 MB of word vectors again (about a second of CPU).
 * - The folder of the real corpus's lexical index, built by the first test that opens it: a dozen
 *   files each built the same index (about a second of CPU each).
 */
export default async function makeSharedFolders(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'report-qa-run-'));
  // The workers, and through them the commands they start, inherit this.
  process.env.CACHE_DIR = path.join(dir, 'cache');
  project.provide('lexicalIndexDir', path.join(dir, 'lexical-index'));
  return () => rm(dir, { recursive: true, force: true });
}

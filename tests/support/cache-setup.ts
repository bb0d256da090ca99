import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: one cache folder (CACHE_DIR, for the compact word vectors) for every command
 * the tests start. By default it is in the index folder, and each test's fresh index folder made the
 * first command started on it convert the 51 MB of word vectors again (about a second of CPU).
 */
export default async function shareCacheDir(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'report-qa-cache-'));
  // The workers, and through them the commands they start, inherit this.
  process.env.CACHE_DIR = dir;
  return () => rm(dir, { recursive: true, force: true });
}

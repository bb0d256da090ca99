import type lockfile from 'proper-lockfile';
import { onFirstUse } from '../on-first-use.js';

const properLockfile = onFirstUse<typeof lockfile>('proper-lockfile');

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs?: number;
  /** A lock not refreshed for this long belongs to a holder that died (it is refreshed every third of it). */
  staleMs?: number;
}

/**
 * Runs `task` while holding `<file>.lock` (`proper-lockfile`: an exclusive folder whose time the
 * holder keeps refreshing). Other processes wait their turn; the lock of a killed holder goes stale
 * and is taken over, so a crashed ingest never blocks the next one.
 */
export async function withLock<T>(file: string, task: () => Promise<T>, { timeoutMs = 30 * 60_000, staleMs = 10_000 }: LockOptions = {}): Promise<T> {
  const pollMs = 200;
  const release = await properLockfile().lock(file, {
    realpath: false,
    stale: staleMs,
    update: Math.floor(staleMs / 3),
    retries: { retries: Math.ceil(timeoutMs / pollMs), factor: 1, minTimeout: pollMs, maxTimeout: pollMs },
  });
  try {
    return await task();
  } finally {
    await release().catch(() => undefined);
  }
}

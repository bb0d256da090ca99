import { isConnectionError } from './postgres/pool.js';

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export interface OutageWatch {
  /** Tells of a failure; true when it means the database cannot be reached (an outage, now watched). */
  failed(error: unknown): boolean;
  stop(): void;
}

/**
 * Notices the database going away and coming back. The first connection failure is said in one
 * line (`down`); the database is then tried with back-off (1 s doubling to 30 s) until `probe`
 * succeeds, which is said in one line too (`back`). Pools reconnect on their own; this only tells.
 */
export function watchOutages(probe: () => Promise<unknown>, say: { down: (reason: string) => void; back: (downForS: number) => void }): OutageWatch {
  let since: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const retry = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      probe().then(
        () => {
          const downFor = Math.round((Date.now() - since!) / 1000);
          since = null;
          say.back(downFor);
        },
        () => retry(Math.min(delayMs * 2, RETRY_MAX_MS)),
      );
    }, delayMs);
    timer.unref();
  };

  return {
    failed(error) {
      if (!isConnectionError(error)) return false;
      if (since !== null) return true;
      since = Date.now();
      const { code, message, params } = error as { code?: string; message?: string; params?: { detail?: string } };
      say.down(params?.detail ?? code ?? message?.split('\n')[0] ?? 'connection lost');
      retry(RETRY_MIN_MS);
      return true;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

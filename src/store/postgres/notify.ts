import type pg from 'pg';
import type { PostgresSettings } from '../../config.js';
import { postgres } from './pool.js';

const RETRY_MIN_MS = 1_000;
/** How often the live version is also looked up, for a notification lost or not delivered (PGlite sends none). */
const POLL_MS = 5_000;
const RETRY_MAX_MS = 30_000;

/**
 * LISTENs on `channel` on a connection of its own and calls `onPublished` for each notification.
 * A lost connection is opened again with back-off; `onPublished` is then called once, since a
 * publish may have happened while no one listened.
 */
export function watchPublished(settings: PostgresSettings, channel: string, onPublished: () => void): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = RETRY_MIN_MS;

  const listen = async (reconnected: boolean) => {
    const next = new (postgres().Client)({ connectionString: settings.databaseUrl, connectionTimeoutMillis: settings.connectTimeoutMs });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      next.end().catch(() => undefined);
      if (client === next) client = null;
      schedule();
    };
    next.on('error', onLost);
    next.on('end', onLost);
    next.on('notification', (message) => {
      if (message.channel === channel) onPublished();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch {
      return onLost();
    }
    if (stopped) return void next.end().catch(() => undefined);
    client = next;
    delayMs = RETRY_MIN_MS;
    if (reconnected) onPublished();
  };
  const schedule = () => {
    if (stopped) return;
    retry = setTimeout(() => void listen(true), delayMs);
    retry.unref();
    delayMs = Math.min(delayMs * 2, RETRY_MAX_MS);
  };

  void listen(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

/** Calls `onChange` when `rq_current` names another version than at the previous look. */
export function pollLiveVersion(pool: pg.Pool, onChange: () => void): () => void {
  let seen: string | null | undefined;
  const look = () =>
    pool
      .query<{ version: string }>('SELECT version FROM rq_current')
      .then(({ rows }) => rows[0]?.version ?? null)
      // No tables yet: no version.
      .catch((error: { code?: string }) => (error.code === '42P01' ? null : Promise.reject(error)));
  void look().then((now) => (seen = now), () => undefined);
  const timer = setInterval(() => {
    look()
      .then((now) => {
        if (seen !== undefined && now !== seen) onChange();
        seen = now;
      })
      .catch(() => undefined);
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

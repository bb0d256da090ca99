import type pg from 'pg';
import type { PostgresSettings } from '../../config.js';
import { AppError } from '../../errors.js';
import { onFirstUse } from '../../on-first-use.js';

/** The `pg` package, loaded when PostgreSQL is first used: an embedded index never loads it. */
export const postgres = onFirstUse<typeof pg>('pg');

/**
 * A pool with the configured timeouts (and `sessionSettings` for every connection). A connection the server drops while idle (a restart, a
 * failover) emits 'error' on the pool; it is discarded and the next query opens a new one, instead
 * of the unhandled event ending the process.
 */
export function createPool(settings: PostgresSettings, max: number, sessionSettings: Record<string, string> = {}): pg.Pool {
  const pool = new (postgres().Pool)({
    connectionString: settings.databaseUrl,
    max,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    ...(Object.keys(sessionSettings).length ? { options: Object.entries(sessionSettings).map(([name, value]) => `-c ${name}=${value}`).join(' ') } : {}),
  });
  pool.on('error', () => undefined);
  return pool;
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03']);

/** Whether `error` says the server cannot be reached (down, restarting, connection lost), not that a query is wrong. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'STORE_UNAVAILABLE';
  const { code, message } = (error ?? {}) as { code?: unknown; message?: string };
  // Other libraries' errors carry other codes (a TelegramError's is a number).
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i.test(message ?? '');
}

/** A connection failure as STORE_UNAVAILABLE (with its cause's code only: no URL, no password); other errors unchanged. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof AppError || !isConnectionError(error)) return error;
  const { code, message } = error as { code?: string; message?: string };
  return new AppError('STORE_UNAVAILABLE', { detail: code ?? message?.split('\n')[0] ?? 'connection lost' }, { cause: error });
}

/**
 * Runs `work` on a pool; a connection failure is tried once more (the pool then opens a new
 * connection in place of one the server dropped while idle) and, failing again, is STORE_UNAVAILABLE.
 */
export async function withPool<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work().catch((error: unknown) => (isConnectionError(error) ? work() : Promise.reject(error)));
  } catch (error) {
    throw asUnavailable(error);
  }
}

/** `query` on a pool (see `withPool`) or on one client, whose connection failures are STORE_UNAVAILABLE. */
export async function query<R extends pg.QueryResultRow>(on: pg.Pool | pg.PoolClient, text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
  if (on instanceof postgres().Pool) return withPool(() => on.query<R>(text, values));
  try {
    return await on.query<R>(text, values);
  } catch (error) {
    throw asUnavailable(error);
  }
}

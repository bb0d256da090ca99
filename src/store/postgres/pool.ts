import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { PostgresSettings } from '../../config.js';
import { AppError } from '../../errors.js';
import { onFirstUse } from '../../on-first-use.js';

/** The `pg` package, loaded when PostgreSQL is first used: an embedded index never loads it. */
export const postgres = onFirstUse<typeof pg>('pg');

/**
 * A pool of `max` connections with the configured timeouts and search settings: HNSW's `ef_search`,
 * and iterative index scans, so that a filtered vector search goes on until enough rows pass the
 * scope in one statement; no JIT compilation: a search takes milliseconds, but on a large
 * corpus its cost estimate passes `jit_above_cost`, and compiling would add more than it saves; and
 * a plan for the values of each execution of a prepared statement, never a generic one, but for
 * the searches shaped for theirs, which ask for it (see `queryPrepared`). A
 * connection the server drops while idle (a restart, a failover) emits 'error' on the pool; it is
 * discarded and the next query opens a new one, instead of the unhandled event ending the process.
 */
export function createPool(settings: PostgresSettings, max: number): pg.Pool {
  const pool = new (postgres().Pool)({
    connectionString: settings.databaseUrl,
    max,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    options: `-c hnsw.ef_search=${settings.efSearch} -c hnsw.iterative_scan=strict_order -c jit=off -c plan_cache_mode=force_custom_plan`,
  });
  pool.on('error', () => undefined);
  return pool;
}

const shared = new Map<string, { pool: pg.Pool; users: number }>();

/**
 * The process's one pool for `settings` (`poolSize` connections): the open index, the one that
 * follows the live version, an ingest and the bot state of a replica all draw on it, instead of a
 * pool each. `release` gives up one user's share; the last one ends the pool.
 */
export function sharedPool(settings: PostgresSettings): { pool: pg.Pool; release: () => Promise<void> } {
  const key = JSON.stringify(settings);
  const entry = shared.get(key) ?? { pool: createPool(settings, settings.poolSize), users: 0 };
  shared.set(key, entry);
  entry.users++;
  let released = false;
  return {
    pool: entry.pool,
    async release() {
      if (released) return;
      released = true;
      if (--entry.users > 0) return;
      shared.delete(key);
      await entry.pool.end();
    },
  };
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

/** Each pool connection's number and the statements prepared on it. */
const connections = new WeakMap<pg.PoolClient, { number: number; prepared: Set<string> }>();
let nextConnection = 0;
const processTag = randomBytes(4).toString('hex');

/** A value as a SQL literal of the text a bound parameter would carry (pg sends parameters as text too), arrays in array syntax. */
function literal(value: unknown): string {
  const scalar = (v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  };
  // Strings in an array are quoted (they may hold commas, braces or spaces); numbers and booleans need not be.
  const element = (v: unknown) => (typeof v === 'string' ? `"${v.replace(/[\\"]/g, '\\$&')}"` : scalar(v));
  const text = Array.isArray(value) ? `{${value.map(element).join(',')}}` : scalar(value);
  // escapeLiteral goes through a value character by character (90 µs for a search's values); most have nothing to escape.
  return /['\\]/.test(text) ? postgres().escapeLiteral(text) : `'${text}'`;
}

/**
 * `query` of a statement prepared under `name` on each pool connection the first time it runs
 * there, so later runs skip parsing it, and run with a generic plan when `generic` (one shaped for
 * it, see search-sql.ts: planned once per connection, where planning was 0.27–0.42 of 1.1–1.6 ms a
 * search at ×100) or else planned for its values. The plan mode is set for this statement only
 * (`SET LOCAL` in the same message: one round trip, one implicit transaction), so the pool's other
 * statements keep plans for their values. The name carries this process's tag and the connection's
 * number: PGlite serves every connection of every process from one session, where a name prepared
 * twice collides.
 */
export async function queryPrepared<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  statement: { name: string; text: string; values: unknown[]; generic: boolean },
): Promise<pg.QueryResult<R>> {
  return withPool(async () => {
    const client = await pool.connect();
    const { number, prepared } = connections.get(client) ?? connections.set(client, { number: nextConnection++, prepared: new Set() }).get(client)!;
    const name = `${statement.name}_${processTag}_${number}`;
    const prepare = prepared.has(name) ? '' : `PREPARE ${name} AS ${statement.text};\n`;
    try {
      // Several statements in one message return a result each: the rows are the last one's.
      const results = (await client.query(`${prepare}SET LOCAL plan_cache_mode = ${statement.generic ? 'force_generic_plan' : 'force_custom_plan'};\nEXECUTE ${name}(${statement.values.map(literal).join(', ')})`)) as unknown as pg.QueryResult<R>[];
      prepared.add(name);
      client.release();
      return results[results.length - 1];
    } catch (error) {
      // As pg's `pool.query`: a connection whose statement failed is not given out again.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  });
}

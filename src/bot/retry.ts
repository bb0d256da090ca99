import { TelegramError } from 'telegraf';

export interface RetryOptions {
  /** Total time spent waiting between tries before a request Telegram has not taken is given up. */
  deliveryWindowMs?: number;
  /** First back-off for 5xx and connection failures; doubles each time up to `maxBackoffMs`. */
  baseDelayMs?: number;
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface CallOptions {
  /**
   * Whether doing the request twice does no harm (an edit, a callback answer, getMe). A message
   * whose request may have reached Telegram is never sent again.
   */
  idempotent: boolean;
}

/** Long enough to wait out a Bot API outage or a 429 of several minutes. */
export const DELIVERY_WINDOW_MS = 15 * 60_000;

/**
 * The request may have reached Telegram and been acted on (the connection broke after it was
 * sent, or no reply came in time), so sending it again could post the message twice.
 */
export class OutcomeUnknown extends Error {
  constructor(override readonly cause: unknown) {
    super(`no reply from Telegram, the request may have been carried out: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'OutcomeUnknown';
  }
}

/** Connection failures that happen before a request is sent: Telegram never saw it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls the Bot API until Telegram takes the request: a 429 waits the `retry_after` Telegram asks
 * for, however long; a 5xx or a failed connection backs off exponentially; both for up to
 * `deliveryWindowMs` of waiting in all. A 4xx other than 429 is final. A request that may have
 * been carried out (the connection dropped, or it timed out) is retried only when idempotent;
 * otherwise it fails with `OutcomeUnknown`: a message is delivered at most once.
 */
export async function withRetry<T>(call: () => Promise<T>, { idempotent }: CallOptions, options: RetryOptions = {}): Promise<T> {
  const { deliveryWindowMs = DELIVERY_WINDOW_MS, baseDelayMs = 500, maxBackoffMs = 30_000, sleep = wait } = options;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!idempotent && mayHaveArrived(error)) throw new OutcomeUnknown(error);
      const delay = retryDelay(error, Math.min(baseDelayMs * 2 ** (attempt - 1), maxBackoffMs));
      if (delay === null || waited + delay > deliveryWindowMs) throw error;
      waited += delay;
      await sleep(delay);
    }
  }
}

function retryDelay(error: unknown, backoff: number): number | null {
  if (error instanceof TelegramError) {
    if (error.code === 429) return (error.parameters?.retry_after ?? 1) * 1000;
    return error.code >= 500 ? backoff : null;
  }
  return isNetworkFailure(error) ? backoff : null;
}

/** No answer from Telegram: a failed or dropped connection, or a request that timed out. */
function isNetworkFailure(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'FetchError' || name === 'AbortError';
}

/** A network failure other than a connection that never opened. */
function mayHaveArrived(error: unknown): boolean {
  return isNetworkFailure(error) && !NOT_SENT.has((error as { code?: string }).code ?? '');
}

/** Telegram did not take the request, or may have: an outage, a long 429, a dropped or hung request, not a fault of the request. */
export function isDeliveryFault(error: unknown): boolean {
  if (error instanceof OutcomeUnknown) return true;
  if (error instanceof TelegramError) return error.code === 429 || error.code >= 500;
  return isNetworkFailure(error);
}

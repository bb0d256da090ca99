import type { Telegram } from 'telegraf';

/** How long a Bot API request may go unanswered; getUpdates gets its long-poll time on top. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A Bot API request that got no reply in time. Named like node-fetch's network errors: telegraf's
 * polling retries a `FetchError` but stops for good on an `AbortError`.
 */
export class RequestTimeout extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(method: string, ms: number) {
    super(`${method}: no reply from Telegram in ${ms} ms`);
    this.name = 'FetchError';
  }
}

type CallApi = Telegram['callApi'];

/**
 * Gives every request made through `telegram` a time limit, so a request Telegram never answers
 * cannot hold up a chat (or polling) for telegraf's own 500 s. The caller's abort signal (polling's
 * stop) still aborts as before.
 */
export function limitRequestTime(telegram: Telegram, timeoutMs = REQUEST_TIMEOUT_MS): void {
  const callApi = telegram.callApi.bind(telegram) as (method: string, payload: unknown, options?: { signal?: AbortSignal }) => Promise<unknown>;
  const timed = async (method: string, payload: unknown, options: { signal?: AbortSignal } = {}) => {
    const longPollMs = method === 'getUpdates' ? Number((payload as { timeout?: number }).timeout ?? 0) * 1000 : 0;
    const limitMs = timeoutMs + longPollMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    const stop = () => controller.abort();
    options.signal?.addEventListener('abort', stop);
    if (options.signal?.aborted) stop();
    try {
      return await callApi(method, payload, { signal: controller.signal });
    } catch (error) {
      throw timedOut ? new RequestTimeout(method, limitMs) : error;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    }
  };
  telegram.callApi = timed as CallApi;
}

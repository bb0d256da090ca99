import { TelegramError } from 'telegraf';

export interface RetryOptions {
  attempts?: number;
  /** First back-off for 5xx and network errors; doubles each time. */
  baseDelayMs?: number;
  /** Longest wait we accept from a 429's retry_after before giving up. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls the Bot API with retries: a 429 waits the `retry_after` Telegram asks for; a 5xx or a
 * network failure backs off exponentially. A 4xx other than 429 is final and thrown at once.
 */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 4, baseDelayMs = 500, maxRetryAfterMs = 60_000, sleep = wait } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = retryDelay(error, attempt, baseDelayMs);
      if (attempt >= attempts || delay === null || delay > maxRetryAfterMs) throw error;
      await sleep(delay);
    }
  }
}

function retryDelay(error: unknown, attempt: number, baseDelayMs: number): number | null {
  if (error instanceof TelegramError) {
    if (error.code === 429) return (error.parameters?.retry_after ?? 1) * 1000;
    return error.code >= 500 ? baseDelayMs * 2 ** (attempt - 1) : null;
  }
  return baseDelayMs * 2 ** (attempt - 1);
}

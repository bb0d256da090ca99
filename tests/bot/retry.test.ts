import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { withRetry } from '../../src/bot/retry.js';

const telegramError = (code: number, retryAfter?: number) =>
  new TelegramError({ error_code: code, description: `error ${code}`, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) });

function failingTimes(errors: Error[]) {
  let calls = 0;
  return {
    call: async () => {
      calls++;
      const error = errors.shift();
      if (error) throw error;
      return 'ok';
    },
    get calls() {
      return calls;
    },
  };
}

describe('Bot API retries', () => {
  it('waits retry_after seconds on 429', async () => {
    const waits: number[] = [];
    const api = failingTimes([telegramError(429, 7)]);
    expect(await withRetry(api.call, { sleep: async (ms) => void waits.push(ms) })).toBe('ok');
    expect(waits).toEqual([7000]);
  });

  it('backs off exponentially on 5xx and network errors', async () => {
    const waits: number[] = [];
    const api = failingTimes([telegramError(502), new Error('ECONNRESET'), telegramError(500)]);
    expect(await withRetry(api.call, { baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) })).toBe('ok');
    expect(waits).toEqual([100, 200, 400]);
  });

  it('gives up at once on other 4xx and after the last attempt', async () => {
    const bad = failingTimes([telegramError(400)]);
    await expect(withRetry(bad.call, { sleep: async () => undefined })).rejects.toThrow('error 400');
    expect(bad.calls).toBe(1);
    const down = failingTimes([telegramError(503), telegramError(503), telegramError(503)]);
    await expect(withRetry(down.call, { attempts: 3, sleep: async () => undefined })).rejects.toThrow('error 503');
    expect(down.calls).toBe(3);
  });
});

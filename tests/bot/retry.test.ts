import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { OutcomeUnknown, withRetry } from '../../src/bot/retry.js';

const telegramError = (code: number, retryAfter?: number) =>
  new TelegramError({ error_code: code, description: `error ${code}`, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) });
/** What node-fetch throws when a connection fails (`code` says how). */
const networkError = (code: string) => Object.assign(new Error(`request failed, reason: ${code}`), { name: 'FetchError', code });

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

/** A sleep that only records what it was asked to wait: time is virtual. */
function virtualSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const SEND = { idempotent: false };
const EDIT = { idempotent: true };

describe('Bot API retries', () => {
  it('waits the retry_after of a 429 however long (90 s), then delivers', async () => {
    const clock = virtualSleep();
    const api = failingTimes([telegramError(429, 90)]);
    expect(await withRetry(api.call, SEND, { sleep: clock.sleep })).toBe('ok');
    expect(clock.waits).toEqual([90_000]);
  });

  it('backs off exponentially on 5xx and refused connections, up to a cap', async () => {
    const clock = virtualSleep();
    const api = failingTimes([telegramError(502), networkError('ECONNREFUSED'), telegramError(500), telegramError(503)]);
    expect(await withRetry(api.call, SEND, { baseDelayMs: 100, maxBackoffMs: 300, sleep: clock.sleep })).toBe('ok');
    expect(clock.waits).toEqual([100, 200, 300, 300]);
  });

  it('waits out a 5xx outage of minutes and delivers', async () => {
    const clock = virtualSleep();
    const api = failingTimes(Array.from({ length: 20 }, () => telegramError(502)));
    expect(await withRetry(api.call, SEND, { sleep: clock.sleep })).toBe('ok');
    expect(api.calls).toBe(21);
    expect(clock.waits.reduce((a, b) => a + b)).toBeGreaterThan(5 * 60_000);
  });

  it('gives up at once on other 4xx, and on 5xx after the delivery window', async () => {
    const bad = failingTimes([telegramError(400)]);
    await expect(withRetry(bad.call, SEND, { sleep: async () => undefined })).rejects.toThrow('error 400');
    expect(bad.calls).toBe(1);
    const clock = virtualSleep();
    const down = failingTimes(Array.from({ length: 100 }, () => telegramError(503)));
    await expect(withRetry(down.call, SEND, { deliveryWindowMs: 10_000, sleep: clock.sleep })).rejects.toThrow('error 503');
    expect(clock.waits.reduce((a, b) => a + b)).toBeLessThanOrEqual(10_000);
  });

  it('never resends a message whose connection dropped after it was sent, but retries an edit', async () => {
    for (const code of ['ECONNRESET', 'ETIMEDOUT']) {
      const send = failingTimes([networkError(code)]);
      const failure = await withRetry(send.call, SEND, { sleep: async () => undefined }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OutcomeUnknown);
      expect(send.calls).toBe(1);
    }
    const edit = failingTimes([networkError('ECONNRESET')]);
    expect(await withRetry(edit.call, EDIT, { sleep: async () => undefined })).toBe('ok');
    expect(edit.calls).toBe(2);
  });
});

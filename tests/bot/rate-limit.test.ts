import { describe, expect, it } from 'vitest';
import { createAskLimits, createRateLimiter } from '../../src/bot/rate-limit.js';

describe('rate limiter', () => {
  it('allows n per rolling minute and says how long to wait', () => {
    const limiter = createRateLimiter(2);
    const take = (key: number, now: number) => {
      const wait = limiter.wait(key, now);
      if (wait === 0) limiter.record(key, now);
      return wait;
    };
    expect([take(1, 0), take(1, 1000), take(1, 2000)]).toEqual([0, 0, 58]);
    expect(take(2, 2000)).toBe(0);
    expect(take(1, 60_001)).toBe(0);
  });
});

describe('question limits', () => {
  it('counts only admitted questions against the chat', async () => {
    const limits = createAskLimits(2, 3);
    const verdicts: boolean[] = [];
    for (const user of [1, 1, 1, 2, 2, 3]) verdicts.push((await limits.admit(user, -5, 0)).allowed);
    expect(verdicts).toEqual([true, true, false, true, false, false]);
  });

  it('tells each chat once per wait, and again after the wait', async () => {
    const limits = createAskLimits(1, 100);
    await limits.admit(1, -5, 0);
    await limits.admit(2, -5, 0);
    const first = await limits.admit(1, -5, 1000);
    const second = await limits.admit(2, -5, 2000);
    expect(first).toEqual({ allowed: false, wait: 59, tell: true });
    expect(second).toMatchObject({ allowed: false, tell: false });
    expect(await limits.admit(1, -6, 2000)).toEqual({ allowed: false, wait: 58, tell: true });
    expect(await limits.admit(1, -5, 60_500)).toEqual({ allowed: true });
  });
});

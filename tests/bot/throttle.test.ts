import { describe, expect, it } from 'vitest';
import { createSendThrottle, TELEGRAM_LIMITS, type ThrottleClock } from '../../src/bot/throttle.js';

/** A clock that only moves when someone sleeps, so a minute of pacing runs in milliseconds. */
function fakeClock(): ThrottleClock {
  let now = 0;
  const sleepers: Array<{ until: number; wake: () => void }> = [];
  return {
    now: () => now,
    sleep(ms) {
      return new Promise<void>((wake) => {
        sleepers.push({ until: now + ms, wake });
        sleepers.sort((a, b) => a.until - b.until);
        // Let every scheduled send reach its sleep before time jumps to the earliest waker.
        setTimeout(() => {
          const next = sleepers.shift();
          if (!next) return;
          now = Math.max(now, next.until);
          next.wake();
        }, 0);
      });
    },
  };
}

describe('send throttle', () => {
  it('sends at most 20 messages a minute into one group, in order', async () => {
    const clock = fakeClock();
    const throttle = createSendThrottle(TELEGRAM_LIMITS, clock);
    const sent: Array<{ n: number; at: number }> = [];
    await Promise.all(Array.from({ length: 45 }, (_, n) => throttle.schedule({ id: -1, type: 'supergroup' }, async () => sent.push({ n, at: clock.now() }))));
    expect(sent.map((s) => s.n)).toEqual(Array.from({ length: 45 }, (_, n) => n));
    for (let i = 20; i < sent.length; i++) expect(sent[i].at - sent[i - 20].at).toBeGreaterThanOrEqual(60_000);
    expect(sent.filter((s) => s.at < 60_000)).toHaveLength(20);
  });

  it('sends at most 30 messages a second across chats, and one a second into a private chat', async () => {
    const clock = fakeClock();
    const throttle = createSendThrottle(TELEGRAM_LIMITS, clock);
    const times: number[] = [];
    const privateTimes: number[] = [];
    await Promise.all([
      ...Array.from({ length: 70 }, (_, n) => throttle.schedule({ id: n + 1, type: 'private' }, async () => times.push(clock.now()))),
      ...Array.from({ length: 3 }, () => throttle.schedule({ id: 999, type: 'private' }, async () => privateTimes.push(clock.now()))),
    ]);
    for (let i = 30; i < times.length; i++) expect(times[i] - times[i - 30]).toBeGreaterThanOrEqual(1000);
    expect(privateTimes[1] - privateTimes[0]).toBeGreaterThanOrEqual(1000);
    expect(privateTimes[2] - privateTimes[1]).toBeGreaterThanOrEqual(1000);
  });

  it('keeps going after a failed send', async () => {
    const throttle = createSendThrottle(TELEGRAM_LIMITS, fakeClock());
    const chat = { id: -1, type: 'group' };
    await expect(throttle.schedule(chat, async () => Promise.reject(new Error('400')))).rejects.toThrow('400');
    await expect(throttle.schedule(chat, async () => 'ok')).resolves.toBe('ok');
  });
});

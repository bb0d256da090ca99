/** Sliding one-minute windows per key (user id, chat id). */
export interface RateLimiter {
  /** Records an attempt; returns 0 when allowed, otherwise the seconds until the next one is. */
  take(key: string | number, now?: number): number;
}

export function createRateLimiter(perMinute: number, windowMs = 60_000): RateLimiter {
  const hits = new Map<string | number, number[]>();
  return {
    take(key, now = Date.now()) {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= perMinute) {
        hits.set(key, recent);
        return Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000));
      }
      recent.push(now);
      hits.set(key, recent);
      if (hits.size > 10_000) for (const [k, times] of hits) if (now - times[times.length - 1] >= windowMs) hits.delete(k);
      return 0;
    },
  };
}

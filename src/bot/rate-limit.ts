/** Updates of any kind (questions, presses, commands, stickers) one user may send a minute. */
export const UPDATES_PER_USER_PER_MINUTE = 30;

/** Sliding one-minute windows per key (user id, chat id). */
export interface RateLimiter {
  /** Seconds until one more attempt is allowed for `key` (0: now), without recording anything. */
  wait(key: number, now: number): number;
  /** Records an allowed attempt. */
  record(key: number, now: number): void;
}

export function createRateLimiter(perMinute: number, windowMs = 60_000): RateLimiter {
  const hits = new Map<number, number[]>();
  const recent = (key: number, now: number) => {
    const times = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
    if (times.length > 0) hits.set(key, times);
    else hits.delete(key);
    return times;
  };
  return {
    wait(key, now) {
      const times = recent(key, now);
      return times.length < perMinute ? 0 : Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
    },
    record(key, now) {
      hits.set(key, [...recent(key, now), now]);
    },
  };
}

/** Whom a "please wait" was told, so each key is told once per wait. */
export interface WaitNotices {
  /** Whether `key`, told to wait `wait` seconds, should be told so now (and remembers that it was). */
  tell(key: number, wait: number, now: number): boolean;
}

export function createWaitNotices(): WaitNotices {
  const toldUntil = new Map<number, number>();
  return {
    tell(key, wait, now) {
      for (const [id, until] of toldUntil) if (until <= now) toldUntil.delete(id);
      if (toldUntil.has(key)) return false;
      toldUntil.set(key, now + wait * 1000);
      return true;
    },
  };
}

/** The verdict on one question: go ahead, or wait — and whether this chat should be told so. */
export type Admission = { allowed: true } | { allowed: false; wait: number; tell: boolean };

export interface AskLimits {
  admit(userId: number, chatId: number, now?: number): Promise<Admission>;
}

/**
 * Per-user and per-chat question limits; only admitted questions count. The "too many questions"
 * notice goes out once per chat per wait, so twenty users hitting the limit in one group produce
 * one notice, not twenty. In this process's memory (see `createPostgresAskLimits` for replicas).
 */
export function createAskLimits(perUser: number, perChat: number): AskLimits {
  const users = createRateLimiter(perUser);
  const chats = createRateLimiter(perChat);
  const notices = createWaitNotices();
  return {
    async admit(userId, chatId, now = Date.now()) {
      const wait = Math.max(users.wait(userId, now), chats.wait(chatId, now));
      if (wait === 0) {
        users.record(userId, now);
        chats.record(chatId, now);
        return { allowed: true };
      }
      return { allowed: false, wait, tell: notices.tell(chatId, wait, now) };
    },
  };
}

/**
 * Keeps outgoing messages under Telegram's published limits before a 429 arrives: about 30
 * messages per second per bot, 20 per minute into one group, about one per second into one
 * private chat. Sends to one chat go out in the order they were scheduled.
 */
export interface SendThrottle {
  schedule<T>(chat: { id: number; type: string }, send: () => Promise<T>): Promise<T>;
}

export interface Window {
  limit: number;
  ms: number;
}

export interface ThrottleLimits {
  bot: Window;
  group: Window;
  private: Window;
}

export const TELEGRAM_LIMITS: ThrottleLimits = {
  bot: { limit: 30, ms: 1000 },
  group: { limit: 20, ms: 60_000 },
  private: { limit: 1, ms: 1000 },
};

export interface ThrottleClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: ThrottleClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export function createSendThrottle(limits: ThrottleLimits = TELEGRAM_LIMITS, clock: ThrottleClock = realClock): SendThrottle {
  const botLog: number[] = [];
  const chatLogs = new Map<number, number[]>();
  const chatQueues = new Map<number, Promise<unknown>>();

  /** Milliseconds until one more send fits in `window`, given the send times in `log` (oldest first). */
  const waitFor = (log: number[], window: Window, now: number) => {
    while (log.length > 0 && now - log[0] >= window.ms) log.shift();
    return log.length < window.limit ? 0 : log[0] + window.ms - now;
  };

  const windowOf = (chat: { type: string }) => (chat.type === 'private' ? limits.private : limits.group);

  const whenAllowed = async (chat: { id: number; type: string }) => {
    const window = windowOf(chat);
    for (;;) {
      const now = clock.now();
      const chatLog = chatLogs.get(chat.id) ?? [];
      const wait = Math.max(waitFor(botLog, limits.bot, now), waitFor(chatLog, window, now));
      if (wait === 0) {
        botLog.push(now);
        chatLog.push(now);
        chatLogs.set(chat.id, chatLog);
        return;
      }
      await clock.sleep(wait);
    }
  };

  return {
    schedule(chat, send) {
      const previous = chatQueues.get(chat.id) ?? Promise.resolve();
      const result = previous.catch(() => undefined).then(async () => {
        await whenAllowed(chat);
        return send();
      });
      const settled = result.catch(() => undefined);
      chatQueues.set(chat.id, settled);
      void settled.then(() => {
        if (chatQueues.get(chat.id) === settled) {
          chatQueues.delete(chat.id);
          if (chatLogs.get(chat.id)?.every((t) => clock.now() - t >= windowOf(chat).ms)) chatLogs.delete(chat.id);
        }
      });
      return result;
    },
  };
}

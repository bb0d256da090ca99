import type { Answer } from '../answer/types.js';

/**
 * Recent answers, so the buttons under an answer ("更多来源", "原文") can refer to them with a
 * short key that fits Telegram's 64-byte callback data. The oldest entries are dropped; a button
 * whose answer is gone (or from before a restart) is answered as stale.
 */
export interface AnswerCache {
  put(answer: Answer): Promise<string>;
  get(key: string): Promise<Answer | undefined>;
}

/** In this process's memory: one bot process (see `createPostgresAnswerCache` for replicas). */
export function createAnswerCache(capacity = 2000): AnswerCache {
  const entries = new Map<string, Answer>();
  const prefix = Date.now().toString(36).slice(-4);
  let counter = 0;
  return {
    async put(answer) {
      const key = `${prefix}${(counter++).toString(36)}`;
      entries.set(key, answer);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return key;
    },
    get: async (key) => entries.get(key),
  };
}

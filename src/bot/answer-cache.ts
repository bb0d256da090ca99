import type { Answer } from '../answer/types.js';
import { newButtonKey } from './buttons.js';

/**
 * Recent answers, so the buttons under an answer ("更多来源", "原文") can refer to them with a
 * short key that fits Telegram's 64-byte callback data. A key is random and belongs to the chat
 * the answer was sent to: pressed (or forged) in another chat it finds nothing. The oldest entries
 * are dropped; a button whose answer is gone (or from before a restart) is answered as stale.
 */
export interface AnswerCache {
  put(chatId: number, answer: Answer): Promise<string>;
  get(chatId: number, key: string): Promise<Answer | undefined>;
}

/** In this process's memory: one bot process (see `createPostgresBotState` for replicas). */
export function createAnswerCache(capacity = 2000): AnswerCache {
  const entries = new Map<string, Answer>();
  return {
    async put(chatId, answer) {
      const key = newButtonKey();
      entries.set(`${chatId}:${key}`, answer);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return key;
    },
    get: async (chatId, key) => entries.get(`${chatId}:${key}`),
  };
}

import type { Answerer } from '../answer/answerer.js';
import type { Answer } from '../answer/types.js';
import type { Turn } from '../search/followup.js';
import type { ConversationStore } from './store.js';

/**
 * Questions asked within a conversation: each is read with the context of the one before it in
 * the same conversation (a private chat, one user in a group, a JSONL thread, an interactive CLI).
 */
export interface Conversations {
  /**
   * Answers `question` as the next turn of conversation `key`. `continuing` names another
   * remembered turn to lean on instead (a reply to one particular earlier answer).
   */
  ask(key: string, question: string, continuing?: string): Promise<Answer>;
  /** Remembers the latest turn of `key` under another key too (the message an answer was sent as). */
  link(key: string, alias: string): Promise<void>;
  /** Starts `key` over (`/new`). */
  reset(key: string): Promise<void>;
}

export function createConversations(answerer: Answerer, store: ConversationStore): Conversations {
  return {
    async ask(key, question, continuing) {
      const previous: Turn | undefined = await store.get(continuing ?? key);
      const { answer, turn } = await answerer.answerTurn(question, previous);
      if (turn) await store.set(key, turn);
      return answer;
    },
    async link(key, alias) {
      const turn = await store.get(key);
      if (turn) await store.set(alias, turn);
    },
    reset: (key) => store.delete(key),
  };
}

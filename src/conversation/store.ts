import type { Turn } from '../search/followup.js';

/** Where conversations remember their last turn. Asynchronous, so a shared database can stand behind it. */
export interface ConversationStore {
  get(key: string): Promise<Turn | undefined>;
  set(key: string, turn: Turn): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface MemoryStoreOptions {
  /** Silence after which a conversation starts over. */
  ttlMs?: number;
  /** Conversations kept at most; the longest silent go first. */
  capacity?: number;
  now?: () => number;
}

/** Conversations in this process's memory, forgotten after `ttlMs` of silence (30 minutes by default). */
export function createMemoryConversationStore({ ttlMs = 30 * 60_000, capacity = 10_000, now = Date.now }: MemoryStoreOptions = {}): ConversationStore {
  const entries = new Map<string, { turn: Turn; until: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.turn;
    },
    async set(key, turn) {
      entries.delete(key);
      entries.set(key, { turn, until: now() + ttlMs });
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}

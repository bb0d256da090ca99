import type pg from 'pg';
import type { Turn } from '../search/followup.js';
import { query } from '../store/postgres/pool.js';
import type { ConversationStore } from './store.js';

/**
 * Conversations in PostgreSQL, so every bot replica continues the same chat (30 minutes of silence
 * by default). `until` is the indexed expiry column the bot state's cleanup removes by.
 */
export function createPostgresConversationStore(pool: pg.Pool, { ttlMs = 30 * 60_000, now = Date.now } = {}): ConversationStore {
  return {
    async get(key) {
      const { rows } = await query<{ turn: Turn }>(pool, 'SELECT turn FROM rq_conversations WHERE key = $1 AND until > $2', [key, now()]);
      return rows[0]?.turn;
    },
    async set(key, turn) {
      await query(
        pool,
        'INSERT INTO rq_conversations (key, turn, until) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET turn = EXCLUDED.turn, until = EXCLUDED.until',
        [key, JSON.stringify(turn), now() + ttlMs],
      );
    },
    async delete(key) {
      await query(pool, 'DELETE FROM rq_conversations WHERE key = $1', [key]);
    },
  };
}

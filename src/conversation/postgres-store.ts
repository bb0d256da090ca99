import type pg from 'pg';
import type { Turn } from '../search/followup.js';
import { ensureSchema } from '../store/postgres/schema.js';
import type { ConversationStore } from './store.js';

/** Conversations in PostgreSQL, so every bot replica continues the same chat (30 minutes of silence by default). */
export function createPostgresConversationStore(pool: pg.Pool, { ttlMs = 30 * 60_000, now = Date.now } = {}): ConversationStore {
  return {
    async get(key) {
      await ensureSchema(pool);
      const { rows } = await pool.query<{ turn: Turn }>('SELECT turn FROM rq_conversations WHERE key = $1 AND until > $2', [key, now()]);
      return rows[0]?.turn;
    },
    async set(key, turn) {
      await ensureSchema(pool);
      await pool.query(
        'INSERT INTO rq_conversations (key, turn, until) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET turn = EXCLUDED.turn, until = EXCLUDED.until',
        [key, JSON.stringify(turn), now() + ttlMs],
      );
      await pool.query('DELETE FROM rq_conversations WHERE until <= $1', [now()]);
    },
    async delete(key) {
      await ensureSchema(pool);
      await pool.query('DELETE FROM rq_conversations WHERE key = $1', [key]);
    },
  };
}

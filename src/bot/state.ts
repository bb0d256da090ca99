import type { Answer } from '../answer/types.js';
import type { BotConfig, PostgresSettings } from '../config.js';
import { createPostgresConversationStore } from '../conversation/postgres-store.js';
import { createMemoryConversationStore, type ConversationStore } from '../conversation/store.js';
import { expireEvery, type Expiring } from '../store/postgres/expiry.js';
import { asUnavailable, query, sharedPool } from '../store/postgres/pool.js';
import { inTransaction } from '../store/postgres/transaction.js';
import { createAnswerCache, type AnswerCache } from './answer-cache.js';
import { newButtonKey } from './buttons.js';
import { createMemoryHandledUpdates, type HandledUpdates } from './handled-updates.js';
import { createMemoryMissLog, createPostgresMissLog, type MissLog } from './misses.js';
import { createAskLimits, type Admission, type AskLimits } from './rate-limit.js';

/** What one bot process remembers between updates. Shared through PostgreSQL, several replicas act as one bot. */
export interface BotState {
  /** Answers behind the buttons ("更多来源", "原文", "可能相关"). */
  cache: AnswerCache;
  limits: AskLimits;
  conversations: ConversationStore;
  /** Not-found questions and answers marked 👎, for `npx report-qa misses`. */
  misses: MissLog;
  /** Updates already handled (an update Telegram delivers twice is answered once). */
  updates: HandledUpdates;
  close(): Promise<void>;
}

/** In this process's memory; misses go to `misses` (a file beside the embedded index in `npm run bot`). */
export function createMemoryBotState(config: Pick<BotConfig, 'ratePerUser' | 'ratePerChat'>, misses: MissLog = createMemoryMissLog()): BotState {
  return {
    misses,
    cache: createAnswerCache(),
    limits: createAskLimits(config.ratePerUser, config.ratePerChat),
    conversations: createMemoryConversationStore(),
    updates: createMemoryHandledUpdates(),
    close: async () => undefined,
  };
}

const WINDOW_MS = 60_000;
/** Telegram stops redelivering an update long before this. */
const UPDATE_TTL_MS = 24 * 3600_000;
/** Answers behind buttons are kept this long; older buttons are answered "已过期". */
const ANSWER_TTL = "interval '7 days'";
/** How often expired answers, conversations and rate events are removed. */
const EXPIRY_INTERVAL_MS = 60_000;

/**
 * Bot state in PostgreSQL (`DATABASE_URL`): a button on an answer one replica sent works on any
 * other, rate limits count across replicas, and conversations continue whichever replica gets the
 * next message. Its tables come with the index (ingest migrates them). Requests only read and
 * write their own rows; expired rows are removed in batches by a timer.
 */
export function createPostgresBotState(settings: PostgresSettings, config: Pick<BotConfig, 'ratePerUser' | 'ratePerChat'>): BotState {
  const { pool, release } = sharedPool(settings);
  const stopExpiry = expireEvery(pool, expiringTables(), EXPIRY_INTERVAL_MS);

  const cache: AnswerCache = {
    async put(chatId, answer) {
      const key = newButtonKey();
      await query(pool, `INSERT INTO rq_bot_answers (key, answer, expires_at) VALUES ($1, $2, now() + ${ANSWER_TTL})`, [`${chatId}:${key}`, JSON.stringify(answer)]);
      return key;
    },
    async get(chatId, key) {
      const { rows } = await query<{ answer: Answer }>(pool, 'SELECT answer FROM rq_bot_answers WHERE key = $1 AND expires_at > now()', [`${chatId}:${key}`]);
      return rows[0]?.answer;
    },
  };

  const limits: AskLimits = {
    async admit(userId, chatId, now = Date.now()): Promise<Admission> {
      return inTransaction<Admission>(pool, async (client) => {
        // One decision per chat at a time, whichever replica makes it.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`chat:${chatId}`]);
        const waitFor = async (key: string, limit: number) => {
          const { rows } = await client.query<{ n: string; first: number | null }>('SELECT count(*) AS n, min(at) AS first FROM rq_rate_events WHERE key = $1 AND at > $2', [
            key,
            now - WINDOW_MS,
          ]);
          return Number(rows[0].n) < limit ? 0 : Math.max(1, Math.ceil((Number(rows[0].first) + WINDOW_MS - now) / 1000));
        };
        const userKey = `user:${userId}`;
        const chatKey = `chat:${chatId}`;
        const wait = Math.max(await waitFor(userKey, config.ratePerUser), await waitFor(chatKey, config.ratePerChat));
        if (wait === 0) {
          await client.query('INSERT INTO rq_rate_events (key, at) VALUES ($1, $3), ($2, $3)', [userKey, chatKey, now]);
          return { allowed: true };
        }
        const told = await client.query('SELECT 1 FROM rq_rate_notices WHERE chat = $1 AND until > $2', [chatKey, now]);
        const tell = told.rowCount === 0;
        if (tell) {
          await client.query('INSERT INTO rq_rate_notices (chat, until) VALUES ($1, $2) ON CONFLICT (chat) DO UPDATE SET until = EXCLUDED.until', [chatKey, now + wait * 1000]);
        }
        return { allowed: false, wait, tell };
      }).catch((error: unknown) => Promise.reject(asUnavailable(error)));
    },
  };

  const updates: HandledUpdates = {
    async claim(botId, updateId) {
      const claimed = await query(pool, 'INSERT INTO rq_bot_updates (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [`${botId}:${updateId}`, Date.now()]);
      return claimed.rowCount === 1;
    },
  };

  return {
    cache,
    limits,
    conversations: createPostgresConversationStore(pool),
    misses: createPostgresMissLog(pool),
    updates,
    async close() {
      stopExpiry();
      await release();
    },
  };
}

/** What expires in the bot state, each by its indexed expiry column. */
export function expiringTables(now: () => number = Date.now): Expiring[] {
  return [
    { table: 'rq_bot_answers', column: 'expires_at', bound: () => new Date(now()) },
    { table: 'rq_conversations', column: 'until', bound: now },
    { table: 'rq_rate_events', column: 'at', bound: () => now() - WINDOW_MS },
    { table: 'rq_rate_notices', column: 'until', bound: now },
    { table: 'rq_bot_updates', column: 'at', bound: () => now() - UPDATE_TTL_MS },
  ];
}

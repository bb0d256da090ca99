import type { Logger } from 'pino';
import type { Answerer } from '../answer/answerer.js';
import type { Conversations } from '../conversation/conversations.js';
import type { StoredDocument } from '../store/store.js';
import type { AnswerCache } from './answer-cache.js';
import type { Outbox } from './outbox.js';
import type { AskLimits } from './rate-limit.js';
import type { TaskTracker } from './tasks.js';

/** What the handlers share: built once in `createBot`, replaceable in tests. */
export interface BotServices {
  answerer: Answerer;
  /** Per chat (per member in groups) follow-up context. */
  conversations: Conversations;
  /** The reports, for /sources. */
  documents: StoredDocument[];
  outbox: Outbox;
  limits: AskLimits;
  /** Answers behind the buttons ("更多来源", "原文"). */
  cache: AnswerCache;
  /** Answers being prepared in the background. */
  tasks: TaskTracker;
  logger: Logger;
}

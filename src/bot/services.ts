import type { Logger } from 'pino';
import type { Answerer } from '../answer/answerer.js';
import type { ChartAvailability } from '../chart/render.js';
import type { FigureBrowser } from '../figures/browse.js';
import type { Conversations } from '../conversation/conversations.js';
import type { StoredDocument } from '../store/types.js';
import type { AnswerCache } from './answer-cache.js';
import type { HandledUpdates } from './handled-updates.js';
import type { MissLog } from './misses.js';
import type { Outbox } from './outbox.js';
import type { AskLimits } from './rate-limit.js';
import type { TaskTracker } from './tasks.js';

/** Adds a report file to the corpus and rebuilds the index (the bot answers from the old one meanwhile). */
export interface ReportLibrary {
  /** Returns the one line to reply with: what was added, or why the file could not be. */
  add(file: string): Promise<string>;
}

/** What the handlers share: built once in `createBot`, replaceable in tests. */
export interface BotServices {
  answerer: Answerer;
  /** Per chat (per member in groups) follow-up context. */
  conversations: Conversations;
  /** The reports, for /sources (the current index's: a report added from Telegram shows up). */
  documents: () => StoredDocument[];
  /** Adds a report file sent by an admin; absent when reports cannot be added from Telegram. */
  library?: ReportLibrary;
  outbox: Outbox;
  limits: AskLimits;
  /** Answers behind the buttons ("更多来源", "原文"). */
  cache: AnswerCache;
  /** Not-found questions and answers marked 👎. */
  misses: MissLog;
  /** Updates already handled, so one delivered twice is answered once. */
  updates: HandledUpdates;
  /** Answers being prepared in the background. */
  tasks: TaskTracker;
  logger: Logger;
  /** What to tell a user when answering failed: 暂时无法查询 while the database cannot be reached (logged once), else a generic apology (the error logged). */
  failureText(error: unknown): string;
  /** The chart renderer, opened on the first series (charts fall back to text without a CJK font). */
  charts: () => Promise<ChartAvailability>;
  /** The figures table for /figures; absent when the bot has none. */
  figures?: FigureBrowser;
}

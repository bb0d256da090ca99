import type { Logger } from 'pino';
import { Telegraf, type Context } from 'telegraf';
import type { Answerer } from '../answer/answerer.js';
import type { BotConfig } from '../config.js';
import { createConversations } from '../conversation/conversations.js';
import type { StoredDocument } from '../store/types.js';
import { escapeHtml } from './format.js';
import { allowlist } from './handlers/access.js';
import { buttonHandlers } from './handlers/buttons.js';
import { commandHandlers } from './handlers/commands.js';
import { inlineHandlers } from './handlers/inline.js';
import { oncePerUpdate } from './handlers/once-per-update.js';
import { questionHandlers } from './handlers/questions.js';
import { updateLimit } from './handlers/update-limit.js';
import { uploadHandlers } from './handlers/uploads.js';
import { isConnectionError } from '../store/postgres/pool.js';
import { createOutbox } from './outbox.js';
import { UPDATES_PER_USER_PER_MINUTE } from './rate-limit.js';
import { limitRequestTime } from './request-timeout.js';
import { isDeliveryFault, withRetry, type RetryOptions } from './retry.js';
import type { BotServices, ReportLibrary } from './services.js';
import { createMemoryBotState, type BotState } from './state.js';
import { createTaskTracker, type TaskTracker } from './tasks.js';
import { COMMANDS, TEXT } from './texts.js';
import type { ChartAvailability } from '../chart/render.js';
import type { FigureBrowser } from '../figures/browse.js';
import type { SendThrottle } from './throttle.js';

export interface BotParts {
  answerer: Answerer;
  /** The reports, for /sources (read on each /sources, so a rebuilt index shows). */
  documents: () => StoredDocument[];
  /** Adds reports sent by admins (`ADMIN_USER_IDS`); without it, files are not taken. */
  library?: ReportLibrary;
  config: BotConfig & { token: string };
  logger: Logger;
  retry?: RetryOptions;
  /** How long any Bot API request may go unanswered (`REQUEST_TIMEOUT_MS` by default). */
  requestTimeoutMs?: number;
  /** Outgoing message pacing; Telegram's published limits by default. */
  throttle?: SendThrottle;
  /**
   * Button data, rate limits and conversations: this process's memory by default, PostgreSQL for
   * replicas that act as one bot (`createPostgresBotState`).
   */
  state?: BotState;
  /** Updates of any kind one user may send a minute. */
  updatesPerMinute?: number;
  /** Told of a failure; true when the database cannot be reached (the user is told 暂时无法查询). */
  storeUnavailable?: (error: unknown) => boolean;
  /** Charts for answers with a series; the renderer found on this machine by default. */
  charts?: () => Promise<ChartAvailability>;
  /** The figures table, for /figures. */
  figures?: FigureBrowser;
}

export interface ReportBot {
  bot: Telegraf;
  /** Answers still being sent; `idle()` resolves when all are out. */
  tasks: TaskTracker;
  /** Registers the command menu and the bot's description (in Chinese, and in English for English clients) with Telegram. */
  registerCommands(): Promise<void>;
}

/** How long setting the command menu and description may keep retrying at start-up. */
const SETUP_WINDOW_MS = 5_000;

/** The bot: access check, then commands, buttons, inline queries and questions, each in its own handler. */
export function createBot({ answerer, documents, library, config, logger, retry, requestTimeoutMs, throttle, state = createMemoryBotState(config), updatesPerMinute = UPDATES_PER_USER_PER_MINUTE, storeUnavailable = isConnectionError, charts = lazyCharts(), figures }: BotParts): ReportBot {
  const bot = new Telegraf(config.token, {
    telegram: { ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}), webhookReply: false },
    handlerTimeout: 60_000,
  });
  limitRequestTime(bot.telegram, requestTimeoutMs);
  const services: BotServices = {
    answerer,
    conversations: createConversations(answerer, state.conversations),
    documents,
    ...(library ? { library } : {}),
    outbox: createOutbox(bot.telegram, retry, throttle),
    limits: state.limits,
    cache: state.cache,
    misses: state.misses,
    updates: state.updates,
    tasks: createTaskTracker((error) => logger.error({ err: error }, 'answer task failed')),
    logger,
    failureText(error) {
      if (storeUnavailable(error)) return TEXT.storeUnavailable;
      logger.error({ err: error }, 'handler failed');
      return TEXT.failure;
    },
    charts,
    ...(figures ? { figures } : {}),
  };

  const handlerFailed = async (error: unknown, ctx: Context) => {
    // Telegram did not take a reply (or may have): an apology would fare no better, or arrive beside the reply.
    if (isDeliveryFault(error)) return void logger.warn({ err: error, update: ctx.update.update_id }, 'reply not delivered');
    const text = services.failureText(error);
    if (ctx.chat && (ctx.chat.type === 'private' || ctx.message)) await services.outbox.send(ctx.chat, escapeHtml(text)).catch(() => undefined);
  };
  // Each update is handled in the background: a handler waiting for its chat's paced send never
  // holds up the update loop, so one chat's queue never delays another chat's updates.
  bot.use((ctx, next) => {
    limitRequestTime(ctx.telegram, requestTimeoutMs);
    services.tasks.run(() => next().catch((error: unknown) => handlerFailed(error, ctx)));
  });
  bot.use(oncePerUpdate(services));
  bot.use(updateLimit(updatesPerMinute, services));
  bot.use(allowlist(config.allowedChatIds, services));
  bot.use(commandHandlers(services));
  bot.use(buttonHandlers(services));
  bot.use(inlineHandlers(services));
  bot.use(uploadHandlers(services, config.adminUserIds ?? []));
  bot.use(questionHandlers(services));

  bot.catch(handlerFailed);

  return {
    bot,
    tasks: services.tasks,
    async registerCommands() {
      // At start-up, not worth the delivery window of an answer: a menu that failed is logged and the bot starts.
      const call = <T>(request: () => Promise<T>) => withRetry(request, { idempotent: true }, { ...retry, deliveryWindowMs: SETUP_WINDOW_MS });
      await call(() => bot.telegram.setMyCommands(COMMANDS));
      await call(() => bot.telegram.setMyDescription(TEXT.description));
      await call(() => bot.telegram.setMyShortDescription(TEXT.shortDescription));
      await call(() => bot.telegram.setMyDescription(TEXT.descriptionEn, 'en'));
      await call(() => bot.telegram.setMyShortDescription(TEXT.shortDescriptionEn, 'en'));
    },
  };
}

/** Opens the chart renderer once, on the first answer that has a chart (Vega and resvg are loaded only then: they slow start-up). */
function lazyCharts(): () => Promise<ChartAvailability> {
  let opened: Promise<ChartAvailability> | undefined;
  return () => (opened ??= import('../chart/render.js').then(({ openChartRenderer }) => openChartRenderer()));
}

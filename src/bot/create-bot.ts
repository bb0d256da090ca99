import type { Logger } from 'pino';
import { Telegraf, type Context } from 'telegraf';
import type { InlineQueryResultArticle } from 'telegraf/types';
import type { Answerer } from '../answer/answerer.js';
import type { Answer } from '../answer/types.js';
import type { BotConfig } from '../config.js';
import { isQuestionRejected } from '../errors.js';
import type { StoredDocument } from '../store/store.js';
import { commandArgument, questionFor } from './addressing.js';
import { createAnswerCache } from './answer-cache.js';
import { answerBlocks, citationBlock, escapeHtml, packMessages, passageBlocks } from './format.js';
import { createRateLimiter } from './rate-limit.js';
import { answerButtons, article, inlineResults, sourcesHtml } from './replies.js';
import { withRetry, type RetryOptions } from './retry.js';
import { createTaskTracker, type TaskTracker } from './tasks.js';
import { COMMANDS, TEXT } from './texts.js';

export interface BotParts {
  answerer: Answerer;
  /** The reports, for /sources. */
  documents: StoredDocument[];
  config: BotConfig & { token: string };
  logger: Logger;
  retry?: RetryOptions;
}

export interface ReportBot {
  bot: Telegraf;
  /** Answers still being sent; `idle()` resolves when all are out. */
  tasks: TaskTracker;
  /** Registers the command menu (Chinese descriptions) with Telegram. */
  registerCommands(): Promise<void>;
}

const SOURCES_PER_PAGE = 3;

export function createBot({ answerer, documents, config, logger, retry }: BotParts): ReportBot {
  const bot = new Telegraf(config.token, {
    telegram: { ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}), webhookReply: false },
    handlerTimeout: 60_000,
  });
  const cache = createAnswerCache();
  const perUser = createRateLimiter(config.ratePerUser);
  const perChat = createRateLimiter(config.ratePerChat);
  const allowed = config.allowedChatIds ? new Set(config.allowedChatIds) : null;
  const call = <T>(request: () => Promise<T>) => withRetry(request, retry);

  const tasks = createTaskTracker((error) => logger.error({ err: error }, 'answer task failed'));

  const send = (ctx: Context, html: string, extra: Record<string, unknown> = {}) =>
    call(() =>
      ctx.telegram.sendMessage(ctx.chat!.id, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(ctx.message ? { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } } : {}),
        ...extra,
      }),
    );

  /** Sends a reply that may span several messages; `lastExtra` (buttons) goes on the last one. */
  const sendAll = async (ctx: Context, messages: string[], lastExtra: Record<string, unknown> = {}) => {
    for (const [i, html] of messages.entries()) await send(ctx, html, i === messages.length - 1 ? lastExtra : {});
  };

  /** Until when each user has been told they are rate-limited, so the notice itself is not spam. */
  const toldUntil = new Map<number, number>();
  /** Checks the rate limits; tells the user once per wait when they are hit. */
  const withinLimits = async (ctx: Context): Promise<boolean> => {
    const wait = Math.max(perUser.take(ctx.from?.id ?? 0), ctx.chat ? perChat.take(ctx.chat.id) : 0);
    if (wait === 0) return true;
    const user = ctx.from?.id ?? 0;
    if (ctx.chat && (toldUntil.get(user) ?? 0) <= Date.now()) {
      toldUntil.set(user, Date.now() + wait * 1000);
      await send(ctx, escapeHtml(TEXT.rateLimited(wait)));
    }
    return false;
  };

  const ask = async (ctx: Context, question: string) => {
    if (!question) return void (await send(ctx, escapeHtml(TEXT.askUsage)));
    if (!(await withinLimits(ctx))) return;
    tasks.run(async () => {
      try {
        void call(() => ctx.telegram.sendChatAction(ctx.chat!.id, 'typing')).catch(() => undefined);
        const answer = await answerOrExplain(question);
        if (!answer) return;
        const key = cache.put(answer);
        await sendAll(ctx, packMessages(answerBlocks(answer)), { reply_markup: { inline_keyboard: [answerButtons(answer, key)] } });
      } catch (error) {
        logger.error({ err: error, chat: ctx.chat?.id }, 'failed to answer');
        await send(ctx, escapeHtml(TEXT.failure)).catch(() => undefined);
      }
    });

    async function answerOrExplain(q: string): Promise<Answer | null> {
      try {
        return await answerer.answer(q);
      } catch (error) {
        if (!isQuestionRejected(error)) throw error;
        await send(ctx, escapeHtml(error.message));
        return null;
      }
    }
  };

  bot.use(async (ctx, next) => {
    const chatId = ctx.chat?.id ?? ctx.from?.id;
    if (!allowed || (chatId !== undefined && allowed.has(chatId))) return next();
    if (ctx.inlineQuery) return void (await call(() => ctx.answerInlineQuery([], { cache_time: 60 })));
    if (ctx.chat?.type === 'private') await send(ctx, escapeHtml(TEXT.notAllowed));
  });

  bot.start((ctx) => send(ctx, escapeHtml(TEXT.help(ctx.me))));
  bot.help((ctx) => send(ctx, escapeHtml(TEXT.help(ctx.me))));
  bot.command('about', (ctx) => send(ctx, escapeHtml(TEXT.about)));
  bot.command('sources', (ctx) => send(ctx, sourcesHtml(documents)));
  bot.command('ask', (ctx) => ask(ctx, commandArgument(ctx.message.text)));

  bot.on('text', async (ctx) => {
    const question = questionFor(ctx.message, { id: ctx.botInfo.id, username: ctx.me });
    if (question !== null) return ask(ctx, question);
    const isCommand = ctx.message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0);
    if (isCommand && ctx.chat.type === 'private') await send(ctx, escapeHtml(TEXT.unknownCommand));
  });

  bot.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    if (!question || perUser.take(ctx.from.id) > 0) return void (await call(() => ctx.answerInlineQuery([], { cache_time: 0 })));
    let results: InlineQueryResultArticle[];
    try {
      results = inlineResults(await answerer.answer(question));
    } catch (error) {
      if (!isQuestionRejected(error)) throw error;
      results = [article('error', error.message, '', escapeHtml(error.message))];
    }
    await call(() => ctx.answerInlineQuery(results, { cache_time: 300 }));
  });

  bot.on('callback_query', async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    const [kind, key, position] = data.split(':');
    const answer = cache.get(key ?? '');
    const index = Number(position);
    if (!answer || !Number.isInteger(index) || !ctx.chat) return void (await call(() => ctx.answerCbQuery(TEXT.staleButton)));
    if (kind === 'm') {
      const page = answer.citations.slice(index, index + SOURCES_PER_PAGE);
      if (page.length === 0) return void (await call(() => ctx.answerCbQuery(TEXT.noMoreSources)));
      await call(() => ctx.answerCbQuery());
      const blocks = page.map((c, i) => citationBlock(c, index + i + 1));
      const next = index + SOURCES_PER_PAGE < answer.citations.length ? [[{ text: TEXT.moreSources, callback_data: `m:${key}:${index + SOURCES_PER_PAGE}` }]] : [];
      await sendAll(ctx, packMessages(blocks), next.length ? { reply_markup: { inline_keyboard: next } } : {});
    } else if (kind === 'p' && answer.citations[index]) {
      await call(() => ctx.answerCbQuery());
      await sendAll(ctx, packMessages(passageBlocks(answer.citations[index])));
    } else {
      await call(() => ctx.answerCbQuery(TEXT.staleButton));
    }
  });

  bot.catch(async (error, ctx) => {
    logger.error({ err: error, update: ctx.update.update_id }, 'handler failed');
    if (ctx.chat && (ctx.chat.type === 'private' || ctx.message)) await send(ctx, escapeHtml(TEXT.failure)).catch(() => undefined);
  });

  return {
    bot,
    tasks,
    registerCommands: () => call(() => bot.telegram.setMyCommands(COMMANDS)).then(() => undefined),
  };
}

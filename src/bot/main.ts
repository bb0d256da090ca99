import type { Logger } from 'pino';
import { TelegramError, type Telegram } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import { openWordVectors, readConfig, type App } from '../app.js';
import { createFigureBrowser, type FigureBrowser } from '../figures/browse.js';
import { figureTable } from '../figures/open-table.js';
import { loadLexicon } from '../search/lexicon.js';
import { openLiveApp } from '../live-app.js';
import type { Answerer } from '../answer/answerer.js';
import { addReports } from '../corpus/library.js';
import { ingest } from '../ingest/ingest.js';
import { createBot } from './create-bot.js';
import type { ReportLibrary } from './services.js';
import { TEXT } from './texts.js';
import { createMemoryBotState, createPostgresBotState } from './state.js';
import { createLogger } from './logger.js';
import { createFileMissLog, missesFile } from './misses.js';
import { serveWebhook } from './webhook.js';

/** How long answers already being written may take to go out after a stop signal. */
const SHUTDOWN_GRACE_MS = 10_000;

/** `npm run bot`: load the index once, then serve Telegram by long polling or webhook until a signal. */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    return fail((error as Error).message);
  }
  const { token } = config.bot;
  if (!token) return fail('BOT_TOKEN is not set. Create a bot with @BotFather and put its token in .env (see README).');
  const { webhookUrl, webhookSecret, port } = config.bot;
  // Without a secret anyone who finds the address could post forged updates (and admin uploads).
  if (webhookUrl && !webhookSecret) return fail('WEBHOOK_SECRET is not set: webhook mode needs it so that only Telegram can post updates. Set a random string of A-Z, a-z, 0-9, _ and - (see README).');
  const logger = createLogger(config.logLevel, token);

  const live = await openLiveApp(config, {
    note: (line) => logger.info(line),
    switched: (builtAt) => logger.info({ builtAt }, `switched to the index published at ${builtAt}`),
    storeDown: (reason) => logger.warn({ reason }, `the database is unreachable (${reason}); questions are answered 暂时无法查询 (STORE_UNAVAILABLE) and it is retried with back-off`),
    storeBack: (downForS) => logger.info({ downForS }, `the database is reachable again after ${downForS} s; answering`),
    damaged: (message) => logger.warn(message),
  });
  const state = config.store.kind === 'postgres' ? createPostgresBotState(config.store, config.bot) : createMemoryBotState(config.bot, createFileMissLog(missesFile(config.indexDir)));
  // Handlers always reach the current index, which a report added from Telegram replaces.
  const answerer: Answerer = { answer: (q) => live.app.answerer.answer(q), answerTurn: (q, previous) => live.app.answerer.answerTurn(q, previous), warm: () => live.app.answerer.warm() };
  const browsers = new WeakMap<App, FigureBrowser>();
  /** The figures table of the index answering now. */
  const figuresOf = (current: App): FigureBrowser => {
    let browser = browsers.get(current);
    if (!browser) browsers.set(current, (browser = createFigureBrowser(figureTable(current.store, loadLexicon(), () => openWordVectors(config.answer.wordVectors, config.cacheDir)))));
    return browser;
  };
  let rebuilding: Promise<unknown> = Promise.resolve();
  const library: ReportLibrary = {
    add(file) {
      // One upload at a time; a failed one tells its sender and does not stop the next.
      const added = rebuilding.catch(() => undefined).then(async () => {
        const [result] = await addReports(config.corpusDir, [file], {}, config.reading);
        if (!result.added) return TEXT.uploadFailed(result.reason);
        const built = await ingest(config);
        await live.reopen();
        const report = built.reports.find((r) => r.id === result.meta.id);
        return TEXT.uploadAdded(result.meta.title, result.meta.city, result.meta.year, report?.passages ?? 0, built.reports.length);
      });
      rebuilding = added;
      return added;
    },
  };
  const { bot, tasks, registerCommands } = createBot({
    answerer,
    documents: () => live.app.store.documents,
    library,
    config: { ...config.bot, token },
    logger,
    state,
    storeUnavailable: (error) => live.failed(error),
    figures: { lookup: (words) => figuresOf(live.app).lookup(words) },
  });

  await answerer.warm();
  const me = await connect(bot.telegram, logger, config.bot.connectTimeoutS * 1000);
  if (typeof me === 'string') return fail(me);
  bot.botInfo = me;
  await registerCommands().catch((error: unknown) => logger.warn({ err: error }, 'setMyCommands failed; the command menu may be missing'));

  const webhook = webhookUrl && webhookSecret ? await serveWebhook(bot, { url: webhookUrl, port, secretToken: webhookSecret }) : undefined;
  let stopping = false;
  let markStopped = () => {};
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    if (webhook) void webhook.close();
    else bot.stop(signal);
    markStopped();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const { app } = live;
  logger.info(
    { mode: app.mode, passages: app.store.terms.passageCount, store: app.backend.kind, bot: `@${me.username}`, transport: webhookUrl ? 'webhook' : 'polling' },
    `bot @${me.username} ready: ${app.mode} retrieval over ${app.store.terms.passageCount} passages (${app.backend.kind} store)`,
  );
  const launched = webhook ? Promise.resolve() : bot.launch();
  await Promise.all([launched, stopped]);
  await Promise.race([tasks.idle(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
  await state.close();
  await live.close();
  logger.info('stopped');
  // A request Telegram never answered would keep the process alive for minutes: leave now.
  process.exit();
}

/**
 * Asks Telegram who we are. While it cannot be reached (network, 5xx), retries with back-off and
 * says so in one log line per attempt, for up to `timeoutMs`; a refused token fails at once.
 * Returns the bot's identity, or the one line to exit with.
 */
async function connect(telegram: Telegram, logger: Logger, timeoutMs: number): Promise<UserFromGetMe | string> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1, delayMs = 1000; ; attempt++, delayMs = Math.min(delayMs * 2, 30_000)) {
    try {
      return await telegram.getMe();
    } catch (error) {
      if (error instanceof TelegramError && error.code < 500) {
        return `Telegram refused BOT_TOKEN (${error.code} ${error.description}). Check the token from @BotFather.`;
      }
      const reason = describeFailure(error);
      const wait = Math.min(delayMs, deadline - Date.now());
      if (wait <= 0) return `Could not reach Telegram (${reason}) for ${Math.round(timeoutMs / 1000)} s; check the network or TELEGRAM_API_ROOT.`;
      logger.warn({ attempt, reason }, `Telegram is unreachable (${reason}); retrying in ${Math.ceil(wait / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof TelegramError) return `${error.code} ${error.description}`;
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message?.split('\n')[0] ?? String(error);
}

function fail(message: string): void {
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});

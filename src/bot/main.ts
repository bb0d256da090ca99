import { openAskContext, readConfig } from '../cli/context.js';
import { createBot } from './create-bot.js';
import { createLogger } from './logger.js';

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
  const logger = createLogger(config.logLevel, token);

  const { index, answerer } = await openAskContext(config, (line) => logger.info(line));
  const { bot, tasks, registerCommands } = createBot({ answerer, documents: index.store.documents, config: { ...config.bot, token }, logger });

  const me = await bot.telegram.getMe().catch((error: unknown) => {
    logger.error({ err: error }, 'Telegram refused the bot token or is unreachable');
    return null;
  });
  if (!me) return fail('Could not reach Telegram with this BOT_TOKEN (see the log line above).');
  bot.botInfo = me;
  await registerCommands().catch((error: unknown) => logger.warn({ err: error }, 'setMyCommands failed; the command menu may be missing'));

  let stopping = false;
  let markStopped = () => {};
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    bot.stop(signal);
    markStopped();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const { webhookUrl, webhookSecret, port } = config.bot;
  logger.info(
    { mode: index.mode, passages: index.store.passages.length, bot: `@${me.username}`, transport: webhookUrl ? 'webhook' : 'polling' },
    `bot @${me.username} ready: ${index.mode} retrieval over ${index.store.passages.length} passages`,
  );
  const launched = webhookUrl ? bot.launch({ webhook: webhookOptions(webhookUrl, port, webhookSecret) }) : bot.launch();
  await Promise.all([launched, stopped]);
  await Promise.race([tasks.idle(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
  logger.info('stopped');
}

/** Telegraf wants host and path apart; a bare `https://host` gets telegraf's secret default path. */
function webhookOptions(url: string, port: number, secretToken?: string) {
  const { host, pathname } = new URL(url);
  return { domain: host, port, ...(pathname !== '/' ? { path: pathname } : {}), ...(secretToken ? { secretToken } : {}) };
}

function fail(message: string): void {
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});

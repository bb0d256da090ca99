import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ingest } from '../../src/ingest/ingest.js';
import { TEXT } from '../../src/bot/texts.js';
import { freePort, startEmulator, type Emulator } from '../support/bot-api-emulator.js';
import { spawnChild, waitForStderr } from '../support/children.js';
import { CORPUS_DIR, REPO, tempDir } from '../support/fixtures.js';
import { compiled } from '../support/run-cli.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const TOKEN = '666666666:AAEfaultsfaultsfaultsfaultsfaultsfau';
const SECRET = 'faults_secret_1';
const QUESTION = '晋中卫生厕所普及率是多少？';
let emulator: Emulator;
let postgres: TestPostgres;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  [emulator, postgres, dir] = await Promise.all([startEmulator(), startPostgres(), tempDir()]);
}, 120_000);
afterAll(async () => {
  await emulator.stop();
  await postgres.stop();
  await dir.cleanup();
});

/** Telegram numbers a bot's updates in one rising sequence, also across restarts (handled ones are remembered in the database). */
let updateId = 1;

/** A bot in webhook mode on `env`, ready to take updates; killed after the test. */
async function startBot(env: Record<string, string>) {
  const port = await freePort();
  const child = spawnChild(process.execPath, [compiled('bot/main')], {
    cwd: REPO,
    env: { ...process.env, ...env, TELEGRAM_API_ROOT: emulator.apiRoot, BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: SECRET, PORT: String(port), RATE_LIMIT_PER_USER: '100', RATE_LIMIT_PER_CHAT: '100' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  await waitForStderr(child, 'ready');
  let asked = 0;
  return {
    child,
    stderr: () => stderr,
    /** Asks in `chatId` and returns the text of the reply to that question (by the message it replies to: a slow send retried on a loaded machine may arrive twice). */
    async ask(chatId: number, text: string): Promise<string> {
      asked++;
      const messageId = asked;
      const before = emulator.botMessages(TOKEN, chatId).length;
      const update = { update_id: updateId++, message: { message_id: messageId, date: 0, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'U' }, text } };
      const response = await fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
      expect(response.status).toBe(200);
      const replyTo = (m: { reply_parameters?: unknown }) => (m.reply_parameters as { message_id?: number } | undefined)?.message_id;
      await until(() => emulator.botMessages(TOKEN, chatId).length > before);
      const messages = emulator.botMessages(TOKEN, chatId);
      return (messages.find((m) => replyTo(m) === messageId) ?? messages[before]).text ?? '';
    },
  };
}

/** Waits (no deadline: the test limit guards a hang) until `check` holds. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('the database goes away under a running bot', () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    await ingest(loadConfig({ CORPUS_DIR, STORE: 'postgres', DATABASE_URL: postgres.url, DENSE: 'off' }));
    proxy = await startTcpProxy(postgres.url);
  }, 120_000);
  afterAll(() => proxy.stop());

  it('answers 暂时无法查询 while it is away, says so once, and answers again when it is back', async () => {
    // The cut is refused at once; a generous connect timeout only keeps a loaded machine's slow reconnect from reading as an outage.
    const bot = await startBot({ CORPUS_DIR, STORE: 'postgres', DATABASE_URL: proxy.url, DENSE: 'off', PG_CONNECT_TIMEOUT_MS: '15000' });
    expect(await bot.ask(7001, QUESTION)).toContain('82%');

    await proxy.cut();
    expect(await bot.ask(7001, QUESTION)).toBe(TEXT.storeUnavailable);
    expect(await bot.ask(7002, QUESTION)).toBe(TEXT.storeUnavailable);
    expect(bot.stderr().match(/the database is unreachable/g)).toHaveLength(1);
    expect(bot.stderr()).toContain('STORE_UNAVAILABLE');
    expect(bot.stderr()).not.toContain('postgres:postgres@');

    await proxy.restore();
    await until(() => bot.stderr().includes('the database is reachable again'));
    expect(await bot.ask(7001, QUESTION), bot.stderr()).toContain('82%');
    expect(bot.child.exitCode).toBeNull();
  }, 300_000);
});

describe.each(['embedded', 'postgres'] as const)('a reader follows the index another process publishes (%s store)', (store) => {
  it('answers from the new version after the other process ingests twice', async () => {
    const corpusDir = path.join(dir.dir, `corpus-${store}`);
    await cp(CORPUS_DIR, corpusDir, { recursive: true });
    const env = { CORPUS_DIR: corpusDir, DENSE: 'off', ...(store === 'postgres' ? { STORE: 'postgres', DATABASE_URL: postgres.url } : { INDEX_DIR: path.join(dir.dir, 'index') }) };
    await ingest(loadConfig(env));
    const reader = await startBot(env);
    const chat = store === 'embedded' ? 7101 : 7102;
    expect(await reader.ask(chat, QUESTION)).toContain('82%');

    const report = path.join(corpusDir, 'jinzhong-2025-report-summary.txt');
    await writeFile(report, (await readFile(report, 'utf8')).replace('达 82%，农村旧貌换新颜', '达 91%，农村旧貌换新颜'));
    await ingest(loadConfig(env));
    await ingest(loadConfig(env));
    await until(() => reader.stderr().includes('switched to the index'));
    const answer = await reader.ask(chat, QUESTION);
    expect(answer).toContain('91%');
    expect(answer).not.toContain('82%');
  }, 300_000);
});

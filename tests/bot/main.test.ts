import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { freePort, startEmulator, type Emulator } from '../support/bot-api-emulator.js';
import { spawnChild, waitForStderr } from '../support/children.js';
import { REPO, tempDir, testConfig } from '../support/fixtures.js';
import { compiled, runCli } from '../support/run-cli.js';

const TOKEN = '333333333:AAEmaintokenmaintokenmaintokenmainto';
let emulator: Emulator;
let dir: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await tempDir();
  const config = testConfig(dir.dir, { DENSE: 'off' });
  [emulator] = await Promise.all([startEmulator(), ingest(config)]);
  env = { CORPUS_DIR: config.corpusDir, INDEX_DIR: dir.dir, DENSE: 'off', TELEGRAM_API_ROOT: emulator.apiRoot, BOT_TOKEN: TOKEN };
});
afterAll(async () => {
  await emulator.stop();
  await dir.cleanup();
});

describe('npm run bot', () => {
  it('starts with one startup line, registers commands, answers, and exits 0 on SIGTERM', async () => {
    const child = spawnChild(process.execPath, [compiled('bot/main')], { cwd: REPO, env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitForStderr(child, 'ready');

    const ready = JSON.parse(stderr.split('\n').find((l) => l.includes('ready'))!);
    expect(ready).toMatchObject({ mode: 'lexical', bot: '@TestNameBot', transport: 'polling' });
    expect(ready.passages).toBeGreaterThan(150);
    expect(emulator.stats().commands.at(-1)).toEqual(expect.arrayContaining([expect.objectContaining({ command: 'ask' })]));

    const client = emulator.server.getClient(TOKEN, { chatId: 7007, type: 'private' });
    await emulator.server.addUserMessage(client.makeMessage('晋中规上工业企业总数是多少户？'));
    const [reply] = await emulator.waitForBotMessages(TOKEN, 7007, 1);
    expect(reply.text).toContain('1164');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain(TOKEN);
    expect(stderr).not.toContain(TOKEN.split(':')[1]);
  });

  it('exits on SIGTERM even while a sendMessage hangs unanswered', async () => {
    const child = spawnChild(process.execPath, [compiled('bot/main')], { cwd: REPO, env: { ...process.env, ...env } });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitForStderr(child, 'ready');
    const hungBefore = emulator.stats().hungSends;
    emulator.hangNextSends(1);
    const client = emulator.server.getClient(TOKEN, { chatId: 7107, type: 'private' });
    await emulator.server.addUserMessage(client.makeMessage('晋中规上工业企业总数是多少户？'));
    while (emulator.stats().hungSends === hungBefore) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('serves a webhook that checks the secret token header', async () => {
    const port = await freePort();
    const child = spawnChild(process.execPath, [compiled('bot/main')], {
      cwd: REPO,
      env: { ...process.env, ...env, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'sesame_42', PORT: String(port) },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitForStderr(child, 'ready');
    expect(stderr).toContain('"transport":"webhook"');

    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 8008, type: 'private' }, from: { id: 8008, is_bot: false, first_name: 'W' }, text: '晋中卫生厕所普及率是多少？' } };
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
    let rejected: Response | undefined;
    for (let i = 0; i < 50 && !rejected; i++) rejected = await post({ 'x-telegram-bot-api-secret-token': 'wrong' }).catch(() => undefined);
    expect(rejected?.status).toBe(403);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'sesame_42' })).status).toBe(200);
    const [reply] = await emulator.waitForBotMessages(TOKEN, 8008, 1);
    expect(reply.text).toContain('<b>82%</b>');

    const huge = await fetch(`http://127.0.0.1:${port}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'sesame_42' },
      body: JSON.stringify({ ...update, padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses to start a webhook without WEBHOOK_SECRET, so no one can post forged updates', async () => {
    const { code, stderr } = await runCli('../bot/main', [], { ...env, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: '', PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('WEBHOOK_SECRET is not set');
  });

  it('exits 1 with one clear line when BOT_TOKEN is missing or malformed', async () => {
    const missing = await runCli('../bot/main', [], { ...env, BOT_TOKEN: '' });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('error: BOT_TOKEN is not set. Create a bot with @BotFather and put its token in .env (see README).');
    const malformed = await runCli('../bot/main', [], { ...env, BOT_TOKEN: 'not-a-token' });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr.trim().split('\n')).toHaveLength(1);
    expect(malformed.stderr).toContain('BOT_TOKEN: must look like');
    expect(malformed.stderr).not.toContain('not-a-token');
  });

  it('retries an unreachable Telegram with one line per attempt, then exits 1 with one clear line', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const { code, stderr } = await runCli('../bot/main', [], { ...env, TELEGRAM_API_ROOT: closed, TELEGRAM_CONNECT_TIMEOUT: '3' });
    expect(code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    const lines = stderr.trim().split('\n');
    const retries = lines.filter((l) => l.includes('retrying in')).map((l) => JSON.parse(l));
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries[0]).toMatchObject({ level: 40, reason: 'ECONNREFUSED', msg: 'Telegram is unreachable (ECONNREFUSED); retrying in 1 s' });
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(lines.at(-1)).toBe('error: Could not reach Telegram (ECONNREFUSED) for 3 s; check the network or TELEGRAM_API_ROOT.');
  });

  it('exits at once when Telegram refuses the token', async () => {
    const revoked = '444444444:AAErevokedrevokedrevokedrevokedrevok';
    emulator.refuseToken(revoked);
    const { code, stderr } = await runCli('../bot/main', [], { ...env, BOT_TOKEN: revoked });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toBe('error: Telegram refused BOT_TOKEN (401 Unauthorized). Check the token from @BotFather.');
    expect(stderr).not.toContain('retrying');
  });
});

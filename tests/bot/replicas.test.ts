import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ingest } from '../../src/ingest/ingest.js';
import { freePort, startEmulator, type Emulator } from '../support/bot-api-emulator.js';
import { spawnChild, waitForStderr } from '../support/children.js';
import { CORPUS_DIR, REPO } from '../support/fixtures.js';
import { startPostgres } from '../support/postgres.js';
import { compiled } from '../support/run-cli.js';

const TOKEN = '555555555:AAEreplicareplicareplicareplicarepl';
let emulator: Emulator;
const SECRET = 'replica_secret_1';
let postgres: Awaited<ReturnType<typeof startPostgres>>;
const replicas: Array<{ child: ChildProcess; port: number; exited: Promise<number | null> }> = [];

async function startReplica(env: Record<string, string>): Promise<(typeof replicas)[number]> {
  const port = await freePort();
  const child = spawnChild(process.execPath, [compiled('bot/main')], {
    cwd: REPO,
    env: { ...process.env, ...env, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: SECRET, PORT: String(port) },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await waitForStderr(child, 'ready');
  if (!stderr.includes('"store":"postgres"')) throw new Error(`replica did not start on the postgres store: ${stderr}`);
  const replica = { child, port, exited };
  replicas.push(replica);
  return replica;
}

let nextUpdate = 1;
async function post(port: number, update: Record<string, unknown>): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify({ update_id: nextUpdate++, ...update }) });
  expect(response.status).toBe(200);
}
const message = (chatId: number, text: string) => ({
  message: { message_id: nextUpdate, date: 0, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'U' }, text },
});

beforeAll(async () => {
  [emulator, postgres] = await Promise.all([startEmulator(), startPostgres()]);
  const env = { CORPUS_DIR, STORE: 'postgres', DATABASE_URL: postgres.url, DENSE: 'off' };
  await ingest(loadConfig(env));
  const shared = { ...env, TELEGRAM_API_ROOT: emulator.apiRoot, BOT_TOKEN: TOKEN, RATE_LIMIT_PER_USER: '2' };
  await startReplica(shared);
  await startReplica(shared);
}, 120_000);

afterAll(async () => {
  for (const { child, exited } of replicas) {
    child.kill('SIGTERM');
    await exited;
  }
  await emulator.stop();
  await postgres.stop();
});

describe('two bot replicas sharing one PostgreSQL database', () => {
  it('serves a button on an answer sent by replica A from replica B, editing the answer', async () => {
    const [a, b] = replicas;
    await post(a.port, message(9009, '晋中卫生厕所普及率是多少？'));
    const [answer] = await emulator.waitForBotMessages(TOKEN, 9009, 1);
    expect(answer.text).toContain('<b>82%</b>');
    const [button] = (answer.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard[0];
    expect(button.text).toBe('原文');
    const stored = emulator.server.storage.botMessages.find((u) => u.message === answer)!;
    await post(b.port, {
      callback_query: {
        id: 'cb1',
        from: { id: 9009, is_bot: false, first_name: 'U' },
        chat_instance: '1',
        data: button.callback_data,
        message: { message_id: stored.messageId, date: 0, chat: { id: 9009, type: 'private' }, text: 'answer' },
      },
    });
    const deadline = Date.now() + 10_000;
    while (emulator.botMessages(TOKEN, 9009)[0].text === answer.text && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const [passage, ...others] = emulator.botMessages(TOKEN, 9009);
    expect(others).toHaveLength(0);
    expect(passage.text).toMatch(/^<b>《晋中市2025年政府工作报告（摘要）》 · /);
    expect(passage.text).toContain('卫生厕所普及率达');
  });

  it('counts rate limits across both replicas', async () => {
    const [a, b] = replicas;
    await post(a.port, message(9010, '太原滨河自行车道有多长？'));
    await emulator.waitForBotMessages(TOKEN, 9010, 1);
    await post(b.port, message(9010, '晋中卫生厕所普及率是多少？'));
    await emulator.waitForBotMessages(TOKEN, 9010, 2);
    await post(a.port, message(9010, '晋中规上工业企业总数是多少户？'));
    const replies = await emulator.waitForBotMessages(TOKEN, 9010, 3);
    expect(replies[2].text).toMatch(/^提问太频繁了，请 \d+ 秒后再试。$/);
  });

  it('continues a conversation on the other replica', async () => {
    const [a, b] = replicas;
    await post(a.port, message(9011, '太原在2024年谋定推进了多少项改革事项？'));
    await emulator.waitForBotMessages(TOKEN, 9011, 1);
    await post(b.port, message(9011, '那晋中呢？'));
    const [, followUp] = await emulator.waitForBotMessages(TOKEN, 9011, 2);
    expect(followUp.text).toContain('（按“晋中 2024年 改革事项”理解）');
  });

  it('answers an update Telegram delivers to both replicas once', async () => {
    const [a, b] = replicas;
    const update = { update_id: nextUpdate++, ...message(9012, '晋中卫生厕所普及率是多少？') };
    await post(a.port, update);
    await post(b.port, update);
    await emulator.waitForBotMessages(TOKEN, 9012, 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(emulator.botMessages(TOKEN, 9012)).toHaveLength(1);
  });
});

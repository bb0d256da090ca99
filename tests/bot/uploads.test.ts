import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../support/bot-api-emulator.js';
import { spawnChild, waitForStderr } from '../support/children.js';
import { CORPUS_DIR, REPO, tempDir } from '../support/fixtures.js';
import { compiled } from '../support/run-cli.js';

const TOKEN = '666666666:AAEuploaduploaduploaduploaduploadup';
const ADMIN = 7100;
let emulator: Emulator;
let dir: Awaited<ReturnType<typeof tempDir>>;
let bot: { child: ChildProcess; exited: Promise<number | null> };

beforeAll(async () => {
  [emulator, dir] = await Promise.all([startEmulator(), tempDir()]);
  const corpus = path.join(dir.dir, 'corpus');
  await mkdir(corpus);
  await copyFile(path.join(CORPUS_DIR, 'jinzhong-2025-report-summary.txt'), path.join(corpus, 'jinzhong-2025-report-summary.txt'));
  const env = { CORPUS_DIR: corpus, INDEX_DIR: path.join(dir.dir, 'index'), DENSE: 'off', TELEGRAM_API_ROOT: emulator.apiRoot, BOT_TOKEN: TOKEN, ADMIN_USER_IDS: String(ADMIN) };
  const child = spawnChild(process.execPath, [compiled('bot/main')], { cwd: REPO, env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  await waitForStderr(child, 'ready');
  bot = { child, exited: new Promise((resolve) => child.on('close', resolve)) };
}, 60_000);

afterAll(async () => {
  bot.child.kill('SIGTERM');
  await bot.exited;
  await emulator.stop();
  await dir.cleanup();
});

async function send(userId: number, extra: Record<string, unknown>, text = '') {
  const client = emulator.server.getClient(TOKEN, { chatId: userId, userId, type: 'private' });
  await emulator.server.addUserMessage(client.makeMessage(text, extra));
}

describe('adding a report by sending the file to the bot', () => {
  it('lets an admin add a report file, rebuilds, replies with the summary, and then answers from it', async () => {
    const bytes = await readFile(path.join(CORPUS_DIR, 'taiyuan-2024-report-summary.txt'));
    emulator.addFile('ty2024', 'taiyuan-2024.txt', bytes);
    await send(ADMIN, { document: { file_id: 'ty2024', file_unique_id: 'ty2024', file_name: 'taiyuan-2024.txt', file_size: bytes.length } });
    const [received, added] = await emulator.waitForBotMessages(TOKEN, ADMIN, 2, 30_000);
    expect(received.text).toContain('收到《taiyuan-2024.txt》');
    expect(added.text).toMatch(/^已添加《(太原市)?2024年政府工作报告（摘要）》（太原 · 2024年，\d+ 段），索引已重建，现有 2 份报告。$/);
    await send(ADMIN, {}, '2023年太原新建了多少所中小学校？');
    const replies = await emulator.waitForBotMessages(TOKEN, ADMIN, 3);
    expect(replies[2].text).toContain('<b>23所</b>');
  });

  it('says clearly why a file cannot be added', async () => {
    emulator.addFile('bin', 'program.txt', (await readFile(process.execPath)).subarray(0, 10_000));
    await send(ADMIN, { document: { file_id: 'bin', file_unique_id: 'bin', file_name: 'program.txt', file_size: 10_000 } });
    const replies = await emulator.waitForBotMessages(TOKEN, ADMIN, 5, 30_000);
    expect(replies[4].text).toBe('这个文件无法添加：binary file, not text');
  });

  it('politely refuses files from anyone else, and files over 20 MB', async () => {
    await send(7200, { document: { file_id: 'x', file_unique_id: 'x', file_name: 'report.pdf', file_size: 1000 } });
    const [refusal] = await emulator.waitForBotMessages(TOKEN, 7200, 1);
    expect(refusal.text).toBe('抱歉，只有管理员可以添加报告。可以直接向我提问。');
    await send(ADMIN, { document: { file_id: 'big', file_unique_id: 'big', file_name: 'big.pdf', file_size: 30 * 1024 * 1024 } });
    const replies = await emulator.waitForBotMessages(TOKEN, ADMIN, 6);
    expect(replies[5].text).toMatch(/^文件超过 20 MB/);
  });
});

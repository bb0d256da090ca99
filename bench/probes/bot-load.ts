/**
 * Load test: the real bot process (`src/bot/main.ts`, lexical mode) against the Bot API emulator
 * on loopback. 50 chats ask 10 questions each, all chats at once, each chat waiting for its reply
 * before the next question. Prints one JSON object: replies received, lost, duplicated, round-trip
 * median/p95 and the bot's peak RSS.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readQuestionFile } from '../../src/eval/questions.js';
import { ingest } from '../../src/ingest/ingest.js';
import { startEmulator } from '../../tests/support/bot-api-emulator.js';
import { DEV_QUESTIONS, REPO, tempDir, testConfig } from '../../tests/support/fixtures.js';
import { median, p95, round } from '../stats.js';

const TOKEN = '444444444:AAEloadtestloadtestloadtestloadtestl';
const CHATS = 50;
const QUESTIONS_PER_CHAT = 10;
const REPLY_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  const dir = await tempDir();
  const config = testConfig(dir.dir, { DENSE: 'off' });
  const [emulator] = await Promise.all([startEmulator(), ingest(config)]);
  const questions = (await readQuestionFile(DEV_QUESTIONS)).filter((q) => q.type !== 'english').map((q) => q.q);

  const bot = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'bot', 'main.ts')], {
    cwd: REPO,
    env: { ...process.env, CORPUS_DIR: config.corpusDir, INDEX_DIR: dir.dir, DENSE: 'off', TELEGRAM_API_ROOT: emulator.apiRoot, BOT_TOKEN: TOKEN, RATE_LIMIT_PER_USER: '1000', RATE_LIMIT_PER_CHAT: '1000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => bot.on('close', resolve));
  await waitUntil(() => emulator.stats().commands.length > 0, 20_000);

  const waiters = new Map<number, () => void>();
  emulator.server.on('AddedBotMessage', () => {
    for (const [chatId, wake] of waiters) if (emulator.botMessages(TOKEN, chatId).length > 0) wake();
  });

  const roundTrips: number[] = [];
  let lost = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CHATS }, async (_, c) => {
      const chatId = 10_000 + c;
      const client = emulator.server.getClient(TOKEN, { chatId, userId: chatId, type: 'private' });
      for (let i = 0; i < QUESTIONS_PER_CHAT; i++) {
        const expected = i + 1;
        const sent = performance.now();
        const arrived = new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), REPLY_TIMEOUT_MS);
          waiters.set(chatId, () => {
            if (emulator.botMessages(TOKEN, chatId).length >= expected) {
              clearTimeout(timer);
              resolve(true);
            }
          });
        });
        await emulator.server.addUserMessage(client.makeMessage(questions[(c + i) % questions.length]));
        if (await arrived) roundTrips.push(performance.now() - sent);
        else lost++;
      }
      waiters.delete(chatId);
    }),
  );
  const elapsedMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 500));

  const replies = Array.from({ length: CHATS }, (_, c) => emulator.botMessages(TOKEN, 10_000 + c).length);
  const peakRssMb = await peakRss(bot.pid!);
  bot.kill('SIGTERM');
  const exitCode = await exited;
  await emulator.stop();
  await dir.cleanup();
  process.stdout.write(
    `${JSON.stringify({
      chats: CHATS,
      questionsPerChat: QUESTIONS_PER_CHAT,
      sent: CHATS * QUESTIONS_PER_CHAT,
      received: roundTrips.length,
      lost,
      duplicated: replies.reduce((sum, n) => sum + Math.max(0, n - QUESTIONS_PER_CHAT), 0),
      medianMs: round(median(roundTrips), 1),
      p95Ms: round(p95(roundTrips), 1),
      answersPerSecond: round(roundTrips.length / (elapsedMs / 1000), 1),
      botPeakRssMb: peakRssMb,
      botExitCode: exitCode,
    })}\n`,
  );
}

/** VmHWM: the highest resident set size the process reached. */
async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? Number.NaN);
  return round(kb / 1024, 1);
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the bot did not start in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

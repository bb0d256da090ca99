/**
 * Bot start-up: the compiled bot (`node dist/bot/main.js`, as `npm run bot` runs it) against the Bot
 * API emulator on loopback, over an index already built, lexical and with the SIF dense half, runs
 * alternating. Per start: wall time from spawning the process to its `ready` log line (the index
 * opened, everything a question needs loaded, commands registered), the CPU time the process had
 * used by then, and the round trip of the first question after ready and of a second one. Prints
 * one JSON object.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { ingest } from '../../src/ingest/ingest.js';
import { startEmulator, type Emulator } from '../../tests/support/bot-api-emulator.js';
import { CORPUS_DIR, REPO, tempDir } from '../../tests/support/fixtures.js';
import { median, round } from '../stats.js';

const TOKEN = '555555555:AAEreadyreadyreadyreadyreadyreadyread';
const RUNS = 5;
const QUESTIONS = ['晋中规上工业企业总数是多少户？', '太原2025年地区生产总值增长目标是多少？'];
/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

interface Start {
  readyMs: number;
  readyCpuMs: number;
  firstAnswerMs: number;
  secondAnswerMs: number;
}

async function main(): Promise<void> {
  const dir = await tempDir();
  const modes = {
    lexical: { CORPUS_DIR, INDEX_DIR: path.join(dir.dir, 'lexical'), DENSE: 'off' },
    'hybrid (SIF)': { CORPUS_DIR, INDEX_DIR: path.join(dir.dir, 'sif'), DENSE_FALLBACK: 'sif', ALLOW_REMOTE_MODELS: 'false', MODELS_DIR: path.join(dir.dir, 'no-models') },
  };
  for (const env of Object.values(modes)) await ingest(loadConfig(env));
  const emulator = await startEmulator();
  const starts: Record<string, Start[]> = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
  let chat = 20_000;
  for (let run = 0; run < RUNS; run++) {
    for (const [mode, env] of Object.entries(modes)) starts[mode].push(await startOnce(emulator, env, (chat += 2)));
  }
  await emulator.stop();
  await dir.cleanup();
  const summary = Object.fromEntries(
    Object.entries(starts).map(([mode, runs]) => {
      const m = (key: keyof Start) => round(median(runs.map((r) => r[key])), 0);
      return [mode, { runs: runs.length, readyMs: m('readyMs'), fastestReadyMs: round(Math.min(...runs.map((r) => r.readyMs)), 0), readyCpuMs: m('readyCpuMs'), firstAnswerMs: m('firstAnswerMs'), secondAnswerMs: m('secondAnswerMs') }];
    }),
  );
  process.stdout.write(`${JSON.stringify({ summary, starts })}\n`);
}

async function startOnce(emulator: Emulator, env: Record<string, string>, chatId: number): Promise<Start> {
  const started = performance.now();
  const bot = spawn(process.execPath, [path.join('dist', 'bot', 'main.js')], {
    cwd: REPO,
    env: { ...process.env, ...env, TELEGRAM_API_ROOT: emulator.apiRoot, BOT_TOKEN: TOKEN, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => bot.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    let stderr = '';
    bot.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (stderr.includes(' ready: ')) resolve();
    });
    bot.once('close', (code) => reject(new Error(`the bot exited ${code} before it was ready: ${stderr}`)));
  });
  const readyMs = performance.now() - started;
  const readyCpuMs = await cpuMsOf(bot.pid!);
  const ask = async (question: string, chat: number) => {
    const client = emulator.server.getClient(TOKEN, { chatId: chat, userId: chat, type: 'private' });
    const sent = performance.now();
    await emulator.server.addUserMessage(client.makeMessage(question));
    await emulator.waitForBotMessages(TOKEN, chat, 1);
    return performance.now() - sent;
  };
  const firstAnswerMs = await ask(QUESTIONS[0], chatId);
  const secondAnswerMs = await ask(QUESTIONS[1], chatId + 1);
  bot.kill('SIGTERM');
  await exited;
  return { readyMs, readyCpuMs, firstAnswerMs, secondAnswerMs };
}

/** User and system CPU time a process has used so far, from /proc/<pid>/stat. */
async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_S) * 1000;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * Issue 22's targets on a PostgreSQL server, for one size of the synthetic corpus, in its own
 * process: the first questions after a re-ingest against later ones; the slowest read of a reader
 * while another process ingests (and drops a version); the request-path cost of the bot state and
 * the batched cleanup, with many expired rows. Args: copies, work folder, database URL (a fresh
 * database). Prints one JSON object.
 */
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { createPostgresBotState, expiringTables } from '../../src/bot/state.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { ingest } from '../../src/ingest/ingest.js';
import { deleteExpired } from '../../src/store/postgres/expiry.js';
import { createPool } from '../../src/store/postgres/pool.js';
import { DEV_QUESTIONS, REPO } from '../../tests/support/fixtures.js';
import { spawn } from 'node:child_process';
import { writeSyntheticCorpus } from '../synthetic.js';
import { CORPUS_DIR } from '../../tests/support/fixtures.js';
import { tinyModel } from '../model.js';
import { median, p95, round } from '../stats.js';

async function main(): Promise<void> {
  const [copiesArg, workDir, databaseUrl] = process.argv.slice(2);
  const copies = Number(copiesArg);
  const corpusDir = path.join(workDir, 'corpus');
  await writeSyntheticCorpus(CORPUS_DIR, corpusDir, copies);
  const { config, embedder } = await tinyModel(workDir, corpusDir, path.join(workDir, 'index'), databaseUrl);
  if (config.store.kind !== 'postgres') throw new Error('needs a database URL');
  const questions = (await readQuestionFile(DEV_QUESTIONS)).map((q) => q.q);

  // The dev questions on a freshly published index (warmed, so only the store's work differs), then three times more.
  const rounds = async (storeConfig: typeof config, publishes: number) => {
    for (let i = 0; i < publishes; i++) await ingest(storeConfig, { embedder });
    const opened = await createApp(storeConfig, { loadEmbedder: async () => embedder });
    await opened.answerer.warm();
    await embedder.embedQuery('预热');
    const ask = async (q: string) => (await opened.answerer.answer(q)).timings.totalMs;
    const first: number[] = [];
    for (const q of questions) first.push(await ask(q));
    const later: number[] = [];
    for (let r = 0; r < 3; r++) for (const q of questions) later.push(await ask(q));
    return { app: opened, first, later };
  };
  const embedded = await rounds({ ...config, store: { kind: 'embedded' } }, 1);
  await embedded.app.close();
  const { app, first: round1, later } = await rounds(config, 2);

  // A reader of the live version while another process ingests (lexical only) and drops a version.
  const read = async () => {
    const started = performance.now();
    await app.answerer.answer(questions[0]);
    return performance.now() - started;
  };
  const quiet: number[] = [];
  for (let i = 0; i < 50; i++) quiet.push(await read());
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'ingest.ts')], {
    cwd: REPO,
    env: { ...process.env, CORPUS_DIR: corpusDir, STORE: 'postgres', DATABASE_URL: databaseUrl, DENSE: 'off' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  let done = false;
  void exited.then(() => (done = true));
  const during: number[] = [];
  while (!done) during.push(await read());
  await app.close();

  // Bot state with many expired rows: a request's cost, and the cleanup's per 1000 rows.
  const pool = createPool(config.store, 2);
  const state = createPostgresBotState(config.store, { ratePerUser: 1_000_000, ratePerChat: 1_000_000 });
  const cleanup: Array<{ expiredRows: number; putMedianMs: number; turnMedianMs: number; admitMedianMs: number; cleanupMsPer1000: number }> = [];
  for (const rows of [10_000, 200_000]) {
    await pool.query("INSERT INTO rq_bot_answers (key, answer, expires_at) SELECT 'x' || i || '-' || $1, '{}', now() - interval '1 day' FROM generate_series(1, $1::int) i", [rows]);
    await pool.query('INSERT INTO rq_conversations (key, turn, until) SELECT $2 || i || $1, $3, 0 FROM generate_series(1, $1::int) i', [rows, 'x', '{}']);
    await pool.query('INSERT INTO rq_rate_events (key, at) SELECT $2 || (i % 1000), 0 FROM generate_series(1, $1::int) i', [rows, 'user:']);
    await pool.query('ANALYZE rq_bot_answers, rq_conversations, rq_rate_events');
    const timed = async (work: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const started = performance.now();
        await work(i);
        times.push(performance.now() - started);
      }
      return round(median(times), 2);
    };
    const putMedianMs = await timed(() => state.cache.put(1, { found: true } as never));
    const turnMedianMs = await timed((i) => state.conversations.set(`chat:${i}`, { question: 'q' } as never));
    const admitMedianMs = await timed((i) => state.limits.admit(i, i));
    const started = performance.now();
    const removed = await deleteExpired(pool, expiringTables());
    cleanup.push({ expiredRows: rows, putMedianMs, turnMedianMs, admitMedianMs, cleanupMsPer1000: round(((performance.now() - started) / removed) * 1000, 2) });
  }
  await state.close();
  await pool.end();

  const result = {
    copies,
    passages: app.store.terms.passageCount,
    mode: app.mode,
    embedded: { firstMedianMs: round(median(embedded.first), 2), laterMedianMs: round(median(embedded.later), 2), laterP95Ms: round(p95(embedded.later), 2) },
    firstRound: { medianMs: round(median(round1), 2), p95Ms: round(p95(round1), 2), totalMs: round(round1.reduce((a, b) => a + b, 0), 1) },
    laterRounds: { medianMs: round(median(later), 2), p95Ms: round(p95(later), 2), roundTotalMs: round(later.reduce((a, b) => a + b, 0) / 3, 1) },
    reader: { quietMedianMs: round(median(quiet), 2), quietMaxMs: round(Math.max(...quiet), 1), duringIngestMedianMs: round(median(during), 2), duringIngestMaxMs: round(Math.max(...during), 1), reads: during.length },
    cleanup,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

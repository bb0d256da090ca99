/**
 * Serving one point of the scale series, in a fresh process so RSS is the server's own: open the
 * index built by scale.ts (embedded folder, or `DATABASE_URL`; `--sif` for one built with SIF
 * sentence vectors, no model loaded), warm the answerer as the bot does, then ask the dev questions
 * and the everyday ones (dev2) `ROUNDS` times, hybrid and lexical. The p95 is taken per round and
 * the median of those is reported (one busy moment of a shared machine moves one round's p95, not
 * the figure), with the CPU time per question beside it and the load average. Then, for the
 * embedded backend, a plain in-memory BM25 over the same terms each lexical question searched
 * (bench/plain-bm25.ts) is loaded and timed in further lexical rounds, for the ratios: its posting
 * lists (1.35 GB of arrays at ×1000) are not in the heap while the rest is measured. Prints one
 * JSON object.
 */
import os from 'node:os';
import path from 'node:path';
import { createApp, openWordVectors } from '../../src/app.js';
import { createSearcher } from '../../src/search/searcher.js';
import { createAnswerer, type Answerer } from '../../src/answer/answerer.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { currentIndexFolder } from '../../src/store/atomic.js';
import type { Store } from '../../src/store/types.js';
import { loadPlainBm25 } from '../plain-bm25.js';
import { DEV2_QUESTIONS, DEV_QUESTIONS } from '../../tests/support/fixtures.js';
import { sifConfig, tinyModel } from '../model.js';
import { median, p95, round } from '../stats.js';

const ROUNDS = 5;
const RATIO_ROUNDS = 3;

const rssMb = () => round(process.memoryUsage().rss / 2 ** 20, 1);
const load = () => round(os.loadavg()[0], 1);

async function main(): Promise<void> {
  const [workDir, second] = process.argv.slice(2);
  const sif = second === '--sif';
  const databaseUrl = sif ? undefined : second;
  const corpusDir = path.join(workDir, 'corpus');
  const indexDir = path.join(workDir, 'index');
  const model = sif ? null : await tinyModel(workDir, corpusDir, indexDir, databaseUrl);
  const config = model?.config ?? sifConfig(workDir, corpusDir, indexDir);
  const loadBefore = load();
  const baselineMb = rssMb();
  const started = performance.now();
  const app = await createApp(config, model ? { loadEmbedder: async () => model.embedder } : {});
  const openMs = round(performance.now() - started, 1);
  const embedder = app.embedder;
  const rssAfterOpenMb = rssMb();

  const dev = (await readQuestionFile(DEV_QUESTIONS)).map((q) => q.q);
  // Everyday wording (dev2, each question on its own) also loads the word vectors.
  const everyday = (await readQuestionFile(DEV2_QUESTIONS)).map((q) => q.q);
  // The terms each lexical search was given, for the plain BM25 to search the same.
  const searched: string[][] = [];
  const store: Store = Object.assign(Object.create(app.store) as Store, {
    searchLexical: (terms: string[], scope: Parameters<Store['searchLexical']>[1], limit: number) => (searched.push(terms), app.store.searchLexical(terms, scope, limit)),
  });
  const answererFor = async (withDense: boolean) => {
    const answerer = createAnswerer({
      store,
      searcher: createSearcher({ store, embedder: withDense ? embedder : null }),
      settings: config.answer,
      wordVectors: () => openWordVectors(config.answer.wordVectors, config.cacheDir),
    });
    await answerer.warm();
    return answerer;
  };
  const query = async (withDense: boolean, questions: string[]) => timeRounds(await answererFor(withDense), questions, ROUNDS);
  const hybrid = app.store.hasVectors ? await query(true, dev) : null;
  const lexical = await query(false, dev);
  const everydayTimings = { hybrid: app.store.hasVectors ? await query(true, everyday) : null, lexical: await query(false, everyday) };
  const rssAfterQueriesMb = rssMb();
  const loadAfter = load();

  const plainBm25 = databaseUrl ? null : await loadPlainBm25((await currentIndexFolder(indexDir))!);
  const ratio = plainBm25 ? await timeRounds(await answererFor(false), dev, RATIO_ROUNDS, () => (searched.length = 0), () => {
    const start = performance.now();
    for (const terms of searched) plainBm25(terms, 40);
    return performance.now() - start;
  }) : null;
  const result = {
    backend: app.backend.kind,
    rounds: ROUNDS,
    load: [loadBefore, loadAfter],
    openMs,
    baselineMb,
    rssAfterOpenMb,
    rssAfterQueriesMb,
    hybrid,
    lexical: { ...lexical, ...(ratio ? { ratio: { plainBm25MedianMs: ratio.plainMedianMs!, lexicalMedianMs: ratio.lexicalMedianMs, retrievalMedianMs: ratio.retrievalMedianMs, medianMs: ratio.medianMs } } : {}) },
    everyday: everydayTimings,
  };
  await app.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * `rounds` rounds of the questions after one to start with; per question the answer's own stage
 * timings and the CPU time the process used. `before` and `after` run around each answer (the
 * plain BM25 is timed in `after`, outside the answer's time).
 */
async function timeRounds(answerer: Answerer, questions: string[], rounds: number, before?: () => void, after?: () => number) {
  await answerer.answer(questions[0]);
  const total: number[][] = [];
  const cpu: number[][] = [];
  const lexical: number[] = [];
  const dense: number[] = [];
  const retrieval: number[] = [];
  const plain: number[] = [];
  for (let r = 0; r < rounds; r++) {
    total.push([]);
    cpu.push([]);
    for (const q of questions) {
      before?.();
      const used = process.cpuUsage();
      const { timings } = await answerer.answer(q);
      const { user, system } = process.cpuUsage(used);
      total[r].push(timings.totalMs);
      cpu[r].push((user + system) / 1000);
      lexical.push(timings.lexicalMs ?? 0);
      dense.push((timings.embedMs ?? 0) + (timings.denseMs ?? 0));
      retrieval.push((timings.lexicalMs ?? 0) + (timings.fusionMs ?? 0));
      if (after) plain.push(after());
    }
  }
  const ms = (values: number[]) => round(median(values), 3);
  const roundP95s = total.map((values) => round(p95(values), 2));
  return {
    medianMs: ms(total.flat()),
    /** The median of the rounds' p95s. */
    p95Ms: round(median(roundP95s), 2),
    roundP95Ms: roundP95s,
    cpuMedianMs: ms(cpu.flat()),
    cpuP95Ms: round(median(cpu.map((values) => p95(values))), 2),
    searchP95Ms: round(p95(lexical), 3),
    lexicalMedianMs: ms(lexical),
    denseMedianMs: ms(dense),
    retrievalMedianMs: ms(retrieval),
    ...(plain.length > 0 ? { plainMedianMs: ms(plain) } : {}),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

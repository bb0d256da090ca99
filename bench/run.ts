/**
 * `npm run bench`: where time goes, and how it grows with the corpus. Prints a Markdown report and
 * writes it to bench/results.md (with the raw figures in bench/results.json). Medians and p95s are
 * from one run; compare ratios, not absolute times, across machines.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { createApp } from '../src/app.js';
import { loadCorpus } from '../src/corpus/load.js';
import { readQuestionFile } from '../src/eval/questions.js';
import { ingest } from '../src/ingest/ingest.js';
import { CORPUS_DIR, DEV2_QUESTIONS, DEV_QUESTIONS, REPO, tempDir, testConfig } from '../tests/support/fixtures.js';
import { createServerDatabase, startPostgres } from '../tests/support/postgres.js';
import { realModel, tinyModel, type BenchModel } from './model.js';
import { median, p95, round } from './stats.js';

const STAGES = ['understandMs', 'embedMs', 'denseMs', 'lexicalMs', 'fusionMs', 'composeMs', 'totalMs'] as const;
const REPEATS = 3;

interface Timing {
  medianMs: number;
  /** The median of the rounds' p95s (serve.ts), and each round's. */
  p95Ms: number;
  roundP95Ms: number[];
  /** CPU time the process used per question: median, and the median of the rounds' p95s. */
  cpuMedianMs: number;
  cpuP95Ms: number;
  /** p95 of the store's lexical search alone. */
  searchP95Ms: number;
  /** Median of the dense half's own cost: embedding the question and the vector search. */
  denseMedianMs: number;
  /** Medians of the lexical search alone, and of retrieval (search, reading and ranking the candidate passages). */
  lexicalMedianMs: number;
  retrievalMedianMs: number;
  /** Lexical rounds timed beside a plain BM25 over the same terms (embedded backend), for the ratios. */
  ratio?: { plainBm25MedianMs: number; lexicalMedianMs: number; retrievalMedianMs: number; medianMs: number };
}

interface Served {
  backend: string;
  /** Rounds of the questions per mode. */
  rounds: number;
  /** One-minute load average when serving began and when the questions were done. */
  load: [number, number];
  openMs: number;
  baselineMb: number;
  rssAfterOpenMb: number;
  rssAfterQueriesMb: number;
  hybrid: Timing | null;
  lexical: Timing;
  /** The same for dev2's everyday wording, asked after the dev questions (word vectors loaded). */
  everyday: { hybrid: Timing | null; lexical: Timing };
}

interface PostgresTargets {
  copies: number;
  passages: number;
  embedded: { laterMedianMs: number };
  firstRound: { medianMs: number };
  laterRounds: { medianMs: number };
  reader: { quietMaxMs: number; duringIngestMaxMs: number };
  cleanup: Array<{ putMedianMs: number; turnMedianMs: number; admitMedianMs: number; cleanupMsPer1000: number }>;
}

interface ScalePoint {
  copies: number;
  passages: number;
  ingest: Record<string, number>;
  buildMaxRssMb: number;
  indexBytes: number;
  bruteForceMs: number;
  hnswBuildMs: number;
  hnsw: Array<{ ef: number; recallAt10: number; medianMs: number }>;
  served: Served;
}

const program = new Command()
  .name('bench')
  .option('--full', 'also run the ×1000 corpus (about 200k passages; takes much longer)')
  .option('--out <dir>', 'where to write results.md and results.json', path.join(REPO, 'bench'))
  .action(run);

async function run(options: { full?: boolean; out: string }): Promise<void> {
  const started = performance.now();
  const work = await tempDir('report-qa-bench-');
  const lines: string[] = [];
  const out = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  const raw: Record<string, unknown> = {};

  out('# 报告问答 benchmark');
  out();
  out(`Run ${new Date().toISOString()} on ${machine()}, one-minute load average ${loadAverage()} at the start. Medians and p95 from one run; compare ratios, not absolute times.`);

  const tiny = await tinyModel(work.dir, CORPUS_DIR, path.join(work.dir, 'index-tiny'));
  const real = await realModel(CORPUS_DIR, path.join(work.dir, 'index-real'));
  const models = real ? [tiny, real] : [tiny];

  out();
  out('## Ingest of the real corpus');
  out();
  out(`Median of ${REPEATS} runs. Passages/s is passages divided by the stage's time.${real ? '' : ` The default model's files are not in embeddings/models/ here (no model hub), so embedding is measured with the generated tiny model only.`}`);
  out();
  out('| model | passages | clean+chunk ms | terms ms | embed ms | write (with HNSW) ms | total ms | embed passages/s |');
  out('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const lexicalRuns = [];
  for (let i = 0; i < REPEATS; i++) lexicalRuns.push((await ingest(testConfig(path.join(work.dir, 'index-lexical'), { DENSE: 'off' }))).timings);
  const passages = (await loadCorpus(CORPUS_DIR, tiny.config.chunking)).passages.length;
  out(ingestRow('none (lexical only)', passages, lexicalRuns));
  raw.ingest = { lexical: lexicalRuns };
  for (const model of models) {
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push((await ingest(model.config, { embedder: model.embedder })).timings);
    out(ingestRow(model.name, passages, runs));
    (raw.ingest as Record<string, unknown>)[model.name] = runs;
  }

  out();
  out('## Per question, index loaded (dev questions × 3)');
  out();
  out('Stages are wall times within the process (a busy machine preempting it counts); `CPU` is the CPU time the process used per question.');
  out();
  out(`| mode | ${STAGES.map((s) => s.replace('Ms', '')).join(' | ')} | CPU |`);
  out(`| --- | ${STAGES.map(() => '---').join(' | ')} | --- |`);
  const questions = (await readQuestionFile(DEV_QUESTIONS)).map((q) => q.q);
  for (const [name, model] of [['lexical', null], ...models.map((m) => [`hybrid (${m.name})`, m] as const)] as Array<[string, BenchModel | null]>) {
    const config = model?.config ?? testConfig(path.join(work.dir, 'index-lexical'), { DENSE: 'off' });
    const app = await createApp(config, model ? { embedder: model.embedder, loadEmbedder: async () => model.embedder } : { embedder: null });
    const answerer = app.answerer;
    await answerer.answer(questions[0]);
    const samples: Array<Record<string, number>> = [];
    for (let r = 0; r < REPEATS; r++) {
      for (const q of questions) {
        const cpu = process.cpuUsage();
        const { timings } = await answerer.answer(q);
        const used = process.cpuUsage(cpu);
        samples.push({ ...timings, cpuMs: (used.user + used.system) / 1000 });
      }
    }
    const cell = (stage: string) => {
      const values = samples.map((s) => s[stage] ?? 0);
      return `${round(median(values), 3)} / ${round(p95(values), 3)}`;
    };
    out(`| ${name} (median / p95 ms) | ${STAGES.map(cell).join(' | ')} | ${cell('cpuMs')} |`);
    await app.close();
  }

  out();
  out('## First answer after start, warmed (what the bot and the interactive CLI do) and not');
  out();
  const everyday = (await readQuestionFile(DEV2_QUESTIONS)).map((q) => q.q);
  const firstAnswers = { warmMs: [] as number[], warmedFirstMs: [] as number[], coldFirstMs: [] as number[] };
  for (let r = 0; r < REPEATS; r++) {
    for (const warmed of [true, false]) {
      const app = await createApp(testConfig(path.join(work.dir, 'index-lexical'), { DENSE: 'off' }), { embedder: null });
      const started = performance.now();
      if (warmed) {
        await app.answerer.warm();
        firstAnswers.warmMs.push(performance.now() - started);
      }
      const { totalMs } = (await app.answerer.answer(everyday[r % everyday.length])).timings;
      (warmed ? firstAnswers.warmedFirstMs : firstAnswers.coldFirstMs).push(totalMs);
      await app.close();
    }
  }
  out('| lexical, dev2 question | median ms | runs |');
  out('| --- | --- | --- |');
  out(`| warm() | ${round(median(firstAnswers.warmMs), 0)} | ${REPEATS} |`);
  out(`| first answer after warm() | ${round(median(firstAnswers.warmedFirstMs), 1)} | ${REPEATS} |`);
  out(`| first answer without warm() | ${round(median(firstAnswers.coldFirstMs), 1)} | ${REPEATS} |`);
  raw.firstAnswer = firstAnswers;

  out();
  out('## Cold start of a one-shot `node bin/report-qa.js ask` (process start to exit with the answer, index built)');
  out();
  out('The compiled CLI (`dist/`), as `npx report-qa ask` runs it. Wall time is inflated by whatever else the machine runs; the CPU time the process used (its own report at exit) is not.');
  out();
  const lexicalEnv = { CORPUS_DIR, INDEX_DIR: path.join(work.dir, 'index-lexical'), DENSE: 'off' };
  const tinyEnv = { CORPUS_DIR, INDEX_DIR: tiny.config.indexDir, MODEL_ID: tiny.config.model.id, MODELS_DIR: tiny.config.model.modelsDir, MODEL_POOLING: 'cls', ALLOW_REMOTE_MODELS: 'false' };
  const coldLexical = await coldStarts(lexicalEnv);
  const coldHybrid = await coldStarts(tinyEnv);
  out('| mode | wall median ms | wall fastest ms | CPU median ms | runs |');
  out('| --- | --- | --- | --- | --- |');
  for (const [mode, runs] of [['lexical', coldLexical], [`hybrid (${tiny.name})`, coldHybrid]] as const) {
    const wall = runs.map((r) => r.wallMs);
    out(`| ${mode} | ${round(median(wall), 0)} | ${round(Math.min(...wall), 0)} | ${round(median(runs.map((r) => r.cpuMs)), 0)} | ${runs.length} |`);
  }
  raw.coldStart = { lexical: coldLexical, hybrid: coldHybrid };

  out();
  out('## Bot start-up (process start to ready, index built)');
  out();
  out('The compiled bot (`node dist/bot/main.js`, as `npm run bot` runs it) against the Bot API emulator on loopback (bench/probes/bot-ready.ts), lexical and with the SIF dense half, runs alternating. Ready is its `ready` log line: the index opened, everything a question needs loaded (`warm()`), the command menu registered. CPU is what the process had used by then. The answers are round trips through the emulator right after ready, each in a fresh private chat.');
  out();
  const ready = await probe<{ summary: Record<string, { runs: number; readyMs: number; fastestReadyMs: number; readyCpuMs: number; firstAnswerMs: number; secondAnswerMs: number }> }>('bot-ready.ts', []);
  raw.botReady = ready;
  out('| mode | ready median ms | ready fastest ms | CPU to ready median ms | first answer after ready ms | second answer ms | runs |');
  out('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [mode, r] of Object.entries(ready.summary)) out(`| ${mode} | ${r.readyMs} | ${r.fastestReadyMs} | ${r.readyCpuMs} | ${r.firstAnswerMs} | ${r.secondAnswerMs} | ${r.runs} |`);
  out();
  out('## Embedding throughput: our embedder against a bare transformers.js `pipeline()` loop');
  out();
  out('| model | ours passages/s | bare pipeline passages/s | our overhead |');
  out('| --- | --- | --- | --- |');
  for (const model of models) {
    const texts = (await loadCorpus(CORPUS_DIR, model.config.chunking)).passages.map((p) => p.text);
    const { ours, bare } = await embeddingThroughput(model, texts);
    out(`| ${model.name} | ${round(ours, 0)} | ${round(bare, 0)} | ${round((bare / ours - 1) * 100, 1)}% |`);
  }

  out();
  out('## Scale series (synthetic corpus, tiny 512-d model)');
  out();
  out('Each size is the real corpus plus seeded copies with other city names and scaled figures (bench/synthetic.ts), in a fresh process.');
  out('HNSW and exact search are compared on the same (mean-centred) vectors, 100 queries, recall@10 counting ties with the 10th exact hit as found.');
  out();
  const sizes = options.full ? [1, 10, 100, 1000] : [1, 10, 100];
  const points: ScalePoint[] = [];
  for (const copies of sizes) {
    const folder = path.join(work.dir, `scale-${copies}`);
    const built = await probe<Omit<ScalePoint, 'served'>>('scale.ts', [String(copies), folder]);
    points.push({ ...built, served: await probe<Served>('serve.ts', [folder]) });
    await rm(folder, { recursive: true, force: true });
  }
  raw.scale = points;
  out(
    `Serving is measured in a fresh process that opens the built index (with the tiny model already loaded: \`baseline\`), warms the answerer as the bot does, then asks the dev questions ${points[0].served.rounds} times, then the everyday ones of dev2 (each on its own; they load the word vectors) as often. RSS after queries is after both. A p95 is the median of the rounds' p95s; CPU is the process's CPU time per question; load is the one-minute load average when serving began and ended (2 cores).`,
  );
  out();
  out('| size | passages | ingest s | of which embed s | index MB | open ms | RSS MB: baseline / after open / after queries | hybrid median / p95 ms | hybrid CPU p95 ms | lexical median / p95 ms | lexical search p95 ms | everyday hybrid / lexical p95 ms | load |');
  out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const p of points) {
    const s = p.served;
    out(
      `| ×${p.copies} | ${p.passages} | ${round(p.ingest.totalMs / 1000, 1)} | ${round(p.ingest.embedMs / 1000, 1)} | ${round(p.indexBytes / 2 ** 20, 1)} | ${s.openMs} | ` +
        `${s.baselineMb} / ${s.rssAfterOpenMb} / ${s.rssAfterQueriesMb} | ${s.hybrid?.medianMs} / ${s.hybrid?.p95Ms} | ${s.hybrid?.cpuP95Ms} | ${s.lexical.medianMs} / ${s.lexical.p95Ms} | ${s.lexical.searchP95Ms} | ` +
        `${s.everyday.hybrid?.p95Ms} / ${s.everyday.lexical.p95Ms} | ${s.load.join('–')} |`,
    );
  }

  out();
  out('Lexical retrieval against a plain BM25 (bench/plain-bm25.ts: the same index terms, every posting list in memory, no scope, a full sort), timed in the same rounds on the dev questions (further rounds after the ones above, with the plain BM25 loaded): the plain BM25 searches exactly the terms each question searched. `search` is the store\'s scoped BM25 alone; `retrieval` adds reading, ranking by section fit and keeping the candidate passages (the searcher\'s whole work).');
  out();
  out('| size | plain BM25 median ms | search median ms (÷ plain) | retrieval median ms (÷ plain) | whole answer median ms |');
  out('| --- | --- | --- | --- | --- |');
  for (const p of points) {
    const ratio = p.served.lexical.ratio!;
    const plain = ratio.plainBm25MedianMs;
    out(`| ×${p.copies} | ${plain} | ${ratio.lexicalMedianMs} (${round(ratio.lexicalMedianMs / plain, 2)}×) | ${ratio.retrievalMedianMs} (${round(ratio.retrievalMedianMs / plain, 2)}×) | ${ratio.medianMs} |`);
  }

  out();
  out(`| size | exact (naive) ms | ${points[0].hnsw.map((h) => `HNSW ef=${h.ef} ms (recall@10)`).join(' | ')} | naive ÷ HNSW ef=100 |`);
  out(`| --- | --- | ${points[0].hnsw.map(() => '---').join(' | ')} | --- |`);
  for (const p of points) {
    const ef100 = p.hnsw.find((h) => h.ef === 100)!;
    out(`| ×${p.copies} (${p.passages}) | ${p.bruteForceMs} | ${p.hnsw.map((h) => `${h.medianMs} (${h.recallAt10})`).join(' | ')} | ${round(p.bruteForceMs / ef100.medianMs, 1)}× |`);
  }

  out();
  out('### Scale series with SIF sentence vectors (no model)');
  out();
  out('The same corpora ingested without a transformers.js model, `DENSE_FALLBACK=sif`: the dense half is 100-d SIF vectors from the word vectors. Served in a fresh process as above; the dense part is the median of embedding the question plus the vector search.');
  out();
  const sifPoints: Array<{ copies: number; passages: number; ingest: Record<string, number>; buildMaxRssMb: number; buildCpuMs: number; buildLoad: [number, number]; indexBytes: number; served: Served }> = [];
  for (const copies of sizes) {
    const folder = path.join(work.dir, `sif-${copies}`);
    const built = await probe<Omit<(typeof sifPoints)[number], 'served'>>('scale.ts', [String(copies), folder, '--sif']);
    sifPoints.push({ ...built, served: await probe<Served>('serve.ts', [folder, '--sif']) });
    await rm(folder, { recursive: true, force: true });
  }
  raw.sifScale = sifPoints;
  out('| size | passages | ingest s (CPU s) | of which clean+write / terms / SIF / write with HNSW s | build peak MB | index MB | open ms | RSS MB after open / after queries | hybrid median / p95 ms | hybrid CPU p95 ms | dense part median ms | lexical median / p95 ms | load building / serving |');
  out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const p of sifPoints) {
    const s = p.served;
    const seconds = (key: string) => round(p.ingest[key] / 1000, 1);
    out(
      `| ×${p.copies} | ${p.passages} | ${seconds('totalMs')} (${round(p.buildCpuMs / 1000, 1)}) | ${seconds('corpusMs')} / ${seconds('lexicalMs')} / ${seconds('embedMs')} / ${seconds('writeMs')} | ${p.buildMaxRssMb} | ${round(p.indexBytes / 2 ** 20, 1)} | ${s.openMs} | ` +
        `${s.rssAfterOpenMb} / ${s.rssAfterQueriesMb} | ${s.hybrid?.medianMs} / ${s.hybrid?.p95Ms} | ${s.hybrid?.cpuP95Ms} | ${s.hybrid?.denseMedianMs} | ${s.lexical.medianMs} / ${s.lexical.p95Ms} | ${p.buildLoad.join('–')} / ${s.load.join('–')} |`,
    );
  }

  out();
  // With DATABASE_URL (a superuser's URL of a server with pgvector), the series runs there, each size in a fresh database.
  const server = process.env.DATABASE_URL;
  out(server ? '### PostgreSQL backend (server at DATABASE_URL)' : '### PostgreSQL backend (PGlite)');
  out();
  out(
    server
      ? 'The same series with `STORE=postgres` against the server at `DATABASE_URL`, each size in a fresh database.'
      : "The same series with `STORE=postgres` against PGlite — PostgreSQL 18 compiled to WebAssembly, single-threaded, served on loopback by this process. These figures show the backend works at these sizes; they say nothing about a PostgreSQL server's speed. Set `DATABASE_URL` to run it on a server.",
  );
  out();
  const pgSizes = server ? sizes : [1, 10];
  const pgPoints: Array<Omit<ScalePoint, 'served' | 'indexBytes' | 'hnsw' | 'bruteForceMs' | 'hnswBuildMs'> & { served: Served }> = [];
  const targets: PostgresTargets[] = [];
  for (const copies of pgSizes) {
    const database = server ? await createServerDatabase(server) : await startPostgres();
    const folder = path.join(work.dir, `pg-${copies}`);
    const built = await probe<Omit<ScalePoint, 'served'>>('scale.ts', [String(copies), folder, database.url]);
    pgPoints.push({ ...built, served: await probe<Served>('serve.ts', [folder, database.url]) });
    await rm(folder, { recursive: true, force: true });
    if (server) targets.push(await probe<PostgresTargets>('postgres-targets.ts', [String(copies), folder, database.url]));
    await rm(folder, { recursive: true, force: true });
    await database.stop();
  }
  raw.postgres = pgPoints;
  out('| size | passages | ingest s | open ms | hybrid median / p95 ms | lexical median / p95 ms |');
  out('| --- | --- | --- | --- | --- | --- |');
  for (const p of pgPoints) {
    const s = p.served;
    out(`| ×${p.copies} | ${p.passages} | ${round(p.ingest.totalMs / 1000, 1)} | ${s.openMs} | ${s.hybrid?.medianMs} / ${s.hybrid?.p95Ms} | ${s.lexical.medianMs} / ${s.lexical.p95Ms} |`);
  }
  if (targets.length) {
    raw.postgresTargets = targets;
    out();
    out('Issue 22 targets (bench/probes/postgres-targets.ts): dev questions answered (hybrid) on a freshly published index, first round against three later rounds, and the embedded store on the same corpus; a reader asking while another process ingests; the bot state with many expired rows.');
    out();
    out('| size | first round median ms | later median ms | embedded later median ms | reader max ms quiet / during ingest | bot put / turn / admit median ms at 10k / 200k expired | cleanup ms per 1000 rows at 10k / 200k |');
    out('| --- | --- | --- | --- | --- | --- | --- |');
    for (const t of targets) {
      const [small, large] = t.cleanup;
      out(
        `| ×${t.copies} (${t.passages}) | ${t.firstRound.medianMs} | ${t.laterRounds.medianMs} | ${t.embedded.laterMedianMs} | ${t.reader.quietMaxMs} / ${t.reader.duringIngestMaxMs} | ` +
          `${small.putMedianMs} / ${small.turnMedianMs} / ${small.admitMedianMs} — ${large.putMedianMs} / ${large.turnMedianMs} / ${large.admitMedianMs} | ${small.cleanupMsPer1000} / ${large.cleanupMsPer1000} |`,
      );
    }
  }
  out();
  out('## Projection to 500k passages');
  out();
  for (const line of projection(points)) out(line);

  out();
  out('## Telegram bot under load (emulator on loopback)');
  out();
  const load = await probe<Record<string, number>>('bot-load.ts', []);
  raw.botLoad = load;
  out('| chats × questions | sent | received | lost | duplicated | round trip median / p95 ms | answers/s | bot peak RSS MB |');
  out('| --- | --- | --- | --- | --- | --- | --- | --- |');
  out(`| ${load.chats} × ${load.questionsPerChat} | ${load.sent} | ${load.received} | ${load.lost} | ${load.duplicated} | ${load.medianMs} / ${load.p95Ms} | ${load.answersPerSecond} | ${load.botPeakRssMb} |`);

  out();
  out(`Benchmark took ${round((performance.now() - started) / 1000, 0)} s; one-minute load average ${loadAverage()} at the end.`);
  await mkdir(options.out, { recursive: true });
  await writeFile(path.join(options.out, 'results.md'), `${lines.join('\n')}\n`);
  await writeFile(path.join(options.out, 'results.json'), `${JSON.stringify({ machine: machine(), ...raw }, null, 2)}\n`);
  await work.cleanup();
}

const loadAverage = () => round(os.loadavg()[0], 1);

function machine(): string {
  const cpu = os.cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${round(os.totalmem() / 2 ** 30, 0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function ingestRow(name: string, passages: number, runs: Array<Record<string, number>>): string {
  const m = (key: string) => median(runs.map((r) => r[key]));
  const rate = (key: string) => (m(key) > 0 ? String(round(passages / (m(key) / 1000), 0)) : '—');
  return `| ${name} | ${passages} | ${m('corpusMs')} | ${m('lexicalMs')} | ${m('embedMs')} | ${m('writeMs')} | ${m('totalMs')} | ${rate('embedMs')} |`;
}

async function embeddingThroughput(model: BenchModel, texts: string[]): Promise<{ ours: number; bare: number }> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.localModelPath = model.config.model.modelsDir;
  env.allowRemoteModels = false;
  const extractor = await pipeline('feature-extraction', model.config.model.id, { dtype: model.config.model.dtype });
  const batch = model.config.model.batchSize;
  const bareRun = async () => {
    for (let i = 0; i < texts.length; i += batch) await extractor(texts.slice(i, i + batch), { pooling: model.config.model.pooling, normalize: true });
  };
  const ours: number[] = [];
  const bare: number[] = [];
  await bareRun();
  for (let r = 0; r < REPEATS; r++) {
    let start = performance.now();
    await model.embedder.embedPassages(texts);
    ours.push(texts.length / ((performance.now() - start) / 1000));
    start = performance.now();
    await bareRun();
    bare.push(texts.length / ((performance.now() - start) / 1000));
  }
  return { ours: median(ours), bare: median(bare) };
}

/** The child says at exit how much CPU it used (user + system). */
const REPORT_CPU = 'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write(`cpu-ms ${(u.user+u.system)/1000}\\n`)})';

async function coldStarts(env: Record<string, string>, runs = 7): Promise<Array<{ wallMs: number; cpuMs: number }>> {
  const times: Array<{ wallMs: number; cpuMs: number }> = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', REPORT_CPU, path.join('bin', 'report-qa.js'), 'ask', '晋中卫生厕所普及率是多少？'], {
        cwd: REPO,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`ask exited with ${code}: ${stderr}`);
    times.push({ wallMs: performance.now() - start, cpuMs: Number(/cpu-ms ([\d.]+)/.exec(stderr)![1]) });
  }
  return times;
}

function probe<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'probes', script), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as T) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/**
 * A line through the two largest sizes (fixed cost + cost per passage) for what grows linearly;
 * HNSW search grows with the logarithm of the count.
 */
function projection(points: ScalePoint[]): string[] {
  const target = 500_000;
  const [a, b] = points.slice(-2);
  const linear = (get: (p: ScalePoint) => number) => {
    const slope = (get(b) - get(a)) / (b.passages - a.passages);
    return get(b) + slope * (target - b.passages);
  };
  const ef100 = (p: ScalePoint) => p.hnsw.find((h) => h.ef === 100)!.medianMs;
  const row = (name: string, get: (p: ScalePoint) => number, unit: number, digits = 1) =>
    `| ${name} | ${round(get(b) / unit, digits)} | ${round(linear(get) / unit, digits)} |`;
  return [
    `A straight line through ×${a.copies} and ×${b.copies} (${a.passages} and ${b.passages} passages), extended to ${target.toLocaleString('en')} passages:`,
    '',
    `| quantity | measured at ${b.passages} | projected at 500k |`,
    '| --- | --- | --- |',
    row('ingest with the tiny model (s)', (p) => p.ingest.totalMs, 1000, 0),
    row('HNSW build, 512-d, M=16, efC=200 (s)', (p) => p.hnswBuildMs, 1000, 0),
    row('index on disk (MB)', (p) => p.indexBytes, 2 ** 20, 0),
    row('index open (s)', (p) => p.served.openMs, 1000, 1),
    row('serving process RSS after queries (MB)', (p) => p.served.rssAfterQueriesMb, 1, 0),
    row('exact search per query (ms)', (p) => p.bruteForceMs, 1, 0),
    `| HNSW ef=100 per query (ms) | ${ef100(b)} | ~${round((ef100(b) * Math.log(target)) / Math.log(b.passages), 2)} (logarithmic) |`,
  ];
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

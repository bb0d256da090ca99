/**
 * Serving one point of the scale series, in a fresh process so RSS is the server's own: open the
 * index built by scale.ts (embedded folder, or `DATABASE_URL`; `--sif` for one built with SIF
 * sentence vectors, no model loaded), then ask the dev questions and the everyday ones (dev2)
 * three times, lexical and hybrid; for the embedded backend, also a plain in-memory BM25 over the
 * same terms each lexical question searched (bench/plain-bm25.ts), timed in the same rounds, for
 * the ratios. Prints one JSON object.
 */
import path from 'node:path';
import { createApp, openWordVectors } from '../../src/app.js';
import { createSearcher } from '../../src/search/searcher.js';
import { createAnswerer } from '../../src/answer/answerer.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { currentIndexFolder } from '../../src/store/atomic.js';
import type { Store } from '../../src/store/types.js';
import { loadPlainBm25 } from '../plain-bm25.js';
import { DEV2_QUESTIONS, DEV_QUESTIONS } from '../../tests/support/fixtures.js';
import { sifConfig, tinyModel } from '../model.js';
import { median, p95, round } from '../stats.js';

const rssMb = () => round(process.memoryUsage().rss / 2 ** 20, 1);

async function main(): Promise<void> {
  const [workDir, second] = process.argv.slice(2);
  const sif = second === '--sif';
  const databaseUrl = sif ? undefined : second;
  const corpusDir = path.join(workDir, 'corpus');
  const indexDir = path.join(workDir, 'index');
  const model = sif ? null : await tinyModel(workDir, corpusDir, indexDir, databaseUrl);
  const config = model?.config ?? sifConfig(workDir, corpusDir, indexDir);
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
  const plainBm25 = databaseUrl ? null : await loadPlainBm25((await currentIndexFolder(path.join(workDir, 'index')))!);
  const query = async (withDense: boolean, questions: string[]) => {
    const answerer = createAnswerer({
      store,
      searcher: createSearcher({ store, embedder: withDense ? embedder : null }),
      settings: config.answer,
      wordVectors: () => openWordVectors(config.answer.wordVectors, config.cacheDir),
    });
    await answerer.answer(questions[0]);
    const total: number[] = [];
    const lexical: number[] = [];
    const dense: number[] = [];
    const retrieval: number[] = [];
    const plain: number[] = [];
    for (let r = 0; r < 3; r++) {
      for (const q of questions) {
        searched.length = 0;
        const { timings } = await answerer.answer(q);
        total.push(timings.totalMs);
        lexical.push(timings.lexicalMs ?? 0);
        dense.push((timings.embedMs ?? 0) + (timings.denseMs ?? 0));
        retrieval.push((timings.lexicalMs ?? 0) + (timings.fusionMs ?? 0));
        if (plainBm25 && !withDense) {
          const start = performance.now();
          for (const terms of searched) plainBm25(terms, 40);
          plain.push(performance.now() - start);
        }
      }
    }
    const ms = (values: number[]) => round(median(values), 3);
    return {
      medianMs: ms(total),
      p95Ms: round(p95(total), 3),
      searchP95Ms: round(p95(lexical), 3),
      lexicalMedianMs: ms(lexical),
      denseMedianMs: ms(dense),
      retrievalMedianMs: ms(retrieval),
      ...(plain.length > 0 ? { plainBm25MedianMs: ms(plain) } : {}),
    };
  };
  const hybrid = app.store.hasVectors ? await query(true, dev) : null;
  const lexical = await query(false, dev);
  const everydayTimings = { hybrid: app.store.hasVectors ? await query(true, everyday) : null, lexical: await query(false, everyday) };
  const result = { backend: app.backend.kind, openMs, baselineMb, rssAfterOpenMb, rssAfterQueriesMb: rssMb(), hybrid, lexical, everyday: everydayTimings };
  await app.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

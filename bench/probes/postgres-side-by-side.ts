/**
 * Two checkouts of report-qa on PostgreSQL side by side in one process, the embedded store beside
 * them (issue 22's "within 2× the embedded store", base code against a change): each checkout's
 * app on its own database of the same synthetic corpus, ingested by that checkout's code (once:
 * a work folder that has its index is reused), and the embedded index of this checkout. The dev
 * questions, each asked of every side in turn so that a change in the machine's load falls on all
 * of them, for `rounds` rounds after a warming one; hybrid (SIF vectors) then lexical. Prints the
 * median answer and store-call ms per side, its ratio to the embedded store's, and the load average
 * at the start and end. Args: copies, rounds, base checkout, base work folder, base database URL,
 * this checkout's work folder, its database URL.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../../src/app.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { CORPUS_DIR, DEV_QUESTIONS } from '../../tests/support/fixtures.js';
import { writeSyntheticCorpus } from '../synthetic.js';
import { median, round } from '../stats.js';

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Side {
  name: string;
  checkout: string;
  work: string;
  url: string | null;
}

const load = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

/** The side's checkout's own modules: each reads and writes its database as that code does. */
async function modules(checkout: string) {
  const { createApp } = (await import(path.join(checkout, 'src/app.ts'))) as typeof import('../../src/app.js');
  const { loadConfig } = (await import(path.join(checkout, 'src/config.ts'))) as typeof import('../../src/config.js');
  const { ingest } = (await import(path.join(checkout, 'src/ingest/ingest.ts'))) as typeof import('../../src/ingest/ingest.js');
  return { createApp, loadConfig, ingest };
}

function environment(side: Side): Record<string, string> {
  const env: Record<string, string> = {
    CORPUS_DIR: path.join(side.work, 'corpus'),
    INDEX_DIR: path.join(side.work, 'index'),
    DENSE_FALLBACK: 'sif',
    ALLOW_REMOTE_MODELS: 'false',
    MODELS_DIR: path.join(side.work, 'no-models'),
  };
  return side.url ? { ...env, STORE: 'postgres', DATABASE_URL: side.url } : env;
}

async function main(): Promise<void> {
  const [copies, roundsArg, baseCheckout, baseWork, baseUrl, work, url] = process.argv.slice(2);
  const rounds = Number(roundsArg);
  const sides: Side[] = [
    { name: 'base', checkout: path.resolve(baseCheckout), work: baseWork, url: baseUrl },
    { name: 'this', checkout: HERE, work, url },
    { name: 'embedded', checkout: HERE, work, url: null },
  ];
  for (const side of sides) {
    // An ingest into PostgreSQL leaves a cache folder in INDEX_DIR: the embedded index is there when CURRENT is.
    const built = path.join(side.work, side.url ? 'postgres-built' : 'index/CURRENT');
    if (existsSync(built)) continue;
    if (!existsSync(path.join(side.work, 'corpus'))) await writeSyntheticCorpus(CORPUS_DIR, path.join(side.work, 'corpus'), Number(copies));
    const { ingest, loadConfig } = await modules(side.checkout);
    await ingest(loadConfig(environment(side)));
    if (side.url) await writeFile(built, side.url);
  }
  const questions = (await readQuestionFile(DEV_QUESTIONS)).map((q) => q.q);
  const result: Record<string, unknown> = { copies: Number(copies), rounds, loadStart: await load() };
  for (const dense of [true, false]) {
    const apps: App[] = [];
    for (const side of sides) {
      const { createApp, loadConfig } = await modules(side.checkout);
      const app = await createApp({ ...loadConfig(environment(side)), dense });
      await app.answerer.warm();
      apps.push(app);
    }
    const answerMs = sides.map((): number[] => []);
    const storeMs = sides.map((): number[] => []);
    for (let r = 0; r <= rounds; r++) {
      for (const q of questions) {
        for (const [i, app] of apps.entries()) {
          const { timings } = await app.answerer.answer(q);
          if (r === 0) continue;
          answerMs[i].push(timings.totalMs);
          storeMs[i].push((timings.denseMs ?? 0) + (timings.lexicalMs ?? 0));
        }
      }
    }
    const embedded = median(answerMs[sides.length - 1]);
    result[dense ? 'hybrid' : 'lexical'] = Object.fromEntries(
      sides.map((side, i) => [side.name, { answerMs: round(median(answerMs[i]), 2), storeMs: round(median(storeMs[i]), 2), overEmbedded: round(median(answerMs[i]) / embedded, 2) }]),
    );
    for (const app of apps) await app.close();
  }
  result.loadEnd = await load();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * The lexical half of issue 22's targets at a size too large to embed here in reasonable time:
 * the synthetic corpus ingested lexically into the embedded store and into PostgreSQL (twice, so
 * the second version is fresh), then the dev questions on each, first round against three later
 * ones. Args: copies, work folder, database URL. Prints one JSON object.
 */
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { ingest } from '../../src/ingest/ingest.js';
import { CORPUS_DIR, DEV_QUESTIONS } from '../../tests/support/fixtures.js';
import { writeSyntheticCorpus } from '../synthetic.js';
import { median, round } from '../stats.js';

async function main(): Promise<void> {
  const [copiesArg, workDir, databaseUrl] = process.argv.slice(2);
  const copies = Number(copiesArg);
  const corpusDir = path.join(workDir, 'corpus');
  await writeSyntheticCorpus(CORPUS_DIR, corpusDir, copies);
  const questions = (await readQuestionFile(DEV_QUESTIONS)).map((q) => q.q);
  const env = { CORPUS_DIR: corpusDir, INDEX_DIR: path.join(workDir, 'index'), DENSE: 'off' };

  const measure = async (config: Config, publishes: number) => {
    for (let i = 0; i < publishes; i++) await ingest(config, { embedder: null });
    const app = await createApp(config);
    await app.answerer.warm();
    const ask = async (q: string) => (await app.answerer.answer(q)).timings.totalMs;
    const first: number[] = [];
    for (const q of questions) first.push(await ask(q));
    const later: number[] = [];
    for (let r = 0; r < 3; r++) for (const q of questions) later.push(await ask(q));
    const passages = app.store.terms.passageCount;
    await app.close();
    return { passages, firstMedianMs: round(median(first), 2), laterMedianMs: round(median(later), 2) };
  };
  const embedded = await measure(loadConfig(env), 1);
  const postgres = await measure(loadConfig({ ...env, STORE: 'postgres', DATABASE_URL: databaseUrl }), 2);
  process.stdout.write(`${JSON.stringify({ copies, embedded, postgres })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

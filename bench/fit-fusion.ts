/**
 * `npm run -s fit-fusion`: how much the SIF dense half should count in fusion. Opens the index
 * built with SIF sentence vectors (no transformers.js model), answers the question sets with the
 * dense list weighted 0 (lexical), 0.1, … 1 against BM25's 1, and shows by 5-fold
 * cross-validation over all of them whether a weight chosen on some questions holds on the rest.
 * Prints Markdown tables; no file is written.
 */
import { Command } from 'commander';
import path from 'node:path';
import { createAnswerer } from '../src/answer/answerer.js';
import { openApp, openWordVectors, readConfig } from '../src/app.js';
import { SIF_EMBEDDER } from '../src/embed/sif.js';
import { crossValidate, foldsOf, type Trial } from '../src/eval/cross-validate.js';
import { summarize } from '../src/eval/metrics.js';
import { readQuestionFile } from '../src/eval/questions.js';
import { runEvaluation } from '../src/eval/run.js';
import { RETRIEVAL_SETTINGS } from '../src/search/retrieval-settings.js';
import { createSearcher } from '../src/search/searcher.js';
import { seededRandom } from '../tests/support/random.js';

const SETS = ['dev', 'dev2', 'fresh', 'fresh2', 'everyday', 'probes'].map((name) => path.resolve(import.meta.dirname, '..', 'eval', `${name}.jsonl`));
const WEIGHTS = [0, 0.1, 0.2, 0.3, 0.5, 0.75, 1];

const program = new Command()
  .name('fit-fusion')
  .option('-k, --folds <k>', 'number of folds', '5')
  .option('--seed <n>', 'seed of the fold split', '17')
  .action(run);

async function run(options: { folds: string; seed: string }): Promise<void> {
  const config = readConfig();
  const app = await openApp(config, (line) => process.stderr.write(`${line}\n`));
  if (app.embedder?.modelId !== SIF_EMBEDDER) throw new Error(`the index's dense half is ${app.embedder?.modelId ?? 'absent'}, not SIF: build it without a model (npm run ingest)`);
  const sets = await Promise.all(SETS.map(async (file) => ({ name: path.basename(file, '.jsonl'), questions: await readQuestionFile(file) })));
  const groups = new Map<string, string>();
  for (const { name, questions } of sets) for (const q of questions) groups.set(`${name}/${q.id}`, `${name}/${q.thread ?? q.id}`);

  const trials: Array<Trial<number>> = [];
  const perSet = new Map<number, Map<string, ReturnType<typeof summarize>>>();
  for (const weight of WEIGHTS) {
    const settings = { ...RETRIEVAL_SETTINGS, denseWeight: { ...RETRIEVAL_SETTINGS.denseWeight, sif: weight } };
    const searcher = createSearcher({ store: app.store, embedder: app.embedder, settings });
    const answerer = createAnswerer({ store: app.store, searcher, settings: config.answer, wordVectors: () => openWordVectors(config.answer.wordVectors, config.cacheDir) });
    const right = new Map<string, boolean>();
    const summaries = new Map<string, ReturnType<typeof summarize>>();
    for (const { name, questions } of sets) {
      const results = await runEvaluation(questions, answerer, app.store.documents, config.corpusDir);
      for (const r of results) right.set(`${name}/${r.id}`, r.right);
      summaries.set(name, summarize(results));
    }
    trials.push({ setting: weight, right });
    perSet.set(weight, summaries);
    process.stderr.write(`weight ${weight} done\n`);
  }
  await app.close();

  const pct = (x: number) => x.toFixed(3);
  console.log(`| SIF weight | ${sets.map((s) => `${s.name} right / A@1 / R@5`).join(' | ')} |`);
  console.log(`|---|${sets.map(() => '---').join('|')}|`);
  for (const weight of WEIGHTS) {
    const cells = sets.map(({ name }) => {
      const s = perSet.get(weight)!.get(name)!;
      return `${pct(s.right)} / ${pct(s.accuracyAt1)} / ${pct(s.recallAt5)}`;
    });
    console.log(`| ${weight === 0 ? '0 (lexical)' : weight} | ${cells.join(' | ')} |`);
  }

  const folds = foldsOf([...groups.values()], Number(options.folds), seededRandom(Number(options.seed)));
  const results = crossValidate(trials, (key) => groups.get(key)!, folds);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log('\n| fold | held out | chosen weight | right on training folds | right held out | lexical held out |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.fold + 1} | ${r.heldOut} | ${r.chosen} | ${pct(r.trainRight)} | ${pct(r.heldOutRight)} | ${pct(r.referenceHeldOutRight)} |`);
  console.log(`| mean | | | ${pct(mean(results.map((r) => r.trainRight)))} | ${pct(mean(results.map((r) => r.heldOutRight)))} | ${pct(mean(results.map((r) => r.referenceHeldOutRight)))} |`);
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

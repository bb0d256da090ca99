/**
 * `npm run -s fit-judge`: fits the judge's named weights (a grid over `ANSWER_TUNING`'s
 * situationWeight, partPresence, minCoverage, onlyAround) on labelled question sets, in lexical mode, and
 * shows by 5-fold cross-validation whether the chosen weights hold on questions they were not
 * chosen on. By default the sets are the batches in people's wording (`fresh` to `fresh15`), which
 * look like what users ask; `--sets dev,dev2` fits on others. Prints a Markdown table; no file is written.
 */
import { Command } from 'commander';
import path from 'node:path';
import { createAnswerer } from '../src/answer/answerer.js';
import { ANSWER_TUNING, type AnswerTuning } from '../src/answer/settings.js';
import { openApp, openWordVectors, readConfig } from '../src/app.js';
import { crossValidate, foldsOf, type Trial } from '../src/eval/cross-validate.js';
import { readQuestionFile } from '../src/eval/questions.js';
import { runEvaluation } from '../src/eval/run.js';
import { seededRandom } from '../tests/support/random.js';

const PEOPLES_WORDING = ['fresh', ...Array.from({ length: 14 }, (_, i) => `fresh${i + 2}`)].join(',');
const GRID = {
  situationWeight: [0.2, 0.5, 0.8],
  partPresence: [0.7, 0.85],
  minCoverage: [0.4, 0.45, 0.5],
  onlyAround: [0.5, 0.7],
};
type Setting = Pick<AnswerTuning, keyof typeof GRID>;

const program = new Command()
  .name('fit-judge')
  .option('-k, --folds <k>', 'number of folds', '5')
  .option('--seed <n>', 'seed of the fold split', '17')
  .option('--sets <names>', 'question sets of eval/ to fit on, comma-separated', PEOPLES_WORDING)
  .action(run);

async function run(options: { folds: string; seed: string; sets: string }): Promise<void> {
  process.env.DENSE = 'false';
  const config = readConfig();
  const app = await openApp(config, (line) => process.stderr.write(`${line}\n`));
  const files = options.sets.split(',').map((name) => path.resolve(import.meta.dirname, '..', 'eval', `${name}.jsonl`));
  const sets = await Promise.all(files.map(async (file) => ({ name: path.basename(file, '.jsonl'), questions: await readQuestionFile(file) })));
  const groups = new Map<string, string>();
  for (const { name, questions } of sets) for (const q of questions) groups.set(`${name}/${q.id}`, `${name}/${q.thread ?? q.id}`);

  const reference = Object.fromEntries(Object.keys(GRID).map((name) => [name, ANSWER_TUNING[name as keyof Setting]])) as Setting;
  const settings = [reference, ...grid().filter((s) => JSON.stringify(s) !== JSON.stringify(reference))];
  const trials: Trial<Setting>[] = [];
  for (const [i, setting] of settings.entries()) {
    const tuning = { ...ANSWER_TUNING, ...setting };
    const answerer = createAnswerer({ store: app.store, searcher: app.searcher, settings: config.answer, tuning, wordVectors: () => openWordVectors(config.answer.wordVectors, config.cacheDir) });
    const right = new Map<string, boolean>();
    for (const { name, questions } of sets) {
      for (const r of await runEvaluation(questions, answerer, app.store.documents, config.corpusDir)) right.set(`${name}/${r.id}`, r.right);
    }
    trials.push({ setting, right });
    process.stderr.write(`\r${i + 1}/${settings.length} settings`);
  }
  process.stderr.write('\n');
  await app.close();

  const folds = foldsOf([...groups.values()], Number(options.folds), seededRandom(Number(options.seed)));
  const results = crossValidate(trials, (key) => groups.get(key)!, folds);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const pct = (x: number) => x.toFixed(3);
  console.log(`| fold | held out | chosen (${Object.keys(GRID).join(', ')}) | right on training folds | right held out | reference held out |`);
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.fold + 1} | ${r.heldOut} | ${Object.values(r.chosen).join(', ')} | ${pct(r.trainRight)} | ${pct(r.heldOutRight)} | ${pct(r.referenceHeldOutRight)} |`);
  }
  console.log(`| mean | | | ${pct(mean(results.map((r) => r.trainRight)))} | ${pct(mean(results.map((r) => r.heldOutRight)))} | ${pct(mean(results.map((r) => r.referenceHeldOutRight)))} |`);
  const all = (trial: Trial<Setting>) => [...trial.right.values()].filter(Boolean).length / trial.right.size;
  const best = trials.reduce((a, b) => (all(b) > all(a) ? b : a));
  console.log(`\nReference (settings.ts): ${pct(all(trials[0]))} right on all ${trials[0].right.size} labelled questions; best on all: ${JSON.stringify(best.setting)} at ${pct(all(best))}.`);
}

/** Every combination of the grid's values. */
function grid(): Setting[] {
  let out: Array<Partial<Setting>> = [{}];
  for (const [name, values] of Object.entries(GRID)) out = out.flatMap((s) => values.map((value) => ({ ...s, [name]: value })));
  return out as Setting[];
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

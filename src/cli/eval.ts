import { Command } from 'commander';
import path from 'node:path';
import { summarize } from '../eval/metrics.js';
import { readQuestionFile } from '../eval/questions.js';
import { formatReport } from '../eval/report.js';
import { runEvaluation } from '../eval/run.js';
import { openApp, readConfig } from '../app.js';
import { EXIT, errorMessage, exitOnUsageError } from './context.js';

/** The project's own question set, found from the project root whatever the working directory. */
const DEFAULT_QUESTIONS = path.relative(process.cwd(), path.resolve(import.meta.dirname, '..', '..', 'eval', 'dev.jsonl'));

const program = new Command()
  .name('eval')
  .description('Run a question file through the answerer and print A@1, R@5, MRR, abstention, quote fidelity and latency.')
  .argument('[file]', 'JSONL questions: {"id","type","q","gold":[...],"docs":[...]}', DEFAULT_QUESTIONS)
  .option('--json', 'print the summary and every per-question result as JSON')
  .addHelpText('after', '\nExit codes: 0 done, 1 failure, 3 a quote was not verbatim in its cited report.')
  .action(run);
exitOnUsageError(program, 'see npm run -s eval -- --help');

async function run(file: string, options: { json?: boolean }): Promise<void> {
  const questions = await readQuestionFile(file);
  const app = await openApp(readConfig(), (line) => process.stderr.write(`${line}\n`));
  const results = await runEvaluation(questions, app.answerer, app.store.documents, app.config.corpusDir);
  await app.close();
  const summary = summarize(results);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ file, summary, results }, null, 2)}\n`);
  } else {
    console.log(formatReport(results));
    const misses = results.filter((r) => !r.right);
    if (misses.length > 0) {
      console.log('\nmissed:');
      for (const r of misses) console.log(`  ${r.id} [${r.type}] ${r.question} -> ${r.found ? `${r.firstCitation?.docId}: ${r.firstCitation?.quote.slice(0, 60)}` : 'not found'}`);
    }
  }
  if (summary.quoteFidelity < 1) {
    process.stderr.write(`error: ${results.flatMap((r) => r.unfaithfulQuotes).length} quote(s) are not verbatim in their cited report.\n`);
    process.exitCode = 3;
  }
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(error)}\n`);
  process.exitCode = EXIT.failure;
});

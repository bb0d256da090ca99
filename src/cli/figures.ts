import { Command } from 'commander';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { readReport } from '../corpus/readers/index.js';
import { filterFigures } from '../figures/browse.js';
import { evaluateFigures, readGoldFigures, type FigureEvaluation } from '../figures/evaluate.js';
import { figuresCsv, figuresJson, figuresList } from '../figures/export.js';
import { groupIndicators } from '../figures/groups.js';
import { loadLexicon } from '../search/lexicon.js';
import { openApp, openWordVectors, readConfig } from '../app.js';
import { EXIT, errorMessage, exitOnUsageError } from './context.js';
import { terminalText } from './terminal.js';

interface Options {
  city?: string;
  indicator?: string;
  csv?: boolean;
  json?: boolean;
  eval?: string;
}

const program = new Command()
  .name('figures')
  .description('Print the figures table: every indicator statement of the reports, with its kind, year and source.')
  .option('--city <city>', 'only this city (太原)')
  .option('--indicator <name>', 'only this indicator, as people write it (GDP, 规上工业增加值)')
  .option('--csv', 'print CSV (a header row, then one row per figure)')
  .option('--json', 'print a JSON array')
  .option('--eval <file>', 'score the table against a hand-checked list (eval/figures.jsonl): precision and recall')
  .action(run);
exitOnUsageError(program, 'see npx report-qa figures --help');

async function run(options: Options): Promise<void> {
  const app = await openApp(readConfig(), (line) => process.stderr.write(`${line}\n`));
  try {
    const figures = await app.store.figures();
    if (options.eval) {
      const sources = new Map<string, string>();
      for (const doc of app.store.documents) {
        const file = path.join(app.config.corpusDir, doc.file);
        const outcome = await readReport(file, await readFile(file));
        sources.set(doc.id, outcome.ok ? outcome.report.text : '');
      }
      const evaluation = evaluateFigures(figures, await readGoldFigures(options.eval), sources);
      process.stdout.write(options.json ? `${JSON.stringify(evaluation)}\n` : `${formatEvaluation(evaluation)}\n`);
      if (evaluation.notVerbatim.length > 0) process.exitCode = EXIT.failure;
      return;
    }
    const groups = groupIndicators(
      figures.map((f) => f.indicator),
      loadLexicon(),
      await openWordVectors(app.config.answer.wordVectors, app.config.cacheDir),
    );
    const rows = filterFigures(figures, groups, { ...(options.city ? { city: options.city } : {}), ...(options.indicator ? { indicator: options.indicator } : {}) });
    if (options.csv) process.stdout.write(figuresCsv(rows));
    else if (options.json) process.stdout.write(`${figuresJson(rows)}\n`);
    else process.stdout.write(`${terminalText(rows.length > 0 ? figuresList(rows).join('\n') : '没有符合条件的数字。')}\n`);
  } finally {
    await app.close();
  }
}

function formatEvaluation(e: FigureEvaluation): string {
  const pct = (n: number) => n.toFixed(3);
  const lines = [
    `gold statements ${e.gold}, extracted from their sentences ${e.extracted}`,
    `statements (indicator, value, kind and year right): precision ${pct(e.statements.precision)}, recall ${pct(e.statements.recall)}`,
    ...Object.entries(e.fields).map(([field, s]) => `  ${field.padEnd(10)} precision ${pct(s.precision)}  recall ${pct(s.recall)}`),
    `values not verbatim in their cited sentence: ${e.notVerbatim.length}`,
    ...e.missed.map((m) => `  missed: ${m.report} ${m.year} ${m.kind} ${m.indicator} ${m.value}`),
    ...e.wrong.map((w) => `  wrong:  ${w.docId} ${w.year} ${w.kind} ${w.indicator} ${w.value}`),
  ];
  return terminalText(lines.join('\n'));
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(error)}\n`);
  process.exitCode = EXIT.failure;
});

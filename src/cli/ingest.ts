import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { denseOffNotice, readConfig } from '../app.js';
import type { Config } from '../config.js';
import { addReports, removeReport } from '../corpus/library.js';
import { loadCorpus } from '../corpus/load.js';
import { ingest, type IngestResult } from '../ingest/ingest.js';
import { EXIT, errorMessage, exitOnUsageError } from './context.js';

const program = new Command()
  .name('ingest')
  .description('Build the index from the reports in the corpus folder, or add, list and remove reports.')
  .addHelpText('after', '\nReports are read from .txt/.md (UTF-8 or GB18030), .html/.htm, .pdf and .docx files.');

program
  .command('build', { isDefault: true })
  .description('clean and chunk the reports, embed them and publish the index')
  .option('--lexical', 'skip the embedding model and build the lexical index only')
  .action(async (options: { lexical?: boolean }) => void (await build(readConfig(), options)));

program
  .command('add')
  .description('copy report files into the corpus folder with a manifest entry taken from their content, then rebuild')
  .argument('<files...>', 'report files (.txt, .md, .html, .htm, .pdf, .docx)')
  .option('--lexical', 'rebuild without the embedding model')
  .action(async (files: string[], options: { lexical?: boolean }) => {
    const config = readConfig();
    const results = await addReports(config.corpusDir, files);
    for (const r of results) {
      if (r.added) console.log(`added ${r.file} as ${r.meta.id}: 《${r.meta.title}》 (${r.meta.city || 'city unknown'}, ${r.meta.year || 'year unknown'})`);
      else process.stderr.write(`skipped ${r.file}: ${r.reason}\n`);
    }
    if (results.some((r) => r.added)) await build(config, options);
    if (results.some((r) => !r.added)) process.exitCode = EXIT.badInput;
  });

program
  .command('list')
  .description('show the reports: id, city, year, passages, title, and warnings')
  .action(async () => {
    const config = readConfig();
    const corpus = await loadCorpus(config.corpusDir, config.chunking);
    const rows = corpus.documents.map((d) => ({
      id: d.meta.id,
      city: d.meta.city,
      year: d.meta.year,
      passages: d.passages.length,
      warnings: [!d.meta.city && 'no city', !d.meta.year && 'no year', d.passages.length === 0 && 'no text'].filter(Boolean).join(', ') || '-',
      title: d.meta.title,
    }));
    console.log(table(rows));
    for (const { file, reason } of corpus.skipped) console.log(`skipped ${file}: ${reason}`);
  });

program
  .command('remove')
  .description('take a report out of the corpus (its file and manifest entry), then rebuild')
  .argument('<id>', 'the report id, as `list` shows it')
  .option('--lexical', 'rebuild without the embedding model')
  .action(async (id: string, options: { lexical?: boolean }) => {
    const config = readConfig();
    const removed = await removeReport(config.corpusDir, id);
    console.log(`removed ${removed.id}: 《${removed.title}》 (${removed.file})`);
    await build(config, options);
  });

for (const command of [program, ...program.commands]) exitOnUsageError(command, 'see npm run -s ingest -- --help');

async function build(config: Config, options: { lexical?: boolean }): Promise<IngestResult> {
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'Embedding {bar} {value}/{total} passages · {eta_formatted} left', stream: process.stderr }, Presets.shades_classic)
    : null;
  const result = await ingest(config, {
    ...(options.lexical ? { embedder: null } : {}),
    onEmbedStart: (total) => bar?.start(total, 0),
    onEmbedProgress: (done) => bar?.update(done),
  });
  bar?.stop();
  const { counts, timings: t, embedder } = result;
  for (const { file, reason } of result.skipped) process.stderr.write(`skipped ${file}: ${reason}\n`);
  console.log(table(result.reports.map(({ id, city, year, passages, title }) => ({ id, city, year, passages, title }))));
  const where = config.store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.indexDir;
  console.log(
    `Indexed ${counts.documents} reports, ${counts.passages} passages in ${t.totalMs} ms ` +
      `(clean+chunk ${t.corpusMs} ms, terms ${t.lexicalMs} ms, embed ${t.embedMs} ms, write and publish ${t.writeMs} ms) -> ${where}`,
  );
  if (embedder) {
    console.log(`Dense retrieval on: ${embedder.modelId} (${config.model.dtype}, ${embedder.dimension}-d, ${config.model.pooling} pooling).`);
  } else if (result.denseOffReason && config.dense && !options.lexical) {
    process.stderr.write(`${denseOffNotice(result.denseOffReason)}\n`);
  }
  return result;
}

/** Rows as aligned columns; the last column (title) is not padded. CJK characters take two columns. */
function table(rows: Array<Record<string, string | number>>): string {
  if (rows.length === 0) return '(no reports)';
  const keys = Object.keys(rows[0]);
  const cells = [keys, ...rows.map((r) => keys.map((k) => String(r[k] || '?')))];
  const widths = keys.map((_, i) => Math.max(...cells.map((row) => width(row[i]))));
  return cells.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  ').trimEnd()).join('\n');
}

function width(text: string): number {
  return [...text].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(error)}\n`);
  process.exitCode = EXIT.failure;
});

import { SingleBar, Presets } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { denseOffNotice, readConfig } from '../app.js';
import type { Config } from '../config.js';
import { SIF_EMBEDDER } from '../embed/sif.js';
import { addReports, changeReport, removeReport, type Added, type MetaChanges } from '../corpus/library.js';
import { LEVELS, type DocumentMeta } from '../corpus/types.js';
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
  .description('copy report files into the corpus folder with a manifest entry read from their content, then rebuild')
  .argument('<files...>', 'report files (.txt, .md, .html, .htm, .pdf, .docx)')
  .option('--lexical', 'rebuild without the embedding model')
  .action(async (files: string[], options: MetaOptions & { lexical?: boolean }) => {
    const config = readConfig();
    const results = await addReports(config.corpusDir, files, metaChanges(options), config.reading);
    for (const r of results) {
      if (r.added) console.log(describeAdded(r));
      else process.stderr.write(`skipped ${r.file}: ${r.reason}${r.code ? ` [${r.code}]` : ''}\n`);
    }
    if (results.some((r) => r.added)) {
      console.log('If a field is wrong: npm run -s ingest -- set <id> --city 北京 --level city --year 2025 --title "…" (or edit manifest.json in the corpus folder).\n');
      await build(config, options);
    }
    if (results.some((r) => !r.added)) process.exitCode = EXIT.badInput;
  });

program
  .command('set')
  .description('correct the title, level, place or year of a report (what add read wrong), then rebuild')
  .argument('<id>', 'the report id, as `list` shows it')
  .option('--lexical', 'rebuild without the embedding model')
  .action(async (id: string, options: MetaOptions & { lexical?: boolean }) => {
    const config = readConfig();
    const changes = metaChanges(options);
    if (Object.keys(changes).length === 0) {
      process.stderr.write('nothing to change: give --title, --level, --city, --year or --reviews\n');
      process.exitCode = EXIT.badInput;
      return;
    }
    const updated = await changeReport(config.corpusDir, id, changes);
    console.log(`${updated.id}: 《${updated.title}》 (${placeOf(updated)}, ${updated.year || 'year unknown'}, reviews ${updated.reviews || 'unknown'})`);
    await build(config, options);
  });

program
  .command('list')
  .description('show the reports: id, level, city, year, passages, title, and warnings')
  .action(async () => {
    const config = readConfig();
    const corpus = await loadCorpus(config.corpusDir, config.chunking, config.reading);
    const rows = corpus.documents.map((d) => ({
      id: d.meta.id,
      level: d.meta.level,
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

for (const command of program.commands.filter((c) => ['add', 'set'].includes(c.name()))) {
  command
    .option('--title <title>', 'the report\'s title')
    .addOption(new Option('--level <level>', 'whose report: national (全国), province (省), city (市), county (县 or 区)').choices(LEVELS))
    .option('--city <place>', 'the place it is about, as questions name it (北京, 山西, 小店; 全国 for the national report)')
    .option('--year <year>', 'the year it was delivered in and plans', yearArgument)
    .option('--reviews <year>', 'the year it looks back on (default: the year before --year)', yearArgument);
}

for (const command of [program, ...program.commands]) exitOnUsageError(command, 'see npm run -s ingest -- --help');

interface MetaOptions {
  title?: string;
  level?: DocumentMeta['level'];
  city?: string;
  year?: number;
  reviews?: number;
}

function metaChanges({ title, level, city, year, reviews }: MetaOptions): MetaChanges {
  return Object.fromEntries(Object.entries({ title, level, city, year, reviews }).filter(([, v]) => v !== undefined));
}

function yearArgument(value: string): number {
  if (!/^(19|20)\d{2}$/.test(value)) throw new InvalidArgumentError('a year such as 2025');
  return Number(value);
}

const LEVEL_NAMES: Record<DocumentMeta['level'], string> = { national: '全国', province: '省', city: '市', county: '县/区' };

function placeOf(meta: DocumentMeta): string {
  return `${meta.level} (${LEVEL_NAMES[meta.level]}) ${meta.city || 'place unknown'}`;
}

/** What `add` read, field by field with the words it read it from, for the user to confirm. */
function describeAdded(r: Extract<Added, { added: true }>): string {
  const source = (field: keyof typeof r.from) => (r.from[field] ? `   from "${r.from[field].slice(0, 50)}"` : '');
  return [
    `added ${r.file} as ${r.meta.id}:`,
    `  title    ${r.meta.title}${source('title')}`,
    `  level    ${r.meta.level} (${LEVEL_NAMES[r.meta.level]})${source('level')}`,
    `  city     ${r.meta.city || '? (unknown: set it with --city)'}`,
    `  year     ${r.meta.year || '? (unknown: set it with --year)'}${source('year')}`,
    `  reviews  ${r.meta.reviews || '?'}${source('reviews')}`,
  ].join('\n');
}

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
  for (const { file, reason, code } of result.skipped) process.stderr.write(`skipped ${file}: ${reason}${code ? ` [${code}]` : ''}\n`);
  console.log(table(result.reports.map(({ id, city, year, passages, title }) => ({ id, city, year, passages, title }))));
  const where = config.store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.indexDir;
  console.log(
    `Indexed ${counts.documents} reports, ${counts.passages} passages in ${t.totalMs} ms ` +
      `(clean+chunk ${t.corpusMs} ms, terms ${t.lexicalMs} ms, embed ${t.embedMs} ms, write and publish ${t.writeMs} ms) -> ${where}`,
  );
  if (embedder?.modelId === SIF_EMBEDDER) {
    console.log(`Dense retrieval on: SIF sentence vectors from the word vectors (${embedder.dimension}-d); no transformers.js model was loaded (see README, "The embedding model").`);
  } else if (embedder) {
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

import { lstat, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../config.js';
import { AppError, type ErrorCode } from '../errors.js';
import { writeFileAtomic } from '../store/atomic.js';
import { insideCorpus, readRegularFile } from './folder.js';
import { withCorpusLock } from './lock.js';
import { MANIFEST_FILE, readCorpusManifest } from './manifest.js';
import { readerFor } from './readers/index.js';
import { createReportSandbox } from './readers/sandbox.js';
import type { ExtractedReport } from './readers/types.js';
import { readMeta, type ReadField } from './report-meta.js';
import { NATIONAL, type DocumentMeta } from './types.js';

/** What adding one file did; `from` holds the words each field was read from (empty when it was given or guessed). */
export type Added = { file: string; added: true; meta: DocumentMeta; from: Record<ReadField, string> } | { file: string; added: false; reason: string; code?: ErrorCode };

/** Fields the user sets instead of reading them from the text (`ingest add --city 北京`, `ingest set`). */
export type MetaChanges = Partial<Pick<DocumentMeta, ReadField>>;

/**
 * Adds report files to the corpus folder: each is read first in the sandbox, within `reading`'s
 * limits (a file that cannot be read or is over a limit is not copied, and the reason is given),
 * then, holding the corpus lock, written in under a free name (whole or not at all) and given a
 * manifest entry whose title, level, place and years come from its content, except the fields
 * `changes` sets. The caller rebuilds the index.
 */
export async function addReports(corpusDir: string, files: string[], changes: MetaChanges = {}, reading: ReadLimits = DEFAULT_READ_LIMITS): Promise<Added[]> {
  const readable: Array<{ name: string; bytes: Buffer; report: ExtractedReport }> = [];
  const results: Added[] = [];
  const sandbox = createReportSandbox(reading);
  try {
    for (const source of files) {
      const name = path.basename(source);
      if (!readerFor(name)) {
        results.push({ file: name, added: false, reason: 'not a format the reports are read from (.txt, .md, .html, .htm, .pdf, .docx)' });
        continue;
      }
      const read = await readRegularFile(source, reading);
      const outcome = read.ok ? await sandbox.read(name, read.bytes) : read;
      if (read.ok && outcome.ok) readable.push({ name, bytes: read.bytes, report: outcome.report });
      else if (!outcome.ok) results.push({ file: name, added: false, reason: outcome.reason, ...(outcome.code ? { code: outcome.code } : {}) });
    }
  } finally {
    await sandbox.close();
  }
  if (readable.length === 0) return results;
  return withCorpusLock(corpusDir, async () => {
    const entries = await readCorpusManifest(corpusDir);
    const raw = await rawEntries(corpusDir);
    const knownCities = [...new Set(entries.map((m) => m.city).filter(Boolean))];
    const present = new Set(await readdir(corpusDir).catch(() => [] as string[]));
    for (const { name, bytes, report } of readable) {
      const target = freeName(name, present);
      present.add(target);
      await writeFileAtomic(path.join(corpusDir, target), bytes);
      const read = readMeta(target, report.text, knownCities, report.titleCandidate);
      const meta = changed({ ...read.meta, id: freeId(read.meta.id, entries) }, changes);
      const from = Object.fromEntries(Object.entries(read.from).map(([field, words]) => [field, field in changes ? '' : words])) as Record<ReadField, string>;
      entries.push(meta);
      raw.push({ ...meta });
      results.push({ file: name, added: true, meta, from });
    }
    await writeManifest(corpusDir, raw);
    return results;
  });
}

/**
 * Takes a report out, holding the corpus lock: its manifest entry, then its file, which is only
 * ever a file directly inside the folder (a link there is removed, never what it points to).
 */
export async function removeReport(corpusDir: string, id: string): Promise<DocumentMeta> {
  return withCorpusLock(corpusDir, async () => {
    const entries = await readCorpusManifest(corpusDir);
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new AppError('CORPUS_MANIFEST_INVALID', { file: path.join(corpusDir, MANIFEST_FILE), detail: `no report with id ${id} (see npm run -s ingest -- list)` });
    await writeManifest(
      corpusDir,
      (await rawEntries(corpusDir)).filter((e) => e.id !== id),
    );
    const file = insideCorpus(corpusDir, entry.file);
    const kind = file ? await lstat(file).catch(() => null) : null;
    if (file && (kind?.isFile() || kind?.isSymbolicLink())) await unlink(file);
    return entry;
  });
}

/** Corrects fields of a report's manifest entry (what `ingest add` read wrong); the caller rebuilds. */
export async function changeReport(corpusDir: string, id: string, changes: MetaChanges): Promise<DocumentMeta> {
  return withCorpusLock(corpusDir, async () => {
    const entry = (await readCorpusManifest(corpusDir)).find((e) => e.id === id);
    if (!entry) throw new AppError('CORPUS_MANIFEST_INVALID', { file: path.join(corpusDir, MANIFEST_FILE), detail: `no report with id ${id} (see npm run -s ingest -- list)` });
    const updated = changed(entry, changes);
    const raw = await rawEntries(corpusDir);
    await writeManifest(corpusDir, raw.map((e) => (e.id === id ? { ...e, ...pick(updated, ['title', 'level', 'city', 'year', 'reviews']) } : e)));
    return updated;
  });
}

/**
 * A national report is about 全国 whatever its city said (and 全国 is the national report's); a
 * new year without a reviewed year reviews the year before.
 */
function changed(meta: DocumentMeta, changes: MetaChanges): DocumentMeta {
  const next = { ...meta, ...changes };
  if (changes.year !== undefined && changes.reviews === undefined) next.reviews = changes.year - 1;
  if (next.level === 'national') next.city = NATIONAL;
  else if (changes.city === NATIONAL) next.level = 'national';
  else if (next.city === NATIONAL) next.city = '';
  return next;
}

function pick(meta: DocumentMeta, fields: ReadField[]): Partial<DocumentMeta> {
  return Object.fromEntries(fields.map((f) => [f, meta[f]]));
}

/** The manifest's entries as written, with fields this project does not read ("published", "speaker") kept. */
async function rawEntries(corpusDir: string): Promise<Array<Record<string, unknown>>> {
  const raw = await readFile(path.join(corpusDir, MANIFEST_FILE), 'utf8').catch(() => null);
  return raw ? ((JSON.parse(raw) as { documents: Array<Record<string, unknown>> }).documents ?? []) : [];
}

/** Writes the manifest atomically (a crash leaves the old one), one entry per line as people write it. */
async function writeManifest(corpusDir: string, entries: Array<Record<string, unknown>>): Promise<void> {
  const line = (entry: Record<string, unknown>) => `    {${Object.entries(entry).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
  await writeFileAtomic(path.join(corpusDir, MANIFEST_FILE), `{\n  "documents": [\n${entries.map(line).join(',\n')}\n  ]\n}\n`);
}

function freeName(name: string, present: Set<string>): string {
  const extension = path.extname(name);
  const base = path.basename(name, extension);
  let candidate = name;
  for (let n = 2; present.has(candidate); n++) candidate = `${base}-${n}${extension}`;
  return candidate;
}

function freeId(id: string, entries: DocumentMeta[]): string {
  let candidate = id;
  for (let n = 2; entries.some((e) => e.id === candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

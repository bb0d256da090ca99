import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import { writeFileAtomic } from '../store/atomic.js';
import { guessMeta, MANIFEST_FILE, readCorpusManifest } from './manifest.js';
import { readerFor, readReport } from './readers/index.js';
import type { DocumentMeta } from './types.js';

/** What adding one file did. */
export type Added = { file: string; added: true; meta: DocumentMeta } | { file: string; added: false; reason: string };

/**
 * Adds report files to the corpus folder: each is read first (a file no reader can read is not
 * copied, and the reason is given), copied in under a free name, and given a manifest entry whose
 * title, city and year come from its content. The caller rebuilds the index.
 */
export async function addReports(corpusDir: string, files: string[]): Promise<Added[]> {
  const entries = await readCorpusManifest(corpusDir);
  const raw = await rawEntries(corpusDir);
  const knownCities = [...new Set(entries.map((m) => m.city).filter(Boolean))];
  const present = new Set(await readdir(corpusDir).catch(() => [] as string[]));
  const results: Added[] = [];
  for (const source of files) {
    const name = path.basename(source);
    if (!readerFor(name)) {
      results.push({ file: name, added: false, reason: 'not a format the reports are read from (.txt, .md, .html, .htm, .pdf, .docx)' });
      continue;
    }
    const bytes = await readFile(source).catch(() => null);
    if (!bytes) {
      results.push({ file: name, added: false, reason: 'file not found' });
      continue;
    }
    const outcome = await readReport(source, bytes);
    if (!outcome.ok) {
      results.push({ file: name, added: false, reason: outcome.reason });
      continue;
    }
    const target = freeName(name, present);
    present.add(target);
    await copyFile(source, path.join(corpusDir, target));
    const guessed = guessMeta(target, outcome.report.text, knownCities, outcome.report.titleCandidate);
    const meta = { ...guessed, id: freeId(guessed.id, entries) };
    entries.push(meta);
    raw.push({ ...meta });
    results.push({ file: name, added: true, meta });
  }
  await writeManifest(corpusDir, raw);
  return results;
}

/** Takes a report out: its manifest entry and its file. */
export async function removeReport(corpusDir: string, id: string): Promise<DocumentMeta> {
  const entries = await readCorpusManifest(corpusDir);
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new AppError('CORPUS_MANIFEST_INVALID', { file: path.join(corpusDir, MANIFEST_FILE), detail: `no report with id ${id} (see npm run -s ingest -- list)` });
  await writeManifest(
    corpusDir,
    (await rawEntries(corpusDir)).filter((e) => e.id !== id),
  );
  await rm(path.join(corpusDir, entry.file), { force: true });
  return entry;
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

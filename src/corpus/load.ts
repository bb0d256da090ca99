import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import { chunkBlocks } from './chunk.js';
import { cleanText } from './clean.js';
import { checkEntries, readCorpusManifest } from './manifest.js';
import { readerFor, readReport } from './readers/index.js';
import { readMeta } from './report-meta.js';
import type { ChunkingOptions, Corpus, CorpusDocument, DocumentMeta } from './types.js';

/**
 * Reads every report in `corpusDir` that a reader knows (see `readers/`), cleans and chunks it.
 * Order follows the manifest, then file name. A file that cannot be read (binary, empty,
 * undecodable) is skipped and named in `skipped`; a manifest that contradicts itself or the folder
 * stops the load with CORPUS_MANIFEST_INVALID.
 */
export async function loadCorpus(corpusDir: string, chunking: ChunkingOptions): Promise<Corpus> {
  let files: string[];
  try {
    files = (await readdir(corpusDir)).filter((f) => readerFor(f) !== undefined).sort();
  } catch {
    throw new AppError('CORPUS_MISSING', { dir: corpusDir });
  }
  if (files.length === 0) throw new AppError('CORPUS_MISSING', { dir: corpusDir });

  const listed = await readCorpusManifest(corpusDir);
  checkEntries(listed, files, path.join(corpusDir, 'manifest.json'));
  const knownCities = [...new Set(listed.map((m) => m.city).filter(Boolean))];
  const byFile = new Map(listed.map((m) => [m.file, m]));
  const ordered = [...listed.map((m) => m.file), ...files.filter((f) => !byFile.has(f))];

  const documents: CorpusDocument[] = [];
  const skipped: Corpus['skipped'] = [];
  const usedIds = new Set(listed.map((m) => m.id));
  for (const file of ordered) {
    const outcome = await readReport(path.join(corpusDir, file), await readFile(path.join(corpusDir, file)));
    if (!outcome.ok) {
      skipped.push({ file, reason: outcome.reason });
      continue;
    }
    const { text, pageStarts, titleCandidate } = outcome.report;
    const meta = byFile.get(file) ?? uniqueId(readMeta(file, text, knownCities, titleCandidate).meta, usedIds);
    usedIds.add(meta.id);
    documents.push({ ...buildDocument(meta, text, chunking), ...(pageStarts ? { pageStarts } : {}) });
  }
  if (documents.length === 0) throw new AppError('CORPUS_MISSING', { dir: corpusDir });
  return { ...numberPassages(documents), skipped };
}

export function buildDocument(meta: DocumentMeta, source: string, chunking: ChunkingOptions): CorpusDocument {
  const { blocks, credits } = cleanText(source);
  return { meta, source, credits, passages: chunkBlocks(blocks, meta, chunking).map((p) => ({ ...p, id: -1 })) };
}

function numberPassages(documents: CorpusDocument[]): Omit<Corpus, 'skipped'> {
  const passages = documents.flatMap((d) => d.passages);
  passages.forEach((p, i) => (p.id = i));
  return { documents, passages };
}

function uniqueId(meta: DocumentMeta, used: Set<string>): DocumentMeta {
  let id = meta.id;
  for (let n = 2; used.has(id); n++) id = `${meta.id}-${n}`;
  return { ...meta, id };
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import { chunkBlocks } from './chunk.js';
import { cleanText } from './clean.js';
import { guessMeta, readCorpusManifest } from './manifest.js';
import type { ChunkingOptions, Corpus, CorpusDocument, DocumentMeta } from './types.js';

const TEXT_FILE = /\.(txt|md)$/i;

/** Reads every `.txt`/`.md` report in `corpusDir`, cleans and chunks it. Order follows the manifest, then file name. */
export async function loadCorpus(corpusDir: string, chunking: ChunkingOptions): Promise<Corpus> {
  let files: string[];
  try {
    files = (await readdir(corpusDir)).filter((f) => TEXT_FILE.test(f)).sort();
  } catch {
    throw new AppError('CORPUS_MISSING', { dir: corpusDir });
  }
  if (files.length === 0) throw new AppError('CORPUS_MISSING', { dir: corpusDir });

  const listed = await readCorpusManifest(corpusDir);
  const knownCities = [...new Set(listed.map((m) => m.city).filter(Boolean))];
  const byFile = new Map(listed.map((m) => [m.file, m]));
  const ordered = [...listed.map((m) => m.file).filter((f) => files.includes(f)), ...files.filter((f) => !byFile.has(f))];

  const documents: CorpusDocument[] = [];
  const usedIds = new Set<string>();
  for (const file of ordered) {
    const source = await readFile(path.join(corpusDir, file), 'utf8');
    const meta = byFile.get(file) ?? uniqueId(guessMeta(file, source, knownCities), usedIds);
    usedIds.add(meta.id);
    documents.push(buildDocument(meta, source, chunking));
  }
  return numberPassages(documents);
}

export function buildDocument(meta: DocumentMeta, source: string, chunking: ChunkingOptions): CorpusDocument {
  const { blocks, credits } = cleanText(source);
  return { meta, source, credits, passages: chunkBlocks(blocks, meta, chunking).map((p) => ({ ...p, id: -1 })) };
}

function numberPassages(documents: CorpusDocument[]): Corpus {
  const passages = documents.flatMap((d) => d.passages);
  passages.forEach((p, i) => (p.id = i));
  return { documents, passages };
}

function uniqueId(meta: DocumentMeta, used: Set<string>): DocumentMeta {
  let id = meta.id;
  for (let n = 2; used.has(id); n++) id = `${meta.id}-${n}`;
  return { ...meta, id };
}

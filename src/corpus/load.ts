import path from 'node:path';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../config.js';
import { AppError } from '../errors.js';
import { chunkBlocks } from './chunk.js';
import { cleanText } from './clean.js';
import { fileStamp, listReportFiles, readReportFile } from './folder.js';
import { checkEntries, readCorpusManifest } from './manifest.js';
import { createReportSandbox } from './readers/sandbox.js';
import { readMeta } from './report-meta.js';
import type { ChunkingOptions, Corpus, CorpusDocument, DocumentMeta } from './types.js';

/**
 * Reads every report in `corpusDir` that a reader knows (see `readers/`) in the sandbox, within
 * `reading`'s limits, and cleans and chunks it. Order follows the manifest, then file name. A file
 * that cannot be read (binary, empty, undecodable, over a limit, a link or a folder) is skipped
 * and named in `skipped`; a manifest that contradicts itself or the folder stops the load with
 * CORPUS_MANIFEST_INVALID.
 */
export async function loadCorpus(corpusDir: string, chunking: ChunkingOptions, reading: ReadLimits = DEFAULT_READ_LIMITS): Promise<Corpus> {
  const documents: CorpusDocument[] = [];
  const { skipped } = await readCorpus(corpusDir, chunking, reading, async (document) => void documents.push(document));
  return { documents, passages: documents.flatMap((d) => d.passages), skipped };
}

/**
 * `loadCorpus` one report at a time: each report, cleaned and chunked, goes to `onDocument` before
 * the next is read, its passages numbered on from the previous report's, so a build need not hold
 * every report's text at once. Returns what was skipped; CORPUS_MISSING when no report was read.
 */
export async function readCorpus(
  corpusDir: string,
  chunking: ChunkingOptions,
  reading: ReadLimits,
  onDocument: (document: CorpusDocument) => Promise<void>,
): Promise<{ skipped: Corpus['skipped'] }> {
  const listing = await listReportFiles(corpusDir).catch(() => {
    throw new AppError('CORPUS_MISSING', { dir: corpusDir });
  });
  const { files } = listing;
  if (files.length === 0) throw new AppError('CORPUS_MISSING', { dir: corpusDir });

  const listed = await readCorpusManifest(corpusDir);
  const skipped: Corpus['skipped'] = [...listing.skipped];
  checkEntries(listed, files, path.join(corpusDir, 'manifest.json'), skipped.map((s) => s.file));
  const knownCities = [...new Set(listed.map((m) => m.city).filter(Boolean))];
  const byFile = new Map(listed.map((m) => [m.file, m]));
  const ordered = [...listed.map((m) => m.file).filter((f) => files.includes(f)), ...files.filter((f) => !byFile.has(f))];

  const usedIds = new Set(listed.map((m) => m.id));
  let read = 0;
  let nextPassage = 0;
  const sandbox = createReportSandbox(reading);
  try {
    for (const file of ordered) {
      // Stamped before it is read: a change while it is read shows as a change since.
      const stamp = fileStamp(path.join(corpusDir, file));
      const outcome = await readReportFile(path.join(corpusDir, file), sandbox, reading);
      if (!outcome.ok) {
        skipped.push({ file, reason: outcome.reason, ...(outcome.code ? { code: outcome.code } : {}) });
        continue;
      }
      const { text, pageStarts, titleCandidate } = outcome.report;
      const meta = byFile.get(file) ?? uniqueId(readMeta(file, text, knownCities, titleCandidate).meta, usedIds);
      usedIds.add(meta.id);
      const document = buildDocument(meta, text, chunking);
      for (const passage of document.passages) passage.id = nextPassage++;
      read++;
      await onDocument({ ...document, ...(pageStarts ? { pageStarts } : {}), ...(stamp ? { stamp } : {}) });
    }
  } finally {
    await sandbox.close();
  }
  if (read === 0) throw new AppError('CORPUS_MISSING', { dir: corpusDir });
  return { skipped };
}

export function buildDocument(meta: DocumentMeta, source: string, chunking: ChunkingOptions): CorpusDocument {
  const { blocks, credits } = cleanText(source);
  return { meta, source, credits, passages: chunkBlocks(blocks, meta, chunking).map((p) => ({ ...p, id: -1 })) };
}

function uniqueId(meta: DocumentMeta, used: Set<string>): DocumentMeta {
  let id = meta.id;
  for (let n = 2; used.has(id); n++) id = `${meta.id}-${n}`;
  return { ...meta, id };
}

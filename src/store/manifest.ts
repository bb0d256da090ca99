import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ChunkingOptions } from '../corpus/types.js';
import { fileStamp, listReportFiles } from '../corpus/folder.js';
import { AppError } from '../errors.js';
import type { StoreExpectations } from './types.js';

/**
 * Bump when the on-disk layout, the PostgreSQL rows of a version or the chunker's behaviour changes,
 * so old indexes are rebuilt (and a running reader of an older release does not switch to a
 * version it cannot read). 16: postings skips and figures.jsonl (embedded), passages as json
 * without their text (PostgreSQL). 17: the problems paragraph closes a review (a text without the
 * plan part's heading plans after it). 18: PostgreSQL passage bodies as arrays, without field names.
 * 19: a passage's years include those it says relative to its report's year (今年, 去年, 明年).
 */
export const INDEX_FORMAT = 19;

const denseSchema = z.object({
  model: z.string(),
  dtype: z.string(),
  pooling: z.string(),
  queryPrefix: z.string(),
  passagePrefix: z.string(),
  dimension: z.number().int().positive(),
  space: z.literal('cosine'),
  m: z.number().int().positive(),
  efConstruction: z.number().int().positive(),
  /** Present when the vectors are SIF sentence vectors (model `sif`): what a query must be embedded with. */
  sif: z.object({ smoothing: z.number(), component: z.array(z.number()), wordVectors: z.string() }).optional(),
});

export const indexManifestSchema = z.object({
  format: z.number().int(),
  builtAt: z.string(),
  corpusHash: z.string(),
  chunkingHash: z.string(),
  counts: z.object({ documents: z.number().int(), passages: z.number().int() }),
  /** `null` when the index is lexical only; `denseOffReason` then says why. */
  dense: denseSchema.nullable(),
  denseOffReason: z.string().optional(),
  /**
   * Size, SHA-256 and modification time of every data file (embedded backend), checked on opening
   * before anything is read: a file of another size is damaged; a file whose modification time
   * changed is hashed and must match. Empty for the Postgres backend.
   */
  files: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), sha256: z.string(), mtimeMs: z.number() })),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;
export type DenseManifest = z.infer<typeof denseSchema>;

/**
 * Fingerprint of the corpus folder: every report file's name, size, modification and change time
 * (an edit whose modification time was put back still changes the latter), the names of what is
 * skipped (links, folders), and the manifest's content. Any edit, addition or removal changes it;
 * reading only file metadata keeps it fast for thousands of reports.
 */
export async function corpusFingerprint(corpusDir: string): Promise<string> {
  const hash = createHash('sha256');
  const { files, skipped } = await listReportFiles(corpusDir).catch(() => {
    throw new AppError('CORPUS_MISSING', { dir: corpusDir });
  });
  for (const file of files) {
    const stamp = fileStamp(path.join(corpusDir, file));
    hash.update(`${file}\0${stamp?.size}\0${stamp?.mtimeMs}\0${stamp?.ctimeMs}\0`);
  }
  for (const { file } of skipped) hash.update(`${file}\0skipped\0`);
  const manifest = await readFile(path.join(corpusDir, 'manifest.json')).catch(() => Buffer.alloc(0));
  hash.update(manifest);
  return hash.digest('hex').slice(0, 32);
}

export function chunkingFingerprint(chunking: ChunkingOptions): string {
  return createHash('sha256')
    .update(JSON.stringify({ format: INDEX_FORMAT, minChars: chunking.minChars, maxChars: chunking.maxChars }))
    .digest('hex')
    .slice(0, 16);
}

/** Why an index built lexical on purpose (`ingest --lexical`) has no dense half: kept so even when SIF is on. */
export const DENSE_NOT_REQUESTED = 'dense retrieval was not requested';

/** Explains why an index does not fit the current corpus and settings, or returns `null` when it does. */
export function staleReason(manifest: IndexManifest, expected: StoreExpectations): string | null {
  if (manifest.format !== INDEX_FORMAT) return `index format ${manifest.format} (this version reads ${INDEX_FORMAT})`;
  if (manifest.corpusHash !== expected.corpusHash) return 'a different corpus (reports were added or changed)';
  if (manifest.chunkingHash !== expected.chunkingHash) return 'other chunking settings';
  const sif = manifest.dense?.sif;
  if (!manifest.dense && expected.sif && manifest.denseOffReason !== DENSE_NOT_REQUESTED) {
    return 'no dense half, but SIF sentence vectors are on (DENSE_FALLBACK=sif)';
  }
  if (sif && expected.model) {
    if (!expected.sif) return 'SIF sentence vectors, which are off now (DENSE_FALLBACK=off or no word vectors)';
    if (sif.smoothing !== expected.sif.smoothing || sif.wordVectors !== expected.sif.wordVectors) {
      return `SIF sentence vectors from ${sif.wordVectors} (a=${sif.smoothing}), but the settings give ${expected.sif.wordVectors} (a=${expected.sif.smoothing})`;
    }
  } else if (manifest.dense && expected.model && manifest.dense.model !== expected.model) {
    return `model ${manifest.dense.model}, but MODEL_ID is ${expected.model}`;
  }
  return null;
}

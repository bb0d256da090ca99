import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ChunkingOptions } from '../corpus/types.js';
import { AppError } from '../errors.js';

/** Bump when the on-disk layout or the chunker's behaviour changes, so old indexes are rebuilt. */
export const INDEX_FORMAT = 5;

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
  /** Byte size of every data file, to catch truncated copies before parsing them. */
  files: z.record(z.string(), z.number().int().nonnegative()),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;
export type DenseManifest = z.infer<typeof denseSchema>;

/** Hash of every report file and the corpus manifest: any edit, addition or removal changes it. */
export async function corpusFingerprint(corpusDir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(corpusDir).catch(() => {
    throw new AppError('CORPUS_MISSING', { dir: corpusDir });
  });
  const files = entries.filter((f) => /\.(txt|md|json)$/i.test(f)).sort();
  for (const file of files) {
    hash.update(file).update('\0').update(await readFile(path.join(corpusDir, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

export function chunkingFingerprint(chunking: ChunkingOptions): string {
  return createHash('sha256')
    .update(JSON.stringify({ format: INDEX_FORMAT, minChars: chunking.minChars, maxChars: chunking.maxChars }))
    .digest('hex')
    .slice(0, 16);
}

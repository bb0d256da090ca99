import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * The embedded index, one folder: nothing in it is parsed into the JavaScript heap when it is
 * opened except the documents and the term dictionary; passages and postings are read by offset.
 *
 * - `documents.json`: the reports' metadata and credits.
 * - `passages.bin`: each passage as UTF-8 JSON, one after another; `passages.idx`: byte offsets
 *   (Float64, one more than there are passages); `passages.sum`: each record's checksum
 *   (`passageChecksum`), verified whenever a passage is read, so an edit that kept the file's size
 *   and modification time is still caught before its text is quoted.
 * - `table.bin`: per passage, as little-endian arrays: report index (Uint32), term count (Uint32),
 *   the years each passage names in CSR form: starts (Uint32, n + 1), then section (Uint32, an
 *   index into `sections.json`), then years (Uint16), then whether the section plans (Uint8, 1) or
 *   reviews (0). Ranking candidates needs their report and section, not their text: those come
 *   from here, and a passage's record is parsed only when its text is read.
 * - `sections.json`: the section headings, each once.
 * - `terms.json`: every term, by id; `terms.bin`: per term id, its first posting and how many it
 *   has (Float64 pairs), so opening parses one flat list of strings; `postings.bin`: Int32 pairs
 *   `[passage id, term frequency]`, each term's stretch ordered by passage id; `postings.skip`:
 *   for each term with more than `POSTINGS_SKIP` postings, in id order, the passage id of every
 *   `POSTINGS_SKIP`-th of them (Int32), so that a scoped search finds the in-scope stretch of a
 *   long list in memory and reads it with one read.
 * - `figures.jsonl`: the figures table (indicator statements with their citations), one JSON line
 *   each, so that it is parsed a line at a time.
 * - `vectors.hnsw` (hnswlib) and `vectors.f32` (the same vectors, row by row, for exact scans of a
 *   few in-scope reports), when the index is dense.
 *
 * A passage's id is its position; a report's passages have consecutive ids.
 */
export const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  passages: 'passages.bin',
  offsets: 'passages.idx',
  checksums: 'passages.sum',
  damaged: 'DAMAGED',
  table: 'table.bin',
  terms: 'terms.json',
  termStats: 'terms.bin',
  sections: 'sections.json',
  postings: 'postings.bin',
  skips: 'postings.skip',
  figures: 'figures.jsonl',
  vectors: 'vectors',
} as const;

/** `postings.skip` samples every this many postings of a term. */
export const POSTINGS_SKIP = 64;

/** The first 8 bytes of a passage record's SHA-256. */
export function passageChecksum(record: Uint8Array): Buffer {
  return createHash('sha256').update(record).digest().subarray(0, CHECKSUM_BYTES);
}

export const CHECKSUM_BYTES = 8;

/** Size, modification time and SHA-256 of a file, read in a stream (index files can be hundreds of megabytes). */
export async function fingerprint(file: string): Promise<{ bytes: number; sha256: string; mtimeMs: number }> {
  const { size, mtimeMs } = await stat(file);
  return { bytes: size, mtimeMs, sha256: await sha256Of(file) };
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 8 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HnswSettings } from '../vector-index.js';
import { buildVectorIndex } from '../vector-index.js';
import type { IndexManifest } from '../manifest.js';
import { invertTerms, postingStarts, type PassageTerms } from '../passage-terms.js';
import type { StoreBuild } from '../types.js';

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
 *   `[passage id, term frequency]`, each term's stretch ordered by passage id.
 * - `figures.json`: the figures table (indicator statements with their citations).
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
  figures: 'figures.json',
  vectors: 'vectors',
} as const;

export async function writeEmbeddedIndex(folder: string, build: StoreBuild, hnsw: HnswSettings): Promise<IndexManifest> {
  const { documents, passages, terms } = build;
  const written: string[] = [];
  const write = async (name: string, data: string | Uint8Array) => {
    await writeFile(path.join(folder, name), data);
    written.push(name);
  };
  await write(FILES.documents, JSON.stringify(documents));

  const { offsets, checksums } = await writeRecords(path.join(folder, FILES.passages), passages);
  written.push(FILES.passages);
  await write(FILES.offsets, bytesOf(offsets));
  await write(FILES.checksums, checksums);

  const docIndex = new Map(documents.map((d, i) => [d.id, i]));
  const yearStarts = new Uint32Array(passages.length + 1);
  passages.forEach((p, i) => (yearStarts[i + 1] = yearStarts[i] + p.years.length));
  const sections = [...new Set(passages.map((p) => p.section))];
  const sectionIndex = new Map(sections.map((section, i) => [section, i]));
  const table = Buffer.concat([
    bytesOf(Uint32Array.from(passages, (p) => docIndex.get(p.docId)!)),
    bytesOf(terms.lengths),
    bytesOf(yearStarts),
    bytesOf(Uint32Array.from(passages, (p) => sectionIndex.get(p.section)!)),
    bytesOf(Uint16Array.from(passages.flatMap((p) => p.years))),
    bytesOf(Uint8Array.from(passages, (p) => (p.sectionKind === 'plan' ? 1 : 0))),
  ]);
  await write(FILES.table, table);
  await write(FILES.sections, JSON.stringify(sections));

  const first = postingStarts(terms.documentFrequencies);
  const termStats = new Float64Array(terms.terms.length * 2);
  terms.terms.forEach((_, id) => termStats.set([first[id], terms.documentFrequencies[id]], id * 2));
  await write(FILES.terms, JSON.stringify(terms.terms));
  await write(FILES.termStats, bytesOf(termStats));
  await writeInPieces(path.join(folder, FILES.postings), postingPieces(terms, first));
  written.push(FILES.postings);
  await writeInPieces(path.join(folder, FILES.figures), jsonArray(build.figures));
  written.push(FILES.figures);

  if (build.vectors) {
    const dimension = build.manifest.dense!.dimension;
    const index = buildVectorIndex(build.vectors, dimension, hnsw);
    written.push(...(await index.save(path.join(folder, FILES.vectors))).map((file) => path.basename(file)));
  }

  const files: IndexManifest['files'] = {};
  for (const name of written) files[name] = await fingerprint(path.join(folder, name));
  const manifest: IndexManifest = { ...build.manifest, files };
  await writeFile(path.join(folder, FILES.manifest), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * Writes each passage as a UTF-8 JSON record (see `writeInPieces`); returns the records' byte
 * offsets and checksums.
 */
async function writeRecords(file: string, passages: StoreBuild['passages']): Promise<{ offsets: Float64Array; checksums: Buffer }> {
  const offsets = new Float64Array(passages.length + 1);
  const checksums = Buffer.alloc(passages.length * CHECKSUM_BYTES);
  await writeInPieces(
    file,
    (function* records() {
      for (const [i, passage] of passages.entries()) {
        const record = Buffer.from(JSON.stringify(passage));
        offsets[i + 1] = offsets[i] + record.length;
        passageChecksum(record).copy(checksums, i * CHECKSUM_BYTES);
        yield record;
      }
    })(),
  );
  return { offsets, checksums };
}

/** Postings inverted for this many pairs (32 MB) at a time at most, one stretch of terms after another. */
const POSTINGS_PIECE_PAIRS = 4 << 20;

/** postings.bin in order, a stretch of whole terms at a time (see `invertTerms`). */
function* postingPieces(terms: PassageTerms, first: Float64Array): Generator<Uint8Array> {
  const count = first.length;
  const total = count === 0 ? 0 : first[count - 1] + terms.documentFrequencies[count - 1];
  const endOf = (term: number) => (term < count ? first[term] : total);
  for (let from = 0; from < count; ) {
    let to = from + 1;
    while (to < count && endOf(to + 1) - first[from] <= POSTINGS_PIECE_PAIRS) to++;
    yield bytesOf(invertTerms(terms, from, to).postings);
    from = to;
  }
}

/** `JSON.stringify(items)`, item by item. */
function* jsonArray(items: unknown[]): Generator<Buffer> {
  for (const [i, item] of items.entries()) yield Buffer.from(`${i === 0 ? '[' : ','}${JSON.stringify(item)}`);
  yield Buffer.from(items.length === 0 ? '[]' : ']');
}

/**
 * Writes `pieces` a few megabytes at a time: at ×1000 the passages and the figures are each about
 * 200 MB of JSON, and holding either whole, as a string and again as bytes, was a peak of the build.
 */
async function writeInPieces(file: string, pieces: Iterable<Uint8Array>): Promise<void> {
  const out = await open(file, 'w');
  try {
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    for (const piece of pieces) {
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= 4 << 20) {
        await out.write(Buffer.concat(pending));
        pending = [];
        pendingBytes = 0;
      }
    }
    if (pending.length > 0) await out.write(Buffer.concat(pending));
  } finally {
    await out.close();
  }
}

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

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Passage, Sentence, SectionKind } from '../../corpus/types.js';
import type { Figure } from '../../figures/types.js';
import { idf, termScore, topK } from '../bm25.js';
import type { IndexManifest } from '../manifest.js';
import { inScope } from '../scope-filter.js';
import type { ScopeFilter, ScoredPassage, Store, StoredDocument, StoredPassage, StoreEvents, TermStatistics } from '../types.js';
import { openVectorIndex, type VectorIndex } from '../vector-index.js';
import { CHECKSUM_BYTES, FILES, passageChecksum, POSTINGS_SKIP } from './files.js';
import { EMBEDDED_READ_SETTINGS, type EmbeddedReadSettings } from './settings.js';
import { readJsonLines } from './json-lines.js';
import { firstAtOrAfter, stretchOf } from './skips.js';

/**
 * Opens an embedded index folder whose files were already checked against `manifest`. Files that
 * do not fit together (a passage count or report count other than the manifest's) throw, so the
 * index is rebuilt rather than read out of bounds. A passage whose checksum differs is reported
 * through `events.onDamage`, the folder is marked DAMAGED (the next open rebuilds) and the passage
 * is read as empty: nothing of it is quoted.
 */
export async function readEmbeddedIndex(
  folder: string,
  manifest: IndexManifest,
  efSearch: number,
  events: StoreEvents = {},
  settings: EmbeddedReadSettings = EMBEDDED_READ_SETTINGS,
): Promise<Store> {
  const file = (name: string) => path.join(folder, name);
  const documents = JSON.parse(await readFile(file(FILES.documents), 'utf8')) as StoredDocument[];
  const termList = JSON.parse(await readFile(file(FILES.terms), 'utf8')) as string[];
  const termStats = new Float64Array(toArrayBuffer(await readFile(file(FILES.termStats))));
  const sections = JSON.parse(await readFile(file(FILES.sections), 'utf8')) as string[];
  const count = manifest.counts.passages;
  const offsets = new Float64Array(toArrayBuffer(await readFile(file(FILES.offsets))));
  const checksums = await readFile(file(FILES.checksums));
  const table = toArrayBuffer(await readFile(file(FILES.table)));
  const misfit = (what: string) => new Error(`${what} does not match the manifest's counts`);
  if (!Array.isArray(documents) || documents.length !== manifest.counts.documents) throw misfit(FILES.documents);
  if (offsets.length !== count + 1 || checksums.length !== count * CHECKSUM_BYTES) throw misfit(FILES.offsets);
  if (!Array.isArray(termList) || termStats.length !== termList.length * 2) throw misfit(FILES.termStats);
  if (table.byteLength < count * 12 + 4) throw misfit(FILES.table);
  const docOf = new Uint32Array(table, 0, count);
  const lengths = new Uint32Array(table, count * 4, count);
  const yearStarts = new Uint32Array(table, count * 8, count + 1);
  const tableBytes = count * 16 + 4 + yearStarts[count] * 2 + count;
  if (table.byteLength !== tableBytes || docOf.some((d) => d >= documents.length)) throw misfit(FILES.table);
  const sectionOf = new Uint32Array(table, count * 12 + 4, count);
  const years = new Uint16Array(table, count * 16 + 4, yearStarts[count]);
  const plans = new Uint8Array(table, count * 16 + 4 + yearStarts[count] * 2, count);
  const skips = new Int32Array(toArrayBuffer(await readFile(file(FILES.skips))));

  // A loop, not new Map(list.map(…)): at 107k terms (×1000) the pairs cost more than the map.
  const termIds = new Map<string, number>();
  // Where each term's samples start in postings.skip (terms of few postings have none).
  const skipStarts = new Float64Array(termList.length);
  let skipCount = 0;
  for (let id = 0; id < termList.length; id++) {
    termIds.set(termList[id], id);
    skipStarts[id] = skipCount;
    const n = termStats[id * 2 + 1];
    if (n > POSTINGS_SKIP) skipCount += Math.ceil(n / POSTINGS_SKIP);
  }
  if (skips.length !== skipCount) throw misfit(FILES.skips);
  const vectors: VectorIndex | null = manifest.dense ? await openVectorIndex(file(FILES.vectors), manifest.dense.dimension, efSearch) : null;
  let passagesFd: number | null = openSync(file(FILES.passages), 'r');
  const postingsFd = openSync(file(FILES.postings), 'r');
  if (fstatSync(passagesFd).size !== offsets[count]) {
    closeSync(passagesFd);
    closeSync(postingsFd);
    throw misfit(FILES.passages);
  }
  const postingsInMemory = statSync(file(FILES.postings)).size <= settings.postingsInMemoryBytes ? new Int32Array(toArrayBuffer(await readFile(file(FILES.postings)))) : null;
  const postingsOf = (term: string) => {
    const id = termIds.get(term);
    return id === undefined ? undefined : { first: termStats[id * 2], n: termStats[id * 2 + 1], skip: skipStarts[id] };
  };
  const averageLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(count, 1);
  const ranges = documentRanges(docOf, documents.length);
  const yearsOf = (id: number) => years.subarray(yearStarts[id], yearStarts[id + 1]);
  let figures: Promise<Figure[]> | undefined;

  const terms: TermStatistics = {
    passageCount: count,
    documentFrequency: (term) => postingsOf(term)?.n ?? 0,
    idf: (term) => idf(count, postingsOf(term)?.n ?? 0),
    terms: () => termIds.keys(),
  };

  const damaged = new Set<number>();
  /** A passage's record; after close (an answer still reading a replaced index) from the file by name. */
  const readRecord = (id: number): Buffer => {
    const bytes = Buffer.allocUnsafe(offsets[id + 1] - offsets[id]);
    const fd = passagesFd ?? openSync(file(FILES.passages), 'r');
    try {
      readSync(fd, bytes, 0, bytes.length, offsets[id]);
    } finally {
      if (fd !== passagesFd) closeSync(fd);
    }
    if (passageChecksum(bytes).equals(checksums.subarray(id * CHECKSUM_BYTES, (id + 1) * CHECKSUM_BYTES))) return bytes;
    if (!damaged.has(id)) {
      damaged.add(id);
      const detail = `passage ${id} of ${documents[docOf[id]].id} differs from what was written (checksum)`;
      void writeFile(file(FILES.damaged), `${detail}\n`).catch(() => undefined);
      events.onDamage?.(detail);
    }
    // A passage that cannot be trusted: in its report, but with no text to quote.
    return Buffer.from(JSON.stringify({ text: '', start: 0, end: 0, sentences: [] }));
  };
  const readPassage = (id: number): StoredPassage =>
    new LazyPassage(() => readRecord(id), id, documents[docOf[id]].id, sections[sectionOf[id]], plans[id] === 1 ? 'plan' : 'review', Array.from(yearsOf(id)));

  /** Id runs worth reading for a scope (reports next to each other make one run), and the per-passage test within them (null: everything). */
  const scoped = (scope: ScopeFilter) => {
    if (scope.cities.length === 0 && scope.years.length === 0) return null;
    const runs: Array<[number, number]> = [];
    const whole = new Uint8Array(documents.length);
    documents.forEach((doc, d) => {
      const range = ranges[d];
      if (!range || (scope.cities.length > 0 && !scope.cities.includes(doc.city))) return;
      const last = runs[runs.length - 1];
      if (last && last[1] + 1 === range[0]) last[1] = range[1];
      else runs.push([range[0], range[1]]);
      if (inScope(scope, doc, [])) whole[d] = 1;
    });
    const allowed = (id: number) => whole[docOf[id]] === 1 || inScope(scope, documents[docOf[id]], yearsOf(id));
    return { runs, allowed, size: runs.reduce((n, [from, to]) => n + to - from + 1, 0) };
  };

  /**
   * A term's postings within the runs, or all of them. For a long list, its samples in
   * postings.skip narrow each run to a stretch read at once, then searched in memory.
   */
  const postingsWithin = (term: string, runs: Array<[number, number]> | null): Int32Array[] => {
    const entry = postingsOf(term);
    if (!entry) return [];
    const slice = (from: number, to: number) => {
      if (postingsInMemory) return postingsInMemory.subarray((entry.first + from) * 2, (entry.first + to) * 2);
      const out = new Int32Array((to - from) * 2);
      if (to > from) readSync(postingsFd, new Uint8Array(out.buffer), 0, out.byteLength, (entry.first + from) * 8);
      return out;
    };
    if (!runs || entry.n <= POSTINGS_SKIP) return [slice(0, entry.n)];
    const samples = skips.subarray(entry.skip, entry.skip + Math.ceil(entry.n / POSTINGS_SKIP));
    return runs.map(([from, to]) => {
      const stretch = slice(...stretchOf(samples, entry.n, from, to));
      return stretch.subarray(firstAtOrAfter(stretch, 2, from) * 2, firstAtOrAfter(stretch, 2, to + 1) * 2);
    });
  };
  /** A score per passage, kept between searches (set back to 0 after each): a fresh 1.5 MB array per search at ×1000 cost more than the search. */
  const scores = new Float64Array(count);

  /** BM25 over the scoped passages, best `limit` first. */
  const searchLexical = (queryTerms: string[], scope: ScopeFilter, limit: number): ScoredPassage[] => {
    const within = scoped(scope);
    // A dense score array and the list of touched ids: cheaper than a Map once postings run long.
    const touched: number[] = [];
    try {
      for (const term of new Set(queryTerms)) {
        const weight = terms.idf(term);
        if (weight === 0) continue;
        for (const list of postingsWithin(term, within?.runs ?? null)) {
          for (let i = 0; i < list.length; i += 2) {
            const id = list[i];
            if (within && !within.allowed(id)) continue;
            if (scores[id] === 0) touched.push(id);
            scores[id] += termScore(weight, list[i + 1], lengths[id], averageLength);
          }
        }
      }
      return topK(touched, (id) => scores[id], limit);
    } finally {
      for (const id of touched) scores[id] = 0;
    }
  };

  /** Cosine similarity over the scoped passages, best `limit` first; [] without vectors. */
  const searchVectors = async (vector: Float32Array, scope: ScopeFilter, limit: number): Promise<ScoredPassage[]> => {
    if (!vectors) return [];
    const within = scoped(scope);
    if (!within) return vectors.search(vector, limit);
    if (within.size <= settings.exactScanLimit) return vectors.searchWithin(vector, within.runs, limit, within.allowed);
    return vectors.search(vector, limit, within.allowed);
  };

  return {
    manifest,
    documents,
    terms,
    hasVectors: vectors !== null,
    async passages(ids) {
      return ids.map(readPassage);
    },
    async following(passage: Passage, limit: number) {
      const run: StoredPassage[] = [];
      for (let next = passage.id + 1; next < count && run.length < limit && docOf[next] === docOf[passage.id]; next++) run.push(readPassage(next));
      return run;
    },
    async searchLexical(queryTerms, scope, limit) {
      return searchLexical(queryTerms, scope, limit);
    },
    async searchHybrid(queryTerms, vector, scope, limit) {
      return { lexical: searchLexical(queryTerms, scope, limit), dense: await searchVectors(vector, scope, limit) };
    },
    figures() {
      return (figures ??= readJsonLines<Figure>(file(FILES.figures)));
    },
    async close() {
      if (passagesFd !== null) closeSync(passagesFd);
      passagesFd = null;
      closeSync(postingsFd);
      vectors?.close();
    },
  };
}

/**
 * A passage whose report, section and years come from the table, and whose record (its text and
 * sentences) is read and parsed only when one of them is read: retrieval ranks forty candidates by
 * their section, and the answer reads the text of a dozen. A class, not an object literal with
 * getters: forty of those cost more than the search that found them. `toJSON` writes it whole.
 */
class LazyPassage implements StoredPassage {
  #body: Passage | undefined;

  constructor(
    private readonly record: () => Buffer,
    readonly id: number,
    readonly docId: string,
    readonly section: string,
    readonly sectionKind: SectionKind,
    readonly years: number[],
  ) {}

  #parsed(): Passage {
    return (this.#body ??= JSON.parse(this.record().toString('utf8')) as Passage);
  }

  get text(): string {
    return this.#parsed().text;
  }

  get start(): number {
    return this.#parsed().start;
  }

  get end(): number {
    return this.#parsed().end;
  }

  get sentences(): Sentence[] {
    return this.#parsed().sentences;
  }

  toJSON(): StoredPassage {
    const { id, docId, section, sectionKind, text, start, end, sentences, years } = this;
    return { id, docId, section, sectionKind, text, start, end, sentences, years };
  }
}

/** The [first, last] passage ids of each report (a report's passages are consecutive). */
function documentRanges(docOf: Uint32Array, documents: number): Array<[number, number] | undefined> {
  const ranges: Array<[number, number] | undefined> = new Array(documents);
  docOf.forEach((d, id) => {
    const range = ranges[d];
    if (range) range[1] = id;
    else ranges[d] = [id, id];
  });
  return ranges;
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Passage } from '../../corpus/types.js';
import type { Figure } from '../../figures/types.js';
import { idf, termScore, topK } from '../bm25.js';
import type { IndexManifest } from '../manifest.js';
import { inScope } from '../scope-filter.js';
import type { ScopeFilter, ScoredPassage, Store, StoredDocument, StoredPassage, TermStatistics } from '../types.js';
import { openVectorIndex, type VectorIndex } from '../vector-index.js';
import { FILES } from './write.js';

/** Below this many passages in scope, dense search scans them exactly instead of filtering HNSW. */
const EXACT_SCAN_LIMIT = 5000;

/** Opens an embedded index folder whose files were already checked against `manifest`. */
export async function readEmbeddedIndex(folder: string, manifest: IndexManifest, efSearch: number): Promise<Store> {
  const file = (name: string) => path.join(folder, name);
  const documents = JSON.parse(await readFile(file(FILES.documents), 'utf8')) as StoredDocument[];
  const dictionary = JSON.parse(await readFile(file(FILES.terms), 'utf8')) as Array<[string, number, number]>;
  const count = manifest.counts.passages;
  const offsets = new Float64Array(toArrayBuffer(await readFile(file(FILES.offsets))));
  const table = toArrayBuffer(await readFile(file(FILES.table)));
  const docOf = new Uint32Array(table, 0, count);
  const lengths = new Uint32Array(table, count * 4, count);
  const yearStarts = new Uint32Array(table, count * 8, count + 1);
  const years = new Uint16Array(table, count * 12 + 4, yearStarts[count]);
  const vectors: VectorIndex | null = manifest.dense ? await openVectorIndex(file(FILES.vectors), manifest.dense.dimension, efSearch) : null;
  const passagesFd = openSync(file(FILES.passages), 'r');
  const postingsFd = openSync(file(FILES.postings), 'r');

  const postingsOf = new Map(dictionary.map(([term, first, n]) => [term, { first, n }]));
  const averageLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(count, 1);
  const ranges = documentRanges(docOf, documents.length);
  const yearsOf = (id: number) => years.subarray(yearStarts[id], yearStarts[id + 1]);
  let figures: Promise<Figure[]> | undefined;

  const terms: TermStatistics = {
    passageCount: count,
    documentFrequency: (term) => postingsOf.get(term)?.n ?? 0,
    idf: (term) => idf(count, postingsOf.get(term)?.n ?? 0),
    terms: () => postingsOf.keys(),
  };

  const readPassage = (id: number): StoredPassage => {
    const bytes = Buffer.allocUnsafe(offsets[id + 1] - offsets[id]);
    readSync(passagesFd, bytes, 0, bytes.length, offsets[id]);
    return JSON.parse(bytes.toString('utf8')) as StoredPassage;
  };

  /** Id runs worth reading for a scope, and the per-passage test within them (null: everything). */
  const scoped = (scope: ScopeFilter) => {
    if (scope.cities.length === 0 && scope.years.length === 0) return null;
    const runs: Array<[number, number]> = [];
    const whole = new Uint8Array(documents.length);
    documents.forEach((doc, d) => {
      if (!ranges[d] || (scope.cities.length > 0 && !scope.cities.includes(doc.city))) return;
      runs.push(ranges[d]);
      if (inScope(scope, doc, [])) whole[d] = 1;
    });
    const allowed = (id: number) => whole[docOf[id]] === 1 || inScope(scope, documents[docOf[id]], yearsOf(id));
    return { runs, allowed, size: runs.reduce((n, [from, to]) => n + to - from + 1, 0) };
  };

  /** A term's postings within the runs (binary search by positional reads), or all of them. */
  const postingsWithin = (term: string, runs: Array<[number, number]> | null): Int32Array[] => {
    const entry = postingsOf.get(term);
    if (!entry) return [];
    const idAt = (k: number) => {
      const cell = new Int32Array(1);
      readSync(postingsFd, new Uint8Array(cell.buffer), 0, 4, (entry.first + k) * 8);
      return cell[0];
    };
    const slice = (from: number, to: number) => {
      const out = new Int32Array((to - from) * 2);
      if (to > from) readSync(postingsFd, new Uint8Array(out.buffer), 0, out.byteLength, (entry.first + from) * 8);
      return out;
    };
    if (!runs || entry.n <= 64) return [slice(0, entry.n)];
    const firstAtOrAfter = (id: number) => {
      let low = 0;
      let high = entry.n;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (idAt(middle) < id) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    return runs.map(([from, to]) => slice(firstAtOrAfter(from), firstAtOrAfter(to + 1)));
  };

  return {
    manifest,
    documents,
    terms,
    hasVectors: vectors !== null,
    async passages(ids) {
      return ids.map(readPassage);
    },
    async following(passage: Passage) {
      const next = passage.id + 1;
      return next < count && docOf[next] === docOf[passage.id] ? readPassage(next) : undefined;
    },
    async searchLexical(queryTerms, scope, limit) {
      const within = scoped(scope);
      // A dense score array and the list of touched ids: cheaper than a Map once postings run long.
      const scores = new Float64Array(count);
      const touched: number[] = [];
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
    },
    async searchVectors(vector, scope, limit): Promise<ScoredPassage[]> {
      if (!vectors) return [];
      const within = scoped(scope);
      if (!within) return vectors.search(vector, limit);
      if (within.size <= EXACT_SCAN_LIMIT) return vectors.searchWithin(vector, within.runs, limit, within.allowed);
      return vectors.search(vector, limit, within.allowed);
    },
    figures() {
      return (figures ??= readFile(file(FILES.figures), 'utf8').then((text) => JSON.parse(text) as Figure[]));
    },
    async close() {
      closeSync(passagesFd);
      closeSync(postingsFd);
      vectors?.close();
    },
  };
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

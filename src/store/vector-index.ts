import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type hnswlib from 'hnswlib-node';
import { onFirstUse } from '../on-first-use.js';
import type { ScoredPassage } from './types.js';

const hnsw = onFirstUse<typeof hnswlib>('hnswlib-node');
/** Vectors written to `<base>.f32` per write. */
const ROWS_PER_WRITE = 4096;

export interface HnswSettings {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/**
 * Cosine HNSW over passage vectors (labels are passage ids), plus the same vectors row by row in a
 * file (`<base>.f32`) for exact search within a few in-scope reports. hnswlib's filtered search
 * calls back into JavaScript for every node it visits, so with a selective filter scanning the
 * allowed rows directly is both faster and exact; the rows are read from the file when needed,
 * not held in memory.
 */
export interface VectorIndex {
  readonly dimension: number;
  readonly count: number;
  search(vector: Float32Array, limit: number, allowed?: (passageId: number) => boolean): Promise<ScoredPassage[]>;
  /** Exact cosine ranking of the passages in `ranges` (inclusive id runs) that `allowed` admits. */
  searchWithin(vector: Float32Array, ranges: Array<[number, number]>, limit: number, allowed?: (passageId: number) => boolean): ScoredPassage[];
  close(): void;
}

export interface BuiltVectorIndex {
  /** Writes `<base>.hnsw` and `<base>.f32`; returns their paths. */
  save(base: string): Promise<string[]>;
}

export function buildVectorIndex(vectors: Float32Array[], dimension: number, settings: HnswSettings): BuiltVectorIndex {
  const index = new (hnsw().HierarchicalNSW)('cosine', dimension);
  index.initIndex(Math.max(vectors.length, 1), settings.m, settings.efConstruction, 100);
  vectors.forEach((vector, passageId) => {
    assertUsable(vector, dimension, passageId);
    index.addPoint(Array.from(vector), passageId);
  });
  return {
    async save(base) {
      await index.writeIndex(`${base}.hnsw`);
      // Row by row from the vectors themselves: a copy of them all (77 MB at ×1000) was held beside the graph.
      const rows = await open(`${base}.f32`, 'w');
      try {
        for (let from = 0; from < vectors.length; from += ROWS_PER_WRITE) {
          await rows.write(Buffer.concat(vectors.slice(from, from + ROWS_PER_WRITE).map((v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength))));
        }
      } finally {
        await rows.close();
      }
      return [`${base}.hnsw`, `${base}.f32`];
    },
  };
}

/**
 * Opens a saved index. hnswlib cannot tell a file written for another dimension (it reads out of
 * bounds), so the caller must pass the dimension recorded in the index manifest. The graph is read
 * in the background (hnswlib reads it off the main thread; at 192k passages it takes seconds): the
 * index is usable at once, exact scans of in-scope rows need only the rows file, and a search of
 * the graph waits for it.
 */
export async function openVectorIndex(base: string, dimension: number, efSearch: number): Promise<VectorIndex> {
  const rows = openSync(`${base}.f32`, 'r');
  const rowBytes = dimension * 4;
  const count = fstatSync(rows).size / rowBytes;
  const graph = (async () => {
    const index = new (hnsw().HierarchicalNSW)('cosine', dimension);
    await index.readIndex(`${base}.hnsw`);
    index.setEf(efSearch);
    return index;
  })();
  // A graph that cannot be read fails the searches that need it, not the process.
  graph.catch(() => undefined);
  return {
    dimension,
    count,
    async search(vector, limit, allowed) {
      const index = await graph;
      const k = Math.min(limit, index.getCurrentCount());
      if (k === 0) return [];
      const result = index.searchKnn(Array.from(vector), k, allowed);
      return result.neighbors.map((passageId, i) => ({ passageId, score: 1 - result.distances[i] }));
    },
    searchWithin(vector, ranges, limit, allowed) {
      const scored: ScoredPassage[] = [];
      for (const [from, to] of ranges) {
        const block = new Uint8Array((to - from + 1) * rowBytes);
        readSync(rows, block, 0, block.length, from * rowBytes);
        const values = new Float32Array(block.buffer);
        for (let id = from; id <= to; id++) {
          if (allowed && !allowed(id)) continue;
          let dot = 0;
          const base = (id - from) * dimension;
          for (let j = 0; j < dimension; j++) dot += values[base + j] * vector[j];
          scored.push({ passageId: id, score: dot });
        }
      }
      return scored.sort((a, b) => b.score - a.score || a.passageId - b.passageId).slice(0, limit);
    },
    close: () => closeSync(rows),
  };
}

function assertUsable(vector: Float32Array, dimension: number, passageId: number): void {
  if (vector.length !== dimension) throw new Error(`vector ${passageId} has ${vector.length} dimensions, expected ${dimension}`);
  if (!vector.every(Number.isFinite)) throw new Error(`vector ${passageId} contains NaN or Infinity`);
}

import { readFile, writeFile } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import type { ScoredPassage } from './lexical-index.js';

const { HierarchicalNSW } = hnswlib;

export interface HnswSettings {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/**
 * Cosine HNSW over passage vectors (labels are passage ids), plus the vectors themselves as one
 * flat array for exact search within a small set of passages. hnswlib's filtered search calls back
 * into JavaScript for every node it visits, so with a selective filter (one city's reports out of
 * hundreds) scanning the allowed passages directly is both faster and exact.
 */
export interface VectorIndex {
  readonly dimension: number;
  readonly count: number;
  search(vector: Float32Array, limit: number, allowed?: (passageId: number) => boolean): ScoredPassage[];
  /** Exact cosine ranking of the given passages. */
  searchWithin(vector: Float32Array, passageIds: number[], limit: number): ScoredPassage[];
  /** Writes `<base>.hnsw` and `<base>.f32`. */
  save(base: string): Promise<string[]>;
}

export function buildVectorIndex(vectors: Float32Array[], dimension: number, settings: HnswSettings): VectorIndex {
  const index = new HierarchicalNSW('cosine', dimension);
  index.initIndex(Math.max(vectors.length, 1), settings.m, settings.efConstruction, 100);
  const flat = new Float32Array(vectors.length * dimension);
  vectors.forEach((vector, passageId) => {
    assertUsable(vector, dimension, passageId);
    index.addPoint(Array.from(vector), passageId);
    flat.set(vector, passageId * dimension);
  });
  index.setEf(settings.efSearch);
  return wrap(index, flat, dimension);
}

/**
 * Opens a saved index. hnswlib cannot tell a file written for another dimension (it reads out of
 * bounds), so the caller must pass the dimension recorded in the index manifest.
 */
export async function openVectorIndex(base: string, dimension: number, efSearch: number): Promise<VectorIndex> {
  const index = new HierarchicalNSW('cosine', dimension);
  await index.readIndex(`${base}.hnsw`);
  index.setEf(efSearch);
  const bytes = await readFile(`${base}.f32`);
  if (bytes.byteLength !== index.getCurrentCount() * dimension * 4) throw new Error('vector file does not match the HNSW index');
  const flat = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return wrap(index, flat, dimension);
}

function wrap(index: InstanceType<typeof HierarchicalNSW>, flat: Float32Array, dimension: number): VectorIndex {
  return {
    dimension,
    get count() {
      return index.getCurrentCount();
    },
    searchWithin(vector, passageIds, limit) {
      const scored = passageIds.map((passageId) => {
        let dot = 0;
        const base = passageId * dimension;
        for (let j = 0; j < dimension; j++) dot += flat[base + j] * vector[j];
        return { passageId, score: dot };
      });
      return scored.sort((a, b) => b.score - a.score).slice(0, limit);
    },
    search(vector, limit, allowed) {
      const k = Math.min(limit, index.getCurrentCount());
      if (k === 0) return [];
      const result = index.searchKnn(Array.from(vector), k, allowed);
      return result.neighbors.map((passageId, i) => ({ passageId, score: 1 - result.distances[i] }));
    },
    async save(base) {
      await index.writeIndex(`${base}.hnsw`);
      await writeFile(`${base}.f32`, new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength));
      return [`${base}.hnsw`, `${base}.f32`];
    },
  };
}

function assertUsable(vector: Float32Array, dimension: number, passageId: number): void {
  if (vector.length !== dimension) throw new Error(`vector ${passageId} has ${vector.length} dimensions, expected ${dimension}`);
  if (!vector.every(Number.isFinite)) throw new Error(`vector ${passageId} contains NaN or Infinity`);
}

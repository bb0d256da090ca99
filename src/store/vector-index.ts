import hnswlib from 'hnswlib-node';
import type { ScoredPassage } from './lexical-index.js';

const { HierarchicalNSW } = hnswlib;

export interface HnswSettings {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/** Cosine HNSW over passage vectors; labels are passage ids. */
export interface VectorIndex {
  readonly dimension: number;
  readonly count: number;
  search(vector: Float32Array, limit: number, allowed?: (passageId: number) => boolean): ScoredPassage[];
  save(file: string): Promise<void>;
}

export function buildVectorIndex(vectors: Float32Array[], dimension: number, settings: HnswSettings): VectorIndex {
  const index = new HierarchicalNSW('cosine', dimension);
  index.initIndex(Math.max(vectors.length, 1), settings.m, settings.efConstruction, 100);
  vectors.forEach((vector, passageId) => {
    assertUsable(vector, dimension, passageId);
    index.addPoint(Array.from(vector), passageId);
  });
  index.setEf(settings.efSearch);
  return wrap(index, dimension);
}

/**
 * Opens a saved index. hnswlib cannot tell a file written for another dimension (it reads out of
 * bounds), so the caller must pass the dimension recorded in the index manifest.
 */
export async function openVectorIndex(file: string, dimension: number, efSearch: number): Promise<VectorIndex> {
  const index = new HierarchicalNSW('cosine', dimension);
  await index.readIndex(file);
  index.setEf(efSearch);
  return wrap(index, dimension);
}

function wrap(index: InstanceType<typeof HierarchicalNSW>, dimension: number): VectorIndex {
  return {
    dimension,
    get count() {
      return index.getCurrentCount();
    },
    search(vector, limit, allowed) {
      const k = Math.min(limit, index.getCurrentCount());
      if (k === 0) return [];
      const result = index.searchKnn(Array.from(vector), k, allowed);
      return result.neighbors.map((passageId, i) => ({ passageId, score: 1 - result.distances[i] }));
    },
    async save(file) {
      await index.writeIndex(file);
    },
  };
}

function assertUsable(vector: Float32Array, dimension: number, passageId: number): void {
  if (vector.length !== dimension) throw new Error(`vector ${passageId} has ${vector.length} dimensions, expected ${dimension}`);
  if (!vector.every(Number.isFinite)) throw new Error(`vector ${passageId} contains NaN or Infinity`);
}

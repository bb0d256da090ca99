import type { ScoredPassage } from './types.js';

/** Okapi BM25 as every backend computes it (the Postgres backend writes the same formula in SQL). */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** Inverse document frequency: ln(1 + (N - df + 0.5) / (df + 0.5)); 0 for a term no passage has. */
export function idf(passageCount: number, documentFrequency: number): number {
  return documentFrequency === 0 ? 0 : Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** One term's contribution to a passage's score. */
export function termScore(weight: number, tf: number, length: number, averageLength: number): number {
  const norm = BM25.k1 * (1 - BM25.b + (BM25.b * length) / averageLength);
  return (weight * tf * (BM25.k1 + 1)) / (tf + norm);
}

/** The `limit` best of `ids` by score (ties: lower id first) without sorting them all. */
export function topK(ids: Iterable<number>, scoreOf: (id: number) => number, limit: number): ScoredPassage[] {
  const better = (a: number, b: number) => scoreOf(a) > scoreOf(b) || (scoreOf(a) === scoreOf(b) && a < b);
  const best: number[] = [];
  for (const id of ids) {
    if (best.length === limit && !better(id, best[best.length - 1])) continue;
    let at = best.length;
    while (at > 0 && better(id, best[at - 1])) at--;
    best.splice(at, 0, id);
    if (best.length > limit) best.pop();
  }
  return best.map((passageId) => ({ passageId, score: scoreOf(passageId) }));
}

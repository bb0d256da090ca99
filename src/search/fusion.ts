import type { ScoredPassage } from '../store/types.js';

/** Reciprocal rank fusion: each list adds 1/(k + rank) for a passage; k = 60 as in Cormack et al. */
export function reciprocalRankFusion(lists: ScoredPassage[][], k = 60): ScoredPassage[] {
  const fused = new Map<number, number>();
  for (const list of lists) {
    list.forEach(({ passageId }, rank) => fused.set(passageId, (fused.get(passageId) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...fused]
    .map(([passageId, score]) => ({ passageId, score }))
    .sort((a, b) => b.score - a.score || a.passageId - b.passageId);
}

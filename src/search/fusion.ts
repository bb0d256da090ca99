import type { ScoredPassage } from '../store/types.js';

/**
 * Weighted reciprocal rank fusion: each list adds weight/(k + rank) for a passage (weight 1 when
 * not given); k = 60 as in Cormack et al.
 */
export function reciprocalRankFusion(lists: ScoredPassage[][], weights: number[] = [], k = 60): ScoredPassage[] {
  const fused = new Map<number, number>();
  lists.forEach((list, i) => {
    const weight = weights[i] ?? 1;
    list.forEach(({ passageId }, rank) => fused.set(passageId, (fused.get(passageId) ?? 0) + weight / (k + rank + 1)));
  });
  return [...fused]
    .map(([passageId, score]) => ({ passageId, score }))
    .sort((a, b) => b.score - a.score || a.passageId - b.passageId);
}

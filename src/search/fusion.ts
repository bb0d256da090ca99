import type { ScoredPassage } from '../store/types.js';

/**
 * Weighted reciprocal rank fusion: each list adds weight/(k + rank) for a passage (weight 1 when
 * not given); k = 60 as in Cormack et al. One list of positive weight (lexical retrieval) keeps its
 * order, scored alike, without the merge.
 */
export function reciprocalRankFusion(lists: ScoredPassage[][], weights: number[] = [], k = 60): ScoredPassage[] {
  const only = lists.length === 1 ? (weights[0] ?? 1) : 0;
  if (only > 0) return lists[0].map(({ passageId }, rank) => ({ passageId, score: only / (k + rank + 1) }));
  const fused = new Map<number, number>();
  lists.forEach((list, i) => {
    const weight = weights[i] ?? 1;
    list.forEach(({ passageId }, rank) => fused.set(passageId, (fused.get(passageId) ?? 0) + weight / (k + rank + 1)));
  });
  return [...fused]
    .map(([passageId, score]) => ({ passageId, score }))
    .sort((a, b) => b.score - a.score || a.passageId - b.passageId);
}

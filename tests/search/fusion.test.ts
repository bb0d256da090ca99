import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/search/fusion.js';

const list = (...ids: number[]) => ids.map((passageId, i) => ({ passageId, score: 10 - i }));

describe('reciprocalRankFusion', () => {
  it('adds weight / (k + rank) across lists, best first, ties by passage id', () => {
    expect(reciprocalRankFusion([list(3, 1), list(1, 2)], [1, 0.5], 60)).toEqual([
      { passageId: 1, score: 1 / 62 + 0.5 / 61 },
      { passageId: 3, score: 1 / 61 },
      { passageId: 2, score: 0.5 / 62 },
    ]);
    expect(reciprocalRankFusion([list(5), list(4)]).map((f) => f.passageId)).toEqual([4, 5]);
  });

  it('keeps one list in its order with the scores a merge gives it', () => {
    const one = list(7, 2, 9, 4);
    expect(reciprocalRankFusion([one], [0.1], 60)).toEqual(reciprocalRankFusion([one, []], [0.1, 1], 60));
    expect(reciprocalRankFusion([one]).map((f) => f.passageId)).toEqual([7, 2, 9, 4]);
  });
});

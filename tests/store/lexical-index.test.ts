import { describe, expect, it } from 'vitest';
import { buildLexicalIndex, openLexicalIndex } from '../../src/store/lexical-index.js';
import { seededRandom } from '../support/random.js';

const random = seededRandom(11);
const VOCABULARY = ['增长', '就业', '公园', '地铁', '收入', '目标', '5%', '3.2万人', '太原', '晋中'];
const passages = Array.from({ length: 400 }, () => Array.from({ length: 5 + Math.floor(random() * 20) }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]));
const index = buildLexicalIndex(passages);

/** Textbook BM25, scored and sorted naively, to check the index against. */
function naive(terms: string[], keep: (id: number) => boolean): Array<{ passageId: number; score: number }> {
  const average = passages.reduce((s, p) => s + p.length, 0) / passages.length;
  return passages
    .map((p, passageId) => ({
      passageId,
      score: [...new Set(terms)].reduce((sum, term) => {
        const tf = p.filter((t) => t === term).length;
        if (!tf) return sum;
        return sum + (index.idf(term) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * p.length) / average));
      }, 0),
    }))
    .filter((s) => s.score > 0 && keep(s.passageId))
    .sort((a, b) => b.score - a.score || a.passageId - b.passageId);
}

describe('BM25 index', () => {
  it('ranks like the textbook formula', () => {
    const got = index.search(['就业', '3.2万人', '目标'], 15);
    const want = naive(['就业', '3.2万人', '目标'], () => true).slice(0, 15);
    expect(got.map((h) => h.passageId)).toEqual(want.map((h) => h.passageId));
    got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i].score, 9));
  });

  it('reads only the given id ranges, with the same scores as a filter', () => {
    const ranges: Array<[number, number]> = [[10, 40], [200, 230], [390, 399]];
    const inside = (id: number) => ranges.some(([from, to]) => id >= from && id <= to);
    const viaRanges = index.search(['公园', '地铁'], 20, undefined, ranges);
    const viaFilter = index.search(['公园', '地铁'], 20, inside);
    expect(viaRanges).toEqual(viaFilter);
    expect(viaRanges.every((h) => inside(h.passageId))).toBe(true);
    expect(viaRanges.map((h) => h.passageId)).toEqual(naive(['公园', '地铁'], inside).slice(0, 20).map((h) => h.passageId));
  });

  it('survives a JSON round trip and knows nothing of unknown terms', () => {
    const reopened = openLexicalIndex(JSON.parse(JSON.stringify(index.data)));
    expect(reopened.search(['收入'], 5)).toEqual(index.search(['收入'], 5));
    expect(reopened.search(['不存在', 'constructor'], 5)).toEqual([]);
    expect(reopened.idf('不存在')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { invertTerms, termCollector, type PassageTerms } from '../../src/store/passage-terms.js';
import { tokenize } from '../../src/text/tokenize.js';

const TEXTS = ['新建公园16个，公园绿地。', '地铁1号线开通运营。', '新建公园20个。'];

function collectTerms(texts: string[]): PassageTerms {
  const collector = termCollector();
  for (const text of texts) collector.add(text);
  return collector.terms();
}

describe('passage terms', () => {
  it("holds each passage's terms as ids in order of first use with counts, and the passages' lengths and document frequencies", () => {
    const terms = collectTerms(TEXTS);
    TEXTS.forEach((text, passage) => {
      const tokens = tokenize(text);
      expect(terms.lengths[passage]).toBe(tokens.length);
      const counted = new Map<string, number>();
      for (const token of tokens) counted.set(token, (counted.get(token) ?? 0) + 1);
      const held = new Map(Array.from(terms.ids[passage], (id, i) => [terms.terms[id], terms.counts[passage][i]]));
      expect(held).toEqual(counted);
      expect(Array.from(terms.ids[passage], (id) => terms.terms[id])).toEqual([...new Set(tokens)]);
    });
    expect(terms.documentFrequency('公园')).toBe(2);
    expect(terms.documentFrequency('地铁')).toBe(1);
    expect(terms.documentFrequency('机场')).toBe(0);
  });

  it('inverts them into postings of [passage, count] in passage order', () => {
    const terms = collectTerms(TEXTS);
    const { first, postings } = invertTerms(terms);
    const id = terms.terms.indexOf('公园');
    const list = Array.from(postings.subarray(first[id] * 2, (first[id] + terms.documentFrequencies[id]) * 2));
    const countIn = (text: string) => tokenize(text).filter((t) => t === '公园').length;
    expect(list).toEqual([0, countIn(TEXTS[0]), 2, countIn(TEXTS[2])]);
  });

  it('inverts a stretch of terms at a time into the same postings', () => {
    const terms = collectTerms(TEXTS);
    const whole = invertTerms(terms).postings;
    for (let cut = 0; cut <= terms.terms.length; cut++) {
      const pieces = [invertTerms(terms, 0, cut).postings, invertTerms(terms, cut).postings];
      expect(Int32Array.from(pieces.flatMap((piece) => Array.from(piece)))).toEqual(whole);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createConceptWeight } from '../../src/answer/weights.js';
import type { Concept } from '../../src/search/concepts.js';
import type { TermStatistics } from '../../src/store/types.js';

const IDF: Record<string, number> = { 退役军人: 3, 相信: 1, 困难: 1 };
const statistics: TermStatistics = { passageCount: 100, documentFrequency: () => 1, idf: (term) => IDF[term] ?? 0, terms: () => Object.keys(IDF) };
const weightOf = createConceptWeight(statistics);
const word = (label: string, extra: Partial<Concept> = {}): Concept => ({ label, variants: [label], kind: 'word', strict: false, ...extra });

describe('concept weights', () => {
  it('weigh a question word the reports never use most, so an answer must say it', () => {
    expect(weightOf(word('液压件'))).toBeGreaterThan(weightOf(word('退役军人')));
  });

  it("weigh nothing for a word of the asker's story, or the kind of answer asked for, that the reports never use, even with a near word they do", () => {
    const near = [{ word: '相信', similarity: 0.6 }];
    expect(weightOf(word('液压件', { situation: true }))).toBe(0);
    expect(weightOf(word('说法', { asksFor: true, related: near }))).toBe(0);
    expect(weightOf(word('退役军人', { situation: true }))).toBeGreaterThan(0);
  });

  it('weigh nothing for an English verb no report says in any of its renderings, and weigh one they say', () => {
    const english = (label: string, variants: string[]): Concept => ({ label, variants, kind: 'english', strict: false, tag: 'v' });
    expect(weightOf(english('departed', ['离开', '出发']))).toBe(0);
    expect(weightOf(english('retired', ['退役军人']))).toBeGreaterThan(0);
    expect(weightOf({ ...english('freight', ['货运']), tag: undefined })).toBeGreaterThan(0);
  });
});

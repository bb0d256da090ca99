import { describe, expect, it } from 'vitest';
import type { SectionKind } from '../../src/corpus/types.js';
import { readQuestion } from '../support/reader.js';
import { scopeFor } from '../../src/search/scope.js';
import { inScope, yearsNamed } from '../../src/store/scope-filter.js';
import type { StoredDocument, StoredPassage } from '../../src/store/types.js';

const doc = (id: string, city: string, year: number): StoredDocument => ({ id, file: `${id}.txt`, title: id, level: 'city', city, year, reviews: year - 1, credits: [] });
const DOCUMENTS = [doc('A2024', '太原', 2024), doc('A2025', '太原', 2025), doc('B2025', '晋中', 2025)];
const byId = new Map(DOCUMENTS.map((d) => [d.id, d]));
let nextId = 0;
const passage = (docId: string, sectionKind: SectionKind, text = '正文。'): StoredPassage => ({
  id: nextId++, docId, section: '', sectionKind, text, start: 0, end: text.length, sentences: [], years: yearsNamed(text, byId.get(docId)!.year),
});

const scope = (q: string) => {
  const s = scopeFor(readQuestion(q, ['太原', '晋中']), DOCUMENTS);
  return {
    ...s,
    allows: (p: StoredPassage) => inScope(s.filter, byId.get(p.docId)!, p.years),
    fit: (p: StoredPassage) => s.fit(byId.get(p.docId), p),
  };
};

describe('scoping by year and city (one rule, applied by every backend)', () => {
  it('lets a year be answered by that year\'s report (plan) or the next year\'s (review)', () => {
    const s = scope('2024年太原新增就业多少人？');
    expect(s.allows(passage('A2024', 'plan'))).toBe(true);
    expect(s.allows(passage('A2025', 'review'))).toBe(true);
    expect(s.allows(passage('B2025', 'review'))).toBe(false);
  });

  it('reads "2025年的报告" as the report delivered in 2025, its review and its plan, where there is one', () => {
    const reportYears = (places: string[]) => DOCUMENTS.filter((d) => places.length === 0 || places.includes(d.city)).map((d) => d.year);
    const read = (q: string) => readQuestion(q, ['太原', '晋中'], new Set(), { reportYears });
    const named = read('太原2025年政府工作报告里对新增就业怎么说的？');
    expect(named.yearsNameReports).toBe(true);
    const s = scopeFor(named, DOCUMENTS);
    expect(s.fit(byId.get('A2025'), passage('A2025', 'plan'))).toBe(1);
    expect(s.fit(byId.get('A2025'), passage('A2025', 'review'))).toBe(0.5);
    expect(s.fit(byId.get('A2024'), passage('A2024', 'plan'))).toBe(0);
    // No report of 晋中 was delivered in 2024: its year is what a report speaks of (the 2025 report's review).
    expect(read('晋中2024年的报告里提没提这个项目？').yearsNameReports).toBeUndefined();
    expect(read('太原2025年新增就业多少人？').yearsNameReports).toBeUndefined();
  });

  it('prefers the review part for results and the plan part for targets', () => {
    const results = scope('2024年太原新增就业多少人？');
    expect(results.fit(passage('A2025', 'review'))).toBe(1);
    expect(results.fit(passage('A2024', 'plan'))).toBe(0.5);
    expect(results.fit(passage('A2025', 'plan'))).toBe(0);
    const targets = scope('2025年太原新增就业目标是多少？');
    expect(targets.fit(passage('A2025', 'plan'))).toBe(1);
    expect(targets.fit(passage('A2025', 'review'))).toBe(0);
  });

  it('fits a passage of the other part that says the asked year as its report\'s 今年 as the other part', () => {
    const s = scope('2025年太原有多少大学生毕业？');
    expect(s.fit(passage('A2025', 'review'))).toBe(0);
    expect(s.fit(passage('A2025', 'review', '今年全市有5万名高校毕业生。'))).toBe(0.5);
  });

  it('prefers the newest report\'s review for a result asked with no year (how things stand)', () => {
    const asked = scopeFor(readQuestion('太原古城建成开放了没？', ['太原', '晋中']), DOCUMENTS, 0.1);
    const [older, newer] = [passage('A2024', 'review'), passage('A2025', 'review')];
    expect(asked.fit(byId.get('A2025'), newer)).toBeGreaterThan(asked.fit(byId.get('A2024'), older));
    const target = scopeFor(readQuestion('太原古城的目标是什么？', ['太原', '晋中']), DOCUMENTS, 0.1);
    expect(target.fit(byId.get('A2025'), passage('A2025', 'plan'))).toBe(target.fit(byId.get('A2024'), passage('A2024', 'plan')));
  });

  it('keeps a passage of another year that names the asked year', () => {
    const s = scope('2030年太原的目标');
    expect(s.allows(passage('A2025', 'plan', '到2030年，建成国家区域中心城市。'))).toBe(true);
    expect(s.allows(passage('A2025', 'plan', '今年目标。'))).toBe(false);
  });

  it('restricts to the named city, including through a county', () => {
    const s = scope('介休的煤炭产能');
    expect(s.allows(passage('B2025', 'review'))).toBe(true);
    expect(s.allows(passage('A2025', 'review'))).toBe(false);
  });

  it('is empty, with a reason, for a place the reports do not cover', () => {
    const s = scope('广州2025年地区生产总值');
    expect(s.emptyBecause).toEqual({ code: 'OUT_OF_SCOPE', covered: ['太原', '晋中'], asked: ['广州'] });
    expect(scope('太原和北京的高铁').emptyBecause).toBeUndefined();
  });
});

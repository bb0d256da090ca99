import { describe, expect, it } from 'vitest';
import { reportRuns, scopeRuns, type IdRun } from '../../src/store/postgres/scope-runs.js';
import type { StoredDocument } from '../../src/store/types.js';

const report = (id: string, city: string, year: number): StoredDocument => ({ id, file: `${id}.txt`, title: id, level: 'city', city, year, reviews: year - 1, credits: [] });
// Ids as ingest gives them: each report's passages in one consecutive run, reports one after another.
const documents = [report('TY2024', '太原', 2024), report('TY2025', '太原', 2025), report('JZ2025', '晋中', 2025), report('TY2026', '太原', 2026)];
const runOf = new Map<string, IdRun>([
  ['TY2024', { first: 0, last: 9 }],
  ['TY2025', { first: 10, last: 19 }],
  ['JZ2025', { first: 20, last: 29 }],
  ['TY2026', { first: 30, last: 39 }],
]);

describe('the id ranges a PostgreSQL lexical search reads', () => {
  it('is every passage, in one range, when nothing is asked', () => {
    expect(scopeRuns(reportRuns(documents, runOf), { cities: [], years: [] })).toEqual({ first: [0], last: [39], whole: [true] });
  });

  it('is the asked city\'s reports, adjacent ones joined', () => {
    expect(scopeRuns(reportRuns(documents, runOf), { cities: ['太原'], years: [] })).toEqual({ first: [0, 30], last: [19, 39], whole: [true, true] });
  });

  it('keeps the reports that neither plan nor review an asked year, for their passages that name it', () => {
    // 2025: planned by TY2025 and JZ2025, reviewed by TY2026; TY2024 only where a passage names 2025.
    expect(scopeRuns(reportRuns(documents, runOf), { cities: [], years: [2025] })).toEqual({ first: [0, 10], last: [9, 39], whole: [false, true] });
    // 2024 in 太原: planned by TY2024, reviewed by TY2025; TY2026 where a passage names it; 晋中 not at all.
    expect(scopeRuns(reportRuns(documents, runOf), { cities: ['太原'], years: [2024] })).toEqual({ first: [0, 30], last: [19, 39], whole: [true, false] });
  });

  it('skips a report without passages', () => {
    expect(scopeRuns(reportRuns([...documents, report('JZ2026', '晋中', 2026)], runOf), { cities: ['晋中'], years: [] })).toEqual({ first: [20], last: [29], whole: [true] });
  });
});

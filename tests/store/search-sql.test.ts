import { describe, expect, it } from 'vitest';
import { searchStatement } from '../../src/store/postgres/search-sql.js';

const lexical = { terms: ["晋中'; DROP TABLE rq_passages; --", '就业'], idfs: [1.5, 0.5], runs: { first: [0], last: [99], whole: [true] }, averageLength: 120 };
const dense = { vector: new Float32Array([0.5, -0.25]), dimension: 2, exact: true };
const scope = { cities: ["太原' OR 1=1 --"], years: [2025] };

describe('the search statement', () => {
  it('binds every value the question brings as a parameter, never in its text', () => {
    const { text, values } = searchStatement({ version: 3, scope, limit: 40, lexical, dense });
    for (const value of [...lexical.terms, ...scope.cities]) {
      expect(text).not.toContain(value);
      expect(values.flat()).toContain(value);
    }
    expect(values).toContain('[0.500000000,-0.250000000]');
    // Every $n in the text has its value, and every value is used.
    const used = new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    expect([...used].sort((a, b) => a - b)).toEqual(values.map((_, i) => i + 1));
  });

  it('asks for the lists it is given: lexical, dense or both, in one statement', () => {
    const both = searchStatement({ version: 3, scope, limit: 40, lexical, dense }).text;
    expect(both).toContain('lexical AS');
    expect(both).toContain('dense AS');
    expect(both).toContain('UNION ALL');
    expect(searchStatement({ version: 3, scope, limit: 40, lexical, dense: null }).text).not.toContain('dense AS');
    expect(searchStatement({ version: 3, scope, limit: 40, lexical: null, dense }).text).not.toContain('lexical AS');
    // A small scope is compared in full ("+ 0" keeps the planner off the HNSW index); a large one walks the index.
    expect(searchStatement({ version: 3, scope, limit: 40, lexical: null, dense }).text).toContain(') + 0');
    expect(searchStatement({ version: 3, scope, limit: 40, lexical: null, dense: { ...dense, exact: false } }).text).not.toContain(') + 0');
  });

  it('leaves out the bodies of passages only in the dense list when asked and the lexical list has enough', () => {
    expect(searchStatement({ version: 3, scope, limit: 40, lexical, dense }).text).not.toContain('count(*) FROM lexical');
    const { text, values } = searchStatement({ version: 3, scope, limit: 40, lexical, dense, lexicalSuffices: 12 });
    const suffices = values.indexOf(12) + 1;
    expect(text).toContain(`CASE WHEN (SELECT count(*) FROM lexical) >= $${suffices} OR d.id IN (SELECT l.id FROM lexical l) THEN NULL ELSE (SELECT p.body FROM rq_passages p WHERE p.version = 3 AND p.id = d.id) END`);
  });

  it('writes a scope predicate only for what is asked, and the version and limit in its text, so that its generic plan can use the indexes', () => {
    const unscoped = searchStatement({ version: 7, scope: { cities: [], years: [] }, limit: 40, lexical, dense: { ...dense, exact: false } }).text;
    expect(unscoped).not.toContain('p.city');
    expect(unscoped).not.toContain('scope_years');
    expect(unscoped).toContain('p.version = 7');
    expect(unscoped).toContain('LIMIT 40');
    const years = searchStatement({ version: 7, scope: { cities: [], years: [2025] }, limit: 40, lexical, dense }).text;
    expect(years).not.toContain('p.city');
    expect(years).toMatch(/p\.scope_years && \$\d+::int\[\]\)\n/);
    // With a city, the years are checked on its passages, not looked up in the GIN index.
    expect(searchStatement({ version: 7, scope, limit: 40, lexical, dense }).text).toMatch(/p\.scope_years && \$\d+::int\[\]\) IS TRUE/);
    expect(() => searchStatement({ version: 7, scope, limit: 1.5, lexical, dense })).toThrow();
  });

  it('asks for a generic plan unless it walks the HNSW index within a scope', () => {
    const unscoped = { cities: [], years: [] };
    expect(searchStatement({ version: 3, scope, limit: 40, lexical, dense: null }).generic).toBe(true);
    expect(searchStatement({ version: 3, scope, limit: 40, lexical, dense }).generic).toBe(true);
    expect(searchStatement({ version: 3, scope: unscoped, limit: 40, lexical, dense: { ...dense, exact: false } }).generic).toBe(true);
    expect(searchStatement({ version: 3, scope, limit: 40, lexical, dense: { ...dense, exact: false } }).generic).toBe(false);
  });
});

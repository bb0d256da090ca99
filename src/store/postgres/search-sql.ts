import { createHash } from 'node:crypto';
import { BM25 } from '../bm25.js';
import type { ScopeFilter } from '../types.js';

/** The parameters of one statement, collected while its SQL is written: `bind` returns a value's `$n`. */
function statementParameters(): { values: unknown[]; bind: (value: unknown) => string } {
  const values: unknown[] = [];
  return { values, bind: (value) => (values.push(value), `$${values.length}`) };
}

type Bind = (value: unknown) => string;

/** An integer written into a statement's text (a version or a limit: never a value a question brings). */
function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/** A BM25 search: the question's terms with their idf, and the id ranges of the reports in scope (see `scopeRuns`). */
export interface LexicalQuery {
  terms: string[];
  idfs: number[];
  runs: { first: number[]; last: number[]; whole: boolean[] };
  averageLength: number;
}

/** A nearest-neighbour search; `exact` compares every passage in scope instead of walking the HNSW index. */
export interface DenseQuery {
  vector: Float32Array;
  dimension: number;
  exact: boolean;
}

/**
 * The best `limit` passages by BM25, as the CTEs `hits` and `best (id, score)`. The same BM25 as
 * the embedded backend (see bm25.ts; its idf from the reader), summed over the question's terms in
 * float8 in the same order (so equal passages tie exactly, as there), from postings alone: each
 * term's postings are read in each id range of the reports in scope, by the primary key (a lateral
 * scan per term and range, kept one by "OFFSET 0" whatever the planner estimates of the arrays'
 * sizes, as a generic plan does not know them). Passages outside whole ranges are in scope when
 * they name an asked year.
 */
function lexicalCtes(bind: Bind, version: string, query: LexicalQuery, scope: ScopeFilter, limit: string): string {
  const { k1, b } = BM25;
  const length = bind(query.averageLength);
  const outside = scope.years.length > 0 ? ` OR (SELECT p.years && ${bind(scope.years)}::int[] FROM rq_passages p WHERE p.version = ${version} AND p.id = h.id)` : '';
  return `hits AS (
       SELECT o.passage_id AS id, bool_or(r.whole) AS whole,
              SUM(q.idf * o.tf * ${k1 + 1}::float8 / (o.tf + ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * o.length / ${length}::float8)) ORDER BY q.n) AS score
         FROM unnest(${bind(query.terms)}::text[], ${bind(query.idfs)}::float8[]) WITH ORDINALITY AS q(term, idf, n)
         CROSS JOIN unnest(${bind(query.runs.first)}::int[], ${bind(query.runs.last)}::int[], ${bind(query.runs.whole)}::bool[]) AS r(first, last, whole)
         CROSS JOIN LATERAL (
           SELECT o.passage_id, o.tf, o.length FROM rq_postings o
            WHERE o.version = ${version} AND o.term = q.term AND o.passage_id BETWEEN r.first AND r.last
           OFFSET 0) o
        GROUP BY o.passage_id),
     best AS (
       SELECT h.id, h.score FROM hits h
        WHERE h.whole${outside}
        ORDER BY h.score DESC, h.id
        LIMIT ${limit})`;
}

/**
 * The best `limit` passages by cosine similarity within the scope, nearest first: ids and scores
 * (bodies carried through the sort of a scope's passages were 0.26 of its 0.35 ms at ×100).
 * The scope rule of `inScope` over `rq_passages p`: an asked city, and a report that plans or
 * reviews an asked year or a passage that names one (all in `scope_years`, GIN-indexed); a
 * predicate only for what is asked, so that a generic plan can use the indexes. A small scope is
 * compared in full (the "+ 0" keeps the planner off the HNSW index); a large one walks the
 * version's HNSW index (partial, hence the version in the text), whose iterative scan (set per
 * connection) goes on until `limit` rows pass the scope.
 */
function denseSelect(bind: Bind, version: string, query: DenseQuery, scope: ScopeFilter, limit: string): string {
  // Nine significant digits give back every float32 (pgvector reads them with strtof), and are written
  // faster than a double's shortest digits: 0.16 against 0.69 ms for 512 dimensions.
  const vector = `[${Array.from(query.vector, (x) => x.toPrecision(9)).join(',')}]`;
  const distance = `p.embedding::vector(${query.dimension}) <=> ${bind(vector)}::vector(${query.dimension})`;
  const cities = scope.cities.length > 0 ? `\n          AND p.city = ANY(${bind(scope.cities)}::text[])` : '';
  // A city's passages are few: the years are checked on them rather than looked up in the GIN index, which a
  // generic plan would do for any scope ("IS TRUE" keeps the planner off it).
  const years = scope.years.length > 0 ? `\n          AND (p.scope_years && ${bind(scope.years)}::int[])${cities ? ' IS TRUE' : ''}` : '';
  return `SELECT p.id, 1 - (${distance}) AS score
         FROM rq_passages p
        WHERE p.version = ${version}${cities}${years}
        ORDER BY ${query.exact ? `(${distance}) + 0` : distance}
        LIMIT ${limit}`;
}

/**
 * One statement for a question's lexical list, its vector list, or both (at least one): rows of
 * (list 0 lexical or 1 dense, rank, id, score, body) in no order (the caller orders them: sorting
 * the rows with their bodies was 0.05 ms of the server's). A passage in both lists brings its body
 * once, with the lexical list (null in the dense row); a passage only in the dense list brings none
 * when the lexical list has `lexicalSuffices` passages. Its text depends only on the version, which
 * lists are asked, how, the scope's shape (a city, years) and the vector's dimension (a few texts
 * in all), so it is prepared by a name from its text. It is `generic` (its generic plan is good:
 * planned once per connection) unless it walks the HNSW index within a scope: the planner must
 * then know how much of the index passes the scope (a generic plan estimates it from no value, and
 * at ×100 chose to read and sort 16,456 passages, 40 ms, over the walk).
 */
export function searchStatement(search: {
  version: number;
  scope: ScopeFilter;
  limit: number;
  lexical: LexicalQuery | null;
  dense: DenseQuery | null;
  lexicalSuffices?: number;
}): { name: string; text: string; values: unknown[]; generic: boolean } {
  const { values, bind } = statementParameters();
  const version = integer(search.version);
  const limit = integer(search.limit);
  const ctes: string[] = [];
  const lists: string[] = [];
  if (search.lexical) {
    ctes.push(
      lexicalCtes(bind, version, search.lexical, search.scope, limit),
      `lexical AS (
       SELECT b.id, b.score, p.body, row_number() OVER (ORDER BY b.score DESC, b.id)::int AS rank
         FROM best b JOIN rq_passages p ON p.version = ${version} AND p.id = b.id)`,
    );
    lists.push('SELECT 0 AS list, l.rank, l.id, l.score, l.body FROM lexical l');
  }
  if (search.dense) {
    // The subquery's order (nearest first) is the rank.
    ctes.push(`dense AS (SELECT d.id, d.score, row_number() OVER ()::int AS rank FROM (${denseSelect(bind, version, search.dense, search.scope, limit)}) d)`);
    // The count first (once a statement): when the lexical list suffices, no row looks its id up in it.
    const suffices = search.lexical && search.lexicalSuffices !== undefined ? `(SELECT count(*) FROM lexical) >= ${bind(search.lexicalSuffices)} OR ` : '';
    const read = `(SELECT p.body FROM rq_passages p WHERE p.version = ${version} AND p.id = d.id)`;
    const body = search.lexical ? `CASE WHEN ${suffices}d.id IN (SELECT l.id FROM lexical l) THEN NULL ELSE ${read} END` : read;
    lists.push(`SELECT 1 AS list, d.rank, d.id, d.score, ${body} FROM dense d`);
  }
  const text = `WITH ${ctes.join(',\n     ')}\n${lists.join('\nUNION ALL\n')}`;
  const scoped = search.scope.cities.length > 0 || search.scope.years.length > 0;
  const generic = !search.dense || search.dense.exact || !scoped;
  return { name: `rq_search_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values, generic };
}

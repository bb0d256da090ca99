import type pg from 'pg';
import type { Figure } from '../../figures/types.js';
import { BM25, idf } from '../bm25.js';
import { inScope } from '../scope-filter.js';
import type { IndexManifest } from '../manifest.js';
import { query } from './pool.js';
import { readFigures } from './figures.js';
import { scopeRuns } from './scope-runs.js';
import type { ScopeFilter, ScoredPassage, Store, StoredDocument, StoredPassage, TermStatistics } from '../types.js';

/**
 * The scope rule of `inScope` for vector search, in SQL over `rq_passages p`: an asked city, and a report that plans
 * or reviews an asked year or a passage that names one (all in `scope_years`, GIN-indexed). `$n` and
 * `$n+1` are the cities and years.
 */
function scopeSql(first: number): string {
  const cities = `$${first}::text[]`;
  const years = `$${first + 1}::int[]`;
  return `(cardinality(${cities}) = 0 OR p.city = ANY(${cities}))
      AND (cardinality(${years}) = 0 OR p.scope_years && ${years})`;
}

/** Up to this many passages in scope, vector search compares them all; above it, it walks the HNSW index. */
const EXACT_SCOPE = 2000;

/**
 * Opens one corpus version for reading: documents and term counts in memory, the rest by query,
 * one round trip per search. `release` runs on close (the version's reader lease).
 */
export async function readPostgresIndex(pool: pg.Pool, version: number, manifest: IndexManifest, release: () => Promise<void>): Promise<Store> {
  const documents = (await query<{ meta: StoredDocument }>(pool, 'SELECT meta FROM rq_documents WHERE version = $1 ORDER BY position', [version])).rows.map(
    (r) => r.meta,
  );
  const frequencies = new Map(
    (await query<{ term: string; df: number }>(pool, 'SELECT term, df FROM rq_terms WHERE version = $1', [version])).rows.map((r) => [r.term, r.df]),
  );
  // A report's passages have consecutive ids: its run.
  const runOf = new Map(
    (
      await query<{ doc_id: string; first: number; last: number }>(
        pool,
        'SELECT doc_id, min(id) AS first, max(id) AS last FROM rq_passages WHERE version = $1 GROUP BY doc_id',
        [version],
      )
    ).rows.map((r) => [r.doc_id, { first: r.first, last: r.last }]),
  );
  const { rows } = await query<{ average_length: number }>(pool, 'SELECT average_length FROM rq_versions WHERE id = $1', [version]);
  const averageLength = rows[0].average_length;
  const count = manifest.counts.passages;
  const dimension = manifest.dense?.dimension;
  let figures: Promise<Figure[]> | undefined;

  /** Passages of the reports in scope (passages naming an asked year elsewhere are few and not counted). */
  const scopeSize = (scope: ScopeFilter) =>
    documents
      .filter((d) => inScope(scope, d, []))
      .map((d) => runOf.get(d.id))
      .reduce((n, run) => n + (run ? run.last - run.first + 1 : 0), 0);

  const terms: TermStatistics = {
    passageCount: count,
    documentFrequency: (term) => frequencies.get(term) ?? 0,
    idf: (term) => idf(count, frequencies.get(term) ?? 0),
    terms: () => frequencies.keys(),
  };

  return {
    manifest,
    documents,
    terms,
    hasVectors: dimension !== undefined,
    async passages(ids) {
      const found = await query<{ id: number; data: StoredPassage }>(pool, 'SELECT id, data FROM rq_passages WHERE version = $1 AND id = ANY($2::int[])', [version, ids]);
      const byId = new Map(found.rows.map((r) => [r.id, r.data]));
      return ids.map((id) => byId.get(id)!);
    },
    async following(passage, limit) {
      const next = await query<{ data: StoredPassage }>(
        pool,
        'SELECT data FROM rq_passages WHERE version = $1 AND id > $2 AND id <= $2 + $3 AND doc_id = $4 ORDER BY id',
        [version, passage.id, limit, passage.docId],
      );
      // Ids of one report are consecutive: stop at the first gap.
      const run = next.rows.map((r) => r.data);
      const end = run.findIndex((p, i) => p.id !== passage.id + 1 + i);
      return end < 0 ? run : run.slice(0, end);
    },
    async searchLexical(queryTerms, scope: ScopeFilter, limit): Promise<ScoredPassage[]> {
      const unique = [...new Set(queryTerms)].filter((t) => frequencies.has(t));
      if (unique.length === 0) return [];
      const runs = scopeRuns(documents, runOf, scope);
      // The same BM25 as the embedded backend (see bm25.ts; its idf from here), summed over the question's
      // terms in float8 in the same order (so equal passages tie exactly, as there), from postings
      // alone: each term's postings are read in the id ranges of the
      // reports in scope, by the primary key. Passages outside whole ranges are in scope when they
      // name an asked year. The best `limit` come back with their passage.
      const result = await query<{ id: number; score: number; data: StoredPassage }>(
        pool,
        `WITH hits AS (
           SELECT o.passage_id AS id, bool_or(r.whole) AS whole,
                  SUM(q.idf * o.tf * ${BM25.k1 + 1}::float8 / (o.tf + ${BM25.k1}::float8 * (1 - ${BM25.b}::float8 + ${BM25.b}::float8 * o.length / $7::float8)) ORDER BY q.n) AS score
             FROM unnest($2::text[], $3::float8[]) WITH ORDINALITY AS q(term, idf, n)
             CROSS JOIN unnest($4::int[], $5::int[], $6::bool[]) AS r(first, last, whole)
             JOIN rq_postings o ON o.version = $1 AND o.term = q.term AND o.passage_id BETWEEN r.first AND r.last
            GROUP BY o.passage_id),
         best AS (
           SELECT h.id, h.score FROM hits h
            WHERE h.whole OR (SELECT p.years && $8::int[] FROM rq_passages p WHERE p.version = $1 AND p.id = h.id)
            ORDER BY h.score DESC, h.id
            LIMIT $9)
         SELECT b.id, b.score, p.data FROM best b JOIN rq_passages p ON p.version = $1 AND p.id = b.id
          ORDER BY b.score DESC, b.id`,
        [version, unique, unique.map((t) => terms.idf(t)), runs.first, runs.last, runs.whole, averageLength, scope.years, limit],
      );
      return result.rows.map((r) => ({ passageId: r.id, score: Number(r.score), passage: r.data }));
    },
    async searchVectors(vector, scope: ScopeFilter, limit) {
      if (!dimension) return [];
      const distance = `p.embedding::vector(${dimension}) <=> $2::vector(${dimension})`;
      // A small scope is compared in full (the "+ 0" keeps the planner off the index); a large one walks
      // the version's HNSW index, whose iterative scan (set per connection) goes on until `limit` rows pass the scope.
      const order = scopeSize(scope) <= EXACT_SCOPE && (scope.cities.length > 0 || scope.years.length > 0) ? `(${distance}) + 0` : distance;
      const result = await query<{ id: number; score: number; data: StoredPassage }>(
        pool,
        `SELECT p.id, 1 - (${distance}) AS score, p.data
           FROM rq_passages p
          WHERE p.version = $1 AND ${scopeSql(3)}
          ORDER BY ${order}
          LIMIT $5`,
        [version, `[${Array.from(vector).join(',')}]`, scope.cities, scope.years, limit],
      );
      return result.rows.map((r) => ({ passageId: r.id, score: Number(r.score), passage: r.data }));
    },
    figures: () => (figures ??= readFigures(pool, version)),
    close: release,
  };
}

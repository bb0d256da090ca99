import type pg from 'pg';
import type { Figure } from '../../figures/types.js';
import { BM25, idf } from '../bm25.js';
import type { IndexManifest } from '../manifest.js';
import { query } from './pool.js';
import { readFigures } from './figures.js';
import type { ScopeFilter, ScoredPassage, Store, StoredDocument, StoredPassage, TermStatistics } from '../types.js';

/**
 * The scope rule of `inScope`, in SQL over `rq_passages p`: an asked city, and a report that plans
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
  const passagesPerDocument = new Map(
    (await query<{ doc_id: string; n: number }>(pool, 'SELECT doc_id, count(*)::int AS n FROM rq_passages WHERE version = $1 GROUP BY doc_id', [version])).rows.map((r) => [r.doc_id, r.n]),
  );
  const { rows } = await query<{ average_length: number }>(pool, 'SELECT average_length FROM rq_versions WHERE id = $1', [version]);
  const averageLength = rows[0].average_length;
  const count = manifest.counts.passages;
  const dimension = manifest.dense?.dimension;
  let figures: Promise<Figure[]> | undefined;

  /** Passages of the reports in scope (passages naming an asked year elsewhere are few and not counted). */
  const scopeSize = (scope: ScopeFilter) =>
    documents
      .filter((d) => (scope.cities.length === 0 || scope.cities.includes(d.city)) && (scope.years.length === 0 || scope.years.includes(d.year) || scope.years.includes(d.reviews)))
      .reduce((n, d) => n + (passagesPerDocument.get(d.id) ?? 0), 0);

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
      // The same BM25 as the embedded backend (see bm25.ts), summed over the question's terms, in float8.
      const result = await query<{ id: number; score: number }>(
        pool,
        `SELECT o.passage_id AS id,
                SUM(ln(1 + ($3::float8 - t.df + 0.5) / (t.df::float8 + 0.5)) * o.tf * ${BM25.k1 + 1}::float8
                    / (o.tf + ${BM25.k1}::float8 * (1 - ${BM25.b}::float8 + ${BM25.b}::float8 * p.length / $4::float8))) AS score
           FROM rq_postings o
           JOIN rq_terms t ON t.version = o.version AND t.term = o.term
           JOIN rq_passages p ON p.version = o.version AND p.id = o.passage_id
          WHERE o.version = $1 AND o.term = ANY($2::text[]) AND ${scopeSql(5)}
          GROUP BY o.passage_id
          ORDER BY score DESC, o.passage_id
          LIMIT $7`,
        [version, unique, count, averageLength, scope.cities, scope.years, limit],
      );
      return result.rows.map((r) => ({ passageId: r.id, score: Number(r.score) }));
    },
    async searchVectors(vector, scope: ScopeFilter, limit) {
      if (!dimension) return [];
      const distance = `p.embedding::vector(${dimension}) <=> $2::vector(${dimension})`;
      // A small scope is compared in full (the "+ 0" keeps the planner off the index); a large one walks
      // the version's HNSW index, whose iterative scan (set per connection) goes on until `limit` rows pass the scope.
      const order = scopeSize(scope) <= EXACT_SCOPE && (scope.cities.length > 0 || scope.years.length > 0) ? `(${distance}) + 0` : distance;
      const result = await query<{ id: number; score: number }>(
        pool,
        `SELECT p.id, 1 - (${distance}) AS score
           FROM rq_passages p
          WHERE p.version = $1 AND ${scopeSql(3)}
          ORDER BY ${order}
          LIMIT $5`,
        [version, `[${Array.from(vector).join(',')}]`, scope.cities, scope.years, limit],
      );
      return result.rows.map((r) => ({ passageId: r.id, score: Number(r.score) }));
    },
    figures: () => (figures ??= readFigures(pool, version)),
    close: release,
  };
}

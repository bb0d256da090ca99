import type pg from 'pg';
import type { Figure } from '../../figures/types.js';
import { BM25, idf } from '../bm25.js';
import type { IndexManifest } from '../manifest.js';
import { readFigures } from './figures.js';
import { inTransaction } from './transaction.js';
import type { ScopeFilter, ScoredPassage, Store, StoredDocument, StoredPassage, TermStatistics } from '../types.js';

/**
 * The scope rule of `inScope`, in SQL over `rq_passages p`: an asked city, and a report that plans
 * or reviews an asked year or a passage that names one. `$n` and `$n+1` are the cities and years.
 */
function scopeSql(first: number): string {
  const cities = `$${first}::text[]`;
  const years = `$${first + 1}::int[]`;
  return `(cardinality(${cities}) = 0 OR p.city = ANY(${cities}))
      AND (cardinality(${years}) = 0 OR p.year = ANY(${years}) OR p.reviews = ANY(${years}) OR p.years && ${years})`;
}

/** Opens one corpus version for reading: documents and term counts in memory, the rest by query. */
export async function readPostgresIndex(pool: pg.Pool, version: number, manifest: IndexManifest, efSearch: number): Promise<Store> {
  const documents = (await pool.query<{ meta: StoredDocument }>('SELECT meta FROM rq_documents WHERE version = $1 ORDER BY position', [version])).rows.map(
    (r) => r.meta,
  );
  const frequencies = new Map(
    (await pool.query<{ term: string; df: number }>('SELECT term, df FROM rq_terms WHERE version = $1', [version])).rows.map((r) => [r.term, r.df]),
  );
  const { rows } = await pool.query<{ average_length: number }>('SELECT average_length FROM rq_versions WHERE id = $1', [version]);
  const averageLength = rows[0].average_length;
  const count = manifest.counts.passages;
  const dimension = manifest.dense?.dimension;
  let figures: Promise<Figure[]> | undefined;

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
      const found = await pool.query<{ id: number; data: StoredPassage }>('SELECT id, data FROM rq_passages WHERE version = $1 AND id = ANY($2::int[])', [version, ids]);
      const byId = new Map(found.rows.map((r) => [r.id, r.data]));
      return ids.map((id) => byId.get(id)!);
    },
    async following(passage) {
      const next = await pool.query<{ data: StoredPassage }>('SELECT data FROM rq_passages WHERE version = $1 AND id = $2 AND doc_id = $3', [
        version,
        passage.id + 1,
        passage.docId,
      ]);
      return next.rows[0]?.data;
    },
    async searchLexical(queryTerms, scope: ScopeFilter, limit): Promise<ScoredPassage[]> {
      const unique = [...new Set(queryTerms)].filter((t) => frequencies.has(t));
      if (unique.length === 0) return [];
      // The same BM25 as the embedded backend (see bm25.ts), summed over the question's terms.
      const result = await pool.query<{ id: number; score: number }>(
        `SELECT o.passage_id AS id,
                SUM(ln(1 + ($3 - t.df + 0.5) / (t.df + 0.5)) * o.tf * (${BM25.k1} + 1)
                    / (o.tf + ${BM25.k1} * (1 - ${BM25.b} + ${BM25.b} * p.length / $4))) AS score
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
      const literal = `[${Array.from(vector).join(',')}]`;
      return inTransaction(pool, async (client) => {
        // Filtered HNSW scans keep going until enough rows pass the city/year filter.
        await client.query(`SET LOCAL hnsw.ef_search = ${Math.max(efSearch, limit)}`);
        await client.query("SET LOCAL hnsw.iterative_scan = 'strict_order'");
        const result = await client.query<{ id: number; score: number }>(
          `SELECT p.id, 1 - (p.embedding::vector(${dimension}) <=> $2::vector(${dimension})) AS score
             FROM rq_passages p
            WHERE p.version = $1 AND ${scopeSql(3)}
            ORDER BY p.embedding::vector(${dimension}) <=> $2::vector(${dimension})
            LIMIT $5`,
          [version, literal, scope.cities, scope.years, limit],
        );
        return result.rows.map((r) => ({ passageId: r.id, score: Number(r.score) }));
      });
    },
    figures: () => (figures ??= readFigures(pool, version)),
    async close() {},
  };
}

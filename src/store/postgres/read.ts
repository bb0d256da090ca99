import type pg from 'pg';
import type { Figure } from '../../figures/types.js';
import { idf } from '../bm25.js';
import type { IndexManifest } from '../manifest.js';
import { query, queryPrepared } from './pool.js';
import { readFigures } from './figures.js';
import { passageFromBody, type PassageBody } from './passage-body.js';
import { reportRuns, scopeRuns } from './scope-runs.js';
import { searchStatement, type DenseQuery, type LexicalQuery } from './search-sql.js';
import type { ScopeFilter, ScoredPassage, Store, StoredDocument, TermStatistics } from '../types.js';

/** Up to this many passages in scope, vector search compares them all; above it, it walks the HNSW index. */
const EXACT_SCOPE = 2000;

/**
 * Opens one corpus version for reading: documents and term counts in memory, the rest by query,
 * one statement per search. `release` runs on close (the version's reader lease).
 */
export async function readPostgresIndex(pool: pg.Pool, version: number, manifest: IndexManifest, release: () => Promise<void>): Promise<Store> {
  const documents = (await query<{ meta: StoredDocument }>(pool, 'SELECT meta FROM rq_documents WHERE version = $1 ORDER BY position', [version])).rows.map(
    (r) => r.meta,
  );
  const frequencies = new Map(
    (await query<{ term: string; df: number }>(pool, 'SELECT term, df FROM rq_terms WHERE version = $1', [version])).rows.map((r) => [r.term, r.df]),
  );
  // A report's passages have consecutive ids: its run.
  const runs = await query<{ doc_id: string; first: number; last: number }>(
    pool,
    'SELECT doc_id, min(id) AS first, max(id) AS last FROM rq_passages WHERE version = $1 GROUP BY doc_id',
    [version],
  );
  const reports = reportRuns(documents, new Map(runs.rows.map((r) => [r.doc_id, { first: r.first, last: r.last }])));
  const { rows } = await query<{ average_length: number }>(pool, 'SELECT average_length FROM rq_versions WHERE id = $1', [version]);
  const averageLength = rows[0].average_length;
  const count = manifest.counts.passages;
  const dimension = manifest.dense?.dimension;
  let figures: Promise<Figure[]> | undefined;

  /** Passages of the reports in scope: the whole ranges (passages naming an asked year elsewhere are few and not counted). */
  const scopeSize = (runs: LexicalQuery['runs']) => runs.whole.reduce((n, whole, i) => (whole ? n + runs.last[i] - runs.first[i] + 1 : n), 0);

  /** A BM25 search for the question's terms the index knows, within the scope's id ranges; null when it knows none. */
  const lexicalQuery = (queryTerms: string[], runs: LexicalQuery['runs']): LexicalQuery | null => {
    const known = [...new Set(queryTerms)].filter((t) => frequencies.has(t));
    if (known.length === 0) return null;
    return { terms: known, idfs: known.map((t) => terms.idf(t)), runs, averageLength };
  };

  /** One statement for one or both lists (see `searchStatement`), as [lexical, dense]; a passage in both comes once. */
  const search = async (request: {
    scope: ScopeFilter;
    limit: number;
    lexical: LexicalQuery | null;
    dense: DenseQuery | null;
    lexicalSuffices?: number;
  }): Promise<[ScoredPassage[], ScoredPassage[]]> => {
    const lists: [ScoredPassage[], ScoredPassage[]] = [[], []];
    if (!request.lexical && !request.dense) return lists;
    const { rows } = await queryPrepared<{ list: number; rank: number; id: number; score: number; body: PassageBody | null }>(pool, searchStatement({ version, ...request }));
    const byId = new Map(rows.flatMap((r) => (r.body ? [[r.id, passageFromBody(r.body)] as const] : [])));
    rows.sort((a, b) => a.list - b.list || a.rank - b.rank);
    for (const r of rows) lists[r.list].push({ passageId: r.id, score: Number(r.score), ...(byId.has(r.id) ? { passage: byId.get(r.id) } : {}) });
    return lists;
  };

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
      const found = await query<{ id: number; body: PassageBody }>(pool, 'SELECT id, body FROM rq_passages WHERE version = $1 AND id = ANY($2::int[])', [version, ids]);
      const byId = new Map(found.rows.map((r) => [r.id, passageFromBody(r.body)]));
      return ids.map((id) => byId.get(id)!);
    },
    async following(passage, limit) {
      const next = await query<{ body: PassageBody }>(
        pool,
        'SELECT body FROM rq_passages WHERE version = $1 AND id > $2 AND id <= $2 + $3 AND doc_id = $4 ORDER BY id',
        [version, passage.id, limit, passage.docId],
      );
      // Ids of one report are consecutive: stop at the first gap.
      const run = next.rows.map((r) => passageFromBody(r.body));
      const end = run.findIndex((p, i) => p.id !== passage.id + 1 + i);
      return end < 0 ? run : run.slice(0, end);
    },
    async searchLexical(queryTerms, scope: ScopeFilter, limit) {
      return (await search({ scope, limit, lexical: lexicalQuery(queryTerms, scopeRuns(reports, scope)), dense: null }))[0];
    },
    async searchHybrid(queryTerms, vector, scope: ScopeFilter, limit, options) {
      const runs = scopeRuns(reports, scope);
      const exact = scopeSize(runs) <= EXACT_SCOPE && (scope.cities.length > 0 || scope.years.length > 0);
      const dense = dimension ? { vector, dimension, exact } : null;
      const [lexical, nearest] = await search({ scope, limit, lexical: lexicalQuery(queryTerms, runs), dense, lexicalSuffices: options?.lexicalSuffices });
      return { lexical, dense: nearest };
    },
    figures: () => (figures ??= readFigures(pool, version)),
    close: release,
  };
}

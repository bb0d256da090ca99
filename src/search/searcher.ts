import type { Embedder } from '../embed/embedder.js';
import { SIF_EMBEDDER } from '../embed/sif.js';
import type { Store, StoredPassage } from '../store/types.js';
import { reciprocalRankFusion } from './fusion.js';
import type { Question } from './question.js';
import { RETRIEVAL_SETTINGS, type RetrievalSettings } from './retrieval-settings.js';
import { MAX_FIT, scopeFor, type Scope } from './scope.js';

export interface SearchHit {
  passage: StoredPassage;
  /** Fused retrieval score, scaled by how well the passage fits the asked year and section. */
  score: number;
  /** 0..1.5: plan/review fit for the asked year (see `Scope.fit`). */
  fit: number;
  /** The year the passage's report was delivered (0 when unknown): what its 今年 and 去年 mean. */
  reportYear: number;
}

export interface SearchResult {
  hits: SearchHit[];
  scope: Scope;
  timings: { embedMs: number; denseMs: number; lexicalMs: number; fusionMs: number };
}

export interface Searcher {
  readonly mode: 'hybrid' | 'lexical';
  /** The dense half's embedder (a model id, or `sif`); null in lexical mode. */
  readonly embedder: string | null;
  search(question: Question, limit: number): Promise<SearchResult>;
}

export interface SearcherParts {
  store: Store;
  /** Query embedder; `null` (or a store without vectors) means lexical retrieval only. */
  embedder: Embedder | null;
  settings?: RetrievalSettings;
}

/** Hybrid retrieval: the store ranks passages within the question's scope lexically and by vector; RRF merges them. */
export function createSearcher({ store, embedder, settings = RETRIEVAL_SETTINGS }: SearcherParts): Searcher {
  const dense = embedder && store.hasVectors ? embedder : null;
  const denseWeight = dense?.modelId === SIF_EMBEDDER ? settings.denseWeight.sif : settings.denseWeight.model;
  const { candidates, rrfK } = settings;
  // Whether a passage only in the dense list, fitting best, still scores below any in the lexical
  // list fitting worst (SIF's weight 0.1: 0.0029 against 0.01): then, when the lexical list has
  // `limit` passages, none of the dense list's own can be a hit, and they are not read.
  const denseBelowLexical = (denseWeight / (rrfK + 1)) * (1 + settings.fitBoost * MAX_FIT) < 1 / (rrfK + candidates);
  const documents = new Map(store.documents.map((d) => [d.id, d]));
  return {
    mode: dense ? 'hybrid' : 'lexical',
    embedder: dense?.modelId ?? null,
    async search(question, limit) {
      const scope = scopeFor(question, store.documents, settings.latestReviewFit);
      const timings = { embedMs: 0, denseMs: 0, lexicalMs: 0, fusionMs: 0 };
      if (scope.emptyBecause) return { hits: [], scope, timings };

      // The question is embedded first, then one store call brings both lists (PostgreSQL: one
      // statement, one round trip); its time is denseMs, and lexicalMs that of a lexical-only search.
      let t = performance.now();
      let vector: Float32Array | null = null;
      if (dense && denseWeight > 0) {
        vector = await dense.embedQuery(question.text);
        timings.embedMs = performance.now() - t;
        t = performance.now();
      }
      // A question of no word the embedder knows (SIF) has no direction to search in.
      const searched = vector?.some((x) => x !== 0)
        ? await store.searchHybrid(question.terms, vector, scope.filter, candidates, denseBelowLexical ? { lexicalSuffices: limit } : {})
        : { lexical: await store.searchLexical(question.terms, scope.filter, candidates), dense: null };
      timings[searched.dense ? 'denseMs' : 'lexicalMs'] = performance.now() - t;
      const { lexical: lexicalList, dense: denseList } = searched;
      const lists = denseList ? [lexicalList, denseList] : [lexicalList];
      const weights = denseList ? [1, denseWeight] : [1];
      t = performance.now();
      const fusedAll = reciprocalRankFusion(lists, weights, rrfK);
      const lexicalIds = denseList && denseBelowLexical && lexicalList.length >= limit ? new Set(lexicalList.map((hit) => hit.passageId)) : null;
      const fused = lexicalIds ? fusedAll.filter((f) => lexicalIds.has(f.passageId)) : fusedAll;
      const found = new Map(lists.flat().flatMap((hit) => (hit.passage ? [[hit.passageId, hit.passage] as const] : [])));
      const missing = fused.filter((f) => !found.has(f.passageId)).map((f) => f.passageId);
      if (missing.length) (await store.passages(missing)).forEach((passage, i) => found.set(missing[i], passage));
      const hits = fused
        .map(({ passageId, score }) => {
          const passage = found.get(passageId)!;
          const doc = documents.get(passage.docId);
          const fit = scope.fit(doc, passage);
          return { passage, fit, reportYear: doc?.year ?? 0, score: score * (1 + settings.fitBoost * fit) };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
      timings.fusionMs = performance.now() - t;
      return { hits, scope, timings };
    },
  };
}

import type { Embedder } from '../embed/embedder.js';
import type { Store, StoredPassage } from '../store/types.js';
import { reciprocalRankFusion } from './fusion.js';
import type { Question } from './question.js';
import { scopeFor, type Scope } from './scope.js';

export interface SearchHit {
  passage: StoredPassage;
  /** Fused retrieval score, scaled by how well the passage fits the asked year and section. */
  score: number;
  /** 0..1.5: plan/review fit for the asked year (see `Scope.fit`). */
  fit: number;
}

export interface SearchResult {
  hits: SearchHit[];
  scope: Scope;
  timings: { embedMs: number; denseMs: number; lexicalMs: number; fusionMs: number };
}

export interface Searcher {
  readonly mode: 'hybrid' | 'lexical';
  search(question: Question, limit: number): Promise<SearchResult>;
}

export interface SearcherParts {
  store: Store;
  /** Query embedder; `null` (or a store without vectors) means lexical retrieval only. */
  embedder: Embedder | null;
  /** How many candidates each retriever contributes to fusion. */
  candidates?: number;
}

/** Hybrid retrieval: the store ranks passages within the question's scope lexically and by vector; RRF merges them. */
export function createSearcher({ store, embedder, candidates = 40 }: SearcherParts): Searcher {
  const dense = embedder && store.hasVectors ? embedder : null;
  const documents = new Map(store.documents.map((d) => [d.id, d]));
  return {
    mode: dense ? 'hybrid' : 'lexical',
    async search(question, limit) {
      const scope = scopeFor(question, store.documents);
      const timings = { embedMs: 0, denseMs: 0, lexicalMs: 0, fusionMs: 0 };
      if (scope.emptyBecause) return { hits: [], scope, timings };

      let t = performance.now();
      const lists = [await store.searchLexical(question.terms, scope.filter, candidates)];
      timings.lexicalMs = performance.now() - t;
      if (dense) {
        t = performance.now();
        const vector = await dense.embedQuery(question.text);
        timings.embedMs = performance.now() - t;
        t = performance.now();
        lists.push(await store.searchVectors(vector, scope.filter, candidates));
        timings.denseMs = performance.now() - t;
      }
      t = performance.now();
      const fused = reciprocalRankFusion(lists);
      const passages = await store.passages(fused.map((f) => f.passageId));
      const hits = fused
        .map(({ score }, i) => {
          const passage = passages[i];
          const fit = scope.fit(documents.get(passage.docId), passage);
          return { passage, fit, score: score * (1 + 0.5 * fit) };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
      timings.fusionMs = performance.now() - t;
      return { hits, scope, timings };
    },
  };
}

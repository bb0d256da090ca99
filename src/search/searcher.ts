import type { Passage } from '../corpus/types.js';
import type { Embedder } from '../embed/embedder.js';
import type { Store } from '../store/store.js';
import { reciprocalRankFusion } from './fusion.js';
import type { Question } from './question.js';
import { scopeFor, type Scope } from './scope.js';

export interface SearchHit {
  passage: Passage;
  /** Fused retrieval score, scaled by how well the passage fits the asked year and section. */
  score: number;
  /** 0..1: plan/review fit for the asked year (see `Scope.fit`). */
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

/**
 * Below this many passages in scope, dense search scans them exactly instead of filtering HNSW,
 * and lexical search reads only their stretch of each posting list.
 */
const EXACT_SCAN_LIMIT = 5000;

/** Hybrid retrieval: BM25 and HNSW each rank passages within the question's scope; RRF merges them. */
export function createSearcher({ store, embedder, candidates = 40 }: SearcherParts): Searcher {
  const dense = embedder && store.vectors ? { embedder, vectors: store.vectors } : null;
  const passagesByDoc = new Map<string, number[]>();
  for (const passage of store.passages) {
    const ids = passagesByDoc.get(passage.docId) ?? [];
    ids.push(passage.id);
    passagesByDoc.set(passage.docId, ids);
  }
  /** Passage ids of the reports in scope, when that set is small enough to scan directly. */
  const scannable = (scope: Scope): number[] | null => {
    if (!scope.restricted) return null;
    const ids = store.documents.filter((d) => scope.allowsDocument(d)).flatMap((d) => passagesByDoc.get(d.id) ?? []);
    return ids.length <= EXACT_SCAN_LIMIT ? ids : null;
  };
  return {
    mode: dense ? 'hybrid' : 'lexical',
    async search(question, limit) {
      const scope = scopeFor(question, store.documents);
      const allowed = scope.restricted ? memoized((id) => scope.allows(store.passages[id]), store.passages.length) : undefined;
      const timings = { embedMs: 0, denseMs: 0, lexicalMs: 0, fusionMs: 0 };
      if (scope.emptyBecause) return { hits: [], scope, timings };

      const ids = scannable(scope);
      let t = performance.now();
      const lexical = store.lexical.search(question.terms, candidates, allowed, ids?.length ? idRanges(ids) : undefined);
      timings.lexicalMs = performance.now() - t;
      const lists = [lexical];
      if (dense) {
        t = performance.now();
        const vector = await dense.embedder.embedQuery(question.text);
        timings.embedMs = performance.now() - t;
        t = performance.now();
        lists.push(ids ? dense.vectors.searchWithin(vector, ids, candidates) : dense.vectors.search(vector, candidates, allowed));
        timings.denseMs = performance.now() - t;
      }
      t = performance.now();
      const hits = reciprocalRankFusion(lists)
        .map(({ passageId, score }) => {
          const passage = store.passages[passageId];
          const fit = scope.fit(passage);
          return { passage, fit, score: score * (1 + 0.5 * fit) };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
      timings.fusionMs = performance.now() - t;
      return { hits, scope, timings };
    },
  };
}

/** Remembers a per-passage decision for one query: postings of several terms revisit the same ids. */
function memoized(test: (id: number) => boolean, size: number): (id: number) => boolean {
  const known = new Uint8Array(size);
  return (id) => {
    if (known[id] === 0) known[id] = test(id) ? 1 : 2;
    return known[id] === 1;
  };
}

/** Ascending ids as inclusive [from, to] runs (a report's passages have consecutive ids). */
function idRanges(ids: number[]): Array<[number, number]> {
  const sorted = [...ids].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const id of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else ranges.push([id, id]);
  }
  return ranges;
}

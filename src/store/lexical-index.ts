/**
 * Okapi BM25 over the terms of `tokenize`. Written here rather than taken from a package because
 * we need our own tokenizer, a JSON form that loads in milliseconds, and search restricted to a
 * subset of passages (year/city scoping); the scoring itself is the textbook formula.
 */
export interface LexicalIndexData {
  k1: number;
  b: number;
  /** Term length of each passage, by passage id. */
  lengths: number[];
  /** term -> flat [passageId, termFrequency, passageId, termFrequency, ...]. */
  postings: Record<string, number[]>;
}

export interface ScoredPassage {
  passageId: number;
  score: number;
}

export interface LexicalIndex {
  readonly data: LexicalIndexData;
  /** Number of passages that contain `term`. */
  documentFrequency(term: string): number;
  /** Inverse document frequency of a term (0 for unknown terms). */
  idf(term: string): number;
  /**
   * BM25 top `limit`. `allowed` filters passages; `within` (inclusive id ranges, ascending) limits
   * the scan to those stretches of each posting list, found by binary search — the cheap path for
   * a question scoped to a few reports in a large corpus.
   */
  search(queryTerms: string[], limit: number, allowed?: (passageId: number) => boolean, within?: Array<[number, number]>): ScoredPassage[];
}

export function buildLexicalIndex(termsByPassage: string[][], k1 = 1.2, b = 0.75): LexicalIndex {
  const postings: Record<string, number[]> = Object.create(null);
  termsByPassage.forEach((terms, passageId) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) (postings[term] ??= []).push(passageId, tf);
  });
  return openLexicalIndex({ k1, b, lengths: termsByPassage.map((t) => t.length), postings });
}

export function openLexicalIndex(data: LexicalIndexData): LexicalIndex {
  const count = data.lengths.length;
  const averageLength = data.lengths.reduce((a, n) => a + n, 0) / Math.max(count, 1);
  const postingsOf = (term: string): number[] => (Object.hasOwn(data.postings, term) ? data.postings[term] : []);
  const documentFrequency = (term: string) => postingsOf(term).length / 2;
  const idf = (term: string) => {
    const df = documentFrequency(term);
    return df === 0 ? 0 : Math.log(1 + (count - df + 0.5) / (df + 0.5));
  };

  return {
    data,
    documentFrequency,
    idf,
    search(queryTerms, limit, allowed, within) {
      // A dense score array and the list of touched ids: cheaper than a Map once postings run long.
      const scores = new Float64Array(count);
      const touched: number[] = [];
      for (const term of new Set(queryTerms)) {
        const weight = idf(term);
        const list = postingsOf(term);
        const stretches = within ? within.map(([from, to]) => [firstAtOrAfter(list, from), to] as const) : [[0, Infinity] as const];
        for (const [start, last] of stretches) {
          for (let i = start; i < list.length && list[i] <= last; i += 2) {
            const passageId = list[i];
            if (allowed && !allowed(passageId)) continue;
            const tf = list[i + 1];
            const norm = data.k1 * (1 - data.b + (data.b * data.lengths[passageId]) / averageLength);
            if (scores[passageId] === 0) touched.push(passageId);
            scores[passageId] += (weight * tf * (data.k1 + 1)) / (tf + norm);
          }
        }
      }
      return topK(touched, scores, limit);
    },
  };
}

/** The `limit` best of `ids` by score without sorting them all (a large corpus touches 100k+ ids). */
function topK(ids: number[], scores: Float64Array, limit: number): ScoredPassage[] {
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
  const best: number[] = [];
  for (const id of ids) {
    if (best.length === limit && !better(id, best[best.length - 1])) continue;
    let at = best.length;
    while (at > 0 && better(id, best[at - 1])) at--;
    best.splice(at, 0, id);
    if (best.length > limit) best.pop();
  }
  return best.map((passageId) => ({ passageId, score: scores[passageId] }));
}

/** Index (even) of the first posting with passage id >= `id` in a flat [id, tf, …] list. */
function firstAtOrAfter(list: number[], id: number): number {
  let low = 0;
  let high = list.length / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle * 2] < id) low = middle + 1;
    else high = middle;
  }
  return low * 2;
}

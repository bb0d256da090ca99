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
  search(queryTerms: string[], limit: number, allowed?: (passageId: number) => boolean): ScoredPassage[];
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
    search(queryTerms, limit, allowed) {
      const scores = new Map<number, number>();
      for (const term of new Set(queryTerms)) {
        const weight = idf(term);
        const list = postingsOf(term);
        for (let i = 0; i < list.length; i += 2) {
          const passageId = list[i];
          if (allowed && !allowed(passageId)) continue;
          const tf = list[i + 1];
          const norm = data.k1 * (1 - data.b + (data.b * data.lengths[passageId]) / averageLength);
          scores.set(passageId, (scores.get(passageId) ?? 0) + (weight * tf * (data.k1 + 1)) / (tf + norm));
        }
      }
      return [...scores]
        .map(([passageId, score]) => ({ passageId, score }))
        .sort((a, b) => b.score - a.score || a.passageId - b.passageId)
        .slice(0, limit);
    },
  };
}

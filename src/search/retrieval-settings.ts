/**
 * Every number of retrieval and fusion in one object: how many candidates each retriever gives,
 * how the lists are fused, and the SIF sentence embedder's parameters. Tests and experiments pass
 * their own through `SearcherParts.settings` and `IngestOptions.retrieval`.
 */
export interface RetrievalSettings {
  /** Candidates each retriever (BM25, vectors) contributes to fusion. */
  candidates: number;
  /** k of reciprocal rank fusion, 1/(k + rank); 60 as in Cormack et al. */
  rrfK: number;
  /** A fused score is multiplied by 1 + fitBoost × the passage's fit with the asked year and section (0..1.5). */
  fitBoost: number;
  /**
   * Added to the fit of a review passage, for a result asked with no year ("建成开放了没？"), in
   * proportion to how new its report is among those in scope: the newest says how things stand.
   */
  latestReviewFit: number;
  /**
   * Weight of the dense list in fusion (BM25's is 1), by embedder kind: a transformers.js model or
   * SIF. SIF's was chosen on eval/everyday.jsonl (the wording it is meant for) as the smallest
   * weight with its best figure, and shown on the other sets with `npm run fit-fusion`
   * (docs/benchmarks.md): no weight beats lexical retrieval overall.
   */
  denseWeight: { model: number; sif: number };
  sif: SifSettings;
}

export interface SifSettings {
  /** a of the word weight a / (a + p(w)), with p(w) the share of passages that use w. */
  smoothing: number;
  /** The first principal component is computed over at most this many passages (evenly spread). */
  componentSample: number;
}

export const RETRIEVAL_SETTINGS: RetrievalSettings = {
  candidates: 40,
  rrfK: 60,
  fitBoost: 0.5,
  latestReviewFit: 0.1,
  denseWeight: { model: 1, sif: 0.1 },
  sif: { smoothing: 0.01, componentSample: 20_000 },
};

/**
 * Every number that decides which sentence answers, in one object: the answerer, the judge
 * (`select.ts`) and concept weights (`weights.ts`) read them from here. Tests and experiments
 * pass their own through `AnswererParts.tuning`.
 */
export interface AnswerTuning {
  /** Below this share of the question's concepts, the best sentence does not answer it. */
  minCoverage: number;
  /**
   * The same bar for a question that asks a figure or an amount. A wrong figure shown costs more than
   * a refusal (users quote figures), so this is a product choice above the fitted `minCoverage`.
   */
  figureMinCoverage: number;
  /** Passages retrieved for one answer. */
  candidatePassages: number;
  /** Comparisons look wider, to find a statement for every year. */
  comparisonPassages: number;
  /** A further citation must cover at least this share of what the first one covers. */
  relatedShare: number;
  /** Under a not-found answer, up to this many passages that cover at least `closestMinCoverage` are offered. */
  closestWhenNotFound: number;
  closestMinCoverage: number;
  /** How many answering sentences are tried for a numbered list. */
  listCandidates: number;
  /** A digest's line at least this long (characters, punctuation left out) is quoted from the report sentence that holds it (see `strategies.ts`). */
  copiedLineChars: number;
  /** Passages of a question's places searched for a described term (see `described-places.ts`). */
  placeTermPassages: number;
  /**
   * Saying a related word (see `Concept.related`) counts as much as it is similar above the least
   * similarity a neighbour has (0.6 -> about 0.3, 0.7 -> about 0.7), up to this (1 is saying the concept).
   */
  relatedPresence: number;
  /**
   * A word of the asker's situation (`Concept.situation`) weighs this share of a word of the question
   * itself (0: not at all), where a sentence says it, while the asking clauses name a topic of their own.
   */
  situationWeight: number;
  /** How much a concept counts as said when only the sentence's passage says it, and at most when only parts of its word are in the sentence. */
  contextPresence: number;
  partPresence: number;
  /** How much a term the question describes (四好农村路 by 农村的路…修) counts as said where a sentence says every side of the description, not the term. */
  describedPresence: number;
  /** The least similarity of a report word the word vectors put near an English word's rendering, to stand in for it (培育 for cultivate's 培养). */
  englishNeighbourSimilarity: number;
  /** A sentence that says none of the question's concepts itself keeps this share of its coverage. */
  onlyAround: number;
  /** Added to a sentence's score when it has a figure and one is asked, or a time and one is asked, or gives the asked thing a role (古交打造…) and a role is asked (定位). */
  figureBonus: number;
  timeBonus: number;
  roleBonus: number;
  /** Taken off when a year's plan is asked and the sentence is in its review, or the other way round. */
  otherPartPenalty: number;
  /** Taken off a figure of a plan period (年均, 五年来) when one year is asked. */
  periodPenalty: number;
  /** Weights of the passage's retrieval rank (score over the best score) and its fit with the asked year. */
  retrievalWeight: number;
  fitWeight: number;
  /** Taken off a sentence that cannot answer (a mismatch), so any answering one ranks above it. */
  mismatchPenalty: number;
  /** Concept weights by kind of word (see `weights.ts`): one character, verbs and idioms, function words. */
  singleCharacterWeight: number;
  verbWeight: number;
  functionWordWeight: number;
}

export const ANSWER_TUNING: AnswerTuning = {
  minCoverage: 0.45,
  figureMinCoverage: 0.5,
  candidatePassages: 12,
  comparisonPassages: 30,
  relatedShare: 0.6,
  closestWhenNotFound: 3,
  closestMinCoverage: 0.3,
  listCandidates: 8,
  copiedLineChars: 8,
  placeTermPassages: 5,
  relatedPresence: 0.8,
  situationWeight: 0.8,
  contextPresence: 0.5,
  partPresence: 0.7,
  describedPresence: 0.85,
  englishNeighbourSimilarity: 0.65,
  onlyAround: 0.7,
  figureBonus: 0.15,
  timeBonus: 0.15,
  roleBonus: 0.15,
  otherPartPenalty: 0.25,
  periodPenalty: 0.25,
  retrievalWeight: 0.2,
  fitWeight: 0.15,
  mismatchPenalty: 1,
  singleCharacterWeight: 0.3,
  verbWeight: 0.5,
  functionWordWeight: 0.3,
};

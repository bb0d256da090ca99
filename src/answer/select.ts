import type { Sentence } from '../corpus/types.js';
import type { SearchHit } from '../search/searcher.js';
import type { Question } from '../search/question.js';
import { synonymsOf } from '../search/synonyms.js';

export interface ScoredSentence {
  hit: SearchHit;
  sentence: Sentence;
  /** 0..1: share of the question's key words (weighted by rarity) that the sentence says. */
  coverage: number;
  score: number;
}

/** Rarity weight of a word; words the corpus never uses weigh most, so an answer must say them. */
export type WordWeight = (word: string) => number;

const FIGURE = /\d/;
const TIME = /年内|年底|年初|上半年|下半年|季度|\d+月|20\d{2}年/;
/** Single characters (来、玩、给) are mostly colloquial glue; they count, but little. */
const SINGLE_CHARACTER_WEIGHT = 0.3;

/**
 * Scores every sentence of the retrieved passages: key-word coverage first, then a figure or a
 * time when one is asked for, the passage's retrieval rank, and its fit with the asked year.
 */
export function scoreSentences(question: Question, hits: SearchHit[], weight: WordWeight): ScoredSentence[] {
  const words = question.keyWords.map((word) => ({
    word,
    weight: weight(word) * (word.length === 1 ? SINGLE_CHARACTER_WEIGHT : 1),
    variants: [word, ...synonymsOf(word)],
  }));
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const topScore = hits[0]?.score ?? 1;
  const scored: ScoredSentence[] = [];
  for (const hit of hits) {
    const context = `${hit.passage.section} ${hit.passage.text}`.toLowerCase();
    for (const sentence of hit.passage.sentences) {
      const said = words.reduce((sum, w) => sum + w.weight * presence(w.variants, sentence.text, context), 0);
      const coverage = total > 0 ? said / total : 0;
      const figure = question.wantsFigure && FIGURE.test(sentence.text) ? 0.15 : 0;
      const time = question.wantsTime && TIME.test(sentence.text) ? 0.15 : 0;
      const score = coverage + figure + time + 0.2 * (hit.score / topScore) + 0.15 * hit.fit;
      scored.push({ hit, sentence, coverage, score });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * 1 when the sentence says the word (or a synonym), less when only its passage (`context`: the
 * passage with its section title, lower-cased) does or only parts match.
 */
function presence(variants: string[], sentence: string, context: string): number {
  const lower = sentence.toLowerCase();
  if (variants.some((v) => lower.includes(v))) return 1;
  const inContext = variants.some((v) => context.includes(v)) ? 0.5 : 0;
  const word = variants[0];
  if (word.length < 3) return inContext;
  let found = 0;
  for (let i = 0; i + 1 < word.length; i++) if (lower.includes(word.slice(i, i + 2))) found++;
  return Math.max(inContext, (0.7 * found) / (word.length - 1));
}

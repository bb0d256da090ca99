import type { Concept } from '../search/concepts.js';
import type { TermStatistics } from '../store/types.js';

/** Single characters (来、玩、给) are mostly colloquial glue; they count, but little. */
const SINGLE_CHARACTER = 0.3;
/**
 * Nouns carry what a question is about; the rest is mostly how people talk. By jieba's part of
 * speech: verbs and idioms count half; pronouns, adverbs, adjectives and modifiers (大型, 同一个),
 * numerals, place and time words and the like a third (a place the corpus does not cover, such as
 * 哈尔滨, only describes the topic).
 */
const PART_OF_SPEECH: Array<[RegExp, number]> = [
  [/^(v|l|i)/, 0.5],
  [/^(d|r|a|b|m|q|u|y|e|p|c|f|t|z|s|ns)/, 0.3],
];

/**
 * How much a concept counts when judging whether a sentence answers: its rarity in the corpus
 * (BM25's idf of the rarest way it can be said), scaled by its part of speech. A noun the corpus
 * never says weighs most, so an answer must say it.
 */
export function createConceptWeight(lexical: TermStatistics): (concept: Concept) => number {
  const unknown = Math.log(1 + (lexical.passageCount + 0.5) / 0.5);
  const rarity = (variant: string): number => {
    const idf = lexical.idf(variant);
    if (idf > 0 || variant.length < 3) return idf;
    // A phrase the index does not hold as one term: as rare as its rarest two characters.
    let rarest = 0;
    for (let i = 0; i + 1 < variant.length; i++) {
      const part = lexical.idf(variant.slice(i, i + 2));
      if (part === 0) return 0;
      rarest = Math.max(rarest, part);
    }
    return rarest;
  };
  const speechFactor = (tag: string | undefined) => (tag ? (PART_OF_SPEECH.find(([pattern]) => pattern.test(tag))?.[1] ?? 1) : 1);
  return (concept) => {
    if (concept.strict) return unknown;
    const known = Math.max(0, ...[...concept.variants, ...(concept.related ?? []).map((r) => r.word)].map(rarity));
    return (known > 0 ? known : unknown) * speechFactor(concept.tag) * (concept.label.length === 1 ? SINGLE_CHARACTER : 1) * (concept.sides === undefined ? 1 : concept.sides + 1);
  };
}

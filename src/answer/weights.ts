import type { Concept } from '../search/concepts.js';
import type { TermStatistics } from '../store/types.js';
import { ANSWER_TUNING, type AnswerTuning } from './settings.js';

/**
 * Nouns carry what a question is about; the rest is mostly how people talk. By jieba's part of
 * speech: verbs and idioms (`verbWeight`); pronouns, adverbs, adjectives and modifiers (大型, 同一个),
 * numerals, place and time words and the like (`functionWordWeight`; a place the corpus does not
 * cover, such as 哈尔滨, only describes the topic). Single characters (来、玩、给) are mostly
 * colloquial glue: they count, but little (`singleCharacterWeight`).
 */
const VERBS = /^(v|l|i)/;
const FUNCTION_WORDS = /^(d|r|a|b|m|q|u|y|e|p|c|f|t|z|s|ns)/;

/**
 * How much a concept counts when judging whether a sentence answers: its rarity in the corpus
 * (BM25's idf of the rarest way it can be said), scaled by its part of speech. A noun the corpus
 * never says weighs most, so an answer must say it, unless only the asker's story says it.
 */
export function createConceptWeight(lexical: TermStatistics, tuning: AnswerTuning = ANSWER_TUNING): (concept: Concept) => number {
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
  const speechFactor = (tag: string | undefined) => (!tag ? 1 : VERBS.test(tag) ? tuning.verbWeight : FUNCTION_WORDS.test(tag) ? tuning.functionWordWeight : 1);
  return (concept) => {
    if (concept.strict) return unknown;
    const said = Math.max(0, ...concept.variants.map(rarity));
    // A word of the asker's story the reports never use (液压件, 哮喘) is no topic an answer could say,
    // nor is the kind of answer asked for in words the reports never use (有什么说法).
    if ((concept.situation || concept.asksFor) && said === 0) return 0;
    const known = Math.max(said, ...(concept.related ?? []).map((r) => rarity(r.word)));
    // An English verb no report says in any of its renderings (arrived, installed) only puts the question; what it is done to is asked.
    if (concept.kind === 'english' && concept.tag?.startsWith('v') && known === 0) return 0;
    return (known > 0 ? known : unknown) * speechFactor(concept.tag) * (concept.label.length === 1 ? tuning.singleCharacterWeight : 1) * (concept.sides === undefined ? 1 : concept.sides + 1);
  };
}

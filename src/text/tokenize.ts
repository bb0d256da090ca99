import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from './normalize.js';

let jieba: Jieba | undefined;

/** Loads jieba's dictionary (about 0.3 s) now instead of on the first question. */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const CJK_RUN = /[\u3400-\u9fff]+/g;
/** A number with what follows it: `5%`, `3.2万人`, `1.16亿吨`, `535.7平方公里`. */
export const NUMBER_WITH_UNIT = /\d+(?:\.\d+)?(?:%|‰|[\u3400-\u9fff]{1,2})?/g;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Index terms for Chinese text: jieba words (search mode, so 停车难 also yields 停车), every
 * CJK character bigram (recall for words jieba does not know), and numbers with and without
 * their unit, so `3.2万人` matches whether the question writes 3.2万人 or 3.2万.
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text).toLowerCase();
  const terms: string[] = [];
  for (const word of segmenter().cutForSearch(normalized, true)) {
    if (WORD.test(word) && word.trim() === word) terms.push(word);
  }
  for (const run of normalized.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
  }
  for (const match of normalized.match(NUMBER_WITH_UNIT) ?? []) {
    const number = match.match(/^\d+(?:\.\d+)?/)![0];
    if (match !== number) terms.push(match);
    if (match.length > number.length + 1) terms.push(match.slice(0, number.length + 1));
  }
  return terms;
}

/** Jieba's segmentation of a text (precise mode), for aligning corrections with word boundaries. */
export function cutWords(text: string): string[] {
  return segmenter().cut(text, true);
}

/** Jieba's dictionary: about 350,000 words, each with its frequency in general Chinese. */
function* dictionaryEntries(): Generator<{ word: string; frequency: number }> {
  const text = Buffer.from(dict).toString('utf8');
  // Line by line without splitting: 350,000 lines at once would be 40 MB of garbage.
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const space = text.indexOf(' ', start);
    if (space > start && space < stop) yield { word: text.slice(start, space), frequency: Number.parseInt(text.slice(space + 1, stop), 10) };
    start = stop + 1;
  }
}

let common: Set<string> | undefined;

/**
 * Whether general Chinese uses a word often (jieba's dictionary frequency of 100 or more): such a
 * word is meant as typed, not a slip. The dictionary is read on first use (about 0.1 s).
 */
export function isCommonWord(word: string): boolean {
  if (!common) {
    common = new Set();
    for (const entry of dictionaryEntries()) if (entry.frequency >= 100) common.add(entry.word);
  }
  return common.has(word);
}

/** The words of jieba's dictionary that `keep` accepts (one pass over it, about 0.1 s). */
export function dictionaryWords(keep: (word: string) => boolean): string[] {
  const kept: string[] = [];
  for (const { word } of dictionaryEntries()) if (keep(word)) kept.push(word);
  return kept;
}

/** Jieba words with part-of-speech tags, for reading place names and time words out of a question. */
export function tagWords(text: string): Array<{ word: string; tag: string }> {
  return segmenter().tag(normalizeText(text), true);
}

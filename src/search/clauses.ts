import { tagWords } from '../text/tokenize.js';
import { ASKS, focusOf } from './focus.js';

/**
 * Which clauses of a question ask and which only tell about the asker. "太原停车太难了，2025年要加多少
 * 停车位？": the first clause is the asker's situation, the second the question. A clause asks when it
 * has a question word (多少, 吗, 哪些, 有没有…) or a request (介绍, 说说). Of the others, a clause that
 * names a thing ("晋中残疾孩子上学的学校，县里都有了吗？") is the topic; one that says something about the
 * asker or what happens to them (a verb, adjective or adverb outside a "…的" modifier, or 我) tells.
 */
const CLAUSE = /[^，,。.；;！!？?…~～\n]+[，,。.；;！!？?…~～\n]*/g;
const FIRST_PERSON = /我|咱/;
/** Jieba's tags of a predicate: verbs (not verbal nouns such as 改造), adjectives, adverbs, idioms. */
const PREDICATE = /^(v(?!n)|a|d|l|i)/;

/**
 * The spans [start, end) of the clauses that tell rather than ask: every clause of a sentence that
 * tells (see `focusOf`), and within the others those that say something of the asker; none when no
 * clause asks (then every word is the question).
 */
export function tellingClauses(text: string): Array<[number, number]> {
  const clauses = [...text.matchAll(CLAUSE)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const asking = clauses.filter((c) => ASKS.test(c.text));
  if (asking.length === 0) return [];
  const toldSentences = focusOf(text).telling;
  const inToldSentence = (c: { start: number; end: number }) => toldSentences.some(([from, to]) => from <= c.start && c.end <= to);
  return clauses.filter((c) => inToldSentence(c) || (!asking.includes(c) && tells(c.text))).map((c) => [c.start, c.end]);
}

function tells(clause: string): boolean {
  if (FIRST_PERSON.test(clause)) return true;
  const words = tagWords(clause.replace(/[^\p{L}\p{N}]+$/u, ''));
  const modified = words.map((w) => w.word).lastIndexOf('的');
  // "…发货的生意": one word after the modifier is its head noun, whatever jieba tags it.
  if (modified >= 0 && modified === words.length - 2) return false;
  return words.slice(modified + 1).some((w) => PREDICATE.test(w.tag));
}

import { Jieba } from '@node-rs/jieba';
import { dictionaryBytes, isCommonWord, isDictionaryWord } from './dictionary.js';
import { normalizeText } from './normalize.js';

let jieba: Jieba | undefined;

/** Loads jieba's dictionary (about 0.3 s) now instead of on the first question. */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dictionaryBytes());
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

/** Jieba words with part-of-speech tags, for reading place names and time words out of a question. */
export function tagWords(text: string): Array<{ word: string; tag: string }> {
  return segmenter().tag(normalizeText(text), true);
}

/** The part of speech jieba gives a word on its own, without its HMM (x when it cuts the word). */
export function tagAlone(word: string): string {
  const tagged = segmenter().tag(word, false);
  return tagged.length === 1 ? tagged[0].tag : 'x';
}

/**
 * Jieba's HMM glues common characters it cannot place into one unknown word (想换个, tag x). When
 * every character is a common word of its own and `knows` does not hold the whole, the word is cut
 * into the longest words `knows` or the dictionary has, from the right, as a Chinese compound ends
 * with its head (级托育: 级, 托育), else characters, each tagged as jieba tags it alone (想 v, 个 q).
 */
export function splitGluedCharacters(tokens: Array<{ word: string; tag: string }>, knows: (word: string) => boolean = () => false): Array<{ word: string; tag: string }> {
  const isWord = (word: string) => knows(word) || isDictionaryWord(word);
  return tokens.flatMap((token) => {
    const { word } = token;
    if (!(token.tag === 'x' && /^[\u3400-\u9fff]{2,3}$/.test(word) && !knows(word) && [...word].every(isCommonWord))) return [token];
    const pieces: string[] = [];
    for (let end = word.length; end > 0; ) {
      let length = end;
      while (length > 1 && !isWord(word.slice(end - length, end))) length--;
      pieces.unshift(word.slice(end - length, end));
      end -= length;
    }
    return pieces.map((piece) => ({ word: piece, tag: tagAlone(piece) }));
  });
}

/** 重不重, 多不多: one character, then 不 and the character again. */
const BOTH_WAYS = /^([\u3400-\u9fff])不\1$/;
/** 是不是, 能不能, 会不会…: question frames the reading knows as such; left as jieba cuts them. */
const FRAME_BOTH_WAYS = /^[是有能会要可]$/;

/**
 * "担子重不重？", "人多不多？" ask yes or no of one word (重, 多); jieba keeps 重不重 whole or cuts
 * 快 不快, which read as words no report says (不重). The word is kept, the 不 and its repeat are
 * particles.
 */
export function splitAskedBothWays(tokens: Array<{ word: string; tag: string }>): Array<{ word: string; tag: string }> {
  return tokens.flatMap((token, i) => {
    const whole = BOTH_WAYS.exec(token.word)?.[1];
    const repeated = !whole && token.word.length === 2 && token.word[0] === '不' && tokens[i - 1]?.word === token.word[1] ? token.word[1] : undefined;
    const word = whole ?? repeated;
    if (!word || FRAME_BOTH_WAYS.test(word)) return [token];
    const particles = [{ word: '不', tag: 'y' }, { word, tag: 'y' }];
    return whole ? [{ word, tag: tagAlone(word) }, ...particles] : particles;
  });
}

/** 管管, 看看, 管一管: one character said twice (or with 一 between). */
const SAID_TWICE = /^([\u3400-\u9fff])(一?)\1$/;

/**
 * A verb said twice is the verb done a little (管管, 看看, 管一管): jieba tags such words vn, d or x,
 * which reads 管管 as a kind of the noun after it, and as a word no report says. Each half is the
 * verb; a word `knows` has is kept whole.
 */
export function splitReduplicatedVerbs(tokens: Array<{ word: string; tag: string }>, knows: (word: string) => boolean = () => false): Array<{ word: string; tag: string }> {
  return tokens.flatMap((token) => {
    const match = SAID_TWICE.exec(token.word);
    if (!match || knows(token.word) || !tagAlone(match[1]).startsWith('v')) return [token];
    const verb = { word: match[1], tag: 'v' };
    return match[2] ? [verb, { word: match[2], tag: 'y' }, verb] : [verb, verb];
  });
}

/**
 * Jieba tags many four-character compounds idioms (土壤污染 i, 食品安全 l). One made of a noun and a
 * noun or verbal noun (土壤 污染, 食品 安全) names a thing, as a noun does; a true idiom (滚石上山,
 * 一如既往) is not so made.
 */
export function retagCompoundNouns(tokens: Array<{ word: string; tag: string }>): Array<{ word: string; tag: string }> {
  return tokens.map((token) => {
    if (!/^[il]$/.test(token.tag) || !/^[\u3400-\u9fff]{4}$/.test(token.word)) return token;
    const [head, tail] = [tagAlone(token.word.slice(0, 2)), tagAlone(token.word.slice(2))];
    return head.startsWith('n') && /^(n|vn|an)/.test(tail) ? { ...token, tag: 'n' } : token;
  });
}

const DEGREE = /^[太很挺真超特蛮好]/;
const A_BIT = /^.[点些]$/;

/**
 * Jieba's HMM tags colloquial evaluations as names or nouns (太少 nr, 大点 n). A degree adverb with
 * an adjective (太少, 挺好) and an adjective with 点/些 (大点, 快些) are adjectives, unless `knows` has
 * the word (太重 is a company the reports name).
 */
export function retagEvaluations(tokens: Array<{ word: string; tag: string }>, knows: (word: string) => boolean = () => false): Array<{ word: string; tag: string }> {
  const adjective = (char: string) => tagAlone(char).startsWith('a');
  return tokens.map((token) => {
    if (token.word.length !== 2 || token.tag.startsWith('a') || token.tag.startsWith('v') || knows(token.word)) return token;
    const evaluates = (DEGREE.test(token.word) && adjective(token.word[1])) || (A_BIT.test(token.word) && adjective(token.word[0]));
    return evaluates ? { ...token, tag: 'a' } : token;
  });
}

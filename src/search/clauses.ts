import { PREFECTURE_CITIES, PROVINCES } from '../corpus/places.js';
import { retagEvaluations, splitGluedCharacters, tagWords } from '../text/tokenize.js';
import { ASKS, ASKS_BESIDES_JI, focusOf, SENTENCE } from './focus.js';

/**
 * Which clauses of a question ask and which only tell about the asker. "太原停车太难了，2025年要加多少
 * 停车位？": the first clause is the asker's situation, the second the question. A clause asks when it
 * has a question word (多少, 吗, 哪些, 有没有…) or a request (介绍, 说说). Of the others, a clause that
 * names a thing ("晋中残疾孩子上学的学校，县里都有了吗？") is the topic; one that says something about the
 * asker or what happens to them (a verb, adjective or adverb outside a "…的" modifier, or 我) tells.
 */
const CLAUSE = /[^，,。.；;！!？?…~～\n]+[，,。.；;！!？?…~～\n]*/g;
const FIRST_PERSON = /我|咱/;
/** "咱们广东的深圳市": a first person owning a place only says which place; it tells nothing of the asker. */
const OUR_PLACE = new RegExp(`(?:咱们|我们|咱|俺们)(?=(?:${[...PROVINCES, ...PREFECTURE_CITIES].join('|')}))`, 'g');
/** Jieba's tags of a predicate: verbs (not verbal nouns such as 改造), adjectives, adverbs, idioms. */
const PREDICATE = /^(v(?!n)|a|d|l|i)/;
/** Nouns, names and abbreviations: what an adjective or adverb before them modifies (老小区). */
const NOMINAL = /^(n|vn|j|s)/;
const VERB = /^v/;
/** A clause ending in a particle that exclaims or states (太费劲了，): it tells, whatever 几 it has. */
const EXCLAIMS = /[了啊呀啦哦嘛][，,。.；;！!…~～\s]*$/;
const TRAILING_PARTICLE = /^[了的呢啊吧呀嘛啦哦喔]+$/;
/** "想找个水边遛弯的地方": a vague head names no thing; the clause says what the asker wants. */
const VAGUE_HEAD = /^(?:地方|东西|事|事情|时候|样子|人)$/;
/** "那件民生实事", "这个项目": a clause that points at a thing names what is asked about. */
const POINTS_AT_THING = /[这那](?:件|个|项|条|些|种|批|所|座)/;

/**
 * The spans [start, end) of the clauses that tell rather than ask: every clause of a sentence that
 * tells (see `focusOf`), and within the others those that say something of the asker; none when no
 * clause asks (then every word is the question).
 */
export function tellingClauses(text: string, knows?: (word: string) => boolean): Array<[number, number]> {
  const clauses = [...text.matchAll(CLAUSE)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const askingAny = clauses.filter((c) => ASKS.test(c.text));
  if (askingAny.length === 0) return [];
  // "开车去周边几个城市太费劲了，有没有修快速路的打算？": a clause that exclaims (…了，) while another asks otherwise says "a few" by 几, and tells.
  const exclaimsWithJi = (c: { text: string }) => !ASKS_BESIDES_JI.test(c.text) && EXCLAIMS.test(c.text);
  const asking = askingAny.some((c) => ASKS_BESIDES_JI.test(c.text)) ? askingAny.filter((c) => !exclaimsWithJi(c)) : askingAny;
  const toldSentences = focusOf(text).telling;
  const inToldSentence = (c: { start: number; end: number }) => toldSentences.some(([from, to]) => from <= c.start && c.end <= to);
  return clauses.filter((c) => inToldSentence(c) || (!asking.includes(c) && tells(c.text, knows))).map((c) => [c.start, c.end]);
}

function tells(clause: string, knows?: (word: string) => boolean): boolean {
  if (FIRST_PERSON.test(clause.replace(OUR_PLACE, ''))) return true;
  if (POINTS_AT_THING.test(clause)) return false;
  const words = retagEvaluations(splitGluedCharacters(tagWords(clause.replace(/[^\p{L}\p{N}]+$/u, '')), knows));
  while (words.length > 1 && TRAILING_PARTICLE.test(words.at(-1)!.word)) words.pop();
  // A vague head (…遛弯的地方) names nothing: what comes before it says what the asker wants.
  const modified = VAGUE_HEAD.test(words.at(-1)?.word ?? '') ? -1 : words.map((w) => w.word).lastIndexOf('的');
  const rest = words.slice(modified + 1);
  // "…发货的生意": one word after the modifier is its head noun, whatever jieba tags it; "…开往欧洲的拉货火车"
  // ends with its head noun after a short compound, with no adverb that would make it a predicate (不想念高中).
  const namesHead = rest.length === 1 || (rest.length <= 3 && NOMINAL.test(rest.at(-1)!.tag) && !rest.some((w) => /^d/.test(w.tag)));
  if (modified >= 0 && namesHead) return false;
  // A verb says something unless it ends the clause (老小区改造) or makes a compound with the verb after it (新增就业);
  // an adjective or adverb unless it modifies the noun after it (老小区).
  const says = (w: { tag: string }, next: { tag: string } | undefined) =>
    VERB.test(w.tag) ? !!next && !VERB.test(next.tag) : !next || !NOMINAL.test(next.tag);
  return rest.some((w, i) => PREDICATE.test(w.tag) && says(w, rest[i + 1]));
}

/** "听说市里要成立…", "据说": a sentence passing on what the asker heard or read names the thing they ask about. */
const HEARSAY = /^(?:听说|据说|听人说|听别人说|听[^，。,]{1,4}说|看新闻|看到新闻|新闻(?:上|里)说|网上说|看到报道)/;

/**
 * The parts of a message's story, as spans [start, end): the sentences that pass on what the asker
 * heard (`heard`), and the clauses that speak of the asker (`asker`: 我, 咱).
 */
export function storyParts(text: string): { heard: Array<[number, number]>; asker: Array<[number, number]> } {
  const heard = [...text.matchAll(SENTENCE)].filter((m) => HEARSAY.test(m[0].trim())).map((m): [number, number] => [m.index, m.index + m[0].length]);
  const asker = [...text.matchAll(CLAUSE)].filter((m) => FIRST_PERSON.test(m[0])).map((m): [number, number] => [m.index, m.index + m[0].length]);
  return { heard, asker };
}

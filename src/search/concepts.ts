import { COUNTIES, ENCLOSING_REGIONS, OTHER_PLACES, PREFECTURE_CITIES } from '../corpus/places.js';
import type { ShortForms } from './short-forms.js';
import { numberOf } from '../text/numerals.js';
import { figureSpellings } from '../text/unit-spellings.js';
import { pinyinSyllables } from '../text/syllables.js';
import { storyParts, tellingClauses } from './clauses.js';
import { focusOf } from './focus.js';
import { NUMBER_WITH_UNIT, retagCompoundNouns, retagEvaluations, splitAskedBothWays, splitGluedCharacters, splitReduplicatedVerbs, tagAlone, tagWords } from '../text/tokenize.js';
import type { Lexicon } from './lexicon.js';
import type { Neighbour, NeighbourFinder } from './word-vectors.js';

/** Something the question asks about, and the ways a sentence can say it. */
export interface Concept {
  /** As the question says it: a word, an everyday phrase, a figure. */
  label: string;
  /** Lower-cased strings any of which in a sentence says the concept (the label, report terms). */
  variants: string[];
  kind: 'word' | 'phrase' | 'figure' | 'english';
  /** Must be said exactly (a number with its unit, an uncovered year): 2号线 is not 1号线. */
  strict: boolean;
  /** Jieba's part of speech for a single word (n, v, d…), when known. */
  tag?: string;
  /**
   * Report words near in meaning, from the word vectors, for a word the reports never use (饭堂 ->
   * 食堂). A sentence saying one of them says the concept only in part: 气候 is near 天气, not the same.
   */
  related?: Neighbour[];
  /** An English word rendered by the dictionary, not the project's glossary: its renderings are guesses the word vectors may widen (cultivate: 培养 ~ 培育). */
  fromDictionary?: true;
  /**
   * The label of a concept this one counts only together with, both said by the sentence itself: the
   * thing a measure measures (森林 of 森林覆盖率: 生活垃圾…覆盖率 is another thing's), or what makes a
   * thing another kind of it (二手 of 二手挖掘机, 免费 of 免费的停车场).
   */
  onlyWith?: string;
  /**
   * For a term the question describes instead of naming (用电低谷…抽水…发电 -> 抽水蓄能): how many
   * sides of it the question said. It stands for those words and for the thing they name, so it
   * weighs as much as one word more than it has sides.
   */
  sides?: number;
  /**
   * For a described term: by side the question says, the words of that side (the question's and the
   * lexicon's others for it). A sentence that does not name the term (a report of another place has
   * other names) says it by saying them.
   */
  sideWords?: string[][];
  /**
   * Said only in a clause that tells about the asker ("太原停车太难了，…多少停车位？", see `clauses.ts`):
   * an answer that says it counts it, one that does not is not held to it.
   */
  situation?: boolean;
  /**
   * Of a word of the asker's situation, where the story says it: only in what the asker heard
   * ("听说市里要成立…"), or only in clauses about the asker (我在晋祠附近开了个农家乐). When the question
   * points back at the story, what was heard is its topic and the asker's own clauses are not (see `weighConcepts`).
   */
  told?: 'heard' | 'asker';
  /**
   * Said right after 什么/啥/哪些 ("有什么说法", "有啥新招"), or as in "…的定位是什么", "是怎么规划的": the kind
   * of answer asked for, which an answer states without naming. When the reports never use the word it
   * weighs nothing (see `createConceptWeight`); when the question names a topic besides, an answer is
   * not held to it (see `weighConcepts`).
   */
  asksFor?: boolean;
  /**
   * Said after 这个/那项 ("提没提这个项目"): the thing is the one the message told about, so it is no
   * topic of the question's own that would make the told words optional (see `weighConcepts`).
   */
  pointedAt?: boolean;
  /**
   * Of a Latin word among Chinese that reads as pinyin of two or more syllables and names no place or
   * report word the reader knows (huogongqu): its toneless syllables. A sentence saying characters of
   * that sound (火工区) says it.
   */
  sound?: string;
}

/** Jieba's tags of words that name things: nouns and names (幸福河湖's 河湖 is tagged a place), verbal nouns, abbreviations, set phrases (退役军人 l), words it does not know. */
const NAMES_A_THING = /^(n|vn|j|s|x|eng|l)/;

/** A word that names a thing (a noun, a phrase, a figure), not how people talk about it. */
export function isTopicWord(concept: Concept): boolean {
  return !concept.tag || NAMES_A_THING.test(concept.tag);
}

/** What reading concepts may lean on besides the lexicon (both absent in the simplest reader). */
export interface ConceptParts {
  /** Report words close in meaning to a word the reports never use (饭堂 -> 食堂). */
  neighbours?: NeighbourFinder;
  /** Whether a word is one the reports, the dictionary or the word vectors know. */
  knows?: (word: string) => boolean;
  /** The report terms a two-character short form stands for (固投: 固定资产投资). */
  shortForms?: ShortForms;
}

/** Text that ends asking what kind of thing: the word after it names the kind of answer ("有什么说法", "有什么新动作"). */
const ASKS_FOR = /(?:什么|啥|哪些|哪种|怎样的)(?:新|大|好)?$/;
/** Text that ends asking how much: "多大比例", "多少占比" (a share asked: the word names the kind of answer, 87.9%), "多少 钱". */
const ASKS_AMOUNT_BEFORE = /(?:多大|多少|几)$/;
const SHARE_WORD = /^(?:比例|比重|占比)$/;
/** "有没有说法", "有无新举措": whether the reports say anything; the word names the kind of answer. */
const WHETHER_ANY = /(?:有没有|有无|有木有)(?:新|啥|什么|明确|具体|正式|专门)?的?$/;
/** What a report says of a thing, as a kind of answer (有没有具体名字: the names are what is asked, no topic a sentence must say). */
const SAYING = /^(?:说法|提法|表态|表述|回应|打算|安排|规划|计划|政策|举措|措施|动作|部署|考虑|想法|名字|名称|名单|数字|数据|细节)$/;
/** A word between 的 and 是什么 ("对阳曲的定位是什么"), or between 是怎么 and 的 ("是怎么规划的"), names the kind of answer too. */
const KIND_BEFORE_WHAT = { before: /的$/, after: /^(?:是什么|是啥|是哪些|是怎样|有哪些)/ };
const MANNER_ASKED = { before: /(?:怎么|咋)$/, after: /^的/ };
/** "超过15%了吗", "是不是突破了3000万", "过90%了没有": how a told figure is compared, no topic a sentence must say. */
const COMPARES_TO_FIGURE = /^(?:超过|超|过|高于|低于|不到|不足|达到|达|突破|多于|少于|大于|小于)了?$/;
/** 这个, 那项, 该: what follows points at a thing said before (see `Concept.pointedAt`). */
const POINTED_AT = /(?:[这那此该](?:个|件|项|条|些|种|批|所|座|家)?|[这那](?:么|样)(?:一?个|的)?)$/;
/** Whether the text before a word points at it; 那 opening a question ("那电力这块呢？") is "then, what about", no pointer. */
function pointsAt(before: string): boolean {
  return POINTED_AT.test(before) && before.trim() !== '那';
}

/** "工程招投标这一块", "那一方面": 这/那 with 一 and a measure word point at what was just named, as 这块 does. */
const POINTING_MEASURE = /^[这那]一(?:块|片|项|条|个|点|方面|部分)$/;
/** A year as a word (2025年): scoping handles it, it is no concept. */
export const YEAR = /^20\d{2}年?$/;
/** Jieba's tags for names of people, places, organisations, other proper names and abbreviations. */
const PROPER_NAME = /^(nr|ns|nt|nz|j)/;
/** "县里", "村里", "镇上": a unit of government or a place with a locative; reports say the unit (各县…). */
const UNIT_WITH_PLACE_SUFFIX = /^([县村镇乡区省])(?:里|上|内)$/;
/** Reports name a county without its 县/市/区 (左权入选…); a question often adds it (左权县). */
const COUNTY_WITH_SUFFIX = new RegExp(`^(${Object.values(COUNTIES).flat().join('|')})[县市区]$`);
const GLUED_PARTICLES = /^[要了的是在有把被将和与]+(?=.)|(?<=.)[要了的是在有吗呢吧啊呀]+$/g;
/** A modal verb jieba glues to a verb it does not know as one word ("能活到多少岁", "能领多少钱"): the verb is the word. */
const GLUED_MODAL = /^[能会可](?=[\u3400-\u9fff]$)/;
/** What people put inside a word of two characters (表过态, 挂一回号, 办个证): an aspect particle or a count of times or things. */
const PUT_INSIDE = /^(?:[过了着个]|[一两几]?[次回趟下个])$/;
/** Particles that end a question, glued by jieba to the word before them. */
const PARTICLES = '了的吗呢吧啊呀么';
const TRAILING_PARTICLES = new RegExp(`(?<=\\D)[${PARTICLES}]+$`);
const ONLY_PARTICLES = new RegExp(`^[${PARTICLES}]+$`);
/** "总结2024年工作的时候", "政府工作": the year's work is how a report names its own parts, no topic. */
const REPORTS_WORK = /(?:20\d{2}\s*年|年度|今年|去年|总结|回顾|政府)$/;
/** A quoted name made of numbers joined by signs: “1+7+4”, “6+N”, “3+1”. */
const QUOTED_CODE = /[“"「]((?=[^”"」]*\d)[\dA-Za-z]+(?:\s*[+＋×\-]\s*[\dA-Za-z]+)+)[”"」]/g;
/** A quoted phrase of Chinese: the asker points at the report's own words (“四下基层”, “成长痛”). */
const QUOTED_PHRASE = /[“"「]([\u3400-\u9fff]{3,12})[”"」]/g;
/** "听朋友说…", "听邻居讲…": who the asker heard it from, no topic of the question. */
const HEARD_FROM = /听([\u3400-\u9fff]{1,4}?)(?:说|讲)/g;
/** 加多少, 修多少: jieba glues the question word to the verb before it; the verb is the word, 多少 asks for the amount. */
const GLUED_QUESTION = /(?<=.)多少$/;
/** "几块钱", "多少岁", "多少 钱" (cut apart): a word that only asks an amount in a unit (the asked unit is read apart), no topic. */
const ASKS_AMOUNT_IN_UNIT = /^(?:几|多少)(?:块钱|块|钱|岁|元|万元|亿元|斤|公斤|公里|米)$/;

/** 小娃, 娃娃: an everyday word with a diminutive or familiar prefix (小, 老, 阿), or doubled. */
const AFFIXED = /^(?:[小老阿](?=[\u3400-\u9fff]{1,3}$)|(?=([\u3400-\u9fff])\1$))/;

/**
 * The concepts of a question: everyday phrases the lexicon knows (with their report terms),
 * figures with their units, and the remaining content words (with the report words nearest in meaning).
 */
export function readConcepts(text: string, lexicon: Lexicon, { neighbours, knows, shortForms }: ConceptParts, ignored: (word: string) => boolean): Concept[] {
  /** The lexicon's terms for a word, or for the word without its affix (小娃: 娃's) when the lexicon has none for it. */
  const lexiconTerms = (word: string) => {
    const own = lexicon.termsFor(word);
    const affixed = own.length > 0 ? null : word.match(AFFIXED);
    // A doubled character (娃娃) is the word; else what follows the prefix.
    return affixed ? lexicon.termsFor(affixed[1] ?? word.slice(1)) : own;
  };
  const tokens = splitAskedBothWays(tagWords(text));
  // Glued characters are cut again only against what the reports know.
  const split = retagEvaluations(retagCompoundNouns(splitReduplicatedVerbs(knows ? splitGluedCharacters(tokens, knows) : tokens, knows)), knows);
  const tagged = withOffsets(knows ? joinReportPairs(split, knows, ignored, shortForms) : split);
  const words = tagged.map((t) => t.word);
  const concepts: Concept[] = [];
  /** Where in the text each concept was said, to tell a question's own words from the asker's. */
  const where = new Map<Concept, Array<[number, number]>>();
  /** Of a described term the question does not name, where the thing itself is said (老小区), not a side of it (管道). */
  const thingSaid = new Map<Concept, Array<[number, number]>>();
  const covered = new Uint8Array(text.length);
  // A thing described at length (用电低谷…把水往山上抽…发电) is one concept, the report's term for it; its describing words are no concepts of their own.
  for (const { term, terms, spans, definingSpans, named, sides, sideWords } of lexicon.described(text, words)) {
    const concept: Concept = { label: term, variants: terms, kind: 'phrase', strict: false, sides, ...(sideWords.length > 0 ? { sideWords } : {}) };
    concepts.push(concept);
    where.set(concept, spans);
    if (!named) thingSaid.set(concept, definingSpans);
    for (const [start, end] of spans) covered.fill(1, start, end);
  }
  /** A quoted name read as one concept: the quotes and all between them are no words of their own. */
  const readQuoted = (match: RegExpMatchArray, variant: string) => {
    const concept: Concept = { label: match[1], variants: [variant], kind: 'phrase', strict: false };
    concepts.push(concept);
    // "…放“春秋假”…，想问问…放春秋假是个什么说法？": said again unquoted, it is the same concept there.
    const saidUnquoted: Array<[number, number]> = [];
    for (let at = text.indexOf(match[1]); at >= 0; at = text.indexOf(match[1], at + 1)) {
      if (at < match.index! || at >= match.index! + match[0].length) saidUnquoted.push([at, at + match[1].length]);
    }
    const spans: Array<[number, number]> = [[match.index!, match.index! + match[0].length], ...saidUnquoted];
    where.set(concept, spans);
    for (const [start, end] of spans) covered.fill(1, start, end);
  };
  for (const match of text.matchAll(HEARD_FROM)) covered.fill(1, match.index + 1, match.index + 1 + match[1].length);
  // “1+7+4”, “6+N”: a quoted name of numbers and signs is one name, said exactly as quoted; word cutting would break it into figures.
  for (const match of text.matchAll(QUOTED_CODE)) readQuoted(match, match[1].toLowerCase());
  // “四下基层”: a quoted phrase the reports say (each two characters of it, at least) is one concept, not its words cut apart.
  for (const match of text.matchAll(QUOTED_PHRASE)) {
    const phrase = match[1];
    if (!knows || covered.subarray(match.index, match.index + match[0].length).some(Boolean) || knows(phrase)) continue;
    if ([...phrase].slice(1).every((c, i) => knows(phrase[i] + c))) readQuoted(match, phrase);
  }
  const reportsWork = (word: string, at: number) => word === '工作' && REPORTS_WORK.test(text.slice(0, at));
  const matches = withinWords(lexicon.find(text, words), tagged, text).filter((m) => !covered.subarray(m.start, m.end).some(Boolean) && !reportsWork(m.phrase, m.start));
  /** Where in the text each concept was read, to pair a measure with what it measures and a noun with its kind. */
  const spans = new Map<Concept, [number, number]>();
  for (const m of matches.filter((m) => m.terms.length > 0)) {
    const asksFor = namesKindAsked(text.slice(0, m.start), text.slice(m.end), m.phrase);
    const pointedAt = pointsAt(text.slice(0, m.start));
    const concept: Concept = { label: m.phrase, variants: m.terms, kind: 'phrase', strict: false, ...(asksFor ? { asksFor } : {}), ...(pointedAt ? { pointedAt } : {}) };
    concepts.push(concept);
    spans.set(concept, [m.start, m.end]);
  }
  for (const m of matches) covered.fill(1, m.start, m.end);

  /** Where each figure was said, to tell one the asker told (来回两个小时) from one asked about. */
  const figureSpans = new Map<Concept, [number, number]>();
  // "3号线", "5%": a number is only meaningful with the unit after it.
  for (const match of text.matchAll(NUMBER_WITH_UNIT)) {
    // "到5000亿了吗": a particle after the unit is no part of it.
    // "还在全国前10不": 不 asking yes or no right after a number is no unit either.
    const value = unitWithinWords(tagged, match.index, match[0].toLowerCase().replace(TRAILING_PARTICLES, '').replace(/(?<=\d)[不没]$/, ''));
    if (/^20\d{2}年/.test(value) || /^\d+$/.test(value) || covered[match.index]) continue;
    const named = numberNamingThing(tagged, match.index);
    const said = figure(named?.label ?? value);
    concepts.push(said);
    figureSpans.set(said, named ? named.span : [match.index, match.index + value.length]);
    if (named) covered.fill(1, ...named.span);
  }
  // "十件民生实事": a count in words is a count all the same; reports write it either way (十件, 10件).
  for (const match of text.matchAll(COUNT_IN_WORDS)) {
    if (covered[match.index]) continue;
    const [said, countNumeral, countUnit, hoursNumeral, hoursUnit] = match;
    const [numeral, unit] = countNumeral ? [countNumeral, countUnit] : [hoursNumeral, hoursUnit];
    // "十件民生实事里要新建多少个足球场？": a count that names a list, of which another count is asked, is said by its items without it.
    const namesList = countNumeral !== undefined && new RegExp(`(?:多少|几)(?!${unit})`).test(text.slice(match.index + said.length));
    const count: Concept = { ...figure(said), variants: [said, `${numberOf(numeral)}${unit}`], ...(namesList ? { strict: false, asksFor: true } : {}) };
    concepts.push(count);
    figureSpans.set(count, [match.index, match.index + said.length]);
    covered.fill(1, match.index, match.index + said.length);
  }

  // 第三实验室 is not 第一实验室, 四期 not 三期: numbered names must be said exactly.
  for (const [i, { word, start }] of tagged.entries()) {
    const next = tagged[i + 1];
    const numbered = NUMBERED_NAME.test(word) && next?.tag.startsWith('n') ? word + next.word : PHASE.test(word) ? word : undefined;
    if (!numbered || covered[start]) continue;
    concepts.push(figure(numbered));
    covered.fill(1, start, start + numbered.length);
  }

  const amongChinese = /[\u3400-\u9fff]/.test(text);
  const seen = new Set(concepts.map((c) => c.label));
  /** A word said again later in the text: where else it was said. */
  const saidAgain = new Map<string, Array<[number, number]>>();
  for (const { word, tag: jiebaTag, start: at } of tagged) {
    // Jieba sometimes glues a particle to a word ("率要"): drop it.
    const unglued = word.trim().toLowerCase().replace(GLUED_QUESTION, '').replace(GLUED_PARTICLES, '');
    const lower = jiebaTag === 'x' ? unglued.replace(GLUED_MODAL, '') : unglued;
    // A modal particle (吗, 呢, 不 of 重不重) says how it is asked, not what.
    if (!/[\p{L}\p{N}]/u.test(lower) || jiebaTag === 'y' || ignored(lower) || /[\d.]/.test(lower) || YEAR.test(lower) || ASKS_AMOUNT_IN_UNIT.test(lower)) continue;
    if (ASKS_AMOUNT_IN_UNIT.test(`${text.slice(0, at).match(ASKS_AMOUNT_BEFORE)?.[0] ?? ''}${lower}`)) continue;
    if (reportsWork(lower, at) || POINTING_MEASURE.test(`${text.slice(Math.max(0, at - 1), at)}${lower}`)) continue;
    if (COMPARES_TO_FIGURE.test(lower) && [...figureSpans.values()].some(([start]) => start === at + word.length)) continue;
    if (covered.subarray(at, at + word.length).some(Boolean)) continue;
    if (seen.has(lower)) {
      saidAgain.set(lower, [...(saidAgain.get(lower) ?? []), [at, at + word.length]]);
      continue;
    }
    seen.add(lower);
    const county = lower.match(COUNTY_WITH_SUFFIX)?.[1];
    const unit = lower.match(UNIT_WITH_PLACE_SUFFIX)?.[1];
    const variants = [lower, ...(county ? [county] : []), ...(unit ? [unit] : []), ...lexiconTerms(lower), ...(knows?.(lower) ? [] : (shortForms?.(lower) ?? []))];
    // A name's neighbours are other names (奥运会 -> 运动会), not the same thing. One character (跑, 爱,
    // 县) has too many senses for just any neighbour to stand in for it; one that contains it (煤 -> 煤炭) may.
    const tag = verbInUse(placeTag(lower, jiebaTag), text.slice(at + word.length));
    const related = PROPER_NAME.test(tag)
      ? []
      : (neighbours?.(lower) ?? []).filter(({ word: near }) => !variants.includes(near) && (lower.length > 1 || near.includes(lower)));
    const asksFor = namesKindAsked(text.slice(0, at), text.slice(at + word.length), lower);
    const pointedAt = pointsAt(text.slice(0, at));
    const sound = amongChinese && /^[a-z]+$/.test(lower) ? pinyinSyllables(lower) : undefined;
    const spelled = sound && sound.includes(' ') ? { sound } : {};
    const concept: Concept = { label: lower, variants, kind: 'word', strict: false, tag, ...(related.length > 0 ? { related } : {}), ...(asksFor ? { asksFor } : {}), ...(pointedAt ? { pointedAt } : {}), ...spelled };
    concepts.push(concept);
    spans.set(concept, [at, at + word.length]);
  }
  pairConcepts(tagged, concepts, spans);
  for (const [concept, span] of spans) where.set(concept, [span, ...(saidAgain.get(concept.label) ?? [])]);
  for (const [concept, span] of figureSpans) where.set(concept, [span]);
  return sameThingSaidTwice(resolvePointed(markSituation(concepts, where, thingSaid, tellingClauses(text, knows), focusOf(text).comments, storyParts(text))));
}

function namesKindAsked(before: string, after: string, word = ''): boolean {
  return ASKS_FOR.test(before) || (ASKS_AMOUNT_BEFORE.test(before) && SHARE_WORD.test(word)) || (WHETHER_ANY.test(before) && SAYING.test(word)) || [KIND_BEFORE_WHAT, MANNER_ASKED].some((frame) => frame.before.test(before) && frame.after.test(after));
}

/**
 * Marks the concepts said only in clauses that tell (see `Concept.situation`); a figure told (来回两个小时)
 * is no figure an answer must carry. Drops those said only in a comment after the question.
 */
function markSituation(
  concepts: Concept[],
  where: Map<Concept, Array<[number, number]>>,
  thingSaid: Map<Concept, Array<[number, number]>>,
  telling: Array<[number, number]>,
  comments: Array<[number, number]>,
  story: { heard: Array<[number, number]>; asker: Array<[number, number]> },
): Concept[] {
  const saidOnlyIn = (concept: Concept, spans: Array<[number, number]>, said = where.get(concept) ?? []) =>
    said.length > 0 && said.every(([start, end]) => spans.some(([from, to]) => from <= start && end <= to));
  const toldIn = (c: Concept): Concept['told'] => (saidOnlyIn(c, story.heard) ? 'heard' : saidOnlyIn(c, story.asker) ? 'asker' : undefined);
  // A described thing the asker lives with (住在一个老小区…换掉多少公里老旧燃气管道) is told, though a side word of it is asked; not one heard of (听说…小厂子升规…).
  const toldThing = (c: Concept) => thingSaid.has(c) && saidOnlyIn(c, story.asker, thingSaid.get(c));
  return concepts
    .filter((c) => !saidOnlyIn(c, comments))
    .map((c) => {
      if (!saidOnlyIn(c, telling) && !toldThing(c)) return c;
      const told = toldIn(c);
      return { ...c, situation: true, strict: false, ...(told ? { told } : {}) };
    });
}

/**
 * "雾霾怎么样，PM2.5一年平均多少": a concept one of whose ways of being said is another concept of the
 * question (pm2.5 for 雾霾) is also said in that one's ways (细颗粒物).
 */
function sameThingSaidTwice(concepts: Concept[]): Concept[] {
  return concepts.map((c) => {
    if (c.kind === 'figure') return c;
    const same = concepts.filter((other) => other !== c && other.kind !== 'figure' && c.variants.includes(other.label));
    return same.length === 0 ? c : { ...c, variants: [...new Set([...c.variants, ...same.flatMap((o) => o.variants)])] };
  });
}

/**
 * "我爸在钢管厂干了一辈子…改造这个工厂": a thing pointed at is the thing of the story with the same
 * head (厂): an answer saying the story's name for it (钢管厂) says it.
 */
function resolvePointed(concepts: Concept[]): Concept[] {
  const story = concepts.filter((c) => c.situation && c.kind !== 'figure' && c.label.length > 1);
  return concepts.map((c) => {
    if (!c.pointedAt || c.situation) return c;
    const head = c.label.slice(-1);
    const named = story.filter((s) => s.label !== c.label && s.label.endsWith(head) && (!s.tag || /^n/.test(s.tag)));
    return named.length === 0 ? c : { ...c, variants: [...new Set([...c.variants, ...named.flatMap((s) => s.variants)])] };
  });
}

const KNOWN_PLACES = new Set([...OTHER_PLACES, ...PREFECTURE_CITIES, ...ENCLOSING_REGIONS, ...Object.keys(COUNTIES), ...Object.values(COUNTIES).flat()]);
/** How place names end (哈尔滨 is known; 黄山, 五台县, 汾河 say what they are). */
const PLACE_ENDING = /[省市县区镇乡村州山河湖江海岛]$/;

/** A verbal noun followed by an aspect word is said as a verb: "投产了没有" asks whether, not about 投产; so is a noun asked whether it happened ("通车了没"), and one followed by the amount asked ("培育多少家"). */
const ASPECT_AFTER = /^(?:了|过|没|着)/;
const HAPPENED_ASKED = /^了(?:没|吗|么|吧)|^没有?[?？]?$/;
/** "再培育多少家": a verbal noun followed by the amount asked does it, and names nothing. */
const AMOUNT_AFTER = /^(?:多少|几)/;

function verbInUse(tag: string, after: string): string {
  // A word jieba does not know (投用, x) followed by an aspect word is a verb too.
  if ((tag === 'vn' || tag === 'x') && ASPECT_AFTER.test(after)) return 'v';
  if (tag === 'vn' && AMOUNT_AFTER.test(after)) return 'v';
  return tag === 'n' && HAPPENED_ASKED.test(after) ? 'v' : tag;
}

const COUNTY_NAMES = new Set(Object.values(COUNTIES).flat());

/**
 * Jieba tags some common nouns as places (海鲜, 古城): a place is a known one or named like one. A
 * county of a city the reports cover is a name the reports speak of (支持古交打造…), whatever jieba
 * calls it (古交 is a 区别词 to it): a proper name, not a place that only locates the topic.
 */
function placeTag(word: string, tag: string): string {
  if (COUNTY_NAMES.has(word)) return 'nz';
  return tag === 'ns' && !KNOWN_PLACES.has(word) && !PLACE_ENDING.test(word) ? 'n' : tag;
}

/** 十件, 三个, 两所 before a noun (not 一个, mostly "a"; 第三件 is an item, see ORDINAL), and a time in words (一小时: 1小时). */
const COUNT_IN_WORDS = /(?<![第几一])([两二三四五六七八九十]{1,3})(件|项|个|条|所|座|家|批)(?=[\u3400-\u9fff])|(?<![第几])([一两二三四五六七八九十]{1,3})(小时|分钟)/g;

/** 第三 before a name (第三实验室); 第几 asks, and 第三件 is an item of a list (see ORDINAL). */
const NUMBERED_NAME = /^第[一二三四五六七八九十两]{1,3}$/;
/**
 * "国道108过境段": a number between a noun and another noun (not a unit) is the first noun's number,
 * said as 国道108, not a figure with the unit 过境.
 */
function numberNamingThing(tagged: Array<{ word: string; tag: string; start: number }>, at: number): { label: string; span: [number, number] } | undefined {
  const i = tagged.findIndex((t) => t.start === at);
  const [before, number, after] = [tagged[i - 1], tagged[i], tagged[i + 1]];
  if (!before || !number || !after || !/^\d+$/.test(number.word) || before.start + before.word.length !== at) return undefined;
  if (!/^n(?!r)/.test(before.tag) || !/^(n|vn)/.test(after.tag) || after.word.length < 2) return undefined;
  return { label: (before.word + number.word).toLowerCase(), span: [before.start, at + number.word.length] };
}

/**
 * A number's unit ends where a word ends: 6大战略 is 6大 and 战略, not 6大战; 5个专业化 is 5个. A
 * unit that is a word's start only is cut back to the word before it (never to the bare number).
 */
function unitWithinWords(tagged: Token[], at: number, value: string): string {
  const end = at + value.length;
  const across = tagged.find((t) => t.start < end && end < t.start + t.word.length);
  const digits = value.match(/^\d+(?:\.\d+)?/)![0].length;
  // Jieba glues a particle to a unit's end (4 号 线呢): the unit is whole all the same.
  const particlesOnly = across && ONLY_PARTICLES.test(across.word.slice(end - across.start));
  return across && across.start > at + digits && !particlesOnly ? value.slice(0, across.start - at) : value;
}

/** 二期, 三期: a phase of a project. */
const PHASE = /^[一二三四五六七八九十]期$/;

/**
 * Drops an everyday phrase found inside a longer dictionary word whose rest qualifies it (电站 in
 * 核电站): the word names another thing, and read as the phrase its qualifier (核) would be lost.
 * A rest that is a verb (坐 of 坐飞机) or other phrases (大学老师) keeps it, and so do words jieba
 * only guessed (玩冰玩雪).
 */
function withinWords<T extends { start: number; end: number }>(matches: T[], tagged: Token[], text: string): T[] {
  const covered = new Uint8Array(text.length);
  for (const m of matches) covered.fill(1, m.start, m.end);
  const qualified: Array<[number, number]> = [];
  for (const { word, tag, start } of tagged) {
    const end = start + word.length;
    if (tag === 'x' || word.length < 2) continue;
    // The qualifier comes first and the phrase names the head (电站 of 核电站; 游客 of 游客量 is no head).
    const head = matches.find((m) => m.end === end && m.start > start);
    const rest = head && !covered.subarray(start, head.start).some(Boolean) ? text.slice(start, head.start) : '';
    if (rest && QUALIFIER.test(tagWords(rest)[0]?.tag ?? '')) qualified.push([start, end]);
  }
  // "全省第一次" is no 全省第一 (a rank): a phrase that ends inside a numeral word (第一次, 第一批) is another thing.
  const cutsNumeral = (m: T) => tagged.some(({ word, tag, start }) => tag === 'm' && start < m.end && m.end < start + word.length);
  return matches.filter((m) => !qualified.some(([start, end]) => start <= m.start && m.end <= end) && !cutsNumeral(m));
}

/** Parts of speech of what makes a word a kind of the phrase inside it (核 of 核电站, 平均 of 平均工资, 老年 of 老年大学). */
const QUALIFIER = /^(n|a|b|vn|t)/;

/** Measures a report writes right after the thing they measure (旅游收入, 工业增加值, 粮食产量), besides rates (覆盖率). */
export const MEASURE_NAMES = ['收入', '增加值', '总额', '产量', '产值', '营收', '销售额', '零售额', '总量'];
/** What a figure measures (覆盖率, 收入, 增加值): it says nothing without the thing measured before it. */
const MEASURE = new RegExp(`^[\\u3400-\\u9fff]*率$|^(?:${MEASURE_NAMES.join('|')})$`);

/**
 * Pairs concepts that only count together (see `Concept.onlyWith`): a measure written right after a
 * noun (森林 覆盖率, 旅游 收入) with that noun, and a noun with a kind word before it (二手 挖掘机,
 * 免费 的 停车场: a numeral-like or verbal noun; adjectives such as 大型 only describe).
 */
function pairConcepts(tagged: Token[], concepts: Concept[], spans: Map<Concept, [number, number]>): void {
  const conceptAt = (offset: number) => concepts.find((c) => spans.has(c) && spans.get(c)![0] <= offset && offset < spans.get(c)![1]);
  for (let i = 0; i + 1 < tagged.length; i++) {
    const [thing, next] = [tagged[i], tagged[i + 1]];
    if (/^(n|vn)/.test(thing.tag) && MEASURE.test(next.word)) {
      const [of, measured] = [conceptAt(thing.start), conceptAt(next.start)];
      if (of && measured && of !== measured) measured.onlyWith = of.label;
    }
    const head = next.word === '的' ? tagged[i + 2] : next;
    if (head && thing.word.length > 1 && KIND.test(thing.tag) && !/\d/.test(thing.word) && !ORDER_WORD.test(thing.word) && !COUNT_WORD.test(thing.word) && !GLUED_QUESTION.test(thing.word) && /^n/.test(head.tag)) {
      const [kind, of] = [conceptAt(thing.start), conceptAt(head.start)];
      if (kind && of && kind !== of && of.onlyWith === undefined) of.onlyWith = kind.label;
    }
  }
}

/** Jieba's parts of speech for a word that makes a noun another kind of thing (二手: m, 免费: vn). */
const KIND = /^(m|vn)$/;
/** 一个, 几家, 这项: how many or which one, not what kind ("一个公益基金会"). */
const COUNT_WORD = /^[一二两三四五六七八九十百几这那每各某]+[个位名家项件种条只座所批]$/;
/** 第一次, 首批: which time or batch, not what kind ("全省第一次的大学生科技节"). */
const ORDER_WORD = /^[第首]|[次批届]$/;

/** A jieba word with its part of speech and where it starts in the question. */
interface Token {
  word: string;
  tag: string;
  start: number;
}

function withOffsets(words: Array<{ word: string; tag: string }>): Token[] {
  let start = 0;
  return words.map(({ word, tag }) => {
    const token = { word, tag, start };
    start += word.length;
    return token;
  });
}

/**
 * Where jieba cut the question against the reports' words: two single characters the reports write
 * together (无 废 of 无废城市, a programme's name) are read as that word, not as two verbs that every
 * report says; a character and the first of the next word that make a report word before a particle
 * (比/重要 -> 比重 要) or a place (晋/中段 -> 晋中 段) are cut again.
 */
function joinReportPairs(tokens: Array<{ word: string; tag: string }>, knows: (word: string) => boolean, ignored: (word: string) => boolean, shortForms?: ShortForms): Array<{ word: string; tag: string }> {
  const joined: Array<{ word: string; tag: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const [one, two] = [tokens[i], tokens[i + 1]];
    // A particle (不 of 重不重) is joined to nothing.
    const single = (t: { word: string; tag: string } | undefined) => !!t && /^[\u3400-\u9fff]$/.test(t.word) && t.tag !== 'y' && !ignored(t.word);
    const three = tokens[i + 2];
    if (single(one) && single(two) && knows(one.word + two.word)) {
      joined.push({ word: one.word + two.word, tag: 'x' });
      i++;
    } else if (single(one) && single(two) && (shortForms?.(one.word + two.word).length ?? 0) > 0) {
      // "固投": two characters jieba cuts apart that shorten a report term (固定资产投资) are that term.
      joined.push({ word: one.word + two.word, tag: 'j' });
      i++;
    } else if (single(one) && two && PUT_INSIDE.test(two.word) && single(three) && knows(one.word + three!.word)) {
      // "表过态", "挂一回号": a word with a particle or a count put inside it is that word (what was put inside kept after it, so offsets add up).
      joined.push({ word: one.word + three!.word, tag: 'v' }, two);
      i += 2;
    } else if (/^[\u3400-\u9fff]$/.test(one.word) && two && /^[\u3400-\u9fff][要了是在有]$/.test(two.word) && knows(one.word + two.word[0]) && !knows(two.word.slice(1) + (tokens[i + 2]?.word ?? ''))) {
      // "比重要达到多少": jieba cuts 比/重要 where the reports' 比重 is followed by 要.
      joined.push({ word: one.word + two.word[0], tag: 'n' }, { word: two.word[1], tag: 'v' });
      i++;
    } else if (single(one) && two && two.word.length > 1 && ignored(one.word + two.word[0])) {
      // "汾河晋中段": jieba cuts 晋/中段 where the question says 晋中 (a place, no concept) and 段.
      joined.push({ word: one.word + two.word[0], tag: 'ns' }, { word: two.word.slice(1), tag: tagAlone(two.word.slice(1)) });
      i++;
    } else joined.push(one);
  }
  return joined;
}

/** Measure words a report counts things with where a question says 个. */
const MEASURE_WORDS = ['大', '项', '家', '座', '所', '条', '类', '种', '批', '只'];
/** "80多岁", "1万余个": more than a number, which reports write 80岁以上, 80余岁 or 80多岁. */
const MORE_THAN = /^(\d[\d.]*[万亿千百]?)[多余]([^\d.多余]+)$/;

/** A number with its unit (3号线, 5%), said exactly (in either spelling of its unit, or of "more than") or not at all. */
export function figure(label: string): Concept {
  const more = label.match(MORE_THAN);
  const moreThan = more ? [`${more[1]}${more[2]}以上`, `${more[1]}余${more[2]}`, `${more[1]}多${more[2]}`] : [];
  // "那7个平台": 个 is any thing's measure word, which a report may write as its own (7大平台, 7家, 7项).
  const count = label.match(/^(\d+)个$/)?.[1];
  const measured = count ? MEASURE_WORDS.map((word) => `${count}${word}`) : [];
  const spelled = [label, ...moreThan, ...measured].flatMap((said) => [said, ...figureSpellings(said)]);
  return { label, variants: [...new Set(spelled)], kind: 'figure', strict: true };
}

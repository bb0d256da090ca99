import type { SectionKind } from '../corpus/types.js';
import { isCommonWord, NUMBER_WITH_UNIT, tagWords, tokenize } from '../text/tokenize.js';
import type { Lexicon } from './lexicon.js';
import { normalizeQuestion } from './normalize-question.js';
import { COUNTIES, ENCLOSING_REGIONS, OTHER_PLACES } from '../corpus/places.js';
import type { SpellingFix } from './spelling.js';
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
  /**
   * The label of the concept this one measures (覆盖率 of 森林覆盖率, 收入 of 旅游收入): said without
   * it, the sentence gives another thing's measure (生活垃圾…覆盖率) and says nothing of this one.
   */
  measures?: string;
}

/** What the question reader found in a question: the parts retrieval and answering act on. */
export interface Question {
  /** The question as read: normalized (simplified characters, half-width), slips fixed. */
  text: string;
  /** What an answer must cover. */
  concepts: Concept[];
  /** Lexical search terms, report words for everyday phrases included. */
  terms: string[];
  /** Years named, e.g. 2024 in "2024年". */
  years: number[];
  /** Corpus cities named directly or through one of their counties. */
  cities: string[];
  /** Places named that no report covers (另一城市、省份). */
  otherPlaces: string[];
  /** Asks for a number (多少、几、比例、增速…). */
  wantsFigure: boolean;
  /** Asks how many or how much (多少, 几): an answer must give an amount. */
  asksAmount: boolean;
  /** The unit a figure must carry (多少天 -> 天), when the question names one. */
  askedUnit?: string;
  /** Asks when (什么时候、何时、哪年). */
  wantsTime: boolean;
  /** Asks for a list (哪些、哪几个、都有什么). */
  wantsList: boolean;
  /** Asks for one item of a list by its number (第三件, 第5个). */
  ordinal?: number;
  /** Asks what actually happened (实际、完成了、达到了): a target does not answer it. */
  wantsResult: boolean;
  /** Whether the question asks about plans/targets or about results, when it says. */
  intent?: SectionKind;
  /** Asks how something changed over the years. */
  comparison: boolean;
  /** A plan period named instead of a year (十四五): it speaks of five years, not one. */
  period?: string;
  /** Asks about the report itself: who delivered it, at which meeting, on which day. */
  aboutReport?: 'speaker' | 'meeting' | 'date';
  /** Typing slips that were corrected (太元 -> 太原). */
  fixes: SpellingFix[];
}

export interface ReaderParts {
  /** Cities the reports are about. */
  cities: string[];
  /** Years some report plans or reviews; another year (2035) must be said by the answer itself. */
  coveredYears: ReadonlySet<number>;
  lexicon: Lexicon;
  /** Corrects homophone slips; none when absent. */
  fixSpelling?: (text: string) => { text: string; fixes: SpellingFix[] };
  /** The current year, for 今年/去年/明年. */
  currentYear?: number;
  /** Report words close in meaning to a word the reports never use (饭堂 -> 食堂); none when absent. */
  neighbours?: NeighbourFinder;
  /** Whether the reports (or the word vectors) know a word; a token nobody knows may be jieba gluing two characters. */
  knows?: (word: string) => boolean;
}

const STOP_WORDS = new Set(
  ('的 了 是 在 有 和 与 及 或 吗 呢 吧 啊 呀 么 请问 请 问 一下 关于 这 那 这个 那个 个 我 我们 你 你们 他们 ' +
    '多少 几 几个 什么 怎么 怎么样 怎样 如何 哪些 哪个 哪里 哪 为什么 是否 有没有 有无 没有 能 会 可以 ' +
    '要 将 把 被 对 为 到 从 于 上 中 里 年 年度 今年 去年 明年 全市 我市 该市 市 城市 方面 ' +
    '帮 做 搞 打算 怎么办 准备 一共 共 总共 大概 大约 目前 现在 达到 达 多 新 期间 时期 这几年 几年 每年 ' +
    '变化 怎么变化 如何变化 变 为了 通过 以及 还 又 也 都 就 所 其 之 等 数量 数据 数字 具体 分别 ' +
    '什么时候 何时 多久 多长 多大 多高 多宽 多远 多重 多快 哪年 哪一年 时候 哪几个 哪几 几项 几户 其中 实际 最后 一年 全年 那么 换成 改成 ' +
    '出 过 着 得 地 来 去 给 让 人家 谁 他 她 它 啥 咋 呗 嘛 比 相比 对比 比较 比起').split(' '),
);
const FIGURE_WORDS = /多少|几|比例|比重|占比|增速|增幅|涨幅|增长|排名|排第|第几|率|规模|金额|数量|多长|多大|面积|目标/;
const PLAN_WORDS = /目标|计划|打算|预期|力争|确保|控制在|安排|任务|准备|(?<![主重需只总必纲])要(?![求素点闻])|将(?!军)|拟/;
const REVIEW_WORDS = /完成了|建成了|实现了|取得|成绩|成效|回顾|过去|去年|了多少|了吗|实际|达到了|最后/;
const RESULT_WORDS = /实际|完成了|建成了|实现了|达到了|最终|最后.{0,4}(完成|达到|实现)/;
const TIME_WORDS = /什么时候|何时|哪年|哪一年|多久|什么时间/;
const LIST_WORDS = /哪些|哪几|有什么|有啥|都是什么|都是啥|分别是什么|分别是哪|包括什么|包括哪|具体有|列举/;
/** 第三件, 第5个, 第二项: an item of a list (第40名, 第五次会议 are ranks and meetings, not items). */
const ORDINAL = /第\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:件|项|个|条|点|批)/;
const CHINESE_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** "和去年比", "跟2023年相比": another year to compare with (its 去年 is no question about results). */
const COMPARED_YEAR = /(?:和|跟|与|同)(?:去年|前年|上年|上一年|20\d{2}年?)相?比/;
const COMPARISON_WORDS = new RegExp(`这几年|历年|逐年|每年|几年来|变化|趋势|对比|比较|${COMPARED_YEAR.source}`);
/** A five-year plan period. */
export const PLAN_PERIOD = /十[二三四五六]五/;
/** 多少辆, 几个: a count in that unit (哪几件 asks which ones, not how many). */
const ASKED_UNIT = /(?<!哪)(?:多少|几)(?:个|位|名)?(万亩|亩|平方公里|公里|万元|亿元|元|万人|人次|人|户|家|件|项|辆|所|座|张|套|部|条|场|次|天|吨|个|块|处|台|架|名|位)/;
/** "增长了多少", "增速是多少": a rate of change is a percentage (an amount would name its unit: 增长多少亿元). */
const ASKED_RATE = /(?:增长|增速|增幅|涨幅|上涨|下降|降低|降幅)(?:了|率|是|为|达到)?(?:多少|几)(?![\u3400-\u9fff]*(?:元|人|户|个|吨|亩|公里|家|项|辆))/;
/** "占比是多少", "覆盖率多少", "百分之几": a share is a percentage. */
const ASKED_SHARE = /(?:占比|比例|比重|率)(?:是|为|达到|达|有|能有)?(?:多少|几)|百分之(?:多少|几)|百分比/;
/** 多少, 几个; not 哪几 (which), 第几 (a rank), 几时 or 几号 (a time). */
const ASKS_AMOUNT = /多少|(?<![哪第])几(?![时号月点])/;
/** 几件, 多少个: the count asked for, not a thing to find. */
const COUNT_WORD = /^(?:几|多少)[个位名件项户家所座张套条场次天块处台架辆]$/;
/** "多少游客", "游客多少": people are counted in 人 (or 人次). */
const PEOPLE = '(?:游客|人口|居民|市民|学生|老人|孩子|患者|职工|农民|旅客|观众)';
const COUNTED_PEOPLE = new RegExp(`(?:多少|几)(?:个|位|名)?${PEOPLE}|${PEOPLE}(?:有|是|达到|达)?(?:多少|几)(?![\u3400-\u9fff]*(?:元|钱|岁|天|年))`);
/** Who delivered the report; the mayor delivers it, so "市长是谁" is asked of its credits too. */
const REPORT_SPEAKER = /(谁|哪位|什么人).{0,4}(作|做|讲|宣读|报告)|(作|做)报告的是|报告人|市长是谁|谁是市长|市长叫什么/;
const REPORT_MEETING = /(第几次|哪次|哪一次|什么|哪个)(会议|大会)|在.{0,10}会议上/;
const REPORT_DATE = /(什么时候|哪天|哪一天|几月几[日号]|何时).{0,6}(作|做|发布|通过|报告)/;
const YEAR = /^20\d{2}年?$/;
/** Jieba's tags for names of people, places, organisations, other proper names and abbreviations. */
const PROPER_NAME = /^(nr|ns|nt|nz|j)/;
/** Reports name a county without its 县/市/区 (左权入选…); a question often adds it (左权县). */
const COUNTY_WITH_SUFFIX = new RegExp(`^(${Object.values(COUNTIES).flat().join('|')})[县市区]$`);
const GLUED_PARTICLES = /^[要了的是在有把被将和与]+(?=.)|(?<=.)[要了的是在有吗呢吧啊呀]+$/g;

/** Reads questions against the corpus they will be asked of. */
export type QuestionReader = (raw: string) => Question;

/**
 * A question read from English: the Chinese stand-in gives scope and intent, the English words
 * (with their Chinese renderings) are what an answer must cover.
 */
export function withEnglishConcepts(question: Question, concepts: Concept[]): Question {
  const own = concepts.filter((c) => !c.variants.some((v) => question.cities.includes(v)));
  const terms = tokenize(own.flatMap((c) => c.variants).join(' ')).filter((t) => !STOP_WORDS.has(t) && !YEAR.test(t));
  return { ...question, concepts: [...question.concepts.filter((c) => c.strict), ...own], terms };
}

export function createQuestionReader({ cities: corpusCities, coveredYears, lexicon, fixSpelling, neighbours, knows, currentYear = new Date().getFullYear() }: ReaderParts): QuestionReader {
  const placeWords = new Set([...corpusCities, ...ENCLOSING_REGIONS, ...corpusCities.map((c) => `${c}市`)]);
  const relativeYears: Array<[RegExp, number]> = [
    [/今年/, currentYear],
    [/去年/, currentYear - 1],
    [/明年/, currentYear + 1],
  ];

  return (raw) => {
    const normalized = normalizeQuestion(raw);
    const { text, fixes } = fixSpelling ? fixSpelling(normalized) : { text: normalized, fixes: [] };
    const named = [...new Set([...text.matchAll(/(20\d{2})\s*年?/g)].map((m) => Number(m[1])))];
    const relative = named.length === 0 ? relativeYears.filter(([word, year]) => word.test(text) && coveredYears.has(year)).map(([, year]) => year) : [];
    const years = [...named, ...relative];

    const cities = new Set<string>();
    for (const city of corpusCities) if (text.includes(city)) cities.add(city);
    for (const [city, counties] of Object.entries(COUNTIES)) {
      if (corpusCities.includes(city) && counties.some((c) => text.includes(c))) cities.add(city);
    }
    const otherPlaces = OTHER_PLACES.filter((place) => text.includes(place));

    const ordinal = text.match(ORDINAL);
    // The ordinal is not a figure to find ("5个") nor a topic ("件"): blanked, offsets kept.
    const conceptText = ordinal ? text.replace(ordinal[0], '，'.repeat(ordinal[0].length)) : text;
    const askedUnit =
      text.match(ASKED_UNIT)?.[1] ??
      (COUNTED_PEOPLE.test(text) ? '人' : /多少钱|几块钱|什么价/.test(text) ? '元' : ASKED_RATE.test(text) || ASKED_SHARE.test(text) ? '%' : undefined);
    // The asked unit (多少人次) is checked as a unit; as a word it would make 惠及消费者10万人次 an answer about 游客.
    const ignored = (word: string) => STOP_WORDS.has(word) || COUNT_WORD.test(word) || lexicon.frame.has(word) || placeWords.has(word) || word === askedUnit;
    const concepts = readConcepts(conceptText, lexicon, { neighbours, knows }, ignored);
    for (const year of years.filter((y) => !coveredYears.has(y))) concepts.push(figure(`${year}年`));

    const plans = PLAN_WORDS.test(text);
    const reviews = REVIEW_WORDS.test(text.replace(COMPARED_YEAR, ''));
    const intent: SectionKind | undefined = plans && !reviews ? 'plan' : reviews && !plans ? 'review' : undefined;
    const period = text.match(PLAN_PERIOD)?.[0];
    const aboutReport = /报告|市长/.test(text)
      ? REPORT_SPEAKER.test(text)
        ? 'speaker'
        : REPORT_MEETING.test(text)
          ? 'meeting'
          : REPORT_DATE.test(text)
            ? 'date'
            : undefined
      : undefined;

    const expansions = concepts.flatMap((c) => [...c.variants, ...(c.related ?? []).map((r) => r.word)]);
    // Years are handled by scoping; as terms they would only match every report of that year.
    const terms = tokenize([conceptText, ...expansions].join(' ')).filter((t) => !STOP_WORDS.has(t) && !YEAR.test(t));
    return {
      text,
      concepts,
      terms,
      years,
      cities: [...cities],
      otherPlaces,
      wantsFigure: FIGURE_WORDS.test(text),
      asksAmount: ASKS_AMOUNT.test(text),
      ...(askedUnit ? { askedUnit } : {}),
      wantsTime: TIME_WORDS.test(text),
      wantsList: LIST_WORDS.test(text),
      ...(ordinal ? { ordinal: numberOf(ordinal[1]) } : {}),
      wantsResult: RESULT_WORDS.test(text) || (!plans && ASKS_AMOUNT.test(text) && (reviews || (years.length > 0 && years.every((y) => y < currentYear)))),
      ...(intent ? { intent } : {}),
      comparison: COMPARISON_WORDS.test(text),
      ...(period ? { period } : {}),
      ...(aboutReport ? { aboutReport } : {}),
      fixes,
    };
  };
}

/**
 * The concepts of a question: everyday phrases the lexicon knows (with their report terms),
 * figures with their units, and the remaining content words (with the report words nearest in meaning).
 */
function readConcepts(text: string, lexicon: Lexicon, { neighbours, knows }: Pick<ReaderParts, 'neighbours' | 'knows'>, ignored: (word: string) => boolean): Concept[] {
  const split = tagWords(text).flatMap((token) => (knows && isGluedCharacters(token, knows) ? [...token.word].map((word) => ({ word, tag: token.tag })) : [token]));
  const tagged = knows ? joinReportPairs(split, knows, ignored) : split;
  const matches = withinWords(
    lexicon.find(
      text,
      tagged.map((t) => t.word),
    ),
    tagged,
    text,
  );
  const concepts: Concept[] = [];
  /** Where in the text each concept was read, to pair a measure with what it measures. */
  const spans = new Map<Concept, [number, number]>();
  for (const m of matches.filter((m) => m.terms.length > 0)) {
    const concept: Concept = { label: m.phrase, variants: m.terms, kind: 'phrase', strict: false };
    concepts.push(concept);
    spans.set(concept, [m.start, m.end]);
  }
  const covered = new Uint8Array(text.length);
  for (const m of matches) covered.fill(1, m.start, m.end);

  // "3号线", "5%": a number is only meaningful with the unit after it.
  for (const match of text.matchAll(NUMBER_WITH_UNIT)) {
    const value = match[0].toLowerCase();
    if (/^20\d{2}年/.test(value) || /^\d+$/.test(value) || covered[match.index]) continue;
    concepts.push(figure(value));
  }
  // "十件民生实事": a count in words is a count all the same; reports write it either way (十件, 10件).
  for (const match of text.matchAll(COUNT_IN_WORDS)) {
    if (covered[match.index]) continue;
    const [said, numeral, unit] = match;
    concepts.push({ ...figure(said), variants: [said, `${numberOf(numeral)}${unit}`] });
    covered.fill(1, match.index, match.index + said.length);
  }

  // 第三实验室 is not 第一实验室, 四期 not 三期: numbered names must be said exactly.
  for (const [i, { word }] of tagged.entries()) {
    const next = tagged[i + 1];
    const numbered = NUMBERED_NAME.test(word) && next?.tag.startsWith('n') ? word + next.word : PHASE.test(word) ? word : undefined;
    if (!numbered || covered[text.indexOf(numbered)]) continue;
    concepts.push(figure(numbered));
    covered.fill(1, text.indexOf(numbered), text.indexOf(numbered) + numbered.length);
  }

  let offset = 0;
  const seen = new Set(concepts.map((c) => c.label));
  for (const { word, tag } of tagged) {
    const at = offset;
    offset += word.length;
    // Jieba sometimes glues a particle to a word ("率要"): drop it.
    const lower = word.trim().toLowerCase().replace(GLUED_PARTICLES, '');
    if (!/[\p{L}\p{N}]/u.test(lower) || ignored(lower) || /[\d.]/.test(lower) || YEAR.test(lower) || seen.has(lower)) continue;
    if (covered.subarray(at, at + word.length).some(Boolean)) continue;
    seen.add(lower);
    const county = lower.match(COUNTY_WITH_SUFFIX)?.[1];
    const variants = [lower, ...(county ? [county] : []), ...lexicon.termsFor(lower)];
    // A name's neighbours are other names (奥运会 -> 运动会), not the same thing. One character (跑, 爱,
    // 县) has too many senses for just any neighbour to stand in for it; one that contains it (煤 -> 煤炭) may.
    const related = PROPER_NAME.test(placeTag(lower, tag))
      ? []
      : (neighbours?.(lower) ?? []).filter(({ word: near }) => !variants.includes(near) && (lower.length > 1 || near.includes(lower)));
    const concept: Concept = { label: lower, variants, kind: 'word', strict: false, tag: placeTag(lower, tag), ...(related.length > 0 ? { related } : {}) };
    concepts.push(concept);
    spans.set(concept, [at, at + word.length]);
  }
  pairMeasures(tagged, concepts, spans);
  return concepts;
}

const KNOWN_PLACES = new Set([...OTHER_PLACES, ...ENCLOSING_REGIONS, ...Object.keys(COUNTIES), ...Object.values(COUNTIES).flat()]);
/** How place names end (哈尔滨 is known; 黄山, 五台县, 汾河 say what they are). */
const PLACE_ENDING = /[省市县区镇乡村州山河湖江海岛]$/;

/** Jieba tags some common nouns as places (海鲜, 古城): a place is a known one or named like one. */
function placeTag(word: string, tag: string): string {
  return tag === 'ns' && !KNOWN_PLACES.has(word) && !PLACE_ENDING.test(word) ? 'n' : tag;
}

/** 十件, 三个, 两所 before a noun (not 一个, mostly "a"; 第三件 is an item, see ORDINAL). */
const COUNT_IN_WORDS = /(?<![第几一])([两二三四五六七八九十]{1,3})(件|项|个|条|所|座|家|批)(?=[\u3400-\u9fff])/g;

/** 第三 before a name (第三实验室); 第几 asks, and 第三件 is an item of a list (see ORDINAL). */
const NUMBERED_NAME = /^第[一二三四五六七八九十两]{1,3}$/;
/** 二期, 三期: a phase of a project. */
const PHASE = /^[一二三四五六七八九十]期$/;

/**
 * Drops an everyday phrase found inside a longer dictionary word whose rest qualifies it (电站 in
 * 核电站): the word names another thing, and read as the phrase its qualifier (核) would be lost.
 * A rest that is a verb (坐 of 坐飞机) or other phrases (大学老师) keeps it, and so do words jieba
 * only guessed (玩冰玩雪).
 */
function withinWords<T extends { start: number; end: number }>(matches: T[], tagged: Array<{ word: string; tag: string }>, text: string): T[] {
  const covered = new Uint8Array(text.length);
  for (const m of matches) covered.fill(1, m.start, m.end);
  const qualified: Array<[number, number]> = [];
  let offset = 0;
  for (const { word, tag } of tagged) {
    const [start, end] = [offset, offset + word.length];
    offset = end;
    if (tag === 'x' || word.length < 2) continue;
    // The qualifier comes first and the phrase names the head (电站 of 核电站; 游客 of 游客量 is no head).
    const head = matches.find((m) => m.end === end && m.start > start);
    const rest = head && !covered.subarray(start, head.start).some(Boolean) ? text.slice(start, head.start) : '';
    if (rest && QUALIFIER.test(tagWords(rest)[0]?.tag ?? '')) qualified.push([start, end]);
  }
  return matches.filter((m) => !qualified.some(([start, end]) => start <= m.start && m.end <= end));
}

/** Parts of speech of what makes a word a kind of the phrase inside it (核 of 核电站, 平均 of 平均工资). */
const QUALIFIER = /^(n|a|b|vn)/;

/** What a figure measures (覆盖率, 收入, 增加值): it says nothing without the thing measured before it. */
const MEASURE = /^[\u3400-\u9fff]*率$|^(?:收入|增加值|总额|产量|产值|营收|销售额|零售额|总量)$/;

/** Marks each measure written right after a noun (森林 覆盖率, 旅游 收入) as that noun's (see `Concept.measures`). */
function pairMeasures(tagged: Array<{ word: string; tag: string }>, concepts: Concept[], spans: Map<Concept, [number, number]>): void {
  const conceptAt = (offset: number) => concepts.find((c) => spans.has(c) && spans.get(c)![0] <= offset && offset < spans.get(c)![1]);
  let offset = 0;
  for (let i = 0; i + 1 < tagged.length; i++) {
    const [thing, measure] = [tagged[i], tagged[i + 1]];
    const measureAt = offset + thing.word.length;
    if (/^(n|vn)/.test(thing.tag) && MEASURE.test(measure.word)) {
      const [of, measured] = [conceptAt(offset), conceptAt(measureAt)];
      if (of && measured && of !== measured) measured.measures = of.label;
    }
    offset = measureAt;
  }
}

/**
 * Two single characters jieba left apart that the reports write together (无 废 of 无废城市, a
 * programme's name): read as that word, not as two verbs that every report says.
 */
function joinReportPairs(tokens: Array<{ word: string; tag: string }>, knows: (word: string) => boolean, ignored: (word: string) => boolean): Array<{ word: string; tag: string }> {
  const joined: Array<{ word: string; tag: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const [one, two] = [tokens[i], tokens[i + 1]];
    const single = (t: { word: string } | undefined) => !!t && /^[\u3400-\u9fff]$/.test(t.word) && !ignored(t.word);
    if (single(one) && single(two) && knows(one.word + two.word)) {
      joined.push({ word: one.word + two.word, tag: 'x' });
      i++;
    } else joined.push(one);
  }
  return joined;
}

/**
 * Jieba's guess at an unknown run of common characters in chat wording (来开 in 请明星来开音乐会, 那口
 * in 那口老泉眼, 建无废 in 要建无废城市): no dictionary, report or word vector knows it, so it is read
 * as its characters (and pairs of them the reports use, see `joinReportPairs`).
 */
function isGluedCharacters({ word, tag }: { word: string; tag: string }, knows: (word: string) => boolean): boolean {
  return tag === 'x' && /^[\u3400-\u9fff]{2,3}$/.test(word) && !knows(word) && [...word].every(isCommonWord);
}

/** 5 -> 5, 三 -> 3, 十二 -> 12, 二十 -> 20. */
export function numberOf(numeral: string): number {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  return numeral.includes('十') ? (CHINESE_NUMERALS[tens] ?? 1) * 10 + (CHINESE_NUMERALS[ones] ?? 0) : (CHINESE_NUMERALS[ones] ?? 0);
}

function figure(label: string): Concept {
  return { label, variants: [label], kind: 'figure', strict: true };
}

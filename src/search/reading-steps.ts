import { ENCLOSING_REGIONS } from '../corpus/places.js';
import type { SectionKind } from '../corpus/types.js';
import { numberOf } from '../text/numerals.js';
import { COUNTED_PEOPLE_WORDS } from '../text/unit-spellings.js';
import { withoutLongPeriods, yearsSaidRelatively } from '../text/year-spans.js';
import { tokenize } from '../text/tokenize.js';
import { figure, readConcepts, YEAR, type Concept, type ConceptParts } from './concepts.js';
import type { Lexicon } from './lexicon.js';
import { ASKS, ASKS_BESIDES_JI, focusOf } from './focus.js';
import { asksOwnTopic } from './followup.js';
import { normalizeQuestion } from './normalize-question.js';
import { createPlaceReader, type PlaceReader } from './place-reading.js';
import type { SpellingFix } from './spelling.js';

/**
 * Reading a question is a sequence of small steps (see `createQuestionReader`): each takes the reading
 * so far, returns a new one with what it found, and appends one note on what it did to the trace.
 */
export interface ReadingNote {
  step: 'normalize' | 'spelling' | 'focus' | 'time' | 'places' | 'constraints' | 'intent' | 'lexicon' | 'terms' | 'english' | 'context';
  did: string;
}

interface Traced {
  /** The question as read so far. */
  text: string;
  trace: ReadingNote[];
}

export interface Spelled extends Traced {
  /** Typing slips that were corrected (太元 -> 太原). */
  fixes: SpellingFix[];
}

export interface Focused extends Spelled {
  /** The sentences of a chat message that ask (see `focusOf`); the whole text for a plain question. */
  asked: string;
}

export interface Timed extends Focused {
  /** Years named, e.g. 2024 in "2024年"; 今年/去年/明年 by the clock (see `present`). */
  years: number[];
  /** The years come from 今年, 去年 or 明年, no year being named (see `present`). */
  yearsRelative?: true;
  /** Every year named names a report ("2026年重庆政府工作报告里", "25年的报告"): the report delivered that year, its review as much as its plan. */
  yearsNameReports?: true;
  /** The year is the one a named report reviews ("2026年的报告里，2025年…"): what that review says is asked. */
  yearReviewed?: true;
}

export interface Placed extends Timed {
  /** The newest report's year 今年/去年/明年 were counted from, when the asked place has no report of the clock's year (see `present`). */
  yearFromReports?: number;
  /** 今年/去年/明年 with no place named, counted for each place of the reports (see `present`): a follow-up that takes its place from the question before takes that place's years. */
  yearsByPlace?: Record<string, number[]>;
  /** Corpus cities named directly or through one of their counties. */
  cities: string[];
  /** Places named that no report covers (另一城市、省份). */
  otherPlaces: string[];
  /** Places named inside an asked report's place, which an answer must name (see `PlaceReading.subPlaces`). */
  subPlaces?: string[];
  /** The words read as the asked place (国家, 全省): scope, no concept. */
  placeWords: string[];
}

export interface Constrained extends Placed {
  /** The text concepts are read from: an ordinal (第三件) blanked, offsets kept. */
  conceptText: string;
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
}

export interface Intended extends Constrained {
  /** Asks what actually happened (实际、完成了、达到了): a target does not answer it. */
  wantsResult: boolean;
  /** Whether the question asks about plans/targets or about results, when it says. */
  intent?: SectionKind;
  /** Asks how something changed over the years. */
  comparison: boolean;
  /** Asks about what links the cities it names (太原晋中一体化, 路连起来了吗), not about each of them. */
  linksCities: boolean;
  /** A plan period named instead of a year (十四五): it speaks of five years, not one. */
  period?: string;
  /** Asks about the report itself: who delivered it, at which meeting, on which day. */
  aboutReport?: 'speaker' | 'meeting' | 'date';
  /** Asks for something to be written (帮我写一首关于汾河的诗), not what the reports say. */
  asksToWrite?: boolean;
}

export interface Conceived extends Intended {
  /** What an answer must cover. */
  concepts: Concept[];
}

export interface Termed extends Conceived {
  /** Lexical search terms, report words for everyday phrases included. */
  terms: string[];
}

const STOP_WORDS = new Set(
  ('的 了 是 在 有 和 与 及 或 吗 呢 吧 啊 呀 么 请问 请 问 一下 关于 这 那 这个 那个 个 我 我们 你 你们 他们 ' +
    '多少 几 几个 什么 怎么 怎么样 怎样 如何 哪些 哪个 哪里 哪 为什么 是否 有没有 有无 没有 能 会 可以 ' +
    '要 将 把 被 对 为 到 从 于 上 中 里 年 年度 今年 去年 明年 全市 我市 该市 市 城市 方面 ' +
    '帮 做 搞 打算 计划 怎么办 准备 一共 共 总共 大概 大约 目前 现在 达到 达 多 新 期间 时期 这几年 几年 每年 ' +
    '变化 怎么变化 如何变化 变 为了 通过 以及 还 又 也 都 就 所 其 之 等 数量 数据 数字 具体 分别 ' +
    '什么时候 何时 多久 多长 多大 多高 多宽 多远 多重 多快 哪年 哪一年 时候 哪几个 哪几 几项 几户 其中 实际 最后 一年 全年 那么 换成 改成 ' +
    '出 过 着 得 地 来 去 给 让 人家 谁 他 她 它 们 啥 咋 呗 嘛 比 相比 对比 比较 比起 ' +
    // How a thing is done, asked: 怎么弄, 咋搞, 怎么个搞法.
    '怎么弄 怎么搞 怎么干 怎么整 咋弄 咋搞 咋干 咋整 搞法 弄法 法 ' +
    // A rank asked: 排老几, 第几名.
    '老几 第几 第几名 排第几 排老几 排名第几').split(' '),
);
/** "太原人吃的菜": the people of the asked place are the asker's framing, no topic. */
function peopleOfPlace(word: string, placeWords: ReadonlySet<string>): boolean {
  return word.length > 1 && word.endsWith('人') && placeWords.has(word.slice(0, -1));
}
/** "山西太原", one word to jieba: places said one after the other, each a place word. */
function madeOfPlaces(word: string, placeWords: ReadonlySet<string>): boolean {
  if (word === '') return true;
  return [...placeWords].some((place) => word.startsWith(place) && (place === word || madeOfPlaces(word.slice(place.length), placeWords)));
}
/** "哪个更高？", "谁涨得更猛？": asked which of two things is more so, the comparative is the question, no topic. */
const COMPARATIVE = /^更[\u3400-\u9fff]$/;
const ASKS_WHICH_MORE = /(?:哪个|哪一个|哪样|哪项|谁)[^，,。？?]{0,6}更[\u3400-\u9fff]/;
/** "到底建成投用没有？", "开了没": whether a thing happened (not "有啥说法没", which is 有没有 said apart). */
const HAPPENED_OR_NOT = /(?<!有[^，,。？?]*)没有?(?=\s*[?？]|\s*$)/;
const FIGURE_WORDS = /多少|几|比例|比重|占比|增速|增幅|涨幅|增长|排名|排第|第几|率|规模|金额|数量|多长|多大|面积|目标/;
const PLAN_WORDS = /目标|计划|打算|预期|力争|确保|控制在|安排|任务|准备|(?<![主重需只总必纲])要(?![求素点闻])|将(?!军)|拟|(?:怎么|咋|如何)(?:提|说)的/;
/** What was done: 完成了, 已经, 多少公里了; and how much there is 现在/目前, which the last review reports, not a plan. */
const REVIEW_WORDS = new RegExp(`完成了|建成了|全年|实现了|取得|成绩|成效|回顾|过去|去年|了多少|了几|(?:多少[\u3400-\u9fff]{0,2}|几[\u3400-\u9fff]?|多大|多高|多长|哪一?步|到哪儿?|怎么样|咋样)了(?=\s*[?？]|\s*$)|(?:现在|目前|如今)(?=.*(?:多少|几))|了吗|了没|已经|实际|达到了|最后|后来|${HAPPENED_OR_NOT.source}`);
/** "点了几大类", "提了多少条": what the report did in saying it (listed, put forward), not what was done that year. */
const REPORT_SAID = /(?:提|说|讲|写|列|点)了(?=多少|几)/g;
const RESULT_WORDS = /实际|完成了|建成了|实现了|达到了|最终|后来|最后.{0,4}(完成|达到|实现)/;
/** Verbs that only say a thing happened: a question asking for a result has said so by asking (完成了多少), they name no topic. */
const HAPPENED = new Set(['完成', '实现', '达到', '达成', '兑现', '落实']);
/** Asks what the target was (目标定的多少): with 实际 too, the question wants both. "说要…，实际做了多少" asks the result. */
const TARGET_ASKED = /目标|计划|预期|指标/;
const TIME_WORDS = /什么时候|何时|哪年|哪一年|多久|什么时间/;
const LIST_WORDS = /哪些|哪几|有什么|有啥|都是什么|都是啥|分别是什么|分别是哪|包括什么|包括哪|具体有|列举/;
/**
 * 第三件, 第5个, 第二项: an item of a list (第40名, 第五次会议 are ranks and meetings, not items). 第一个 with a
 * noun after it (全省第一个成立…, 第一个智算中心), and 第N个 before a description of a kind
 * (第三个经济总量破两万亿的城市), is the first (Nth) of its kind, not an item.
 */
const ORDINAL = /第\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:件|项|个|条|点|批)(?!(?<=第\s*[1一]\s*.)(?!是|呢|讲|说|指|写|具体|内容)[\u4e00-\u9fff])(?!(?<=个)[^，,。？?！!]*的)/;
/** 排第五的那条, 排在第一位的: the item a list puts in that place (排第几 asks a rank; 排第一吗 asks yes or no). */
const RANKED_ITEM = /排(?:在)?第\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*位?(?:的|那)/;
/** "和去年比", "跟2023年相比": another year to compare with (its 去年 is no question about results). */
const COMPARED_YEAR = /(?:和|跟|与|同)(?:去年|前年|上年|上一年|20\d{2}年?)相?比/;
const COMPARISON_WORDS = new RegExp(`这几年|历年|逐年|每年|几年来|变化|趋势|对比|比较|${COMPARED_YEAR.source}`);
/** "24年跟25年说法有啥区别？", "两年分别怎么提的？": with two years named, each year's statement. */
const YEARS_SET_APART = /分别|区别|差别|不同|不一样|一样吗|有何变化/;
/** What two cities share or do together: one answer about both, not one per city. */
const CITY_LINKS = /一体化|同城|连起来|连通|连接|互通|打通|之间|往返|通勤|对接|联动|合作|两地/;
/** A five-year plan period. */
export const PLAN_PERIOD = /十[二三四五六]五/;
/** 多少辆, 几个: a count in that unit (哪几件 asks which ones, not how many). */
const ASKED_UNIT = /(?<![哪这那好十])(?:多少|几)(?!个(?:百分)?点|个月)(?:个|位|名|[千百]?[万亿千百](?![亩人元]))?(万亩|亩|平方公里|公里|万元|亿元|元|万人|人次|人|户|家|件|项|辆|所|座|张|套|部|条|场|次|天|吨|个|块(?!钱)|处|台|架|名|位|趟|列|班|届|批|栋|间|棵|株|头|只|本|岁)/;
/** "精确到亿元是多少", "按万人算有多少": the unit named before the question word. */
const UNIT_BEFORE_ASKED = /(?:到|以|按|用)(万亩|亩|平方公里|公里|万元|亿元|万人|人次|吨)(?:计|算|来算)?(?:是|为|有|大概)?(?:多少|几)/;
/** "增长了多少", "增速是多少": a rate of change is a percentage (an amount would name its unit: 增长多少亿元). */
const ASKED_RATE = /(?:增长|增速|增幅|涨幅|上涨|下降|降低|降幅)(?:了|率|是|为|达到)?(?:多少|几)(?![\u3400-\u9fff]*(?:元|人|户|个|吨|亩|公里|家|项|辆))|(?:几|多少)个百分点|(?:增|涨|降|提高|提升|上升|回落|缩小|扩大|[高低快慢])[\u3400-\u9fff]{0,4}(?:几|多少)个点/;
/** "修了多长", "离市区多远": a length (not 多长时间, a time; not 多长的, a manner). */
const ASKED_LENGTH = /多长(?!时间|期|的)|多远(?!的)/;
/** "占比是多少", "覆盖率多少", "百分之几": a share is a percentage. */
const ASKED_SHARE = /(?:占比|比例|比重|率)(?:是|为|达到|达|有|能有)?(?:多少|几)|百分之(?:多少|几)|百分比/;
/** 那场, 这家, 哪个: pointing at a thing, not naming it. */
const DEMONSTRATIVE = /^[这那哪此该每各某][个场口家座所位条件项种类次块片些只台辆批]$/;
/** 多不多, 贵不贵: a yes-or-no frame around a word, not a thing asked about. */
const EITHER_OR = /^([\u3400-\u9fff])不\1$/;
/** 几 asking how many: not 哪几 (which), 第几 (a rank), 几时 or 几号 (a time), 这几/那几/好几/十几 (a few). */
const HOW_MANY_JI = '(?<![哪第这那好十])几(?![时号月点])';
/** 多少, 几个, 有多大 (规模多大, 增速多快, 绿道修了多长, 离市区多远); not 多大的 (a manner: 多大的辐射范围). */
const ASKS_AMOUNT = new RegExp(`多少|多[大高快长远](?!的)|${HOW_MANY_JI}`);

/**
 * The clauses that may ask for an amount. 几 is "how many" in a clause that asks, and "a few" in one
 * that only tells while another clause asks: "把晋中几个景点都转一圈，能不能一张票玩好几个地方？" asks no count.
 */
function amountAskingClauses(text: string): string {
  const clauses = clausesOf(text).map(indefiniteJiOut);
  const asking = clauses.filter((clause) => ASKS_BESIDES_JI.test(clause));
  return asking.length === 0 ? clauses.join('') : clauses.filter((clause) => asking.includes(clause) || /多少/.test(clause)).join('');
}

/** The clauses of a text, each with the mark that ends it. */
function clausesOf(text: string): string[] {
  return text.split(/(?<=[,，;；。!！?？])/);
}

/** A clause that asks yes or no: ends with 吗, or asks 是不是, 会不会, 能不能, 要不要, 可不可以, 是否. */
const ASKS_YES_OR_NO = /吗\s*[?？]?\s*$|是不是|会不会|能不能|要不要|可不可以|是否/;
const EVERY_HOW_MANY_JI = new RegExp(HOW_MANY_JI, 'g');

/**
 * In a clause that asks yes or no, 几 is "a few", not "how many": "是不是要晚几年才能退休？", "会多修几个足球场吗？"
 * ask whether, no count. It is written 些 in such clauses, so no step reads an amount asked.
 */
function indefiniteJiOut(clause: string): string {
  return ASKS_YES_OR_NO.test(clause) && !/多少|多[大高快]/.test(clause) ? clause.replace(EVERY_HOW_MANY_JI, '些') : clause;
}

/** 几件, 多少个: the count asked for, not a thing to find. */
const COUNT_WORD = /^(?:几|多少)[个位名件项户家所座张套条场次天块处台架辆段批期种类片栋间轮届]$/;
/** "多少钱", "学费多少", "票价是多少": a price is an amount of money. */
const ASKED_PRICE = /多少钱|几块钱|什么价|(?:学费|票价|房价|价格|价钱|租金|房租|工资|收费|费用|起步价)(?:是|要|大概|一般)*(?:多少|几)/;
/** "多少游客", "游客多少": people are counted in 人 (or 人次). */
const PEOPLE = `(?:${COUNTED_PEOPLE_WORDS.join('|')})`;
const COUNTED_PEOPLE = new RegExp(`(?:多少|几)(?:个|位|名)?${PEOPLE}|${PEOPLE}(?:有|是|达到|达)?(?:多少|几)(?![\u3400-\u9fff]*(?:元|钱|岁|天|年))`);
/** Who delivered the report; the mayor delivers it, so "市长是谁" is asked of its credits too. */
const REPORT_SPEAKER = /(谁|哪位|什么人).{0,4}(作|做|讲|宣读|报告)|(作|做)报告的是|报告人|市长是谁|谁是市长|市长叫什么/;
const REPORT_MEETING = /(第几次|哪次|哪一次|什么|哪个)(会议|大会)|在.{0,10}会议上/;
const REPORT_DATE = /(什么时候|哪天|哪一天|几月几[日号]|何时).{0,6}(作|做|发布|通过|报告)/;

/** NFKC, simplified characters, chat fillers out, years in words as digits (see `normalizeQuestion`). */
export function normalize(raw: string): Traced {
  const text = normalizeQuestion(raw);
  return { text, trace: [{ step: 'normalize', did: text === raw ? 'unchanged' : `"${raw}" -> "${text}"` }] };
}

/** Homophone slips corrected (太元 -> 太原); none without a fixer. */
export function spelling(reading: Traced, fixSpelling?: (text: string) => { text: string; fixes: SpellingFix[] }): Spelled {
  const { text, fixes } = fixSpelling ? fixSpelling(reading.text) : { text: reading.text, fixes: [] };
  const did = fixes.length > 0 ? fixes.map((f) => `${f.from} -> ${f.to}`).join(', ') : 'no slips';
  return { ...reading, text, fixes, trace: [...reading.trace, { step: 'spelling', did }] };
}

/** The sentences that ask, in a message that also tells about the asker. */
export function focus(reading: Spelled): Focused {
  const { asked } = focusOf(reading.text);
  const did = asked === reading.text ? 'asked whole' : `asks "${asked}"`;
  return { ...reading, asked, trace: [...reading.trace, { step: 'focus', did }] };
}

/** 2025年, or 2025 alone; not an amount (床位2000张, 2030重大专项 is a name but 2000张 a count) nor part of a longer number. */
const YEAR_SAID = /(?<![\d.])(20\d{2})(?!\d)(?:\s*年|(?!\s*(?:[%％‰个万亿千百元张人户所家项件辆台条米吨亩名套座场次位间块处多余倍]|平方|公里)))/g;

/**
 * Years said (2025年): in the asking sentences, else anywhere in the message; 今年/去年/明年 only
 * when none is, in the asking sentences ("去年刚结婚" is the asker's story), read by the clock's year.
 */
export function time(reading: Focused, currentYear: number): Timed {
  const { text, asked } = reading;
  const yearsIn = (words: string) => [...new Set([...withoutLongPeriods(words).matchAll(YEAR_SAID)].map((m) => Number(m[1])))];
  const askedYears = yearsIn(asked);
  const said = askedYears.length > 0 ? askedYears : yearsIn(text);
  // "2025年报告回顾2024年的时候", "根据2025年政府工作报告，2024年GDP是多少": the report of one year asked what it says of the year before, its review.
  const reviewing = said.find((year) => said.includes(year - 1) && reportOfYear(year).test(text) && !reportOfYear(year - 1).test(text));
  const named = reviewing ? said.filter((year) => year !== reviewing) : said;
  // "娃明年中考，想问下湖北去年新盖了几所高中": a relative year of the asker's story is no year asked, when the asking clause says its own.
  const askingClauses = asked.split(/[，,。；;！!]/).filter((clause) => ASKS.test(clause));
  const saidWhereAsked = yearsSaidRelatively(askingClauses.join('\n'), currentYear);
  const relative = named.length === 0 ? (saidWhereAsked.length > 0 ? saidWhereAsked : yearsSaidRelatively(asked, currentYear)) : [];
  const years = [...named, ...relative];
  const namesReports = named.length > 0 && named.every((year) => reportOfYear(year).test(text));
  const reviewNote = reviewing ? ` (the year the ${reviewing}年 report reviews)` : '';
  const did =
    years.length === 0 ? 'no year' : `${years.join(', ')}${relative.length > 0 ? ` (今年 = ${currentYear})` : ''}${namesReports ? ' (the report of that year)' : ''}${reviewNote}`;
  return {
    ...reading,
    years,
    ...(relative.length > 0 ? { yearsRelative: true as const } : {}),
    ...(namesReports ? { yearsNameReports: true as const } : {}),
    ...(reviewing ? { yearReviewed: true as const } : {}),
    trace: [...reading.trace, { step: 'time', did }],
  };
}

/** "2026年重庆政府工作报告里", "2025年的报告", "2025年初的政府工作报告": the year names the report delivered in it. */
function reportOfYear(year: number): RegExp {
  return new RegExp(`${year}年(?:初|的|两会)*[^，。？?,；;！!、\\s]{0,8}?报告`);
}

/**
 * 今年 is the clock's year, but a place whose newest report is older has no report of it: asked "北京今年…"
 * in 2026 when Beijing's newest report is of 2025, the asker means what that report plans, and "去年"
 * what it reviews. 今年, 去年 and 明年 then count from the newest report's year, and the reading says
 * so (`yearFromReports`).
 */
export function present(reading: Placed, newestReportYear: (places: string[]) => number | undefined, currentYear: number, cities: string[] = []): Placed {
  if (!reading.yearsRelative) return reading;
  // No place named: 今年 is each place's newest report's year (太原's 2026, 北京's 2025).
  if (reading.cities.length === 0 && reading.otherPlaces.length === 0 && cities.length > 1) {
    const newestYears = [...new Set(cities.map((city) => newestReportYear([city])).filter((y): y is number => !!y && y < currentYear))];
    if (newestYears.length === 0) return reading;
    const years = [...new Set([...reading.years, ...reading.years.flatMap((y) => newestYears.map((newest) => y + newest - currentYear))])].sort((a, b) => a - b);
    const shiftOf = (city: string) => Math.min(0, (newestReportYear([city]) ?? currentYear) - currentYear);
    const yearsByPlace = Object.fromEntries(cities.map((city) => [city, reading.years.map((y) => y + shiftOf(city))]));
    const note: ReadingNote = { step: 'time', did: `no place named: 今年 is also ${newestYears.join('、')}, the newest report year of places with no report of ${currentYear}` };
    return { ...reading, years, yearsByPlace, trace: [...reading.trace, note] };
  }
  const newest = newestReportYear(reading.cities);
  if (!newest || newest >= currentYear) return reading;
  const years = reading.years.map((y) => y + newest - currentYear);
  const note: ReadingNote = { step: 'time', did: `no report of ${reading.cities.join('、') || 'any place'} plans ${currentYear}: 今年 = ${newest}, its newest report's year` };
  return { ...reading, years, yearFromReports: newest, trace: [...reading.trace, note] };
}

/**
 * "晋中2024年的报告里…" when no report of 晋中 was delivered in 2024 means the report that speaks of
 * 2024 (its review, in the 2025 report): the year is read as any year, not as a report's.
 */
export function reportsNamed(reading: Placed, reportYears: (places: string[]) => number[]): Placed {
  if (!reading.yearsNameReports) return reading;
  const delivered = reportYears(reading.cities);
  if (reading.years.every((year) => delivered.includes(year))) return reading;
  const { yearsNameReports: _, ...rest } = reading;
  return { ...rest, trace: [...reading.trace, { step: 'time', did: `no report of ${reading.years.join(', ')}: the year is what a report speaks of` }] };
}

/** The places asked about, read against the reports' places (see `createPlaceReader`); names alone are cities' reports. */
export function places(reading: Timed, reportPlaces: PlaceReader | string[]): Placed {
  const read = typeof reportPlaces === 'function' ? reportPlaces : createPlaceReader(reportPlaces.map((name) => ({ name, level: 'city' as const })));
  const { did, ...found } = read(reading.text);
  return { ...reading, ...found, trace: [...reading.trace, { step: 'places', did }] };
}

/** What kind of answer is asked: a figure, an amount in a unit, a time, a list, an item of one. */
export function constraints(reading: Placed): Constrained {
  const { asked: text } = reading;
  const amountText = amountAskingClauses(text);
  const ordinal = text.match(ORDINAL) ?? text.match(RANKED_ITEM);
  // The ordinal is not a figure to find ("5个") nor a topic ("件"): blanked, offsets kept.
  const conceptText = ordinal ? reading.text.replace(ordinal[0], '，'.repeat(ordinal[0].length)) : reading.text;
  const askedUnit =
    amountText.match(ASKED_UNIT)?.[1] ??
    amountText.match(UNIT_BEFORE_ASKED)?.[1] ??
    (COUNTED_PEOPLE.test(text) ? '人' : ASKED_PRICE.test(text) ? '元' : ASKED_RATE.test(text) || ASKED_SHARE.test(text) ? '%' : ASKED_LENGTH.test(amountText) ? '公里' : undefined);
  const found: Omit<Constrained, keyof Placed> = {
    conceptText,
    wantsFigure: FIGURE_WORDS.test(clausesOf(ordinal ? text.replace(ordinal[0], '，') : text).map(indefiniteJiOut).join('')),
    asksAmount: ASKS_AMOUNT.test(amountText),
    ...(askedUnit ? { askedUnit } : {}),
    wantsTime: TIME_WORDS.test(text),
    wantsList: LIST_WORDS.test(text),
    ...(ordinal ? { ordinal: numberOf(ordinal[1]) } : {}),
  };
  const said = [
    found.wantsFigure && 'figure',
    found.asksAmount && 'amount',
    askedUnit && `unit ${askedUnit}`,
    found.wantsTime && 'time',
    found.wantsList && 'list',
    found.ordinal !== undefined && `item ${found.ordinal}`,
  ].filter(Boolean);
  return { ...reading, ...found, trace: [...reading.trace, { step: 'constraints', did: said.length > 0 ? said.join(', ') : 'none' }] };
}

/** 帮我写一首诗, 给我编个段子, 替我写篇稿子: a request to write something new. */
const ASKS_TO_WRITE = /(?:帮|给|替|为)(?:我|咱)(?:写|编|作|创作|拟)(?:一)?(?:首|篇|段|个|份)?(?:诗|词|歌|文章|稿|段子|故事|对联|作文|演讲稿|发言稿|心得|总结)|(?:写|编|作)(?:一)?(?:首|篇|段|个)(?:关于|有关)?[^，,。？?]{0,12}(?:诗|词|歌|文章|段子|故事|对联|作文)/;

/**
 * Plan or review, a result wanted, a comparison over years, a plan period, a question about the
 * report itself. Whether a year is past is not read from the clock: the reports say what they plan
 * and what they review (see `scopeFor`), so "2025年…多少" is answered by either.
 */
export function intent(reading: Constrained): Intended {
  const { asked: text, cities, asksAmount } = reading;
  const plans = PLAN_WORDS.test(text);
  const reviews = reading.yearReviewed === true || REVIEW_WORDS.test(text.replace(COMPARED_YEAR, '').replace(REPORT_SAID, ''));
  const kind: SectionKind | undefined = plans && !reviews ? 'plan' : reviews && !plans ? 'review' : undefined;
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
  const found: Omit<Intended, keyof Constrained> = {
    // "目标定的多少，最后实际完成多少？" asks for both, which a plan year reviewed the next year gives (see `counterpart`).
    wantsResult: RESULT_WORDS.test(text) ? !TARGET_ASKED.test(text) : !plans && asksAmount && reviews,
    ...(kind ? { intent: kind } : {}),
    comparison: COMPARISON_WORDS.test(text) || (reading.years.length >= 2 && YEARS_SET_APART.test(text)),
    linksCities: cities.length >= 2 && CITY_LINKS.test(text),
    ...(period ? { period } : {}),
    ...(aboutReport ? { aboutReport } : {}),
    ...(ASKS_TO_WRITE.test(reading.text) ? { asksToWrite: true } : {}),
  };
  const said = [
    kind && `intent ${kind}`,
    found.wantsResult && 'wants a result',
    found.comparison && 'comparison',
    found.linksCities && 'links the cities',
    period && `period ${period}`,
    aboutReport && `about the report (${aboutReport})`,
    found.asksToWrite && 'asks for something written, not what the reports say',
  ].filter(Boolean);
  return { ...reading, ...found, trace: [...reading.trace, { step: 'intent', did: said.length > 0 ? said.join(', ') : 'none' }] };
}

export interface LexiconParts extends ConceptParts {
  lexicon: Lexicon;
  /** Cities the reports are about: as words they are scope, no concept. */
  cities: string[];
  /** Years some report plans or reviews; another year (2035) must be said by the answer itself. */
  coveredYears: ReadonlySet<number>;
}

/** What an asked unit counts, as people name it ("空气好的日子有多少天"): the unit's own thing, no topic. */
const UNIT_COUNTS: Record<string, string[]> = { 天: ['日子', '日数'], 人: ['人数'], 次: ['次数'], 年: ['年头'] };

/** The concepts an answer must cover: lexicon phrases, figures, content words (see `readConcepts`). */
export function lexiconStep(reading: Intended, { lexicon, cities, coveredYears, neighbours, knows, shortForms }: LexiconParts): Conceived {
  const placeWords = new Set([...cities, ...ENCLOSING_REGIONS, ...cities.map((c) => `${c}市`), ...reading.placeWords]);
  const { askedUnit } = reading;
  // The asked unit (多少人次) is checked as a unit; as a word it would make 惠及消费者10万人次 an answer about 游客.
  const saysHappened = (word: string) => (reading.wantsResult || reading.intent === 'review' || RESULT_WORDS.test(reading.asked)) && HAPPENED.has(word);
  const ignored = (word: string) => UNIT_COUNTS[askedUnit ?? '']?.includes(word) || STOP_WORDS.has(word) || (COMPARATIVE.test(word) && ASKS_WHICH_MORE.test(reading.asked)) || saysHappened(word) || DEMONSTRATIVE.test(word) || EITHER_OR.test(word) || COUNT_WORD.test(word) || lexicon.frame.has(word) || placeWords.has(word) || madeOfPlaces(word, placeWords) || peopleOfPlace(word, placeWords) || word === askedUnit;
  const concepts = readConcepts(reading.conceptText, lexicon, { neighbours, knows, shortForms }, ignored);
  for (const year of reading.years.filter((y) => !coveredYears.has(y))) concepts.push(figure(`${year}年`));
  const did = concepts.length > 0 ? concepts.map(describeConcept).join(' | ') : 'no concept';
  return { ...reading, concepts, trace: [...reading.trace, { step: 'lexicon', did }] };
}

/** The search terms of some text: its tokens, less stop words and years. */
export function searchTerms(texts: string[]): string[] {
  // Years are handled by scoping; as terms they would only match every report of that year.
  return tokenize(texts.join(' ')).filter((t) => !STOP_WORDS.has(t) && !YEAR.test(t));
}

/** Lexical search terms: the question's words and every way its concepts can be said. */
export function terms(reading: Conceived): Termed {
  // A message that tells about the asker is searched by what it asks, when that names a topic.
  const asksTopic = reading.asked !== reading.text && reading.concepts.some((c) => c.kind !== 'figure' && !c.situation) && asksOwnTopic(reading.concepts);
  const searched = asksTopic ? reading.concepts.filter((c) => !c.situation) : reading.concepts;
  const expansions = searched.flatMap((c) => [...c.variants, ...(c.related ?? []).map((r) => r.word)]);
  const found = searchTerms([asksTopic ? reading.asked : reading.conceptText, ...expansions]);
  return { ...reading, terms: found, trace: [...reading.trace, { step: 'terms', did: [...new Set(found)].join(' ') }] };
}

/** 路网 = 路网, 道路网 ~ 交通网 0.71 (strict figures marked "exactly"). */
export function describeConcept(concept: Concept): string {
  const variants = concept.variants.filter((v) => v !== concept.label);
  const related = (concept.related ?? []).map((r) => `${r.word} ${r.similarity.toFixed(2)}`);
  const parts = [concept.label, concept.strict ? '(exactly)' : '', variants.length > 0 ? `= ${variants.join(', ')}` : '', related.length > 0 ? `~ ${related.join(', ')}` : '', concept.onlyWith ? `(with ${concept.onlyWith})` : '', concept.situation ? '(situation)' : ''];
  return parts.filter(Boolean).join(' ');
}

import type { SectionKind } from '../corpus/types.js';
import { normalizeText } from '../text/normalize.js';
import { NUMBER_WITH_UNIT, tagWords, tokenize } from '../text/tokenize.js';
import { COUNTIES, ENCLOSING_REGIONS, OTHER_PLACES } from './places.js';
import { synonymsOf } from './synonyms.js';

/** What the question reader found in a question: the parts retrieval and answering act on. */
export interface Question {
  /** The question as asked, NFKC-normalized. */
  text: string;
  /** Content words that an answer should cover (no question words, years or city names). */
  keyWords: string[];
  /** Lexical search terms, synonyms included. */
  terms: string[];
  /** Years named, e.g. 2024 in "2024年". */
  years: number[];
  /** Corpus cities named directly or through one of their counties. */
  cities: string[];
  /** Places named that no report covers (另一城市、省份). */
  otherPlaces: string[];
  /** Asks for a number (多少、几、比例、增速…). */
  wantsFigure: boolean;
  /** Asks when (什么时候、何时、哪年). */
  wantsTime: boolean;
  /** Whether the question asks about plans/targets or about results, when it says. */
  intent?: SectionKind;
  /** Asks how something changed over the years. */
  comparison: boolean;
}

const STOP_WORDS = new Set(
  ('的 了 是 在 有 和 与 及 或 吗 呢 吧 啊 呀 么 请问 请 问 一下 关于 这 那 这个 那个 个 我 我们 你 你们 他们 ' +
    '多少 几 几个 什么 怎么 怎么样 怎样 如何 哪些 哪个 哪里 哪 为什么 是否 有没有 有无 没有 能 会 可以 ' +
    '要 将 把 被 对 为 到 从 于 上 中 里 年 年度 今年 去年 明年 全市 我市 该市 市 城市 情况 方面 ' +
    '帮 做 搞 打算 怎么办 准备 一共 共 总共 大概 大约 目前 现在 达到 达 多 新 期间 时期 这几年 几年 每年 ' +
    '变化 怎么变化 如何变化 变 为了 通过 以及 还 又 也 都 就 所 其 之 等 数量 数据 数字 具体 分别 ' +
    '什么时候 何时 多久 哪年 哪一年 时候').split(' '),
);
const FIGURE_WORDS = /多少|几|比例|比重|占比|增速|增幅|涨幅|增长|排名|排第|第几|率|规模|金额|数量|多长|多大|面积|目标/;
const PLAN_WORDS = /目标|计划|打算|预期|力争|确保|控制在|安排|任务|准备|(?<![主重需只总必纲])要(?![求素点闻])|将(?!军)|拟/;
const REVIEW_WORDS = /完成了|建成了|实现了|取得|成绩|成效|回顾|过去|去年|了多少|了吗/;
const TIME_WORDS = /什么时候|何时|哪年|哪一年|多久|什么时间/;
const YEAR = /^20\d{2}年?$/;
const COMPARISON_WORDS = /这几年|历年|逐年|每年|几年来|变化|趋势|对比|比较/;

/**
 * Reads a question against the corpus it will be asked of: its cities, and the years its reports
 * plan or review. A year outside `coveredYears` (2035) cannot be scoped to a report, so it stays a
 * key word that the answer must say.
 */
export function readQuestion(raw: string, corpusCities: string[], coveredYears: ReadonlySet<number> = new Set()): Question {
  const text = normalizeText(raw).trim();
  const tagged = tagWords(text);
  const years = [...new Set([...text.matchAll(/(20\d{2})\s*年?/g)].map((m) => Number(m[1])))];

  const cities = new Set<string>();
  const otherPlaces: string[] = [];
  for (const city of corpusCities) if (text.includes(city)) cities.add(city);
  for (const [city, counties] of Object.entries(COUNTIES)) {
    if (corpusCities.includes(city) && counties.some((c) => text.includes(c))) cities.add(city);
  }
  for (const place of OTHER_PLACES) if (text.includes(place)) otherPlaces.push(place);

  const placeWords = new Set([...corpusCities, ...ENCLOSING_REGIONS, ...corpusCities.map((c) => `${c}市`)]);
  // "3号线", "5%": a number is only meaningful with the unit after it.
  const figures = [...text.matchAll(NUMBER_WITH_UNIT)].map((m) => m[0].toLowerCase()).filter((f) => !/^20\d{2}年/.test(f));
  const keyWords = [
    ...new Set([
      ...tagged
        .map((t) => t.word.trim().toLowerCase())
        .filter((w) => /[\p{L}\p{N}]/u.test(w) && !STOP_WORDS.has(w) && !placeWords.has(w) && !/^[\d.]+$/.test(w) && !YEAR.test(w)),
      ...figures,
      ...years.filter((y) => !coveredYears.has(y)).map((y) => `${y}年`),
    ]),
  ];
  const plans = PLAN_WORDS.test(text);
  const reviews = REVIEW_WORDS.test(text);
  const intent: SectionKind | undefined = plans && !reviews ? 'plan' : reviews && !plans ? 'review' : undefined;

  const expansions = keyWords.flatMap(synonymsOf);
  // Years are handled by scoping; as terms they would only match every report of that year.
  const terms = tokenize([text, ...expansions].join(' ')).filter((t) => !STOP_WORDS.has(t) && !YEAR.test(t));
  return {
    text,
    keyWords,
    terms,
    years,
    cities: [...cities],
    otherPlaces,
    wantsFigure: FIGURE_WORDS.test(text),
    wantsTime: TIME_WORDS.test(text),
    ...(intent ? { intent } : {}),
    comparison: COMPARISON_WORDS.test(text),
  };
}

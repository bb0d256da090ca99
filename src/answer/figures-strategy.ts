import { comparablePair, difference, unlikeness } from '../figures/compare.js';
import { figureTable } from '../figures/open-table.js';
import { figureLabel, seriesOf, statedClause } from '../figures/series.js';
import { RESULT, TARGET, type Figure, type FigureSeries, type Measure } from '../figures/types.js';
import type { Question } from '../search/question.js';
import type { Lexicon } from '../search/lexicon.js';
import type { WordVectors } from '../search/word-vectors.js';
import type { Store, StoredDocument } from '../store/types.js';
import type { Solution } from './strategies.js';
import type { Citation } from './types.js';

/** How a question asks about one indicator over years or places. */
type Ask = 'series' | 'which' | 'difference';

/** "哪个高", "谁快", "哪年多": a verdict; the words say whether more is the answer. */
const WHICH = /(?:哪个|哪座|哪里|哪边|哪儿|谁|哪一?年|哪家)[^？?，,。；]{0,14}?(?:更|最)?(高|低|快|慢|多|少|大|小)/;
const MORE_WINS = /[高快多大]/;
/** "比去年多了多少", "增加了多少": a difference between two years. */
const DIFFERENCE = /比(?:去年|上年|上一年|前一年|20\d{2}年?)[\u3400-\u9fff]{0,6}?(?:多|少|高|低|增加|减少|提高|下降|增长)了?多少|(?:多|少|增加|减少)了多少|差(?:了)?多少/;
/** "这几年怎么变化", "分别是多少", "历年": a series. */
const SERIES = /这几年|近几年|几年来|历年|逐年|每年|各年|变化|趋势|走势|分别|对比|比较|一览/;
const GROWTH = /增长|增速|增幅|涨幅|快|慢/;
const DECLINE = /下降|降幅|减少/;

export interface FiguresStrategyParts {
  store: Store;
  documents: Map<string, StoredDocument>;
  lexicon: Pick<Lexicon, 'same'>;
  wordVectors?: () => Promise<WordVectors | null>;
}

/**
 * Answers questions about one indicator over years or places from the figures table: one labelled
 * line per year or city with its citation, a verdict for "哪个快" with both figures, a difference
 * for "比去年多了多少" computed in one unit. Only like is compared with like (a target with a target,
 * a result with a result, of one year); otherwise it says they cannot be compared. Returns null for a
 * question it does not take (no indicator of the table named, or not about years or places).
 */
export interface FiguresStrategy {
  answer(question: Question): Promise<Solution | null>;
  /** Reads the table and groups its indicator names now instead of on the first question. */
  warm(): Promise<void>;
}

export function createFiguresStrategy({ store, documents, lexicon, wordVectors }: FiguresStrategyParts): FiguresStrategy {
  const open = figureTable(store, lexicon, wordVectors);

  async function answer(question: Question): Promise<Solution | null> {
    const ask = askOf(question);
    if (!ask) return null;
    const { figures, groups } = await open();
    const [key] = groups.named(question.text);
    if (!key) return null;
    const kind = question.intent === 'plan' ? TARGET : question.intent === 'review' || question.wantsResult ? RESULT : undefined;
    const measure: Measure | undefined = GROWTH.test(question.text) ? 'growth' : DECLINE.test(question.text) ? 'decline' : undefined;
    const years = ask === 'difference' ? [] : question.years;
    const series = seriesOf(figures, groups, { key, cities: question.cities, years, ...(measure ? { measure } : {}), ...(kind ? { kind } : {}) });
    const cities = [...new Set(series.map((f) => f.city))];
    if (series.length < 2 || (ask === 'which' && cities.length < 2 && question.cities.length >= 2)) return null;
    if (ask === 'which') return cities.length >= 2 ? whichPlace(series, cities, question) : whichYear(series, question);
    if (ask === 'difference') return differenceAnswer(series, question);
    return listed(series, 'figures-series', cities.length > 1);
  }

  function citationOf(figure: Figure): Citation {
    const doc = documents.get(figure.docId)!;
    return {
      docId: figure.docId,
      title: doc.title,
      year: doc.year,
      section: figure.section,
      ...(doc.url ? { url: doc.url } : {}),
      quote: figure.sentence,
      passage: figure.sentence,
      score: 1,
      start: figure.start,
      end: figure.end,
    };
  }

  /** One labelled line per figure, each with its citation; `lead` above them and `note` below. */
  function listed(series: Figure[], name: string, withCity: boolean, note = '', found = true): Solution {
    const citations: Citation[] = [];
    const byQuote = new Map<string, number>();
    const points = series.map((figure) => {
      const quoted = `${figure.docId}|${figure.start}`;
      if (!byQuote.has(quoted)) {
        byQuote.set(quoted, citations.length);
        citations.push(citationOf(figure));
      }
      return { figure, label: figureLabel(figure, withCity), citation: byQuote.get(quoted)! };
    });
    const lines = points.map((p) => `${p.label}：${p.figure.value}${statedClause(p.figure) === p.figure.value ? '' : `（${statedClause(p.figure)}）`}`);
    const chart: FigureSeries = {
      indicator: series[0].indicator,
      measure: series[0].measure,
      points: points.map(({ figure, label, citation }) => ({ label, city: figure.city, year: figure.year, kind: figure.kind, value: figure.value, number: figure.number, unit: figure.unit, citation })),
    };
    return {
      decision: { strategy: 'figures', name, found, ...(found ? {} : { refusal: { code: 'NOT_COMPARABLE' as const } }) },
      text: [...lines, ...(note ? [note] : [])].join('\n'),
      citations,
      parts: points.map((p) => ({ label: p.label, citation: p.citation })),
      candidates: [],
      series: chart,
    };
  }

  /** "太原和晋中哪个GDP增长快": the latest year both print the same kind of figure for, and the verdict. */
  function whichPlace(series: Figure[], cities: string[], question: Question): Solution {
    const [first, second] = cities;
    const pair = comparablePair(
      series.filter((f) => f.city === first),
      series.filter((f) => f.city === second),
    );
    if (!pair) {
      const latest = cities.map((city) => series.filter((f) => f.city === city).at(-1)!);
      return listed(latest, 'figures-not-comparable', true, whyUnlike(latest[0], latest[1]), false);
    }
    return listed(pair, 'figures-which-place', true, verdict(pair, (f) => f.city, question));
  }

  /** "太原哪年GDP增长最快": the years of one kind, and the verdict. */
  function whichYear(series: Figure[], question: Question): Solution {
    const kind = series.some((f) => f.kind === RESULT) ? RESULT : series[0].kind;
    const same = series.filter((f) => f.kind === kind && f.unit === series[0].unit);
    if (same.length < 2) return listed(series, 'figures-not-comparable', false, whyUnlike(series[0], series[1]), false);
    const best = [...same].sort((a, b) => (MORE_WINS.test(asked(question)) ? b.number - a.number : a.number - b.number))[0];
    return listed(same, 'figures-which-year', false, `${figureLabel(best)}${asked(question)}：${best.value}（按报告数字比较）`);
  }

  /** "比去年多了多少": the asked year (or the latest) against the year before, of one kind and unit. */
  function differenceAnswer(series: Figure[], question: Question): Solution {
    const annual = series.filter((f) => f.kind === TARGET || f.kind === RESULT);
    // 比去年 names the year compared with, not the year asked: only a year written out is asked.
    const year = [...question.text.matchAll(/20\d{2}/g)].map((m) => Number(m[0])).at(-1);
    const previousOf = (f: Figure) => annual.find((e) => e.year === f.year - 1 && e.city === f.city && e.kind === f.kind);
    const asked = annual.filter((f) => year === undefined || f.year === year);
    // Without an asked year: the latest year that has the year before it of the same kind.
    const later = year === undefined ? ([...asked].reverse().find(previousOf) ?? asked.at(-1)) : (asked.find(previousOf) ?? asked[0]);
    const earlier = later && previousOf(later);
    if (!later) return listed(series, 'figures-not-comparable', false, '报告中没有这一年的数字。', false);
    if (!earlier) {
      const before = annual.filter((f) => f.year === later.year - 1 && f.city === later.city);
      const shown = before.length > 0 ? [before[0], later] : [later];
      return listed(shown, 'figures-not-comparable', false, before.length > 0 ? whyUnlike(before[0], later) : `报告中没有${later.year - 1}年的${later.kind}数字，无法计算差值。`, false);
    }
    const unlike = unlikeness(later, earlier, false);
    if (unlike) return listed([earlier, later], 'figures-not-comparable', false, whyUnlike(earlier, later), false);
    const change = difference(later, earlier);
    const unit = later.unit === '%' || later.unit === '％' ? '个百分点' : later.unit;
    const said = change === 0 ? '与上年持平' : `比上年${change > 0 ? '多' : '少'}${Math.abs(change)}${unit}`;
    return listed([earlier, later], 'figures-difference', false, `${later.year}年${said}，按报告数字计算。`);
  }

  return { answer, warm: async () => void (await open()) };
}

function askOf(question: Question): Ask | null {
  if (WHICH.test(question.text)) return 'which';
  if (DIFFERENCE.test(question.text)) return 'difference';
  if (SERIES.test(question.text) || question.years.length >= 2 || question.cities.length >= 2) return 'series';
  return null;
}

function asked(question: Question): string {
  const word = question.text.match(WHICH)?.[1] ?? '高';
  return `更${word}`;
}

function verdict(pair: [Figure, Figure], name: (f: Figure) => string, question: Question): string {
  const [a, b] = pair;
  const when = figureLabel(a);
  if (a.number === b.number) return `${when}两者相同（${name(a)}${a.value}，${name(b)}${b.value}），按报告数字比较。`;
  const moreWins = MORE_WINS.test(asked(question));
  const winner = a.number > b.number === moreWins ? a : b;
  const other = winner === a ? b : a;
  return `${when}${name(winner)}${asked(question)}：${name(winner)}${winner.value}，${name(other)}${other.value}（按报告数字比较）。`;
}

function whyUnlike(a: Figure, b: Figure): string {
  const why = unlikeness(a, b, true);
  if (why === 'kind') return `不能直接比较：${figureLabel(a, true)}是${a.kind}数，${figureLabel(b, true)}是${b.kind}数。`;
  if (why === 'year') return `不能直接比较：两个数字不是同一年的（${a.year}年和${b.year}年）。`;
  return '不能直接比较：两个数字的单位或口径不同。';
}

import type { StoredDocument } from '../store/types.js';
import { coverageLines } from './coverage.js';

/** A question about the collection itself: which reports, which years, what a report is about. */
export type CorpusAsk = 'reports' | 'years' | 'contents';

const ASKS: Array<[CorpusAsk, RegExp]> = [
  ['contents', /报告(?:主要|都|大概)?(?:讲|说|写|谈)(?:了|的)?(?:些|是)?(?:什么|啥|哪些)|报告(?:的)?(?:主要)?(?:内容|章节|结构)(?:是|有)?(?:什么|哪些|啥)?[?？]?$/],
  ['years', /(?:能|可以|可)查(?:询)?(?:哪|几)(?:些|个)?年|(?:哪些|哪几|几个)年份|覆盖(?:了)?(?:哪些|哪几)年/],
  ['reports', /(?:有|收录了?|包括)(?:哪些|哪几|什么|几)(?:份|个|篇)?(?:政府工作)?报告|报告有(?:哪些|哪几|几份)|(?:能|可以)查(?:询)?(?:哪些|什么|啥)(?:报告|城市|内容)?[?？]?$/],
];

/** Which corpus question `text` asks, if any. */
export function corpusAsk(text: string): CorpusAsk | undefined {
  return ASKS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** At most this many section headings per report in an answer about what it says. */
const HEADINGS_PER_REPORT = 12;

/**
 * The answer from the manifest and the reports' section headings: the reports (in the asked places
 * and years, else all), the years each place covers, or each report's main sections.
 */
export function corpusAnswer(ask: CorpusAsk, documents: StoredDocument[], scope: { cities: string[]; years: number[] }, headings: Map<string, string[]>): string {
  const inScope = documents.filter((d) => (scope.cities.length === 0 || scope.cities.includes(d.city)) && (scope.years.length === 0 || scope.years.includes(d.year)));
  const chosen = inScope.length > 0 ? inScope : documents;
  if (ask === 'years') return ['可以查这些年份的报告（每年的报告回顾上一年、安排当年）：', ...coverageLines(chosen).map((l) => `• ${l}`)].join('\n');
  if (ask === 'reports') return ['可查询的报告：', ...chosen.map((d) => `• 《${d.title}》（${d.city || '城市不详'} · ${d.year || '年份不详'}年）`)].join('\n');
  return chosen
    .map((d) => [`《${d.title}》的主要部分：`, ...(headings.get(d.id) ?? []).slice(0, HEADINGS_PER_REPORT).map((h) => `• ${h}`)].join('\n'))
    .join('\n\n');
}

import type { Answer } from '../answer/types.js';
import { chartData, type ChartData } from './points.js';

/** Telegram's limit for a photo caption. */
const CAPTION_LIMIT = 1024;

/** What a chart of an answer draws, when it has a series worth one (three points or more). */
export function answerChart(answer: Answer): ChartData | null {
  if (!answer.found || !answer.series) return null;
  const { indicator, measure } = answer.series;
  const place = [...new Set(answer.series.points.map((p) => p.city))].join('、');
  return chartData(answer.series, `${place} ${indicator}${measure === 'growth' ? '增长' : measure === 'decline' ? '下降' : ''}`);
}

/** A chart's caption: each figure with its label, then the reports they are quoted from. */
export function chartCaption(answer: Answer, data: ChartData): string {
  const figures = data.points.map((p) => `${data.points.some((q) => q.city !== p.city) ? `${p.city} ` : ''}${p.label}：${p.value}`);
  const sources = [...new Set(data.points.map((p) => answer.citations[p.citation]).filter(Boolean).map((c) => `《${c.title}》`))];
  const caption = [data.title, ...figures, `来源：${sources.join('、')}`].join('\n');
  return caption.length <= CAPTION_LIMIT ? caption : `${caption.slice(0, CAPTION_LIMIT - 1)}…`;
}

import type { ChartData } from './points.js';
import { CHART_SETTINGS } from './settings.js';

/** The chart as lines of text, for when no image can be drawn: one bar of █ per point, scaled to the largest. */
export function textChart(data: ChartData): string {
  const largest = Math.max(...data.points.map((p) => Math.abs(p.number)), Number.MIN_VALUE);
  const labels = data.points.map((p) => (data.points.some((q) => q.city !== p.city) ? `${p.city} ${p.label}` : p.label));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  return [
    `${data.title}（${data.unit || '数值'}）`,
    ...data.points.map((p, i) => `${labels[i].padEnd(labelWidth, '　')} ${'█'.repeat(Math.max(1, Math.round((Math.abs(p.number) / largest) * CHART_SETTINGS.textBarWidth)))} ${p.value}`),
  ].join('\n');
}

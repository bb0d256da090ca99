import { figureLabel } from './series.js';
import type { Figure } from './types.js';

/** The columns of a CSV export, in order. */
export const CSV_COLUMNS = ['city', 'level', 'indicator', 'measure', 'kind', 'year', 'value', 'number', 'unit', 'qualifier', 'docId', 'section', 'start', 'end', 'sentence'] as const;

/** RFC 4180 CSV with a header row; every field quoted where it must be. */
export function figuresCsv(figures: Figure[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = figures.map((f) => CSV_COLUMNS.map((column) => cell(f[column])).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** The rows as JSON objects (the stored table's fields). */
export function figuresJson(figures: Figure[]): string {
  return JSON.stringify(figures.map(({ valueStart: _, ...row }) => row));
}

/** One short line per figure: 太原 2024年（实际） 空气质量综合指数 4.73 〔TY2025〕. */
export function figuresList(figures: Figure[]): string[] {
  return figures.map((f) => `${figureLabel(f, true)} ${f.indicator}${f.measure === 'growth' ? '增长' : f.measure === 'decline' ? '下降' : ''} ${f.value} 〔${f.docId}〕`);
}

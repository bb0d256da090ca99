import { RESULT, TARGET, type FigureSeries, type SeriesPoint } from '../figures/types.js';
import { CHART_SETTINGS } from './settings.js';

/** What a chart draws: points of one unit, each in a line named by city and kind. */
export interface ChartData {
  title: string;
  unit: string;
  points: Array<SeriesPoint & { line: string }>;
}

/**
 * The points of a series worth a chart: yearly targets and results (a five-year total is another
 * scale) in the unit most of them share, at least `minPoints` of them; null otherwise.
 */
export function chartData(series: FigureSeries, title: string): ChartData | null {
  const yearly = series.points.filter((p) => p.kind === TARGET || p.kind === RESULT);
  const units = new Map<string, number>();
  for (const p of yearly) units.set(p.unit, (units.get(p.unit) ?? 0) + 1);
  const unit = [...units].sort((a, b) => b[1] - a[1])[0]?.[0];
  const points = yearly.filter((p) => p.unit === unit);
  if (unit === undefined || points.length < CHART_SETTINGS.minPoints) return null;
  const cities = new Set(points.map((p) => p.city));
  return { title, unit, points: points.map((p) => ({ ...p, line: cities.size > 1 ? `${p.city}${p.kind}` : p.kind })) };
}

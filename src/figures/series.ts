import type { IndicatorGroups } from './groups.js';
import { RESULT, TARGET, type Figure, type Measure } from './types.js';

/** What to take from the table: one indicator (a group key), and optionally its measure, places, years and kind. */
export interface SeriesRequest {
  key: string;
  measure?: Measure;
  cities: string[];
  years: number[];
  /** 目标 or 实际 (a period counts as a result); any when absent. */
  kind?: typeof TARGET | typeof RESULT;
}

/**
 * The figures of one indicator, one per city, year and kind (the first report that prints it
 * wins: a summary before a newspaper special), in city order, then year; a year's result stands
 * for it unless targets are asked. Without an asked measure, the measure with the most figures (a
 * level on a tie).
 */
export function seriesOf(figures: Figure[], groups: IndicatorGroups, request: SeriesRequest): Figure[] {
  const cityOrder = [...new Set(figures.map((f) => f.city))];
  const matching = figures.filter(
    (f) =>
      groups.keyOf(f.indicator) === request.key &&
      (request.cities.length === 0 || request.cities.includes(f.city)) &&
      (request.years.length === 0 || request.years.includes(f.year)) &&
      (!request.kind || (request.kind === TARGET ? f.kind === TARGET : f.kind !== TARGET)),
  );
  const measure = request.measure ?? commonestMeasure(matching);
  const picked = new Map<string, Figure>();
  for (const figure of matching) {
    if (figure.measure !== measure) continue;
    const slot = `${figure.city}|${figure.year}|${figure.kind}`;
    if (!picked.has(slot)) picked.set(slot, figure);
  }
  // Without an asked kind, a year's result stands for it and its target is left out.
  const resulted = new Set([...picked.values()].filter((f) => f.kind === RESULT).map((f) => `${f.city}|${f.year}`));
  const kept = [...picked.values()].filter((f) => request.kind || f.kind !== TARGET || !resulted.has(`${f.city}|${f.year}`));
  return kept.sort(
    (a, b) => cityOrder.indexOf(a.city) - cityOrder.indexOf(b.city) || a.year - b.year || Number(a.kind === TARGET) - Number(b.kind === TARGET),
  );
}

function commonestMeasure(figures: Figure[]): Measure {
  const counts = new Map<Measure, number>();
  for (const f of figures) counts.set(f.measure, (counts.get(f.measure) ?? 0) + 1);
  const level = counts.get('level') ?? 0;
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['level', 0];
  return n > level ? best : 'level';
}

/**
 * The words of its sentence that state a figure, verbatim: from the indicator's name to the value
 * (固定资产投资增长10%左右), or the value alone when the name is not printed right before it.
 */
export function statedClause(figure: Figure): string {
  const end = figure.valueStart + figure.value.length;
  const named = figure.sentence.lastIndexOf(figure.indicator, figure.valueStart);
  const between = named >= 0 ? figure.sentence.slice(named, figure.valueStart) : '';
  return named >= 0 && !/[，,；;。、]/.test(between) ? figure.sentence.slice(named, end) : figure.value;
}

/** A figure's label in a series: 2024年（实际）, 2025年（目标）, 十四五. */
export function figureLabel(figure: Figure, withCity = false): string {
  const when = figure.kind === TARGET || figure.kind === RESULT ? `${figure.year}年（${figure.kind}）` : figure.kind;
  return withCity ? `${figure.city} ${when}` : when;
}

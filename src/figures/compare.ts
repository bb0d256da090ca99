import { TARGET, type Figure } from './types.js';

/** Why two figures cannot be compared: one is a target and the other a result, other years, or other units. */
export type Unlike = 'kind' | 'year' | 'unit';

/** Whether two figures say the same kind of thing in the same unit (and, across places, of the same year). */
export function unlikeness(a: Figure, b: Figure, sameYear: boolean): Unlike | null {
  if (kindClass(a) !== kindClass(b)) return 'kind';
  if (sameYear && a.year !== b.year) return 'year';
  if (a.unit !== b.unit || a.measure !== b.measure) return 'unit';
  return null;
}

/**
 * The pair to compare across places: for each (year, kind) all places print, the latest year, a
 * result before a target; null when they share none.
 */
export function comparablePair(first: Figure[], second: Figure[]): [Figure, Figure] | null {
  const pairs: Array<[Figure, Figure]> = [];
  for (const a of first) for (const b of second) if (!unlikeness(a, b, true)) pairs.push([a, b]);
  pairs.sort(([a1], [a2]) => a2.year - a1.year || Number(a1.kind === TARGET) - Number(a2.kind === TARGET));
  return pairs[0] ?? null;
}

/** later − earlier, in their common unit, rounded to the decimals they are printed with. */
export function difference(later: Figure, earlier: Figure): number {
  const decimals = Math.max(decimalsOf(later.number), decimalsOf(earlier.number));
  return Number((later.number - earlier.number).toFixed(decimals));
}

function decimalsOf(n: number): number {
  return (String(n).split('.')[1] ?? '').length;
}

/** Targets with targets, a year's results with results, a period's totals with the same period's. */
function kindClass(figure: Figure): string {
  return figure.kind;
}

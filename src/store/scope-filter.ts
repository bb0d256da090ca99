import { yearsSaidRelatively } from '../text/year-spans.js';
import type { ScopeFilter } from './types.js';

/**
 * The one scope rule every retriever and backend applies (the Postgres backend writes the same
 * rule in SQL): a passage is in scope when its report is about an asked city, and its report plans
 * or reviews an asked year or its own text names one.
 */
export function inScope(scope: ScopeFilter, doc: { city: string; year: number; reviews: number }, passageYears: { includes(year: number): boolean }): boolean {
  if (scope.cities.length > 0 && !scope.cities.includes(doc.city)) return false;
  return scope.years.length === 0 || scope.years.some((y) => doc.year === y || doc.reviews === y || passageYears.includes(y));
}

/** The years a passage's text names ("2035年", "《2024世界城市名册》"), or says relative to its report's year (今年). */
export function yearsNamed(text: string, reportYear = 0): number[] {
  const named = [...text.matchAll(/(?<!\d)(20\d{2})(?=年|\D|$)/g)].map((m) => Number(m[1]));
  return [...new Set([...named, ...yearsSaidRelatively(text, reportYear)])];
}

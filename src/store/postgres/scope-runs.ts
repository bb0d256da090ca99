import { inScope } from '../scope-filter.js';
import type { ScopeFilter, StoredDocument } from '../types.js';

/** The passage ids of one report, first to last (a report's passages have consecutive ids). */
export interface IdRun {
  first: number;
  last: number;
}

/** A report's run with what a scope asks of the report. */
export interface ReportRun extends IdRun {
  city: string;
  year: number;
  reviews: number;
}

/** The reports that have passages, in id order: made once per opened version, not per search. */
export function reportRuns(documents: StoredDocument[], runOf: Map<string, IdRun>): ReportRun[] {
  return documents
    .flatMap((d) => {
      const run = runOf.get(d.id);
      return run ? [{ ...run, city: d.city, year: d.year, reviews: d.reviews }] : [];
    })
    .sort((a, b) => a.first - b.first);
}

/**
 * The id ranges a lexical search reads postings in, as parallel arrays for SQL: the runs of the
 * reports about an asked city (all reports when no city is asked), adjacent runs joined. `whole`
 * says every passage of the range is in scope (its report plans or reviews an asked year, or no year
 * is asked); in the other ranges only passages that name an asked year are (see `inScope`).
 */
export function scopeRuns(reports: ReportRun[], scope: ScopeFilter): { first: number[]; last: number[]; whole: boolean[] } {
  const first: number[] = [];
  const last: number[] = [];
  const whole: boolean[] = [];
  for (const report of reports) {
    if (scope.cities.length > 0 && !scope.cities.includes(report.city)) continue;
    const inside = inScope(scope, report, []);
    const at = first.length - 1;
    if (at >= 0 && whole[at] === inside && last[at] + 1 === report.first) last[at] = report.last;
    else {
      first.push(report.first);
      last.push(report.last);
      whole.push(inside);
    }
  }
  return { first, last, whole };
}

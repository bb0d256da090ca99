import { inScope } from '../scope-filter.js';
import type { ScopeFilter, StoredDocument } from '../types.js';

/** The passage ids of one report, first to last (a report's passages have consecutive ids). */
export interface IdRun {
  first: number;
  last: number;
}

/**
 * The id ranges a lexical search reads postings in, as parallel arrays for SQL: the runs of the
 * reports about an asked city (all reports when no city is asked), adjacent runs joined. `whole`
 * says every passage of the range is in scope (its report plans or reviews an asked year, or no year
 * is asked); in the other ranges only passages that name an asked year are (see `inScope`).
 */
export function scopeRuns(documents: StoredDocument[], runOf: Map<string, IdRun>, scope: ScopeFilter): { first: number[]; last: number[]; whole: boolean[] } {
  const runs = documents
    .filter((d) => runOf.has(d.id) && (scope.cities.length === 0 || scope.cities.includes(d.city)))
    .map((d) => ({ ...runOf.get(d.id)!, whole: inScope(scope, d, []) }))
    .sort((a, b) => a.first - b.first);
  const joined: typeof runs = [];
  for (const run of runs) {
    const previous = joined.at(-1);
    if (previous && previous.whole === run.whole && previous.last + 1 === run.first) previous.last = run.last;
    else joined.push({ ...run });
  }
  return { first: joined.map((r) => r.first), last: joined.map((r) => r.last), whole: joined.map((r) => r.whole) };
}

import type { ScopeFilter, StoredDocument, StoredPassage } from '../store/types.js';
import type { Question } from './question.js';

/** The most `Scope.fit` gives. */
export const MAX_FIT = 1.5;

/**
 * Which passages may answer a question, from the cities and years it names. A report delivered
 * in year Y plans Y and reviews Y-1 (`year`/`reviews` in the manifest), so "2024年…" may be
 * answered by the 2024 report's plan or the 2025 report's review. The store applies `filter`
 * (see `inScope`); `fit` ranks what it returns.
 */
export interface Scope {
  filter: ScopeFilter;
  /**
   * How well a passage's place in its report fits the asked year: 1 for the part that speaks of it
   * (plan vs review), 0.5 for the other part, +0.5 when the section heading names the year.
   */
  fit(doc: StoredDocument | undefined, passage: StoredPassage): number;
  /** Why nothing can be in scope, when nothing can: the places the reports cover, and those asked that they do not. */
  emptyBecause?: { code: 'OUT_OF_SCOPE'; covered: string[]; asked: string[] };
  /**
   * When no report of the asked cities plans or reviews an asked year ("晋中2027年…"), why an
   * answer is unlikely: said when nothing answers (a passage may still name the year, e.g. 2035).
   */
  yearNotCovered?: { code: 'YEAR_NOT_COVERED'; places: string[]; covered: number[]; asked: number[] };
}

export function scopeFor(question: Question, documents: StoredDocument[], latestReviewFit = 0): Scope {
  const relation = (d: StoredDocument, year: number): 'plan' | 'review' | undefined =>
    d.year === year ? 'plan' : d.reviews === year ? 'review' : undefined;
  const cityOk = (d: StoredDocument) => question.cities.length === 0 || question.cities.includes(d.city);
  const inCities = documents.filter(cityOk).map((d) => d.year);
  const [oldest, newest] = [Math.min(...inCities), Math.max(...inCities)];
  const newness = (doc: StoredDocument) => (newest > oldest ? (doc.year - oldest) / (newest - oldest) : 0);
  const scope: Scope = {
    filter: { cities: question.cities, years: question.years },
    fit(doc, passage) {
      if (!doc || question.years.length === 0) {
        const part = question.intent && passage.sectionKind === question.intent ? 0.5 : 0;
        return part > 0 && question.intent === 'review' && doc && !question.period ? part + latestReviewFit * newness(doc) : part;
      }
      // "2026年报告里…": the report delivered that year, the asked part of it first (its plan when none is asked).
      if (question.yearsNameReports) return question.years.includes(doc.year) ? (passage.sectionKind === (question.intent ?? 'plan') ? 1 : 0.5) : 0;
      const wanted = question.years.map((y) => relation(doc, y)).find(Boolean);
      if (!wanted) return 0;
      const kind = question.intent ?? 'review';
      // A passage of the other part that says the asked year ("今年我区有17万应届大学生毕业" in a review) speaks of it too.
      const part = wanted === kind && passage.sectionKind === kind ? 1 : wanted === passage.sectionKind || question.years.some((y) => passage.years.includes(y)) ? 0.5 : 0;
      // A section headed with the year itself ("2025 知难克难") speaks of that year more than a multi-year one.
      return part > 0 && question.years.some((y) => passage.section.includes(String(y))) ? part + 0.5 : part;
    },
  };
  if (question.otherPlaces.length > 0 && question.cities.length === 0) {
    scope.emptyBecause = { code: 'OUT_OF_SCOPE', covered: citiesOf(documents), asked: question.otherPlaces };
  } else if (!documents.some(cityOk)) {
    scope.emptyBecause = { code: 'OUT_OF_SCOPE', covered: citiesOf(documents), asked: [] };
  } else if (question.years.length > 0 && !documents.some((d) => cityOk(d) && question.years.some((y) => relation(d, y)))) {
    const covered = [...new Set(documents.filter(cityOk).flatMap((d) => [d.reviews, d.year]))].filter(Boolean).sort((a, b) => a - b);
    scope.yearNotCovered = { code: 'YEAR_NOT_COVERED', places: question.cities, covered, asked: question.years };
  }
  return scope;
}

function citiesOf(documents: StoredDocument[]): string[] {
  return [...new Set(documents.map((d) => d.city).filter(Boolean))];
}

import type { Concept, ConceptParts } from './concepts.js';
import type { Lexicon } from './lexicon.js';
import { createPlaceReader, type ReportPlace } from './place-reading.js';
import { constraints, describeConcept, focus, intent, lexiconStep, normalize, places, present, reportsNamed, searchTerms, spelling, terms, time, type ReadingNote, type Termed } from './reading-steps.js';
import type { SpellingFix } from './spelling.js';

export { PLAN_PERIOD, type ReadingNote } from './reading-steps.js';

/**
 * What the question reader found in a question: the parts retrieval and answering act on (each
 * documented where the step that finds it declares it, in `reading-steps.ts`), and the trace of how
 * it was read.
 */
export type Question = Omit<Termed, 'conceptText'>;

/** Whether a question asks a figure or an amount (多少, 增速, 目标是多少): its answer must carry one. */
export function asksFigure(question: Pick<Question, 'wantsFigure' | 'asksAmount'>): boolean {
  return question.wantsFigure || question.asksAmount;
}

export interface ReaderParts extends ConceptParts {
  /** Cities the reports are about. */
  cities: string[];
  /** The reports' places with their levels (national, province, city, county); `cities` as cities' reports when absent. */
  reportPlaces?: ReportPlace[];
  /** Years some report plans or reviews; another year (2035) must be said by the answer itself. */
  coveredYears: ReadonlySet<number>;
  lexicon: Lexicon;
  /** Corrects homophone slips; none when absent. */
  fixSpelling?: (text: string) => { text: string; fixes: SpellingFix[] };
  /** The current year, for 今年/去年/明年: a number, or read from a clock per question. */
  currentYear?: number | (() => number);
  /**
   * The years reports of any of these places (of any place when none is given) were delivered in:
   * 今年 counts from the newest when the clock is past it, and "2024年的报告" names one only if there is one.
   */
  reportYears?: (places: string[]) => number[];
}

/** Reads questions against the corpus they will be asked of. */
export type QuestionReader = (raw: string) => Question;

/**
 * A question read from English: the Chinese stand-in gives scope and intent, the English words
 * (with their Chinese renderings) are what an answer must cover.
 */
export function withEnglishConcepts(question: Question, concepts: Concept[]): Question {
  const own = concepts.filter((c) => !c.variants.some((v) => question.cities.includes(v)));
  const terms = searchTerms(own.flatMap((c) => c.variants));
  const note: ReadingNote = { step: 'english', did: own.map(describeConcept).join(' | ') || 'no concept' };
  return { ...question, concepts: [...question.concepts.filter((c) => c.strict), ...own], terms, trace: [...question.trace, note] };
}

/** normalize -> spelling -> focus -> time -> places (-> 今年 from the reports, reports named by year) -> constraints -> intent -> lexicon -> terms. */
export function createQuestionReader({ cities, reportPlaces, coveredYears, lexicon, fixSpelling, neighbours, knows, shortForms, currentYear = () => new Date().getFullYear(), reportYears = () => [] }: ReaderParts): QuestionReader {
  const yearNow = typeof currentYear === 'number' ? () => currentYear : currentYear;
  const newestReportYear = (places: string[]) => Math.max(0, ...reportYears(places)) || undefined;
  const readPlaces = createPlaceReader(reportPlaces ?? cities.map((name) => ({ name, level: 'city' as const })));
  return (raw) => {
    const year = yearNow();
    const placed = reportsNamed(present(places(time(focus(spelling(normalize(raw), fixSpelling)), year), readPlaces), newestReportYear, year, cities), reportYears);
    const read = terms(lexiconStep(intent(constraints(placed)), { lexicon, cities, coveredYears, neighbours, knows, shortForms }));
    const { conceptText: _, ...question } = read;
    return question;
  };
}

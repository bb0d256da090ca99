import { pageAt } from '../corpus/readers/types.js';
import type { Question } from '../search/question.js';
import type { StoredDocument } from '../store/types.js';
import type { Citation } from './types.js';

/** Which credit line answers which question about a report. */
const ANSWERS: Record<NonNullable<Question['aboutReport']>, RegExp> = {
  speaker: /(市长|主任|书记|负责人)\s*[\u4e00-\u9fa5]/,
  meeting: /会议/,
  date: /\d{4}年\d{1,2}月\d{1,2}日.*(会议|报告)/,
};

/**
 * Questions about a report itself (who delivered it, at which meeting, on which day) are answered
 * from its credit lines — the masthead and byline that cleaning keeps out of the passages — quoted
 * verbatim. Only reports delivered in an asked year (and in an asked city) are considered.
 */
export function answerFromCredits(question: Question, documents: StoredDocument[]): Citation[] {
  const pattern = ANSWERS[question.aboutReport!];
  const inScope = documents.filter(
    (d) => (question.cities.length === 0 || question.cities.includes(d.city)) && (question.years.length === 0 || question.years.includes(d.year)),
  );
  return inScope.flatMap((doc) =>
    doc.credits
      .filter((credit) => pattern.test(credit.text))
      .map((credit) => ({
        docId: doc.id,
        title: doc.title,
        year: doc.year,
        section: '报告署名',
        ...(pageAt(doc.pageStarts, credit.start) ? { page: pageAt(doc.pageStarts, credit.start) } : {}),
        quote: credit.text,
        passage: doc.credits.map((c) => c.text).join('\n'),
        score: 1,
        start: credit.start,
        end: credit.end,
      })),
  );
}

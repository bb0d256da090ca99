import type { DocumentMeta, Passage } from '../corpus/types.js';
import { PLAN_PERIOD } from '../search/question.js';
import { extractStatements } from './extract.js';
import { RESULT, TARGET, type Figure } from './types.js';

/** "到2027年": a plan sentence about a later year than the report's. */
const BY_YEAR = /到(20\d{2})年/;

/**
 * The figures table of a corpus: every indicator statement of every sentence, placed by its report
 * and section. A plan section's figures are targets for the report's year (or the year a sentence
 * names with 到…年); a review section's are results of the year reviewed, or of the plan period
 * (十四五) its heading or sentence names, for that period's last year.
 */
export function buildFigures(passages: Passage[], documents: DocumentMeta[]): Figure[] {
  const metas = new Map(documents.map((d) => [d.id, d]));
  const figures: Figure[] = [];
  for (const passage of passages) {
    const meta = metas.get(passage.docId);
    if (!meta) continue;
    for (const sentence of passage.sentences) {
      const statements = extractStatements(sentence.text);
      if (statements.length === 0) continue;
      const { kind, year } = placeOf(passage, sentence.text, meta);
      if (!year) continue;
      for (const statement of statements) {
        figures.push({
          ...statement,
          kind,
          year,
          city: meta.city,
          level: meta.level,
          docId: meta.id,
          section: passage.section,
          sentence: sentence.text,
          start: sentence.start,
          end: sentence.end,
        });
      }
    }
  }
  return figures;
}

function placeOf(passage: Passage, sentence: string, meta: DocumentMeta): { kind: string; year: number } {
  if (passage.sectionKind === 'plan') {
    const later = Number(sentence.match(BY_YEAR)?.[1] ?? 0);
    return { kind: TARGET, year: later > meta.year ? later : meta.year };
  }
  const period = (passage.section.match(PLAN_PERIOD) ?? sentence.match(PLAN_PERIOD))?.[0];
  if (period) return { kind: period, year: periodEnd(period) };
  return { kind: RESULT, year: meta.reviews };
}

const NUMERALS: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** 十四五 -> 2025: the n-th five-year plan (n ≥ 6) ends in 1955 + 5n. */
export function periodEnd(period: string): number {
  return 1955 + 5 * (10 + NUMERALS[period[1]]);
}

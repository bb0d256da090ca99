import type { SearchHit } from '../search/searcher.js';
import type { Question } from '../search/question.js';
import { ITEM } from './quote.js';
import { answers, scoreSentences, type ConceptWeight } from './select.js';
import type { AnswerTuning } from './settings.js';
import type { QuoteRange } from './span.js';
import type { Citation } from './types.js';

/** An item ends at one of these (or where the next item starts after a colon: "分别是：一、…"). */
const PIECE_END = /[。；;！？!?：:]/;

/** The numbered items of an enumeration quote (一是…；二是…, or 一、…。二、…。), without their closing marks; undefined for fewer than two. */
export function enumerationItems(quote: string): QuoteRange[] | undefined {
  const items: QuoteRange[] = [];
  let start = 0;
  for (let i = 0; i <= quote.length; i++) {
    if (i < quote.length && !PIECE_END.test(quote[i])) continue;
    let from = start;
    while (from < i && /\s/.test(quote[from])) from++;
    if (ITEM.test(quote.slice(from, i))) items.push({ start: from, end: i });
    else if (items.length > 0 && i > from) items[items.length - 1].end = i;
    start = i + 1;
  }
  return items.length >= 2 ? items : undefined;
}

/**
 * The items of a list that bear on the question by the judge's own measure (停车难 -> the item on
 * 公共车位), as one range of the quote: the run of them when they follow each other, else the best.
 * Undefined when none or all of them do (the question asks for the list).
 */
export function itemsBearingOn(question: Question, hit: SearchHit, citation: Citation, items: QuoteRange[], weightOf: ConceptWeight, tuning: AnswerTuning): QuoteRange | undefined {
  const sentences = items.map((item, run) => ({ text: citation.quote.slice(item.start, item.end), start: citation.start + item.start, end: citation.start + item.end, run }));
  const { id, docId, section, sectionKind, text, start, end, years } = hit.passage;
  const scored = scoreSentences(question, [{ ...hit, passage: { id, docId, section, sectionKind, text, start, end, sentences, years } }], weightOf, tuning).filter((s) => answers(s, tuning, question));
  if (scored.length === 0 || scored.length === items.length) return undefined;
  const bearing = scored.map((s) => sentences.indexOf(s.sentence)).sort((a, b) => a - b);
  const contiguous = bearing.every((at, i) => i === 0 || at === bearing[i - 1] + 1);
  const [first, last] = contiguous ? [bearing[0], bearing[bearing.length - 1]] : [sentences.indexOf(scored[0].sentence), sentences.indexOf(scored[0].sentence)];
  return { start: items[first].start, end: items[last].end };
}

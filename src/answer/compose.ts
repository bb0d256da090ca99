import { describeReading } from '../search/followup.js';
import type { Question } from '../search/question.js';
import type { Searcher } from '../search/searcher.js';
import type { StoredDocument } from '../store/types.js';
import { isSelfContained, refusalMessage, type Refusal } from './reasons.js';
import { answers, weighConcepts, type ConceptWeight, type ScoredSentence } from './select.js';
import type { AnswerTuning } from './settings.js';
import { coverageLines, placeKind, unnamedPlaceNote } from './coverage.js';
import { answerRange } from './span.js';
import type { Solution, Strategy } from './strategies.js';
import type { AnswerSpan, Citation, Explanation, Understood } from './types.js';

/** How many candidate sentences an explanation lists. */
const EXPLAINED_CANDIDATES = 8;

/**
 * How the question was read, for the asker, when it was read with more than its own words: the
 * conversation's context, or 今年/去年 counted from the newest report's year. Undefined when it was read as written.
 */
export function readingLine(understood: Understood): string | undefined {
  if (understood.yearFromReports) return `（按“${understood.question}”理解：最新的报告是${understood.yearFromReports}年的，今年、去年按这份报告算）`;
  return understood.contextUsed ? `（按“${understood.question}”理解）` : undefined;
}

/** The answer text: what the strategy wrote, or the refusal's message by its code. */
export function answerText(solution: Solution, question: Question, mode: Searcher['mode'], documents: StoredDocument[]): string {
  if (solution.text !== undefined) return solution.text;
  const refusal = solution.decision.refusal ?? { code: 'NOT_COVERED' };
  return isSelfContained(refusal) ? refusalMessage(refusal) : notFoundMessage(refusal, question, mode, documents);
}

/**
 * Not found, briefly: why, how the question was read, what to add (only what it lacks), and what
 * the reports of the asked place cover; the list of all reports only when the asked place or year
 * is not covered at all.
 */
function notFoundMessage(refusal: Refusal, question: Question, mode: Searcher['mode'], documents: StoredDocument[]): string {
  const english = mode === 'lexical' ? englishNote(question) : '';
  const reading = `（问题读作：${describeReading(question)}）`;
  const outOfScope = refusal.code === 'OUT_OF_SCOPE' || refusal.code === 'YEAR_NOT_COVERED';
  const missing = [question.cities.length === 0 && placeKind(documents), question.years.length === 0 && '年份'].filter(Boolean);
  const advice = outOfScope ? '' : missing.length > 0 ? `可以写明${missing.join('和')}，或换个说法再问。` : '可以换个说法再问。';
  const covering = documents.filter((d) => question.cities.includes(d.city));
  const reports = outOfScope
    ? `现有报告：${documents.map((d) => `《${d.title}》`).join('、')}。`
    : covering.length > 0
      ? `${coverageLines(covering).join('；')}。`
      : '';
  return `${refusalMessage(refusal)}${reading}${unnamedPlaceNote(question, documents)}${english}${advice}${reports}`;
}

/** What an English question lost in translation without an embedding model. */
function englishNote(question: Question): string {
  const read = question.concepts.filter((c) => c.kind === 'english');
  if (read.length === 0) return '';
  const untranslated = read.filter((c) => c.variants[0] === c.label).map((c) => c.label);
  return untranslated.length > 0
    ? `英文问题里的 ${untranslated.join('、')} 在离线词典和报告用语中没有对应。`
    : '英文问题是按离线词典对照报告用语检索的，用中文提问会更准确。';
}

/** Each citation with the clauses of its quote that answer (a list's first citation is all answer). */
export function withSpans(citations: Citation[], question: Question, strategy: Strategy): Citation[] {
  return citations.map((citation, i) => {
    if (i === 0 && strategy === 'list') return citation;
    const span = answerRange(citation.quote, question);
    return span ? { ...citation, span } : citation;
  });
}

/** What the answer leads with: the first citation's span, for an answer that is one statement. */
export function leadSpan(citations: Citation[], strategy: Strategy): AnswerSpan | undefined {
  const span = citations[0]?.span;
  if (!span || strategy === 'per-year' || strategy === 'per-city' || strategy === 'per-question' || strategy === 'figures') return undefined;
  return { text: citations[0].quote.slice(span.start, span.end), citation: 0, ...span };
}

/** How the question was read, the best candidates with what each matched, and the decision. */
export function explanation(question: Question, solution: Solution, weightOf: ConceptWeight, tuning: AnswerTuning): Explanation {
  const { decision } = solution;
  return {
    reading: question.trace,
    strategy: decision.strategy,
    decision: decision.name,
    found: decision.found,
    ...(decision.refusal ? { reason: decision.refusal.code } : {}),
    weights: weighConcepts(question.concepts, weightOf, tuning).map(({ concept, weight, optional }) => ({ concept: concept.label, weight: Math.round(weight * 100) / 100, ...(optional ? { optional } : {}) })),
    candidates: solution.candidates.slice(0, EXPLAINED_CANDIDATES).map((s) => explainCandidate(s, tuning, question)),
    ...(solution.partDecisions
      ? {
          parts: solution.partDecisions.map(({ label, decision: part, context }) => ({
            label,
            strategy: part.strategy,
            decision: part.name,
            found: part.found,
            ...(part.refusal ? { reason: part.refusal.code } : {}),
            context,
          })),
        }
      : {}),
  };
}

function explainCandidate(s: ScoredSentence, tuning: AnswerTuning, question: Question): Explanation['candidates'][number] {
  return {
    docId: s.hit.passage.docId,
    section: s.hit.passage.section,
    sentence: s.sentence.text,
    coverage: Math.round(s.coverage * 1000) / 1000,
    score: Math.round(s.score * 1000) / 1000,
    matched: s.matched,
    ...(s.mismatch ? { mismatch: s.mismatch } : {}),
    answers: answers(s, tuning, question),
  };
}

import type { Answer } from '../answer/types.js';
import { compactText } from '../text/normalize.js';
import { UNANSWERABLE_TYPES, type EvalQuestion } from './questions.js';

export interface QuestionResult {
  id: string;
  type: string;
  question: string;
  answerable: boolean;
  found: boolean;
  /**
   * First citation's quote holds a gold string and comes from an allowed report (and the answer was
   * given); with `gold_all`, the answer text holds one string of every inner list.
   */
  correctAt1: boolean;
  /** Answered right: correct at 1 when answerable, "not found" when not. */
  right: boolean;
  /** Rank (1-based) of the first citation whose passage holds a gold string from an allowed report; 0 if none in the top 5. */
  goldRank: number;
  /** Quotes that are not verbatim in their cited report. */
  unfaithfulQuotes: string[];
  quoteCount: number;
  totalMs: number;
  mode: string;
  answer: string;
  firstCitation?: { docId: string; quote: string };
}

export interface Summary {
  questions: number;
  answerable: number;
  /** Share of all questions answered right (see `QuestionResult.right`). */
  right: number;
  accuracyAt1: number;
  recallAt5: number;
  mrr: number;
  /** Share of unanswerable questions answered `found: false`. */
  abstention: number;
  /** Share of answerable questions wrongly answered `found: false`. */
  falseRefusals: number;
  quoteFidelity: number;
  medianMs: number;
  p95Ms: number;
  modes: string[];
}

/** Scores one answer. `sources` maps a report id to its file text, for the verbatim check. */
export function scoreAnswer(item: EvalQuestion, answer: Answer, sources: Map<string, string>): QuestionResult {
  const gold = item.gold.map(compactText);
  const holdsGold = (text: string) => gold.some((g) => compactText(text).includes(g));
  const holdsEveryPart = (text: string) => item.gold_all!.every((part) => part.some((g) => compactText(text).includes(compactText(g))));
  const allowed = (docId: string) => item.docs.includes(docId);
  const first = answer.citations[0];
  const top5 = answer.citations.slice(0, 5);
  const rankIndex = top5.findIndex((c) => allowed(c.docId) && holdsGold(c.passage));
  const unfaithfulQuotes = answer.citations
    .filter((c) => !compactText(sources.get(c.docId) ?? '').includes(compactText(c.quote)))
    .map((c) => c.quote);
  const answerable = !UNANSWERABLE_TYPES.has(item.type);
  const correctAt1 = item.gold_all ? answer.found && holdsEveryPart(answer.answer) : answer.found && !!first && allowed(first.docId) && holdsGold(first.quote);
  return {
    id: item.id,
    type: item.type,
    question: item.q,
    answerable,
    found: answer.found,
    correctAt1,
    right: answerable ? correctAt1 : !answer.found,
    goldRank: rankIndex + 1,
    unfaithfulQuotes,
    quoteCount: answer.citations.length,
    totalMs: answer.timings.totalMs,
    mode: answer.mode,
    answer: answer.answer,
    ...(first ? { firstCitation: { docId: first.docId, quote: first.quote } } : {}),
  };
}

export function summarize(results: QuestionResult[]): Summary {
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const quotes = results.reduce((n, r) => n + r.quoteCount, 0);
  const unfaithful = results.reduce((n, r) => n + r.unfaithfulQuotes.length, 0);
  const times = results.map((r) => r.totalMs).sort((a, b) => a - b);
  return {
    questions: results.length,
    answerable: answerable.length,
    right: share(results, (r) => r.right),
    accuracyAt1: share(answerable, (r) => r.correctAt1),
    recallAt5: share(answerable, (r) => r.goldRank > 0),
    mrr: answerable.length ? answerable.reduce((s, r) => s + (r.goldRank ? 1 / r.goldRank : 0), 0) / answerable.length : Number.NaN,
    abstention: share(unanswerable, (r) => !r.found),
    falseRefusals: share(answerable, (r) => !r.found),
    quoteFidelity: quotes ? (quotes - unfaithful) / quotes : 1,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    modes: [...new Set(results.map((r) => r.mode))],
  };
}

function share<T>(items: T[], test: (item: T) => boolean): number {
  return items.length ? items.filter(test).length / items.length : Number.NaN;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

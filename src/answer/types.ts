import type { FigureSeries } from '../figures/types.js';
import type { ReadingNote } from '../search/question.js';
import type { ReasonCode } from './reasons.js';
import type { RejectionCode } from './sanitize.js';
import type { Mismatch } from './select.js';
import type { QuoteRange } from './span.js';

export interface Citation {
  /** Manifest id of the report, e.g. `TY2025`. */
  docId: string;
  title: string;
  /** Year the report was delivered in. */
  year: number;
  section: string;
  /** Where the report is published, when the manifest gives it (`url`). */
  url?: string;
  /** The page the quote starts on, for reports read from a PDF. */
  page?: number;
  /** Verbatim sentence(s) from the report that carry the answer. */
  quote: string;
  /** The retrieval passage around the quote. */
  passage: string;
  /** 0..1, how well the quote covers the question. */
  score: number;
  /** Character offsets of the quote in the report's text (for a text file, the file itself). */
  start: number;
  end: number;
  /** The clause(s) of the quote that answer the question: `quote.slice(span.start, span.end)`. */
  span?: QuoteRange;
  /** The numbered items of an enumeration quote, in order: `quote.slice(item.start, item.end)`. */
  items?: QuoteRange[];
}

/** The shortest verbatim piece of the first citation's quote that answers ("城镇新增就业8万人"). */
export interface AnswerSpan extends QuoteRange {
  text: string;
  /** Index of the citation in `citations` whose quote holds it at `start`..`end`. */
  citation: number;
}

/** One labelled piece of an answer in several parts: a city, a year, a target or a result. */
export interface AnswerPart {
  /** 太原, 晋中, 2024年（实际）, 2025年（目标）, 十四五… */
  label: string;
  /** Index of the citation that answers this part in `citations`, or -1 when the reports do not say. */
  citation: number;
}

/** How the question was read: with typing slips fixed and, in a conversation, context filled in. */
export interface Understood {
  question: string;
  cities: string[];
  years: number[];
  /** The previous question's city, year or topic was used to read this one. */
  contextUsed: boolean;
  /** 今年/去年/明年 were counted from this year, the asked place's newest report's, because no report of it plans the clock's year. */
  yearFromReports?: number;
}

export interface Answer {
  question: string;
  found: boolean;
  /** The quoted answer when found; otherwise a plain explanation in Chinese. */
  answer: string;
  /**
   * Best first. When `found` is false these are at most three closest passages, if any: possibly
   * related, not an answer.
   */
  citations: Citation[];
  /** When found: what answers, before the sentence it stands in. */
  answerSpan?: AnswerSpan;
  /** For answers in labelled parts (per city, per year): each part and its citation. */
  parts?: AnswerPart[];
  /** For answers from the figures table: the figures, one point per part, for a chart. */
  series?: FigureSeries;
  /** When not found: up to two questions in the reports' words, built from the closest passages, that the reports do answer. */
  rephrasings?: string[];
  understood: Understood;
  mode: 'hybrid' | 'lexical';
  /** In hybrid mode, the dense half's embedder: a model id, or `sif` (sentence vectors from the word vectors). */
  embedder?: string;
  timings: Record<string, number> & { totalMs: number };
  /** Set when the question itself could not be used (empty, no words, too long); `answer` then says why. */
  error?: RejectionCode;
  /** Why the reports did not answer a usable question (see `reasons.ts`); absent when found. */
  reason?: ReasonCode;
  /** How the question was read and why it was answered or refused; only when asked for (`explain`). */
  explain?: Explanation;
}

/** The decision trace of one answer. */
export interface Explanation {
  /** Each reading step and what it did, in order. */
  reading: ReadingNote[];
  /** The strategy that answered (single, list, item, per-year, per-city, about-the-report) and the named rule that decided. */
  strategy: string;
  decision: string;
  found: boolean;
  reason?: ReasonCode;
  /** What each concept weighs when the judge measures coverage; an optional one (the asker's story) counts only where a sentence says it. */
  weights: Array<{ concept: string; weight: number; optional?: boolean }>;
  /** The best-ranked candidate sentences with what each matched, and whether the judge let it answer. */
  candidates: ExplainedCandidate[];
  /** For an answer in parts: how each part was decided, and where it looked (its context notes). */
  parts?: Array<{ label: string; strategy: string; decision: string; found: boolean; reason?: ReasonCode; context: string[] }>;
}

export interface ExplainedCandidate {
  docId: string;
  section: string;
  sentence: string;
  coverage: number;
  score: number;
  /** The question's concepts the sentence says, with how much (1 outright; less for its passage, part of a word or a near word). */
  matched: Array<{ concept: string; presence: number }>;
  /** Why it cannot answer although it covers the words: another figure, year or unit. */
  mismatch?: Mismatch;
  answers: boolean;
}

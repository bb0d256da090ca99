import type { RejectionCode } from './sanitize.js';

export interface Citation {
  /** Manifest id of the report, e.g. `TY2025`. */
  docId: string;
  title: string;
  /** Year the report was delivered in. */
  year: number;
  section: string;
  /** Verbatim sentence(s) from the report that carry the answer. */
  quote: string;
  /** The retrieval passage around the quote. */
  passage: string;
  /** 0..1, how well the quote covers the question. */
  score: number;
  /** Character offsets of the quote in the report file. */
  start: number;
  end: number;
}

export interface Answer {
  question: string;
  found: boolean;
  /** The quoted answer when found; otherwise a plain explanation in Chinese. */
  answer: string;
  /** Best first. When `found` is false these are the closest passages, if any. */
  citations: Citation[];
  mode: 'hybrid' | 'lexical';
  timings: Record<string, number> & { totalMs: number };
  /** Set when the question itself could not be used (empty, no words, too long); `answer` then says why. */
  error?: RejectionCode;
}

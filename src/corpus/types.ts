import type { Credit } from './clean.js';

/** One report as described by `corpus/manifest.json` (or guessed for a file without an entry). */
export interface DocumentMeta {
  /** Stable id used in citations, e.g. `TY2025`. */
  id: string;
  /** File name inside the corpus folder. */
  file: string;
  title: string;
  /** City the report is about, e.g. `太原`; empty when it could not be guessed. */
  city: string;
  /** Year the report was delivered in (its plan year); 0 when unknown. */
  year: number;
  /** Year the report looks back on; 0 when unknown. */
  reviews: number;
  kind?: string;
}

/** Whether a part of a report looks back (review) or forward (plan). */
export type SectionKind = 'review' | 'plan';

/** A sentence: a contiguous piece of the source file (only whitespace is dropped inside it). */
export interface Sentence {
  text: string;
  /** Character offsets into the original file: `source.slice(start, end)` holds the sentence. */
  start: number;
  end: number;
  /**
   * Sentences with the same run number follow each other in the source with nothing but white
   * space between them, so quoting them together is still verbatim.
   */
  run: number;
}

/** A retrieval unit: a few consecutive sentences of one section. */
export interface Passage {
  /** Position in the corpus-wide passage list. */
  id: number;
  docId: string;
  section: string;
  sectionKind: SectionKind;
  text: string;
  start: number;
  end: number;
  sentences: Sentence[];
}

export interface CorpusDocument {
  meta: DocumentMeta;
  /** The report's text as its reader extracted it (for a text file, the file decoded): what offsets refer to. */
  source: string;
  /** For paged formats: where each page starts in `source`. */
  pageStarts?: number[];
  /** Bylines, mastheads and photo credits removed from the text, with their place in the file. */
  credits: Credit[];
  passages: Passage[];
}

export interface Corpus {
  documents: CorpusDocument[];
  passages: Passage[];
  /** Files that could not be read, and why. */
  skipped: Array<{ file: string; reason: string }>;
}

export interface ChunkingOptions {
  /** A passage grows until it holds at least this many characters... */
  minChars: number;
  /** ...and never beyond this many, unless one sentence alone is longer. */
  maxChars: number;
}

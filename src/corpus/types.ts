import type { Credit } from './clean.js';
import type { FileStamp, SkippedFile } from './folder.js';

export const LEVELS = ['national', 'province', 'city', 'county'] as const;
export type Level = (typeof LEVELS)[number];

/** The place a national report is about (questions say 全国, 国家, 中国, China). */
export const NATIONAL = '全国';

/** One report as described by `corpus/manifest.json` (or guessed for a file without an entry). */
export interface DocumentMeta {
  /** Stable id used in citations, e.g. `TY2025`. */
  id: string;
  /** File name inside the corpus folder. */
  file: string;
  title: string;
  /** Whose report it is: the State Council's (national), a province's, a city's or a county's (or district's). */
  level: Level;
  /**
   * The place the report is about, as questions name it: a city (`太原`), a province (`山西`), a
   * county or district (`小店`), or `全国` for the national report; empty when it could not be read.
   */
  city: string;
  /** Year the report was delivered in (its plan year); 0 when unknown. */
  year: number;
  /** Year the report looks back on; 0 when unknown. */
  reviews: number;
  kind?: string;
  /** Where the report is published (an http(s) address), for a link beside its citations. */
  url?: string;
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
  /** The file's size and times when it was read. */
  stamp?: FileStamp;
  /** Bylines, mastheads and photo credits removed from the text, with their place in the file. */
  credits: Credit[];
  passages: Passage[];
}

export interface Corpus {
  documents: CorpusDocument[];
  passages: Passage[];
  /** Files that could not be read, and why. */
  skipped: SkippedFile[];
}

export interface ChunkingOptions {
  /** A passage grows until it holds at least this many characters... */
  minChars: number;
  /** ...and never beyond this many, unless one sentence alone is longer. */
  maxChars: number;
}

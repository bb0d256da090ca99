import type { ErrorCode } from '../../errors.js';

/** A report's text as extracted from its file, with a way back to where it stands in that file. */
export interface ExtractedReport {
  /** The text that passages, quotes and offsets refer to. */
  text: string;
  /** For paged formats (PDF): the text offset where each page starts, page 1 first. */
  pageStarts?: number[];
  /** A title the file itself gives (an HTML <title>, PDF metadata), when it gives one. */
  titleCandidate?: string;
}

/** A file read: its text, or why it was skipped (one line, for the ingest summary) and, for a limit or a file that is no report, its code. */
export type ReadOutcome = { ok: true; report: ExtractedReport } | { ok: false; reason: string; code?: ErrorCode };

/** One reader per format; `read` never throws for a bad file, it says why it cannot be read. */
export interface ReportReader {
  /** File name extensions, lower case, with the dot: `.txt`. */
  extensions: string[];
  read(bytes: Buffer, file: string): Promise<ReadOutcome>;
}

/** The page a text offset falls on (1-based), or undefined for formats without pages. */
export function pageAt(pageStarts: number[] | undefined, offset: number): number | undefined {
  if (!pageStarts) return undefined;
  let page = 0;
  while (page + 1 < pageStarts.length && pageStarts[page + 1] <= offset) page++;
  return page + 1;
}

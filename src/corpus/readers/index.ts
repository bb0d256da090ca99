import path from 'node:path';
import { docxReader } from './docx.js';
import { htmlReader } from './html.js';
import { pdfReader } from './pdf.js';
import { textReader } from './text.js';
import type { ReadOutcome, ReportReader } from './types.js';

/** Every format the corpus reads, one reader each; a reader loads its parsing libraries on its first file. */
export const READERS: ReportReader[] = [textReader, htmlReader, pdfReader, docxReader];

export function readerFor(file: string): ReportReader | undefined {
  const extension = path.extname(file).toLowerCase();
  return READERS.find((r) => r.extensions.includes(extension));
}

/** Reads a report file with the reader for its extension; never throws for a bad file. */
export async function readReport(file: string, bytes: Buffer): Promise<ReadOutcome> {
  const reader = readerFor(file);
  if (!reader) return { ok: false, reason: `no reader for ${path.extname(file) || 'files without an extension'}` };
  try {
    return await reader.read(bytes, file);
  } catch (error) {
    return { ok: false, reason: `unreadable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

import type { QuoteCheck } from '../answer/verbatim.js';
import type { ReadLimits } from '../config.js';
import type { StoredDocument } from '../store/types.js';
import { compactText } from '../text/normalize.js';
import { fileStamp, insideCorpus, readReportFile, type FileStamp } from './folder.js';
import { createReportSandbox, type ReportSandbox } from './readers/sandbox.js';

/**
 * Checks quotes against the reports in the corpus folder. A report whose file has the size,
 * modification and change time it had when the index was built is the text the index holds, and
 * costs one lstat; one that changed since (even with its modification time put back) is read
 * again in the sandbox, once per change, and the quote must be its text at the quote's offsets
 * (white space aside). A report whose file is not here (a replica without the corpus) is not
 * checked against it.
 */
export function createSourceCheck(corpusDir: string, documents: StoredDocument[], reading: ReadLimits): QuoteCheck & { close(): Promise<void> } {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const reread = new Map<string, { stamp: FileStamp; text: string | null }>();
  let sandbox: ReportSandbox | null = null;

  const textNow = async (doc: StoredDocument, file: string, stamp: FileStamp): Promise<string | null> => {
    const cached = reread.get(doc.id);
    if (cached && sameStamp(cached.stamp, stamp)) return cached.text;
    sandbox ??= createReportSandbox(reading);
    const outcome = await readReportFile(file, sandbox, reading);
    const text = outcome.ok ? outcome.report.text : null;
    reread.set(doc.id, { stamp, text });
    return text;
  };

  const check = async ({ docId, start, end, quote }: Parameters<QuoteCheck>[0]): Promise<boolean> => {
    const doc = byId.get(docId);
    const file = doc?.source ? insideCorpus(corpusDir, doc.file) : null;
    const stamp = file ? fileStamp(file) : null;
    if (!doc?.source || !file || !stamp || sameStamp(stamp, doc.source)) return true;
    const text = await textNow(doc, file, stamp);
    return text !== null && compactText(text.slice(start, end)) === compactText(quote);
  };
  return Object.assign(check, { close: async () => sandbox?.close() });
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

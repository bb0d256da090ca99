import type { IndexWriter, StoreBuild, StoreBuildEnd } from '../types.js';

/**
 * A writer that keeps every report it is given, for a backend that writes a build in one
 * transaction once it is complete (the version's rows are prepared before the transaction opens).
 */
export function bufferedBuild(): { writer: IndexWriter; whole(end: StoreBuildEnd): StoreBuild } {
  const parts: Pick<StoreBuild, 'documents' | 'passages' | 'figures'> = { documents: [], passages: [], figures: [] };
  return {
    writer: {
      async addReport(document, passages, figures) {
        parts.documents.push(document);
        parts.passages.push(...passages);
        parts.figures.push(...figures);
      },
      async *passageTexts(size) {
        for (let from = 0; from < parts.passages.length; from += size) yield parts.passages.slice(from, from + size).map((p) => p.text);
      },
    },
    whole: (end) => ({ ...end, ...parts }),
  };
}

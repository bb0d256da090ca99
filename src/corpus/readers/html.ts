import { decodeText } from './text.js';
import type { ReportReader } from './types.js';

/** Elements that hold a paragraph or heading of the report; each becomes one line of text. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, td';

/**
 * A saved report page: the main text as Readability finds it (not navigation, footers or share
 * buttons), one line per paragraph or heading, and the page's title as a title candidate. The page
 * may be UTF-8 or GB18030/GBK like a text file.
 */
export const htmlReader: ReportReader = {
  extensions: ['.html', '.htm'],
  async read(bytes) {
    const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    const { document } = parseHTML(decoded.report.text);
    const title = document.querySelector('title')?.textContent?.trim() || undefined;
    const article = new Readability(document as unknown as Document).parse();
    if (!article?.content) return { ok: false, reason: 'no main text found in the page' };
    const { document: main } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const blocks = [...main.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
    const lines = (blocks.length > 0 ? blocks.map((el) => el.textContent ?? '') : [main.body.textContent ?? ''])
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    if (lines.length === 0) return { ok: false, reason: 'no main text found in the page' };
    return { ok: true, report: { text: lines.join('\n\n'), ...(title ?? article.title ? { titleCandidate: title ?? article.title ?? undefined } : {}) } };
  },
};

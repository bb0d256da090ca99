import type { ReportReader } from './types.js';

/**
 * A Word (.docx) report: its paragraphs and headings in order (`mammoth`), one line each, headings
 * marked `## ` so the cleaner takes them as section titles; the first heading as a title candidate.
 */
export const docxReader: ReportReader = {
  extensions: ['.docx'],
  async read(bytes) {
    const [{ default: mammoth }, { parseHTML }] = await Promise.all([import('mammoth'), import('linkedom')]);
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const lines: string[] = [];
    let title: string | undefined;
    for (const element of document.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li')) {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const heading = /^H\d$/.test(element.tagName);
      title ??= heading ? text : undefined;
      lines.push(heading ? `## ${text}` : text);
    }
    if (lines.length === 0) return { ok: false, reason: 'no text in the document' };
    return { ok: true, report: { text: lines.join('\n\n'), ...(title ? { titleCandidate: title } : {}) } };
  },
};

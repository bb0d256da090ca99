import type { ReportReader } from './types.js';

/**
 * CJK Radicals Supplement characters (U+2E80–U+2EFF) that PDF text extraction returns in place of
 * the ordinary character the page shows; NFKC does not map these (it does map the Kangxi radicals,
 * U+2F00–U+2FDF, which `ordinaryCharacters` maps one by one).
 */
const RADICALS: Record<string, string> = {
  '⺠': '民', '⻓': '长', '⻔': '门', '⻛': '风', '⻜': '飞', '⻢': '马', '⻥': '鱼', '⻦': '鸟', '⻋': '车', '⻉': '贝',
  '⻚': '页', '⻅': '见', '⻄': '西', '⻘': '青', '⻝': '食', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙',
  '⻙': '韦', '⻆': '角', '⻊': '足', '⻑': '長', '⻣': '骨', '⻤': '鬼', '⻧': '卤', '⺟': '母', '⺢': '水', '⺮': '竹',
  '⺶': '羊', '⺷': '羊', '⻌': '辶', '⻍': '辶', '⺌': '小', '⺍': '小', '⺈': '刀', '⺧': '牛', '⺨': '犬', '⺩': '王',
  '⺫': '目', '⺬': '示', '⺯': '糸', '⺰': '纟', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⻁': '虎', '⻂': '衣', '⻃': '西',
  '⻏': '邑', '⻖': '阜', '⻗': '雨', '⻟': '食', '⻠': '饣', '⻡': '首', '⻯': '龙', '⻲': '龟',
};

/** Ordinary characters for the radical look-alikes a PDF's fonts map glyphs to; nothing else changes. */
export function ordinaryCharacters(text: string): string {
  return text.replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC')).replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c);
}

/** A running header or footer: a page number ("- 3 -", "第3页", "3/12"), repeated on many pages. */
const PAGE_NUMBER = /^[-—\s]*(第\s*)?\d+\s*(页|\/\s*\d+)?[-—\s]*$/;

/**
 * A printed report: its text page by page (`unpdf`), with radical look-alikes mapped to ordinary
 * characters, page numbers and lines repeated at the top or bottom of most pages dropped, and the
 * page where each page starts in the text (citations say 第N页). Lines broken by the layout stay
 * broken; the cleaner joins them as it does for hard-wrapped text files.
 */
export const pdfReader: ReportReader = {
  extensions: ['.pdf'],
  async read(bytes) {
    const { extractText, getDocumentProxy, getMeta } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
    const linesOf = pages.map((page) => ordinaryCharacters(page).split('\n').map((l) => l.trim()).filter(Boolean));
    const repeated = runningLines(linesOf);
    const pageStarts: number[] = [];
    let text = '';
    for (const lines of linesOf) {
      pageStarts.push(text.length);
      const kept = lines.filter((line) => !PAGE_NUMBER.test(line) && !repeated.has(line));
      text += `${kept.join('\n')}\n`;
    }
    if (text.trim() === '') return { ok: false, reason: 'no text in the PDF (a scan needs OCR first)' };
    const title = typeof info.Title === 'string' && info.Title.trim() ? ordinaryCharacters(info.Title.trim()) : undefined;
    return { ok: true, report: { text, pageStarts, ...(title ? { titleCandidate: title } : {}) } };
  },
};

/** First and last lines that recur on more than half the pages: running headers and footers. */
function runningLines(pages: string[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const lines of pages) for (const line of new Set([...lines.slice(0, 2), ...lines.slice(-2)])) counts.set(line, (counts.get(line) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > pages.length / 2).map(([line]) => line));
}

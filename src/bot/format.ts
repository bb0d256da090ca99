import type { Answer, Citation } from '../answer/types.js';
import { TEXT } from './texts.js';

/** Telegram's limit for one message, counted after entity parsing; we count the HTML, which is longer. */
export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const FIGURE = /\d+(?:[.,]\d+)*(?:%|‰|万|亿|千|百)*(?:平方公里|公里|万亩|亿元|万元|元|个|户|人次|人|吨|辆|所|项|名|位|座|条|家|天|亩|件|套|场|次|年)?/g;

/** Escapes a quote and sets its figures in bold so they are easy to spot. */
export function highlightFigures(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(FIGURE)) {
    html += `${escapeHtml(text.slice(last, match.index))}<b>${escapeHtml(match[0])}</b>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** `—— 《title》 · 第3页 · section` (the page only for reports read from a PDF). */
export function sourceLine(citation: Citation): string {
  return `—— 《${escapeHtml(citation.title)}》 · ${citation.page ? `第${citation.page}页 · ` : ''}${escapeHtml(citation.section)}`;
}

/**
 * The answer as Telegram HTML blocks: how the question was read (when the conversation filled it
 * in), then each quote in a blockquote followed by its source; an answer in parts (per city, per
 * year) gives each part its bold label. A not-found answer is plain text. Blocks are whole
 * elements, so splitting between them is safe.
 */
export function answerBlocks(answer: Answer): string[] {
  const reading = answer.understood.contextUsed ? [`<i>${escapeHtml(TEXT.understood(answer.understood.question))}</i>`] : [];
  if (!answer.found) return [...reading, escapeHtml(answer.answer)];
  const parts = answer.parts ?? [{ label: '', citation: 0 }];
  return [
    ...reading,
    ...parts.flatMap(({ label, citation: index }) => {
      const heading = label ? `<b>${escapeHtml(label)}</b>\n` : '';
      const citation = answer.citations[index];
      if (!citation) return [`${heading}${escapeHtml(TEXT.notInReports)}`];
      return quoteBlocks(citation.quote).map((block, part, all) => (part === 0 ? heading : '') + block + (part === all.length - 1 ? `\n${sourceLine(citation)}` : ''));
    }),
  ];
}

/** A quote as one or more blockquotes, cut between sentences when it is too long for one message. */
function quoteBlocks(quote: string): string[] {
  const budget = MESSAGE_LIMIT - 600;
  const pieces: string[] = [];
  let current = '';
  for (const sentence of quote.match(/[^。！？；]+[。！？；]?[”’」）]*/g) ?? [quote]) {
    if (current && highlightFigures(current + sentence).length > budget) {
      pieces.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current) pieces.push(current);
  return pieces.flatMap((piece) => hardSplit(piece, budget)).map((piece) => `<blockquote>${highlightFigures(piece)}</blockquote>`);
}

/** Last resort for a single sentence longer than a message: cut at a comma, else anywhere. */
function hardSplit(text: string, budget: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (highlightFigures(rest).length > budget) {
    const window = rest.slice(0, Math.floor(budget / 2));
    const cut = Math.max(window.lastIndexOf('，'), window.lastIndexOf('、')) + 1 || window.length;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return rest ? [...parts, rest] : parts;
}

/** Packs blocks into messages of at most MESSAGE_LIMIT characters, never splitting a block. */
export function packMessages(blocks: string[], separator = '\n\n'): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    if (current && current.length + separator.length + block.length > MESSAGE_LIMIT) {
      messages.push(current);
      current = block;
    } else {
      current = current ? current + separator + block : block;
    }
  }
  if (current) messages.push(current);
  return messages;
}

export function citationBlock(citation: Citation, index: number): string {
  return `${index}. <blockquote>${highlightFigures(citation.quote)}</blockquote>\n${sourceLine(citation)}`;
}

export function passageBlocks(citation: Citation): string[] {
  return [`<b>《${escapeHtml(citation.title)}》 · ${escapeHtml(citation.section)}</b>`, ...quoteBlocks(citation.passage)];
}

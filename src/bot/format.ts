import { readingLine } from '../answer/compose.js';
import type { Answer, AnswerPart, Citation } from '../answer/types.js';
import type { QuoteRange } from '../answer/span.js';
import { TEXT } from './texts.js';

/** Telegram's limit for one message, counted after entity parsing; we count the HTML, which is longer. */
export const MESSAGE_LIMIT = 4096;
/** How a quote is laid out: longer than `foldChars` characters or `foldItems` items, it is collapsed (`<blockquote expandable>`). */
export const LAYOUT = { foldChars: 200, foldItems: 4, quoteBudget: MESSAGE_LIMIT - 600 };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const FIGURE = /\d+(?:[.,]\d+)*(?:%|‰|万|亿|千|百)*(?:平方公里|公里|万亩|亿元|万元|元|个|户|人次|人|吨|辆|所|项|名|位|座|条|家|天|亩|件|套|场|次|年)?/g;

/** Escapes text and sets its figures in bold so they are easy to spot. */
export function highlightFigures(text: string): string {
  return markFigures(text, { start: 0, end: text.length });
}

/** Escapes text and sets in bold the figures that lie within `bold` (offsets in `text`). */
function markFigures(text: string, bold: QuoteRange | undefined): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(FIGURE)) {
    const end = match.index + match[0].length;
    if (!bold || match.index < bold.start || end > bold.end) continue;
    html += `${escapeHtml(text.slice(last, match.index))}<b>${escapeHtml(match[0])}</b>`;
    last = end;
  }
  return html + escapeHtml(text.slice(last));
}

/** `—— 《title》 · 第3页 · section`, the title linked to the report when its source address is known. */
export function sourceLine(citation: Citation): string {
  const title = `《${escapeHtml(citation.title)}》`;
  const linked = citation.url ? `<a href="${escapeHtml(citation.url).replace(/"/g, '&quot;')}">${title}</a>` : title;
  return `—— ${linked} · ${citation.page ? `第${citation.page}页 · ` : ''}${escapeHtml(citation.section)}`;
}

/**
 * The answer as Telegram HTML blocks: how the question was read (when the conversation filled it
 * in); then the answer itself (the clause, the items) with only its figures in bold; then the quote
 * it stands in (one item per line, collapsed when long) and its source. An answer in parts (per
 * city, per year) is a short aligned list, label first, with the quotes collapsed below. Blocks are
 * whole elements, so splitting between them is safe.
 */
export function answerBlocks(answer: Answer): string[] {
  const line = readingLine(answer.understood);
  const reading = line ? [`<i>${escapeHtml(line)}</i>`] : [];
  if (!answer.found || answer.citations.length === 0) return [...reading, escapeHtml(answer.answer)];
  if (answer.parts) return [...reading, ...partBlocks(answer.parts, answer.citations, answer.series && answer.answer)];
  return [...reading, ...statementBlocks(answer.citations[0])];
}

/** One citation as the answer: the span first when it is less than the quote, then the quote and its source. */
function statementBlocks(citation: Citation): string[] {
  const { quote, span } = citation;
  const partial = span !== undefined && !coversAll(quote, span);
  const lead = partial ? [(citation.items ? units(citation, span) : [span]).map((u) => markFigures(quote.slice(u.start, u.end), { start: span.start - u.start, end: span.end - u.start })).join('\n')] : [];
  const quoted = quoteBlocks(citation, partial ? undefined : span);
  quoted[quoted.length - 1] += `\n${sourceLine(citation)}`;
  return [...lead, ...quoted];
}

/**
 * Labelled parts: one aligned line each (label, then what answers), or the answer's own lines for
 * figures from the table (`lead`), then every part's quote and source, collapsed.
 */
function partBlocks(parts: AnswerPart[], citations: Citation[], lead?: string): string[] {
  const width = Math.max(...parts.map((p) => displayWidth(p.label)));
  const lines = parts.map(({ label, citation: index }) => {
    const citation = citations[index];
    const said = citation ? spanText(citation) : TEXT.notInReports;
    const html = citation ? markFigures(said, { start: 0, end: said.length }) : escapeHtml(said);
    return `<b>${escapeHtml(label)}</b>${pad(width - displayWidth(label))}　${html}`;
  });
  const details = parts.flatMap(({ label, citation: index }, i) => {
    const citation = parts.findIndex((p) => p.citation === index) === i ? citations[index] : undefined;
    return citation ? [`<b>${escapeHtml(label)}</b> ${escapeHtml(citation.quote)}\n${sourceLine(citation)}`] : [];
  });
  return [lead ? escapeHtml(lead) : lines.join('\n'), ...packInto(details, '\n\n', LAYOUT.quoteBudget).map((body) => `<blockquote expandable>${body}</blockquote>`)];
}

/** A further citation (更多来源): numbered, its answering clause in bold figures, its source. */
export function citationBlock(citation: Citation, index: number): string {
  const blocks = quoteBlocks(citation, citation.span);
  return `${index}. ${blocks.join('\n')}\n${sourceLine(citation)}`;
}

export function passageBlocks(citation: Citation): string[] {
  const heading = `<b>${sourceLine(citation).replace(/^—— /, '')}</b>`;
  return [heading, ...quoteBlocks({ ...citation, quote: citation.passage, items: undefined }, undefined)];
}

/**
 * A quote as one or more blockquotes (collapsed when long), cut between items or sentences when
 * too long for one message; figures bold only within `bold`.
 */
function quoteBlocks(citation: Citation, bold: QuoteRange | undefined): string[] {
  const { quote, items } = citation;
  const pieces = units(citation, { start: 0, end: quote.length }).flatMap((u) => hardSplit(quote, u, LAYOUT.quoteBudget));
  const separator = items ? '\n' : '';
  const rendered = pieces.map((u) => markFigures(quote.slice(u.start, u.end), bold && { start: bold.start - u.start, end: bold.end - u.start }));
  const fold = quote.length > LAYOUT.foldChars || (items?.length ?? 0) > LAYOUT.foldItems;
  return packInto(rendered, separator, LAYOUT.quoteBudget).map((body) => `<blockquote${fold ? ' expandable' : ''}>${body}</blockquote>`);
}

/** The pieces of `range` of a quote laid out one per line: the lead-in and each item of a list, or its sentences. */
function units(citation: Citation, range: QuoteRange): QuoteRange[] {
  const { quote, items } = citation;
  const cuts = [0, ...(items ? items.map((i) => i.start) : [...quote.matchAll(/[^。！？；]+[。！？；]?[”’」）]*/g)].map((m) => m.index))];
  const bounds = [...new Set([...cuts, quote.length])].sort((a, b) => a - b);
  const pieces: QuoteRange[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = Math.max(bounds[i], range.start);
    let end = Math.min(bounds[i + 1], range.end);
    if (items) while (end > start && /\s/.test(quote[end - 1])) end--;
    if (end > start) pieces.push({ start, end });
  }
  return pieces;
}

/** Last resort for a piece longer than a message: cut at a comma, else anywhere. */
function hardSplit(quote: string, piece: QuoteRange, budget: number): QuoteRange[] {
  const parts: QuoteRange[] = [];
  let { start } = piece;
  while (highlightFigures(quote.slice(start, piece.end)).length > budget) {
    const window = quote.slice(start, start + Math.floor(budget / 2));
    const cut = Math.max(window.lastIndexOf('，'), window.lastIndexOf('、')) + 1 || window.length;
    parts.push({ start, end: start + cut });
    start += cut;
  }
  return start < piece.end ? [...parts, { start, end: piece.end }] : parts;
}

function spanText(citation: Citation): string {
  return citation.span ? citation.quote.slice(citation.span.start, citation.span.end) : citation.quote;
}

/** The span is the whole quote but for white space and closing marks. */
function coversAll(quote: string, span: QuoteRange): boolean {
  return !/[^\s\p{P}]/u.test(quote.slice(0, span.start) + quote.slice(span.end));
}

/** Columns a label takes in a chat font: CJK and full-width characters two, others one. */
function displayWidth(text: string): number {
  return [...text].reduce((sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
}

/** White space `columns` wide: ideographic spaces, and an en space for an odd column. */
function pad(columns: number): string {
  return '\u3000'.repeat(Math.floor(columns / 2)) + (columns % 2 ? '\u2002' : '');
}

/** Packs blocks into messages of at most MESSAGE_LIMIT characters, never splitting a block. */
export function packMessages(blocks: string[], separator = '\n\n'): string[] {
  return packInto(blocks, separator, MESSAGE_LIMIT);
}

function packInto(blocks: string[], separator: string, limit: number): string[] {
  const messages: string[] = [];
  let current: string | undefined;
  for (const block of blocks) {
    if (current !== undefined && current.length + separator.length + block.length > limit) {
      messages.push(current);
      current = block;
    } else {
      current = current === undefined ? block : current + separator + block;
    }
  }
  if (current !== undefined) messages.push(current);
  return messages;
}

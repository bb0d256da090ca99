/**
 * Turns a raw report file into headings and paragraphs while remembering, for every kept
 * character, where it stands in the original file. Nothing is rewritten: a paragraph's text is
 * a concatenation of verbatim pieces of the source.
 */

export interface Heading {
  type: 'heading';
  text: string;
}

export interface Paragraph {
  type: 'paragraph';
  text: string;
  /** `offsets[i]` is the position in the source file of `text[i]`. */
  offsets: number[];
  /** Indices into `text` where something was removed (a photo credit): a sentence must end there. */
  breaks: number[];
  /** Only white space separates this paragraph from the paragraph before it (no heading, nothing removed). */
  joinsPrevious: boolean;
}

export type Block = Heading | Paragraph;

/** A line kept out of the text (byline, masthead, date line, photo credit), where it stands in the file. */
export interface Credit {
  text: string;
  start: number;
  end: number;
}

export interface CleanedText {
  blocks: Block[];
  /** Removed bylines, mastheads, photo credits and date lines, in file order. */
  credits: Credit[];
}

interface Line {
  text: string;
  start: number;
}

const HEADING_TAIL_MAX = 6;
const PAGE_MARKER = /[（(][上下]?[转接]第?\s*[0-9一二三四五六七八九十]+\s*版[）)]/g;
const TERMINAL = /[。！？；!?][”’」』）)]*$/;
const INNER_PUNCTUATION = /[，。；！？：,;:!?]/;
const NUMBERED_HEADING = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+[、\s]|第[一二三四五六七八九十]+部分|——)/;
const CREDIT_PATTERNS: RegExp[] = [
  /\s摄$/,
  /^(本报)?(记者|通讯员)\s/,
  /编辑整理$/,
  /^([\u4e00-\u9fa5]\s){3,}/,
  /^——.*会议上$/,
  /(市长|主任|书记)\s+[\u4e00-\u9fa5](\s?[\u4e00-\u9fa5]){1,3}$/,
  /^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]$/,
];

export function cleanText(source: string): CleanedText {
  const lines = splitLines(source);
  const style = detectStyle(lines);
  const blocks: Block[] = [];
  const credits: Credit[] = [];
  let open: Paragraph | null = null;
  let last: Line | null = null;
  let blankSinceLast = false;
  let removedSinceLast = false;

  const closeParagraph = () => {
    if (open && open.text.length > 0) blocks.push(open);
    open = null;
  };

  let wrappedHeading: Heading | null = null;

  for (const event of lineEvents(lines)) {
    if (event === 'blank') {
      blankSinceLast = true;
      continue;
    }
    if (event === 'removed') {
      removedSinceLast = true;
      continue;
    }
    let line = event;
    let headingTail = false;
    const heading = wrappedHeading;
    wrappedHeading = null;
    if (heading) {
      const rest = finishWrappedHeading(heading, line);
      headingTail = rest !== line;
      if (!rest) continue;
      line = rest;
    }
    if (isCredit(line.text)) {
      credits.push({ text: line.text, start: line.start, end: line.start + line.text.length });
      removedSinceLast = true;
      continue;
    }
    const continues =
      open !== null && last !== null && !line.text.startsWith('## ') && continuesParagraph(last.text, blankSinceLast || removedSinceLast, style);
    if (!continues && !headingTail && isHeading(line.text, style)) {
      closeParagraph();
      const heading: Heading = { type: 'heading', text: line.text.replace(/^##\s*/, '').trim() };
      blocks.push(heading);
      if (style.wrapped && line.text.length >= style.width - 2 && !TERMINAL.test(line.text)) wrappedHeading = heading;
    } else if (continues && open) {
      appendLine(open, line, removedSinceLast);
    } else {
      closeParagraph();
      const joinsPrevious = blocks.at(-1)?.type === 'paragraph' && !removedSinceLast;
      open = { type: 'paragraph', text: '', offsets: [], breaks: [], joinsPrevious };
      appendLine(open, line, false);
    }
    last = line;
    blankSinceLast = false;
    removedSinceLast = false;
  }
  closeParagraph();
  return { blocks, credits };
}

/**
 * A numbered heading that fills a hard-wrapped line may go on in the next line up to a sentence end
 * ("（一）…在克难前行" + "中持续向好。"). A short piece (a few characters) is taken as the heading's
 * tail; a longer one is the paragraph's own first sentence. Returns the rest of the line, if any.
 */
function finishWrappedHeading(heading: Heading, line: Line): Line | null {
  const end = line.text.search(/[。！？；]/);
  if (end < 0 || end >= HEADING_TAIL_MAX) return line;
  heading.text += line.text.slice(0, end + 1);
  const rest = line.text.slice(end + 1);
  const text = rest.trim();
  return text ? { text, start: line.start + end + 1 + (rest.length - rest.trimStart().length) } : null;
}

/** Each trimmed non-empty piece of a line; a page marker inside a line splits it and counts as removed text. */
function* lineEvents(lines: Line[]): Generator<Line | 'blank' | 'removed'> {
  for (const line of lines) {
    const ranges: Array<[number, number]> = [];
    let from = 0;
    for (const marker of line.text.matchAll(PAGE_MARKER)) {
      ranges.push([from, marker.index]);
      from = marker.index + marker[0].length;
    }
    ranges.push([from, line.text.length]);
    let emitted = false;
    for (const [index, [start, end]] of ranges.entries()) {
      if (index > 0) yield 'removed';
      const piece = line.text.slice(start, end);
      const text = piece.trim();
      if (text.length === 0) continue;
      yield { text, start: line.start + start + (piece.length - piece.trimStart().length) };
      emitted = true;
    }
    if (!emitted && ranges.length === 1) yield 'blank';
  }
}

interface Style {
  /** Lines hard-wrapped at a fixed width (every ~20 characters), paragraphs not marked by blank lines. */
  wrapped: boolean;
  /** Headings marked with `## `; other short lines are list items, not headings. */
  markdown: boolean;
  /** Median length of non-empty lines: the wrap width of a wrapped text. */
  width: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const piece of source.split('\n')) {
    lines.push({ text: piece, start });
    start += piece.length + 1;
  }
  return lines;
}

function detectStyle(lines: Line[]): Style {
  const filled = lines.map((l) => l.text.trim().length > 0);
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  const median = lengths.length ? lengths[Math.floor(lengths.length / 2)] : 0;
  const followedByText = filled.filter((f, i) => f && filled[i + 1]).length;
  return {
    wrapped: lengths.length >= 30 && median <= 30 && followedByText >= lengths.length / 2,
    markdown: lines.some((l) => l.text.startsWith('## ')),
    width: median,
  };
}

function isCredit(text: string): boolean {
  return text.length <= 60 && CREDIT_PATTERNS.some((p) => p.test(text));
}

function isHeading(text: string, style: Style): boolean {
  if (text.startsWith('## ')) return true;
  if (NUMBERED_HEADING.test(text) && text.length <= 60 && !TERMINAL.test(text)) return true;
  if (style.markdown) return false;
  const maxLength = style.wrapped ? 12 : 40;
  return text.length <= maxLength && !INNER_PUNCTUATION.test(text) && !TERMINAL.test(text);
}

/** Decides whether the next line carries on the sentence that `previous` left unfinished. */
function continuesParagraph(previous: string, separated: boolean, style: Style): boolean {
  if (TERMINAL.test(previous)) return false;
  if (!separated || style.wrapped) return true;
  if (!style.markdown && previous.length > 40) return true;
  return previous.includes('。') || /[，、：“（《]$/.test(previous) || hasOpenQuote(previous);
}

function hasOpenQuote(text: string): boolean {
  const opened = (text.match(/[“《（]/g) ?? []).length;
  const closed = (text.match(/[”》）]/g) ?? []).length;
  return opened > closed;
}

function appendLine(paragraph: Paragraph, line: Line, afterRemoval: boolean): void {
  if (afterRemoval && paragraph.text.length > 0) paragraph.breaks.push(paragraph.text.length);
  for (let i = 0; i < line.text.length; i++) paragraph.offsets.push(line.start + i);
  paragraph.text += line.text;
}

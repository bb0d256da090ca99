import { endsSentence, joinSentences } from '../corpus/chunk.js';
import { pageAt } from '../corpus/readers/types.js';
import type { Passage, Sentence } from '../corpus/types.js';
import type { StoredDocument } from '../store/types.js';
import { numberOf } from '../text/numerals.js';
import { tagWords } from '../text/tokenize.js';
import type { Citation } from './types.js';

/** A sentence of one clause shorter than this is a lead-in; the quote then takes the sentences after it too… */
const SHORT_SENTENCE = 30;
/** …unless it carries the asked figure and is long enough to stand alone ("城镇新增就业44万人。"). */
const FIGURE_SENTENCE = 10;
/** An enumeration is quoted up to this many items and characters. */
const MAX_ITEMS = 12;
const MAX_LIST_CHARS = 1200;
/** "加快培育3个潜力产业。", "办好十件民生实事。", "10件民生实事分别是：" */
const ANNOUNCES = /(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*(?:个|项|件|大|条|方面|类|种|批|所|座)[^，。；]{0,16}?(?:[。：:]|分别是|包括)/;
export const ITEM = /^(?:([一二三四五六七八九十]+)(?:是|、)|（([一二三四五六七八九十\d]+)）|(\d+)[、.．])/;

/** A sentence with the passage it belongs to. */
export interface Located {
  passage: Passage;
  sentence: Sentence;
}

export function cite(quoted: Located[], doc: StoredDocument, coverage: number): Citation {
  const { passage } = quoted[0];
  const sentences = quoted.map((q) => q.sentence);
  const page = pageAt(doc.pageStarts, sentences[0].start);
  return {
    docId: doc.id,
    title: doc.title,
    ...(doc.url ? { url: doc.url } : {}),
    year: doc.year,
    section: passage.section,
    ...(page ? { page } : {}),
    quote: joinSentences(sentences),
    passage: passage.text,
    score: Math.round(Math.min(coverage, 1) * 1000) / 1000,
    start: sentences[0].start,
    end: sentences[sentences.length - 1].end,
  };
}

/**
 * The sentence itself, or, when it is only a short lead such as "打造太原旅游热点门户。", the
 * sentences that follow it in the same run (still verbatim), up to three in all. A line of a list
 * of unpunctuated lines (a digest's task list) is not the lead of the next line: they are siblings.
 */
export function quoteAround(passage: Passage, sentence: Sentence, wantsFigure: boolean): Located[] {
  const standsAlone = wantsFigure && /\d|[两二三四五六七八九十]+[件项个条所座家批]/.test(sentence.text) && sentence.text.length >= FIGURE_SENTENCE;
  const quoted = [{ passage, sentence }];
  // A lead is one clause; a short sentence of several ("市县两级机构实现全覆盖，入选…名单。") says its own thing.
  if (sentence.text.length >= SHORT_SENTENCE || standsAlone || /[，,；;]/.test(sentence.text)) return quoted;
  for (let i = passage.sentences.indexOf(sentence) + 1; i < passage.sentences.length && quoted.length < 3; i++) {
    const next = passage.sentences[i];
    if (next.run !== sentence.run || (!endsSentence(sentence) && !endsSentence(next))) break;
    quoted.push({ passage, sentence: next });
    if (joinSentences(quoted.map((q) => q.sentence)).length >= SHORT_SENTENCE * 2) break;
  }
  return quoted;
}

/** Passages read at once while a list runs on (most lists end within a few). */
const FOLLOWING_PAGE = 8;

/**
 * For "有哪些" questions: the enumeration itself, not only the sentence that announces it. From an
 * announcing sentence ("加快培育3个潜力产业。") the quote runs on over the items that follow in the
 * same run, across passages of the same section (`following` gives the next passage); from an item
 * ("二是…") it starts at the announcing sentence before it.
 */
export async function enumerationAround(start: Located, following: (passage: Passage, limit: number) => Promise<Passage[]>): Promise<Enumeration | null> {
  const run: Located[] = [];
  const passages: Passage[] = [start.passage];
  for (let i = 0; i < passages.length && run.length < 60; i++) {
    const passage = passages[i];
    if (passage !== start.passage && passage.section !== start.passage.section) break;
    for (const sentence of passage.sentences) if (sentence.run === start.sentence.run) run.push({ passage, sentence });
    if (i === passages.length - 1 && run.length < 60) passages.push(...(await following(passage, FOLLOWING_PAGE)));
  }
  let at = run.findIndex((l) => l.sentence === start.sentence);
  if (at < 0) return null;
  if (!ANNOUNCES.test(start.sentence.text)) {
    if (!ITEM.test(start.sentence.text)) return null;
    let back = at - 1;
    while (back >= Math.max(0, at - MAX_ITEMS) && !ANNOUNCES.test(run[back].sentence.text)) back--;
    if (back < Math.max(0, at - MAX_ITEMS)) return null;
    at = back;
  }
  // "15件民生实事全部兑现。" reports on a list it does not give: only numbered items can follow it.
  const count = announcesItems(run[at].sentence.text) ? countOf(run[at].sentence.text) : undefined;
  const items: Located[] = [run[at]];
  let length = run[at].sentence.text.length;
  for (const next of run.slice(at + 1)) {
    if (items.length > Math.min(count ?? MAX_ITEMS, MAX_ITEMS) || length + next.sentence.text.length > MAX_LIST_CHARS) break;
    if (count === undefined && !ITEM.test(next.sentence.text)) break;
    items.push(next);
    length += next.sentence.text.length;
  }
  const itemized = items.slice(1).every((l) => ITEM.test(l.sentence.text));
  // Unnumbered items are the list only if there are as many as announced ("办好十件民生实事。" then one stray sentence is none).
  if (items.length < 2 || (!itemized && count !== undefined && items.length - 1 < count)) return null;
  return { items, itemized };
}

export interface Enumeration {
  /** The announcing sentence, then the items. */
  items: Located[];
  /** Every item is numbered (一是…, 二、…, （三）…): surely the list announced, not whatever follows. */
  itemized: boolean;
}

/** "办好十件民生实事。", "分别是：" lead into their items; a sentence ending in a verb (兑现, 完成) says what became of them. */
function announcesItems(text: string): boolean {
  const words = tagWords(text.replace(/[。：:；;！!\s]+$/, ''));
  const last = words[words.length - 1];
  return !last || /[：:]$/.test(text.trim()) || /(?:是|包括|如下)$/.test(last.word) || !last.tag.startsWith('v');
}

function countOf(text: string): number | undefined {
  const raw = text.match(ANNOUNCES)?.[1];
  return raw ? numberOf(raw) : undefined;
}

/** The number an enumeration item carries: 3 for "三是…", "（三）…" or "3、…". */
export function itemNumber(text: string): number | undefined {
  const match = text.match(ITEM);
  const raw = match?.[1] ?? match?.[2] ?? match?.[3];
  return raw ? numberOf(raw) : undefined;
}

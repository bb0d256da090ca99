import { asksFigure, type Question } from '../search/question.js';
import { amountInAskedUnit, comparable } from './select.js';

/** Where in a quote the answer itself stands: `quote.slice(start, end)`. */
export interface QuoteRange {
  start: number;
  end: number;
}

/** A clause ends after one of these; the span never ends on one. */
const CLAUSE_END = /[，,；;。！？!?：:]/;
const DIGIT = /\d|[两二三四五六七八九十百千万]+\s*[个件项所座家户条场次批类种位名块台辆套张处成倍]|翻番/;
const SPAN = {
  /** A span says at least this many characters besides the question's own words. */
  minOwnChars: 2,
};
const TIME = /年内|年底|年初|上半年|下半年|季度|\d+月|\d+日|20\d{2}年/;

/**
 * The shortest run of whole clauses of a quote that says everything of the question the quote says
 * (and a figure or a time when one is asked): "城镇新增就业8万人" of the nine targets in one
 * sentence. Undefined when the quote says none of the question's concepts.
 */
export function answerRange(quote: string, question: Pick<Question, 'concepts' | 'wantsFigure' | 'asksAmount' | 'wantsTime' | 'askedUnit' | 'text'>): QuoteRange | undefined {
  const clauses = clausesOf(quote);
  // A lead ending with a colon ("主要预期目标是:") introduces the items after it; what only it says (目标) need not be in the span.
  const isLead = (c: QuoteRange) => /[：:]/.test(quote[c.end] ?? '') && c !== clauses.at(-1);
  const says = clauses.map((c) => conceptsIn(comparable(quote.slice(c.start, c.end)), question.concepts));
  const inItems = new Set(says.flatMap((s, i) => (isLead(clauses[i]) ? [] : [...s])));
  const wanted = inItems.size > 0 ? inItems : new Set(says.flatMap((s) => [...s]));
  if (inItems.size > 0) for (const [i, s] of says.entries()) if (isLead(clauses[i])) says[i] = new Set([...s].filter((label) => inItems.has(label)));
  if (wanted.size === 0) return undefined;
  const inUnit = amountInAskedUnit(question);
  // Asked in a unit (多少钱), the amount in it: "投入近200亿元", not "改造供热管网近1万公里" beside it.
  const asks = (text: string) => (!asksFigure(question) || (inUnit ? inUnit.test(comparable(text)) : DIGIT.test(text))) && (!question.wantsTime || TIME.test(text));
  // A quote without the asked figure or time (a result said in words) still has a clause that answers.
  const needs = asks(quote) ? asks : () => true;
  let best: QuoteRange | undefined;
  for (let from = 0; from < clauses.length; from++) {
    const said = new Set<string>();
    for (let to = from; to < clauses.length; to++) {
      for (const label of says[to]) said.add(label);
      const range = { start: clauses[from].start, end: clauses[to].end };
      if (best && range.end - range.start >= best.end - best.start) break;
      if (said.size === wanted.size && needs(quote.slice(range.start, range.end))) {
        best = range;
        break;
      }
    }
  }
  return best && saysMore(quote.slice(best.start, best.end), question.concepts) ? best : undefined;
}

/**
 * The words of a quote's answering clauses that name what the question asks about, from the first
 * concept said to the last: "工业投资增速" of "工业投资增速24.7%，…". Undefined when no clause answers.
 */
export function askedPhrase(quote: string, question: Pick<Question, 'concepts' | 'wantsFigure' | 'asksAmount' | 'wantsTime' | 'askedUnit' | 'text'>): string | undefined {
  const range = answerRange(quote, question);
  if (!range) return undefined;
  const text = comparable(quote.slice(range.start, range.end));
  let [from, to] = [text.length, 0];
  for (const variant of question.concepts.flatMap((c) => c.variants).filter(Boolean)) {
    const at = text.indexOf(variant);
    if (at < 0) continue;
    from = Math.min(from, at);
    to = Math.max(to, at + variant.length);
  }
  return to > from ? text.slice(from, to) : undefined;
}

/** A clause that only repeats the question's words ("报告提出") answers nothing: then the whole quote is the answer. */
function saysMore(text: string, concepts: Question['concepts']): boolean {
  let rest = comparable(text);
  for (const variant of concepts.flatMap((c) => c.variants).filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(variant).join('');
  return rest.replace(/[\p{P}\s]/gu, '').length >= SPAN.minOwnChars;
}

/** The quote's clauses, each without its closing mark and surrounding white space. */
function clausesOf(quote: string): QuoteRange[] {
  const clauses: QuoteRange[] = [];
  let start = 0;
  for (let i = 0; i <= quote.length; i++) {
    if (i < quote.length && !CLAUSE_END.test(quote[i])) continue;
    let [from, to] = [start, i];
    while (from < to && /\s/.test(quote[from])) from++;
    while (to > from && /\s/.test(quote[to - 1])) to--;
    if (to > from) clauses.push({ start: from, end: to });
    start = i + 1;
  }
  return clauses;
}

/** The concepts a clause says: a variant in it, or a long one by its first and last two characters (居民收入 in 居民人均可支配收入). */
function conceptsIn(text: string, concepts: Question['concepts']): Set<string> {
  const says = (v: string) => !!v && (text.includes(v) || (v.length >= 4 && /^[\u3400-\u9fff]+$/.test(v) && text.includes(v.slice(0, 2)) && text.includes(v.slice(-2))));
  return new Set(concepts.filter((c) => c.variants.some(says)).map((c) => c.label));
}

import type { Question } from '../search/question.js';
import type { StoredDocument } from '../store/types.js';
import type { ConceptWeight } from './select.js';
import type { Citation } from './types.js';

/** A piece of a quote between commas, full stops and enumeration marks. */
const PIECE = /[^，,；;。！？!?：:、]+/g;
/** A figure with what it counts, and the words that lead into one (达, 第, 约…). */
const FIGURE = /(?:达到|达|约|近|超过|超|突破|第)?\s*\d+(?:\.\d+)?(?![\d.号级期届A-Za-z])\s*(?:%|‰)?(?:万|亿|千)?(?:平方公里|公里|人次|[个户人家所项名座条辆吨元亩件套次天年处张台位])?(?:以上|左右|余)?/g;
const ITEM_MARK = /^(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十\d]+）|\d+[、.．])/;
const EDGES = /^[\s“”"（）()的]+|[\s“”"（）()]+$/g;
const PHRASE_CHARS = { min: 3, max: 24 };
/** A rephrasing must say at least this share of what the question's concepts weigh. */
const MIN_SAID_SHARE = 0.4;

/**
 * Questions to try instead of one the reports did not answer, in the reports' own words: for each
 * closest passage, the stretch of its quote (between commas and figures) that says most of what the
 * question is about, after the asked city and year ("太原2025年新建改造一批城镇社区养老中心"), asking
 * "是多少？" when a figure followed it. Best first and unchecked: the answerer keeps those it answers.
 */
export function rephrasingsOf(question: Question, closest: Citation[], documents: StoredDocument[], weightOf: ConceptWeight): string[] {
  const concepts = question.concepts
    .filter((c) => !c.strict && c.kind !== 'figure')
    .map((c) => ({ weight: weightOf(c), variants: c.variants.filter((v) => !question.cities.includes(v)) }));
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  const weightSaid = (text: string) => concepts.filter((c) => c.variants.some((v) => text.toLowerCase().includes(v))).reduce((sum, c) => sum + c.weight, 0);
  const asked = new Set<string>();
  for (const citation of closest) {
    const stretches = [...citation.quote.matchAll(PIECE)].flatMap((piece) => stretchesOf(piece[0].replace(ITEM_MARK, '')));
    const best = stretches.map((s) => ({ ...s, said: weightSaid(s.text) })).sort((a, b) => b.said - a.said)[0];
    if (!best || total === 0 || best.said < total * MIN_SAID_SHARE) continue;
    const place = question.cities[0] ?? documents.find((d) => d.id === citation.docId)?.city ?? '';
    const year = question.years[0];
    const scope = `${best.text.includes(place) ? '' : place}${year && !best.text.includes(String(year)) ? `${year}年` : ''}`;
    asked.add(`${scope}${best.text}${best.counted ? '是多少？' : ''}`);
  }
  return [...asked];
}

/** The stretches of a piece between its figures, each with whether a figure follows it. */
function stretchesOf(piece: string): Array<{ text: string; counted: boolean }> {
  const stretches: Array<{ text: string; counted: boolean }> = [];
  let from = 0;
  for (const figure of [...piece.matchAll(FIGURE), { index: piece.length, 0: '' }]) {
    const text = piece.slice(from, figure.index).replace(EDGES, '');
    const quoted = (text.match(/“/g) ?? []).length === (text.match(/”/g) ?? []).length;
    if (quoted && text.length >= PHRASE_CHARS.min && text.length <= PHRASE_CHARS.max) stretches.push({ text, counted: figure[0] !== '' });
    from = figure.index + figure[0].length;
  }
  return stretches;
}

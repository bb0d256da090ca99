import type { Passage } from '../corpus/types.js';
import { COUNTIES } from '../corpus/places.js';
import { continueFrom, turnOf, type Turn } from '../search/followup.js';
import { asksFigure, PLAN_PERIOD, type Question, type QuestionReader } from '../search/question.js';
import type { SearchHit, Searcher } from '../search/searcher.js';
import type { Store, StoredDocument } from '../store/types.js';
import { answerFromCredits } from './credits.js';
import { corpusAnswer, type CorpusAsk } from './corpus.js';
import { enumerationItems, itemsBearingOn } from './items.js';
import { cite, enumerationAround, itemNumber, quoteAround, type Located } from './quote.js';
import { askedPhrase } from './span.js';
import { isSelfContained, PART_NOT_FOUND, refusalMessage, type Refusal } from './reasons.js';
import { comparable, judge, weighConcepts, type ConceptWeight, type Mismatch, type ScoredSentence } from './select.js';
import type { AnswerTuning } from './settings.js';
import type { FigureSeries } from '../figures/types.js';
import type { AnswerPart, Citation } from './types.js';

/** The ways of answering: one sentence, a list, an item of a list, one statement per year, per city or per question of a message, the report's credits. */
export type Strategy = 'single' | 'list' | 'item' | 'per-year' | 'per-city' | 'per-question' | 'about-the-report' | 'figures';

/** Why an answer was given or refused: the strategy, the named rule that decided, and the reason code of a refusal. */
export interface Decision {
  strategy: Strategy;
  name: string;
  found: boolean;
  refusal?: Refusal;
}

/** What one way of answering found. */
export interface Solution {
  decision: Decision;
  /** The answer as the strategy wrote it (a quote, labelled parts); absent for a refusal, whose message is looked up by code. */
  text?: string;
  citations: Citation[];
  parts?: AnswerPart[];
  answeredFrom?: Turn['answeredFrom'];
  /** The sentences the judge ranked for this answer, best first (for `--explain`). */
  candidates: ScoredSentence[];
  /** The figures of an answer from the figures table, for a chart. */
  series?: FigureSeries;
  /** For an answer in parts: each part's decision and where it looked (for `--explain`). */
  partDecisions?: Array<{ label: string; decision: Decision; context: string[] }>;
}

export type Timings = Record<string, number>;

/** A yes-or-no question: 是不是…, 有没有…, …吗？ */
const ASKS_WHETHER = /是不是|是否|有没有|对不对|真的|吗[?？]?$|了没有?[?？]?$/;
/** An amount a question tells (50元, 70%, 3000张), not a numbered name (3号线, 二期). */
const TOLD_AMOUNT = /^\d+(?:\.\d+)?(?:万|亿)?(?:元|%|％|张|个|人|人次|辆|所|家|户|件|项|亩|吨|公里|米|平方米|天|次|场|套|座)$/;

/** The reason code of a near miss, by what the covering sentence says otherwise. */
const MISMATCH_CODES: Record<Mismatch, 'MISMATCH_FIGURE' | 'MISMATCH_PLACE' | 'MISMATCH_YEAR' | 'MISMATCH_UNIT' | 'MISMATCH_KIND' | 'MISMATCH_ITEMS'> = {
  figure: 'MISMATCH_FIGURE',
  place: 'MISMATCH_PLACE',
  year: 'MISMATCH_YEAR',
  unit: 'MISMATCH_UNIT',
  kind: 'MISMATCH_KIND',
  items: 'MISMATCH_ITEMS',
};

export interface StrategyParts {
  store: Store;
  searcher: Searcher;
  documents: Map<string, StoredDocument>;
  weightOf: ConceptWeight;
  tuning: AnswerTuning;
  topK: number;
  /** Reads one clause of a question naming several cities. */
  read: () => QuestionReader;
}

export interface Strategies {
  single(question: Question, timings: Timings, prefer?: Turn['answeredFrom']): Promise<Solution>;
  perYear(question: Question, timings: Timings): Promise<Solution | null>;
  perCity(question: Question, timings: Timings): Promise<Solution>;
  aboutReport(question: Question): Solution;
  /** "有哪些报告", "能查哪些年份", "晋中的报告讲了什么": from the manifest and the section headings. */
  aboutCorpus(question: Question, ask: CorpusAsk): Promise<Solution>;
  refuse(question: Question, strategy: Strategy, name: string, refusal: Refusal, ranked?: ScoredSentence[]): Solution;
}

export function createStrategies({ store, searcher, documents, weightOf, tuning, topK, read }: StrategyParts): Strategies {
  /** retrieve: the passages within the question's scope. */
  async function retrieve(question: Question, limit: number, timings: Timings) {
    const result = await searcher.search(question, limit);
    addTimings(timings, result.timings);
    return result;
  }

  /** The best answering sentence for a question within its scope, or why there is none. */
  async function single(question: Question, timings: Timings, prefer?: Turn['answeredFrom']): Promise<Solution> {
    const { hits, scope } = await retrieve(question, question.comparison ? tuning.comparisonPassages : tuning.candidatePassages, timings);
    if (scope.emptyBecause) return refuse(question, 'single', 'scope-empty', scope.emptyBecause);
    const preferred = prefer ? (await store.passages([prefer.passageId]))[0] : undefined;
    const candidates: SearchHit[] = preferred ? [{ passage: preferred, score: hits[0]?.score ?? 1, fit: 1, reportYear: documents.get(preferred.docId)?.year ?? 0 }, ...hits.filter((h) => h.passage !== preferred)] : hits;
    const { ranked, answering } = judge(question, candidates, weightOf, tuning);
    const best = preferred ? answering.find((s) => s.hit.passage === preferred && s.sentence.start === prefer!.sentenceStart) ?? answering[0] : answering[0];
    const source = best && !preferred ? sourceOf(best, answering) : undefined;
    const start = source ?? best;
    const told = toldAmountDiffers(question, ranked);
    // "GDP增长目标是不是定的7%？": a sentence that gives 7% of another thing (规上工业增加值) is no answer when one says more of the thing with another figure.
    if (told && start && told.coverage(told.differing) > told.coverage(start)) return answerWith(question, told.differing, [told.differing], ranked, 'told-figure-differs');
    if (!start) {
      if (told) return answerWith(question, told.differing, [told.differing], ranked, 'told-figure-differs');
      if (scope.yearNotCovered) return refuse(question, 'single', 'year-not-covered', scope.yearNotCovered, ranked);
      return refuse(question, 'single', 'nothing-covers-enough', nearMiss(ranked), ranked);
    }
    if (question.wantsResult && isTarget(start)) {
      // The result of the same thing: it says all the target says, but the figures (2000张 planned, 2100张 done).
      const figures = new Set(question.concepts.filter((c) => c.kind === 'figure').map((c) => c.label));
      const result = answering.find((s) => !isTarget(s) && saysAllOf(s, start, figures));
      if (!result) return targetOnly(question, start, ranked);
      return answerWith(question, result, answering, ranked, 'result-over-target');
    }
    const other = preferred ? undefined : counterpart(question, start, answering);
    if (other) return targetAndResult(question, start, other, ranked);
    return answerWith(question, start, answering, ranked, preferred ? 'previous-answer' : source ? 'source-over-copy' : 'best-sentence');
  }

  /**
   * A digest (a newspaper special, an overview) prints a report's sentence cut to a line: when the
   * chosen line is word for word inside an answering sentence of another report of the same place and
   * year, that fuller sentence is the source to quote.
   */
  function sourceOf(chosen: ScoredSentence, answering: ScoredSentence[]): ScoredSentence | undefined {
    const line = withoutPunctuation(chosen.sentence.text);
    if (line.length < tuning.copiedLineChars) return undefined;
    const doc = documents.get(chosen.hit.passage.docId)!;
    return answering.find((s) => {
      const other = documents.get(s.hit.passage.docId)!;
      if (other.id === doc.id || other.city !== doc.city || other.year !== doc.year || s.mismatch || s.coverage < chosen.coverage) return false;
      const text = withoutPunctuation(s.sentence.text);
      return text.length > line.length && text.includes(line);
    });
  }

  /**
   * "居民医保人均财政补助是不是再提高了50元？": asked whether an amount the asker tells is so, the sentence
   * that covers the question and gives another amount in the same unit (30元) answers it: no. Returned
   * with how much of the question but the told amount a sentence says.
   */
  function toldAmountDiffers(question: Question, ranked: ScoredSentence[]): { differing: ScoredSentence; coverage: (s: ScoredSentence) => number } | undefined {
    if (!ASKS_WHETHER.test(question.text)) return undefined;
    const told = question.concepts.filter((c) => c.kind === 'figure' && TOLD_AMOUNT.test(c.label));
    if (told.length !== 1) return undefined;
    const unit = told[0].label.replace(/^[\d.]+/, '');
    const inUnit = new RegExp(`\\d\\s*${unit.replace(/[%％]/, '[%％]')}`);
    // How much of the question but the told amount the sentence says.
    const others = weighConcepts(question.concepts, weightOf, tuning).filter((w) => w.concept !== told[0] && !w.optional);
    const total = others.reduce((sum, w) => sum + w.weight, 0);
    const coverage = (s: ScoredSentence) => others.reduce((sum, w) => sum + w.weight * (s.matched.find((m) => m.concept === w.concept.label)?.presence ?? 0), 0) / total;
    const differing = ranked.find((s) => s.mismatch === 'figure' && total > 0 && coverage(s) >= tuning.figureMinCoverage && inUnit.test(s.sentence.text.replace(/\s+/g, '')));
    return differing && { differing, coverage };
  }

  /** Nothing answers: a sentence that covers the question but says another figure, year or unit is a near miss. */
  function nearMiss(ranked: ScoredSentence[]): Refusal {
    const covering = ranked.filter((s) => s.coverage >= tuning.minCoverage && s.mismatch).sort((a, b) => b.coverage - a.coverage)[0];
    if (!covering) return { code: 'NOT_COVERED' };
    return { code: MISMATCH_CODES[covering.mismatch!] };
  }

  /** For "有哪些": the first numbered list among the best answers, else the best answer's own list, if any. */
  async function listAmong(best: ScoredSentence, answering: ScoredSentence[]): Promise<{ from: ScoredSentence; items: Located[]; itemized: boolean } | null> {
    let fallback: { from: ScoredSentence; items: Located[]; itemized: boolean } | null = null;
    // Candidates are often sentences of one passage: the passages after it are read once (on PostgreSQL, a statement each).
    const read = new Map<string, Promise<Passage[]>>();
    const following = (passage: Passage, limit: number) => {
      const key = `${passage.id} ${limit}`;
      return read.get(key) ?? read.set(key, store.following(passage, limit)).get(key)!;
    };
    // Another sentence's list answers only when it says all the best answer says: 十件民生实事 naming 医院 is no list of 双向转诊.
    for (const candidate of [best, ...answering.slice(0, tuning.listCandidates).filter((s) => s === best || saysAllOf(s, best))]) {
      const list = await enumerationAround({ passage: candidate.hit.passage, sentence: candidate.sentence }, following);
      if (list?.itemized) return { from: candidate, ...list };
      if (list && candidate === best) fallback = { from: candidate, ...list };
    }
    return fallback;
  }

  async function answerWith(question: Question, top: ScoredSentence, answering: ScoredSentence[], ranked: ScoredSentence[], name: string): Promise<Solution> {
    if (question.ordinal !== undefined) return itemOf(question, question.ordinal, top, answering, ranked);
    const list = question.wantsList ? await listAmong(top, answering) : null;
    const best = list?.from ?? top;
    // A list asked for and not printed: the sentence that counts it ("15件民生实事全部兑现。") is the answer, not a lead-in.
    const quoted = list?.items ?? quoteAround(best.hit.passage, best.sentence, question.wantsFigure || question.wantsList);
    const first = listed(cite(quoted, documents.get(best.hit.passage.docId)!, best.coverage), question, best.hit, list !== null);
    const bar = Math.max(tuning.minCoverage, tuning.relatedShare * best.coverage);
    const related = distinctPassages(answering.filter((s) => s.coverage >= bar && s.hit.passage !== best.hit.passage && saysAllOf(s, best)), topK - 1);
    return {
      decision: { strategy: list ? 'list' : 'single', name: list ? (list.itemized ? 'numbered-list' : 'counted-list') : name, found: true },
      text: first.quote,
      citations: [first, ...related.map((s) => citeSentence(s, question))],
      answeredFrom: { docId: best.hit.passage.docId, passageId: best.hit.passage.id, sentenceStart: best.sentence.start },
      candidates: ranked,
    };
  }

  /** A list's citation with its items and, for a question about one thing of it, the items that bear on it. */
  function listed(citation: Citation, question: Question, hit: SearchHit, isList: boolean): Citation {
    const items = isList ? enumerationItems(citation.quote) : undefined;
    if (!items) return citation;
    const span = itemsBearingOn(question, hit, citation, items, weightOf, tuning);
    return { ...citation, items, ...(span ? { span } : {}) };
  }

  /** "第三件是什么？": the item with that number of the list the best answer belongs to, and nothing else (第5 is not 第4). */
  async function itemOf(question: Question, ordinal: number, top: ScoredSentence, answering: ScoredSentence[], ranked: ScoredSentence[]): Promise<Solution> {
    const list = await listAmong(top, answering);
    // Numbered items by their number; a counted list without numbers ("加快培育3个潜力产业。") by position.
    const item = list?.itemized ? list.items.slice(1).find((l) => itemNumber(l.sentence.text) === ordinal) : list?.items[ordinal];
    if (!list || !item) {
      const refusal: Refusal = list ? { code: 'NO_SUCH_ITEM', ordinal, count: list.items.length - 1 } : { code: 'NO_LIST' };
      return { ...refuse(question, 'item', list ? 'no-such-item' : 'no-list', refusal, ranked), citations: [citeSentence(list?.from ?? top, question)] };
    }
    const citation = cite([item], documents.get(item.passage.docId)!, list.from.coverage);
    return {
      decision: { strategy: 'item', name: 'item-by-number', found: true },
      text: citation.quote,
      citations: [citation],
      answeredFrom: { docId: list.from.hit.passage.docId, passageId: list.from.hit.passage.id, sentenceStart: list.from.sentence.start },
      candidates: ranked,
    };
  }

  /** Which year `s` speaks of as a plan (the report of that year) or as a result (the report reviewing it). */
  function yearKind(s: ScoredSentence, year: number): 'plan' | 'review' | undefined {
    const doc = documents.get(s.hit.passage.docId)!;
    if (s.hit.passage.sectionKind === 'plan' && doc.year === year) return 'plan';
    if (s.hit.passage.sectionKind === 'review' && doc.reviews === year) return 'review';
    return undefined;
  }

  /**
   * "太原2025年新增养老床位多少张？" names a year one report plans and the next reviews, and says neither
   * 目标 nor 实际: the sentence of the other kind about the same thing, when the judge accepts one.
   */
  function counterpart(question: Question, start: ScoredSentence, answering: ScoredSentence[]): ScoredSentence | undefined {
    if (question.years.length !== 1 || question.intent || question.wantsResult || question.wantsList || question.ordinal !== undefined) return undefined;
    if (!asksFigure(question)) return undefined;
    const [year] = question.years;
    const own = yearKind(start, year);
    if (!own) return undefined;
    const bar = Math.max(tuning.minCoverage, tuning.relatedShare * start.coverage);
    // The same thing in both: the other sentence names it as the chosen one does (工业投资增速 is not 工业产值增速 and 新增投资).
    const phrase = askedPhrase(start.sentence.text, question);
    if (!phrase) return undefined;
    const same = (s: ScoredSentence) => comparable(s.sentence.text).includes(phrase);
    return answering.find((s) => yearKind(s, year) === (own === 'plan' ? 'review' : 'plan') && s.coverage >= bar && /\d/.test(s.sentence.text) && same(s));
  }

  /** Both kinds, the target first; the judge's choice stays the first citation. */
  function targetAndResult(question: Question, chosen: ScoredSentence, other: ScoredSentence, ranked: ScoredSentence[]): Solution {
    const citations = [citeSentence(chosen, question), citeSentence(other, question)];
    const order = isTarget(chosen) ? [0, 1] : [1, 0];
    const parts = order.map((citation, i) => ({ label: i === 0 ? '目标' : '实际', citation }));
    return {
      decision: { strategy: 'single', name: 'target-and-result', found: true },
      text: parts.map((p) => `${p.label}：${citations[p.citation].quote}`).join('\n'),
      citations,
      parts,
      answeredFrom: { docId: chosen.hit.passage.docId, passageId: chosen.hit.passage.id, sentenceStart: chosen.sentence.start },
      candidates: ranked,
    };
  }

  function targetOnly(question: Question, target: ScoredSentence, ranked: ScoredSentence[]): Solution {
    const citation = citeSentence(target, { wantsFigure: true });
    return { ...refuse(question, 'single', 'target-only', { code: 'TARGET_ONLY', target: citation.quote }, ranked), citations: [citation] };
  }

  /** A refusal, with the passages that came closest (when the judge ranked any). */
  function refuse(question: Question, strategy: Strategy, name: string, refusal: Refusal, ranked: ScoredSentence[] = []): Solution {
    const closest = distinctPassages(ranked.filter((s) => s.coverage >= tuning.closestMinCoverage), tuning.closestWhenNotFound);
    return { decision: { strategy, name, found: false, refusal }, citations: closest.map((s) => citeSentence(s, question)), candidates: ranked };
  }

  function citeSentence(s: ScoredSentence, question: Pick<Question, 'wantsFigure'>): Citation {
    return cite(quoteAround(s.hit.passage, s.sentence, question.wantsFigure), documents.get(s.hit.passage.docId)!, s.coverage);
  }

  /**
   * "How has X changed": one labelled statement per year, in year order. A review section speaks of
   * the year reviewed (实际), a plan section of the plan year (目标), a five-year review of the plan
   * period (十四五). Asking for targets keeps targets; otherwise a result beats a target.
   */
  async function perYear(question: Question, timings: Timings): Promise<Solution | null> {
    const { hits } = await retrieve(question, tuning.comparisonPassages, timings);
    const { ranked: all } = judge(question, hits, weightOf, tuning);
    // Figures compared need a figure in each statement; wording compared ("说法有啥区别") does not.
    const figures = asksFigure(question);
    const ranked = all.filter((s) => s.mismatch !== 'figure' && s.coverage >= tuning.minCoverage && (!figures || /\d/.test(s.sentence.text)));
    const best = new Map<string, { order: number; label: string; sentence: ScoredSentence; review: boolean }>();
    for (const candidate of ranked) {
      const doc = documents.get(candidate.hit.passage.docId)!;
      const review = candidate.hit.passage.sectionKind === 'review';
      const period = `${candidate.hit.passage.section} ${candidate.sentence.text}`.match(PLAN_PERIOD)?.[0];
      if (question.intent === 'plan' && review) continue;
      if (question.intent === 'review' && !review) continue;
      if (period && review) {
        if (question.years.length === 0 && !best.has(period)) best.set(period, { order: doc.reviews + 0.5, label: period, sentence: candidate, review });
        continue;
      }
      const year = review ? doc.reviews : doc.year;
      if (!year || (question.years.length > 0 && !question.years.includes(year))) continue;
      const held = best.get(String(year));
      if (!held || (review && !held.review)) best.set(String(year), { order: year, label: `${year}年（${review ? '实际' : '目标'}）`, sentence: candidate, review });
    }
    const picked = [...best.values()].sort((a, b) => a.order - b.order);
    if (picked.length < 2) return null;
    const citations = picked.map((p) => citeSentence(p.sentence, question));
    return {
      decision: { strategy: 'per-year', name: 'one-statement-per-year', found: true },
      text: picked.map((p, i) => `${p.label}：${citations[i].quote}`).join('\n'),
      citations,
      parts: picked.map((p, i) => ({ label: p.label, citation: i })),
      candidates: all,
    };
  }

  /** "太原…，晋中…？": each city's clause answered on its own, borrowing what it leaves out from the others. */
  async function perCity(question: Question, timings: Timings): Promise<Solution> {
    const clauses = splitByCity(question.text, question.cities);
    const readClauses = clauses.map(({ city, text }) => ({ city, question: { ...read()(text), cities: [city] } }));
    const answered: LabelledSolution[] = [];
    for (const [i, clause] of readClauses.entries()) {
      const donor = readClauses.find((other, j) => j !== i && other.question.concepts.length > 0) ?? readClauses[0];
      const own = clause.question;
      const completed = own.concepts.length > 0 && own.years.length > 0 ? own : continueFrom(own, turnOf(donor.question)).question;
      const asked = { ...completed, cities: [clause.city], wantsFigure: completed.wantsFigure || question.wantsFigure, comparison: question.comparison };
      // "比较太原和晋中…" compares the cities, each over the years it has.
      const yearly = asked.comparison ? await perYear(asked, timings) : null;
      answered.push({ label: clause.city, solution: yearly ?? (await single(asked, timings)) });
    }
    return inParts(answered, 'per-city', ['one-answer-per-city', 'no-city-answered']);
  }

  function aboutReport(question: Question): Solution {
    const credits = answerFromCredits(question, store.documents);
    if (credits.length === 0) return refuse(question, 'about-the-report', 'not-in-credits', { code: 'NOT_IN_CREDITS' });
    return { decision: { strategy: 'about-the-report', name: 'credit-line', found: true }, text: credits[0].quote, citations: credits.slice(0, topK), candidates: [] };
  }

  let headings: Promise<Map<string, string[]>> | undefined;
  /** Each report's section headings in order, read once from its passages. */
  const sectionHeadings = () =>
    (headings ??= store.passages([...Array(store.terms.passageCount).keys()]).then((passages) => {
      const byDoc = new Map<string, string[]>();
      for (const passage of passages) {
        const list = byDoc.get(passage.docId) ?? [];
        const heading = passage.section.trim();
        if (heading && !list.includes(heading)) list.push(heading);
        byDoc.set(passage.docId, list);
      }
      return byDoc;
    }));

  async function aboutCorpus(question: Question, ask: CorpusAsk): Promise<Solution> {
    const text = corpusAnswer(ask, store.documents, question, ask === 'contents' ? await sectionHeadings() : new Map());
    return { decision: { strategy: 'about-the-report', name: `corpus-${ask}`, found: true }, text, citations: [], candidates: [] };
  }

  return { single, perYear, perCity, aboutReport, aboutCorpus, refuse };
}

/** One answer of a message that asks several things, labelled: a city, or the question it answers. */
export interface LabelledSolution {
  label: string;
  solution: Solution;
  /** The context notes of the part's reading: what it took from the parts before, and where it looked. */
  context?: string[];
}

/**
 * Labelled answers as one, a part each: a found answer by its first citation (a per-year one by
 * each of its years), one not found saying so.
 */
export function inParts(answered: LabelledSolution[], strategy: Strategy, [foundName, noneName]: [string, string]): Solution {
  const parts: AnswerPart[] = [];
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const { label, solution } of answered) {
    if (solution.decision.strategy === 'per-year' && solution.parts) {
      for (const part of solution.parts) parts.push({ label: `${label} ${part.label}`, citation: citations.length + part.citation });
      citations.push(...solution.citations);
      lines.push(`${label}：\n${solution.text}`);
    } else if (solution.decision.found) {
      parts.push({ label, citation: citations.length });
      citations.push(solution.citations[0]);
      lines.push(`${label}：${solution.citations[0].quote}`);
    } else {
      parts.push({ label, citation: -1 });
      const refusal = solution.decision.refusal;
      lines.push(`${label}：${refusal && isSelfContained(refusal) ? refusalMessage(refusal) : PART_NOT_FOUND}`);
    }
  }
  const found = citations.length > 0;
  return {
    decision: { strategy, name: found ? foundName : noneName, found, ...(found ? {} : { refusal: { code: 'NOT_COVERED' } as const }) },
    text: lines.join('\n'),
    citations,
    parts,
    candidates: answered.flatMap((a) => a.solution.candidates).sort((a, b) => b.score - a.score),
    partDecisions: answered.map(({ label, solution, context }) => ({ label, decision: solution.decision, context: context ?? [] })),
  };
}

function withoutPunctuation(text: string): string {
  return comparable(text).replace(/[\p{P}\p{S}]/gu, '');
}

/** A further source bears on the answer only if it says outright every concept the answer says outright (就业 for 城镇新增就业, not only 新增). */
function saysAllOf(s: ScoredSentence, answer: ScoredSentence, apart: ReadonlySet<string> = new Set()): boolean {
  const said = new Set(s.matched.filter((m) => m.presence === 1).map((m) => m.concept));
  return answer.matched.every((m) => m.presence !== 1 || said.has(m.concept) || apart.has(m.concept));
}

function isTarget(s: ScoredSentence): boolean {
  return s.hit.passage.sectionKind === 'plan';
}

/** The best sentence of each passage, best passages first. */
function distinctPassages(ranked: ScoredSentence[], limit: number): ScoredSentence[] {
  const seen = new Set<Passage>();
  const picked: ScoredSentence[] = [];
  for (const candidate of ranked) {
    if (picked.length >= limit) break;
    if (seen.has(candidate.hit.passage)) continue;
    seen.add(candidate.hit.passage);
    picked.push(candidate);
  }
  return picked;
}

/** Cuts a question at each city it names: "…太原2023年和晋中2024年…" -> one clause per city; text before the first city is shared. */
function splitByCity(text: string, cities: string[]): Array<{ city: string; text: string }> {
  const at = cities
    .map((city) => ({ city, index: Math.min(...[city, ...(COUNTIES[city] ?? [])].map((name) => text.indexOf(name)).filter((i) => i >= 0)) }))
    .sort((a, b) => a.index - b.index);
  const shared = text.slice(0, at[0].index);
  return at.map(({ city, index }, i) => ({ city, text: shared + text.slice(index, at[i + 1]?.index ?? text.length) }));
}

function addTimings(into: Timings, from: Record<string, number>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

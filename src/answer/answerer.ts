import { pinyin } from 'pinyin-pro';
import type { Config } from '../config.js';
import type { Passage } from '../corpus/types.js';
import { continueFrom, describeReading, standsAlone, turnOf, type Turn } from '../search/followup.js';
import { loadLexicon, type Lexicon } from '../search/lexicon.js';
import { createEnglishReader } from '../search/english.js';
import { createQuestionReader, PLAN_PERIOD, withEnglishConcepts, type Question, type QuestionReader } from '../search/question.js';
import type { SearchHit, Searcher } from '../search/searcher.js';
import { createSpellingFixer } from '../search/spelling.js';
import { createNeighbourFinder, type WordVectors } from '../search/word-vectors.js';
import { COUNTIES } from '../corpus/places.js';
import type { Store, StoredDocument } from '../store/types.js';
import { dictionaryWords, segmenter } from '../text/tokenize.js';
import { answerFromCredits } from './credits.js';
import { cite, enumerationAround, itemNumber, quoteAround, type Located } from './quote.js';
import { sanitizeQuestion } from './sanitize.js';
import { scoreSentences, type ScoredSentence } from './select.js';
import type { Answer, AnswerPart, Citation } from './types.js';
import { createConceptWeight } from './weights.js';

/** Below this share of the question's concepts, the best sentence does not answer it. */
export const MIN_COVERAGE = 0.5;
const CANDIDATE_PASSAGES = 12;
/** Comparisons look wider, to find a statement for every year. */
const COMPARISON_PASSAGES = 30;
/** A further citation must cover at least this share of what the first one covers. */
const RELATED_SHARE = 0.6;
/** Under a not-found answer, up to this many passages that cover at least this much are offered. */
const CLOSEST_WHEN_NOT_FOUND = 3;
const CLOSEST_MIN_COVERAGE = 0.3;
const NO_TOPIC = '问题里没有说要问的是什么事项（例如“太原2025年城镇新增就业目标是多少？”）。';
/** How many answering sentences are tried for a numbered list. */
const LIST_CANDIDATES = 8;

export interface Answerer {
  /** Never throws for bad input: an unusable question gives `found: false` with `error` set. */
  answer(question: string): Promise<Answer>;
  /**
   * One turn of a conversation: `previous` is what the last turn left (see `Turn`); the returned
   * turn is what the next question may lean on (`null` for an unusable question).
   */
  answerTurn(question: string, previous?: Turn): Promise<{ answer: Answer; turn: Turn | null }>;
}

export interface AnswererParts {
  store: Store;
  searcher: Searcher;
  settings: Config['answer'];
  /** Everyday words -> report words; the shipped `data/lexicon.yaml` by default. */
  lexicon?: Lexicon;
  /**
   * General word vectors, for words the reports never use (see `word-vectors.ts`); loaded when the
   * first question comes. None (null, or absent) leaves such words to the lexicon alone.
   */
  wordVectors?: () => Promise<WordVectors | null>;
}

/** What one way of answering found. */
interface Solution {
  found: boolean;
  text: string;
  citations: Citation[];
  parts?: AnswerPart[];
  answeredFrom?: Turn['answeredFrom'];
}

type Timings = Record<string, number>;

export function createAnswerer({ store, searcher, settings, lexicon = loadLexicon(), wordVectors }: AnswererParts): Answerer {
  segmenter();
  const documents = new Map(store.documents.map((d) => [d.id, d]));
  const cities = [...new Set(store.documents.map((d) => d.city).filter(Boolean))];
  const places = [...cities, ...cities.flatMap((c) => COUNTIES[c] ?? [])];
  const knows = (term: string) => store.terms.documentFrequency(term) > 0;
  let words: Set<string> | undefined;
  /**
   * The words the reports use (dictionary words and lexicon terms the index holds), read on the first
   * typing slip. Not every index term is one: 进中 of 推进中小企业 is a character pair, so 进中 is a slip
   * for 晋中, and 机占 of 装机占比 no word to correct 基站 to.
   */
  const reportWords = () => (words ??= new Set([...dictionaryWords(knows), ...lexicon.reportTerms().filter(knows)]));
  const readerParts = {
    knows,
    cities,
    coveredYears: new Set(store.documents.flatMap((d) => [d.year, d.reviews])),
    lexicon,
    fixSpelling: createSpellingFixer({
      places,
      knows: (word) => reportWords().has(word),
      terms: () => [...reportWords()].filter((w) => w.length >= 2 && w.length <= 4),
      meant: (word) => lexicon.termsFor(word).length > 0 || lexicon.frame.has(word),
    }),
  };
  let read: QuestionReader = createQuestionReader(readerParts);
  let readerWithVectors: Promise<void> | undefined;
  /** Gives the reader the word vectors' neighbours, once. */
  const loadVectors = () =>
    (readerWithVectors ??= (wordVectors?.() ?? Promise.resolve(null)).then((vectors) => {
      if (!vectors) return;
      const vocabulary = [...store.terms.terms()].filter((t) => /^[\u3400-\u9fff]{2,8}$/.test(t));
      read = createQuestionReader({
        ...readerParts,
        neighbours: createNeighbourFinder(vectors, vocabulary),
        knows: (word) => knows(word) || vectors.vector(word) !== undefined,
      });
    }));
  /**
   * Reads a Chinese question; the first one with a word the reports never use loads the word
   * vectors and is read again with them (a question in the reports' own words never waits for the file).
   */
  const readChinese = async (text: string): Promise<Question> => {
    const question = read(text);
    if (readerWithVectors || !question.concepts.some((c) => c.kind === 'word' && !c.variants.some(knows))) return question;
    await loadVectors();
    return read(text);
  };
  const weightOf = createConceptWeight(store.terms);
  let spelledNames: Map<string, { word: string; frequency: number }> | undefined;
  /** Report words by their pinyin (jinci -> 晋祠), read on the first English word no dictionary knows; the most frequent word wins a shared spelling. */
  const reportWordsBySpelling = () => {
    const best = new Map<string, { word: string; frequency: number }>();
    for (const word of store.terms.terms()) {
      if (!/^[\u3400-\u9fff]{2,4}$/.test(word)) continue;
      const frequency = store.terms.documentFrequency(word);
      const spelling = spell(word);
      if ((best.get(spelling)?.frequency ?? 0) < frequency) best.set(spelling, { word, frequency });
    }
    return best;
  };
  const readEnglish = createEnglishReader({
    knows,
    glossary: (phrase) => lexicon.english(phrase),
    places: new Map(places.map((place) => [spell(place), place])),
    cities,
    spelledName: (word) => (spelledNames ??= reportWordsBySpelling()).get(word)?.word,
  });

  /** The best answering sentence for a question within its scope, or why there is none. */
  async function single(question: Question, timings: Timings, prefer?: Turn['answeredFrom']): Promise<Solution> {
    const { hits, scope, timings: searchTimings } = await searcher.search(question, question.comparison ? COMPARISON_PASSAGES : CANDIDATE_PASSAGES);
    addTimings(timings, searchTimings);
    if (scope.emptyBecause) return notFound(question, [], scope.emptyBecause);
    const preferred = prefer ? (await store.passages([prefer.passageId]))[0] : undefined;
    const candidates: SearchHit[] = preferred ? [{ passage: preferred, score: hits[0]?.score ?? 1, fit: 1 }, ...hits.filter((h) => h.passage !== preferred)] : hits;
    const ranked = scoreSentences(question, candidates, weightOf);
    const answering = ranked.filter((s) => !s.mismatch && s.coverage >= MIN_COVERAGE);
    const start = preferred ? answering.find((s) => s.hit.passage === preferred && s.sentence.start === prefer!.sentenceStart) ?? answering[0] : answering[0];
    if (!start) return notFound(question, ranked, scope.yearNotCovered);
    if (question.wantsResult && isTarget(start)) {
      const result = answering.find((s) => !isTarget(s));
      if (!result) return targetOnly(start);
      return answerWith(question, result, answering);
    }
    return answerWith(question, start, answering);
  }

  /** For "有哪些": the first numbered list among the best answers, else the best answer's own list, if any. */
  async function listAmong(best: ScoredSentence, answering: ScoredSentence[]): Promise<{ from: ScoredSentence; items: Located[]; itemized: boolean } | null> {
    let fallback: { from: ScoredSentence; items: Located[]; itemized: boolean } | null = null;
    for (const candidate of [best, ...answering.slice(0, LIST_CANDIDATES)]) {
      const list = await enumerationAround({ passage: candidate.hit.passage, sentence: candidate.sentence }, (p) => store.following(p));
      if (list?.itemized) return { from: candidate, ...list };
      if (list && candidate === best) fallback = { from: candidate, ...list };
    }
    return fallback;
  }

  async function answerWith(question: Question, top: ScoredSentence, answering: ScoredSentence[]): Promise<Solution> {
    if (question.ordinal !== undefined) return itemOf(question, question.ordinal, top, answering);
    const list = question.wantsList ? await listAmong(top, answering) : null;
    const best = list?.from ?? top;
    // A list asked for and not printed: the sentence that counts it ("15件民生实事全部兑现。") is the answer, not a lead-in.
    const quoted = list?.items ?? quoteAround(best.hit.passage, best.sentence, question.wantsFigure || question.wantsList);
    const first = cite(quoted, documents.get(best.hit.passage.docId)!, best.coverage);
    const bar = Math.max(MIN_COVERAGE, RELATED_SHARE * best.coverage);
    const related = distinctPassages(answering.filter((s) => s.coverage >= bar && s.hit.passage !== best.hit.passage), settings.topK - 1);
    return {
      found: true,
      text: first.quote,
      citations: [first, ...related.map((s) => citeSentence(s, question))],
      answeredFrom: { docId: best.hit.passage.docId, passageId: best.hit.passage.id, sentenceStart: best.sentence.start },
    };
  }

  /** "第三件是什么？": the item with that number of the list the best answer belongs to, and nothing else (第5 is not 第4). */
  async function itemOf(question: Question, ordinal: number, top: ScoredSentence, answering: ScoredSentence[]): Promise<Solution> {
    const list = await listAmong(top, answering);
    // Numbered items by their number; a counted list without numbers ("加快培育3个潜力产业。") by position.
    const item = list?.itemized ? list.items.slice(1).find((l) => itemNumber(l.sentence.text) === ordinal) : list?.items[ordinal];
    if (!list || !item) {
      const reason = list ? `这份清单没有第${ordinal}项（共${list.items.length - 1}项）。` : '报告中没有找到编号的清单。';
      return { found: false, text: notFoundMessage(reason, question, searcher.mode, store.documents), citations: [citeSentence(list?.from ?? top, question)] };
    }
    const citation = cite([item], documents.get(item.passage.docId)!, list.from.coverage);
    return {
      found: true,
      text: citation.quote,
      citations: [citation],
      answeredFrom: { docId: list.from.hit.passage.docId, passageId: list.from.hit.passage.id, sentenceStart: list.from.sentence.start },
    };
  }

  function targetOnly(target: ScoredSentence): Solution {
    const citation = citeSentence(target, { wantsFigure: true });
    return { found: false, text: `报告只给出了目标，没有写实际完成情况。目标是：${citation.quote}`, citations: [citation] };
  }

  function notFound(question: Question, ranked: ScoredSentence[], reason?: string): Solution {
    const closest = distinctPassages(ranked.filter((s) => s.coverage >= CLOSEST_MIN_COVERAGE), CLOSEST_WHEN_NOT_FOUND);
    return { found: false, text: notFoundMessage(reason, question, searcher.mode, store.documents), citations: closest.map((s) => citeSentence(s, question)) };
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
    const { hits, timings: searchTimings } = await searcher.search(question, COMPARISON_PASSAGES);
    addTimings(timings, searchTimings);
    const ranked = scoreSentences(question, hits, weightOf).filter((s) => s.mismatch !== 'figure' && s.coverage >= MIN_COVERAGE && /\d/.test(s.sentence.text));
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
      found: true,
      text: picked.map((p, i) => `${p.label}：${citations[i].quote}`).join('\n'),
      citations,
      parts: picked.map((p, i) => ({ label: p.label, citation: i })),
    };
  }

  /** "太原…，晋中…？": each city's clause answered on its own, borrowing what it leaves out from the others. */
  async function perCity(question: Question, timings: Timings): Promise<Solution> {
    const clauses = splitByCity(question.text, question.cities);
    const readClauses = clauses.map(({ city, text }) => ({ city, question: { ...read(text), cities: [city] } }));
    const parts: AnswerPart[] = [];
    const citations: Citation[] = [];
    const lines: string[] = [];
    for (const [i, clause] of readClauses.entries()) {
      const donor = readClauses.find((other, j) => j !== i && other.question.concepts.length > 0) ?? readClauses[0];
      const own = clause.question;
      const completed = own.concepts.length > 0 && own.years.length > 0 ? own : continueFrom(own, turnOf(donor.question)).question;
      const asked = { ...completed, cities: [clause.city], wantsFigure: completed.wantsFigure || question.wantsFigure, comparison: question.comparison };
      // "比较太原和晋中…" compares the cities, each over the years it has.
      const yearly = asked.comparison ? await perYear(asked, timings) : null;
      if (yearly) {
        for (const part of yearly.parts!) parts.push({ label: `${clause.city} ${part.label}`, citation: citations.length + part.citation });
        citations.push(...yearly.citations);
        lines.push(`${clause.city}：\n${yearly.text}`);
        continue;
      }
      const solution = await single(asked, timings);
      if (solution.found) {
        parts.push({ label: clause.city, citation: citations.length });
        citations.push(solution.citations[0]);
        lines.push(`${clause.city}：${solution.citations[0].quote}`);
      } else {
        parts.push({ label: clause.city, citation: -1 });
        lines.push(`${clause.city}：这些报告中没有找到。`);
      }
    }
    return { found: citations.length > 0, text: lines.join('\n'), citations, parts };
  }

  async function solve(question: Question, timings: Timings, prefer?: Turn['answeredFrom']): Promise<Solution> {
    // "2025年打算再新增多少？" with nothing before it: any sentence with 新增 would do, so none does.
    if (!question.aboutReport && !standsAlone(question)) return notFound(question, [], NO_TOPIC);
    if (question.aboutReport) {
      const credits = answerFromCredits(question, store.documents);
      if (credits.length > 0) return { found: true, text: credits[0].quote, citations: credits.slice(0, settings.topK) };
      return notFound(question, [], '报告正文和署名中都没有写明这一点。');
    }
    if (question.cities.length >= 2 && !question.linksCities) return perCity(question, timings);
    if (question.comparison) {
      const yearly = await perYear(question, timings);
      if (yearly) return yearly;
    }
    return single(question, timings, prefer);
  }

  async function answerTurn(raw: string, previous?: Turn): Promise<{ answer: Answer; turn: Turn | null }> {
    const started = performance.now();
    const { text, rejection } = sanitizeQuestion(raw, settings.maxQuestionChars);
    if (rejection) {
      const totalMs = Math.round((performance.now() - started) * 100) / 100;
      const understood = { question: text, cities: [], years: [], contextUsed: false };
      return { answer: { question: text, found: false, answer: rejection.message, citations: [], understood, mode: searcher.mode, timings: { totalMs }, error: rejection.code }, turn: null };
    }

    let t = performance.now();
    const english = await readEnglish(text);
    const alone = english ? withEnglishConcepts(read(english.chinese), english.concepts) : await readChinese(text);
    const followUp = previous ? continueFrom(alone, previous) : null;
    const timings: Timings = { understandMs: performance.now() - t };

    t = performance.now();
    let question = followUp?.question ?? alone;
    let contextUsed = followUp?.used ?? false;
    let solution = await solve(question, timings, followUp?.aboutPreviousAnswer ? previous?.answeredFrom : undefined);
    if (contextUsed && !solution.found) {
      // Read with the previous question's context it finds nothing; read alone it may.
      const standalone = await solve(alone, timings);
      if (standalone.found) [question, solution, contextUsed] = [alone, standalone, false];
    }
    timings.composeMs = performance.now() - t - (timings.lexicalMs ?? 0) - (timings.denseMs ?? 0) - (timings.embedMs ?? 0);

    const answer: Answer = {
      question: text,
      found: solution.found,
      answer: solution.text,
      citations: solution.citations,
      ...(solution.parts ? { parts: solution.parts } : {}),
      understood: { question: describeReading(question), cities: question.cities, years: question.years, contextUsed },
      mode: searcher.mode,
      timings: roundAll({ ...timings, totalMs: performance.now() - started }),
    };
    return { answer, turn: turnOf(question, solution.answeredFrom) };
  }

  return { answerTurn, answer: async (question) => (await answerTurn(question)).answer };
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

function spell(word: string): string {
  return pinyin(word, { toneType: 'none', separator: '' });
}

function addTimings(into: Timings, from: Record<string, number>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

function notFoundMessage(reason: string | undefined, question: Question, mode: Searcher['mode'], documents: StoredDocument[]): string {
  const titles = documents.map((d) => `《${d.title}》`).join('、');
  const english = mode === 'lexical' ? englishNote(question) : '';
  return `${reason ?? '这些报告中没有找到能回答这个问题的内容。'}${english}可以换个说法，或写明城市和年份再问。现有报告：${titles}。`;
}

/** What an English question lost in translation without an embedding model. */
function englishNote(question: Question): string {
  const read = question.concepts.filter((c) => c.kind === 'english');
  if (read.length === 0) return '';
  const untranslated = read.filter((c) => c.variants[0] === c.label).map((c) => c.label);
  return untranslated.length > 0
    ? `英文问题里的 ${untranslated.join('、')} 在离线词典和报告用语中没有对应。`
    : '英文问题是按离线词典对照报告用语检索的，用中文提问会更准确。';
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v * 100) / 100])) as T;
}

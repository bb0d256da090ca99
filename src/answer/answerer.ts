import type { Config } from '../config.js';
import { joinSentences } from '../corpus/chunk.js';
import type { Passage, Sentence } from '../corpus/types.js';
import { readQuestion } from '../search/question.js';
import type { Searcher } from '../search/searcher.js';
import type { Store, StoredDocument } from '../store/store.js';
import { segmenter } from '../text/tokenize.js';
import { sanitizeQuestion } from './sanitize.js';
import { scoreSentences, type ScoredSentence } from './select.js';
import type { Answer, Citation } from './types.js';

/** Below this share of the question's key words, the best sentence does not answer it. */
export const MIN_COVERAGE = 0.5;
/** A sentence shorter than this is a lead-in; the quote then takes the sentences after it too… */
const SHORT_SENTENCE = 30;
/** …unless it carries the asked figure and is long enough to stand alone ("城镇新增就业44万人。"). */
const FIGURE_SENTENCE = 10;
const CANDIDATE_PASSAGES = 12;
/** A further citation must cover at least this share of what the first one covers. */
const RELATED_SHARE = 0.6;
/** Passages shown as "closest" under a not-found answer. */
const CLOSEST_WHEN_NOT_FOUND = 3;
/** Comparisons look wider, to find a statement for every year. */
const COMPARISON_PASSAGES = 30;

export interface Answerer {
  /** Never throws for bad input: an unusable question gives `found: false` with `error` set. */
  answer(question: string): Promise<Answer>;
}

export interface AnswererParts {
  store: Store;
  searcher: Searcher;
  settings: Config['answer'];
}

export function createAnswerer({ store, searcher, settings }: AnswererParts): Answerer {
  segmenter();
  const documents = new Map(store.documents.map((d) => [d.id, d]));
  const cities = [...new Set(store.documents.map((d) => d.city).filter(Boolean))];
  const coveredYears = new Set(store.documents.flatMap((d) => [d.year, d.reviews]));
  const passageCount = store.passages.length;
  const unknownWordWeight = Math.log(1 + (passageCount + 0.5) / 0.5);
  const weight = (word: string) => {
    const idf = store.lexical.idf(word);
    return idf > 0 ? idf : unknownWordWeight;
  };

  return {
    async answer(raw) {
      const started = performance.now();
      const { text, rejection } = sanitizeQuestion(raw, settings.maxQuestionChars);
      if (rejection) {
        const totalMs = Math.round((performance.now() - started) * 100) / 100;
        return { question: text, found: false, answer: rejection.message, citations: [], mode: searcher.mode, timings: { totalMs }, error: rejection.code };
      }

      let t = performance.now();
      const question = readQuestion(text, cities, coveredYears);
      const understandMs = performance.now() - t;

      const { hits, scope, timings } = await searcher.search(question, question.comparison ? COMPARISON_PASSAGES : CANDIDATE_PASSAGES);

      t = performance.now();
      const ranked = scoreSentences(question, hits, weight);
      const byYear = question.comparison ? pickPerYear(ranked, documents) : [];
      const picked = byYear.length >= 2 ? byYear.map((y) => y.sentence) : pickCitations(ranked, settings.topK);
      const citations = picked.map((s) => cite(s, documents.get(s.hit.passage.docId)!, question.wantsFigure));
      const found = !scope.emptyBecause && picked.length > 0 && picked[0].coverage >= MIN_COVERAGE;
      const answer = !found
        ? notFoundMessage(scope.emptyBecause, question.text, searcher.mode, store.documents)
        : byYear.length >= 2
          ? byYear.map((y, i) => `${y.year}年：${citations[i].quote}`).join('\n')
          : citations[0].quote;
      const composeMs = performance.now() - t;

      return {
        question: text,
        found,
        answer,
        citations,
        mode: searcher.mode,
        timings: roundAll({ understandMs, ...timings, composeMs, totalMs: performance.now() - started }),
      };
    },
  };
}

/**
 * The best sentence of each passage, best passages first. After the first, a citation must bear on
 * the question itself (cover enough of it, and not far less than the first): fewer sources are
 * better than padding. When nothing answers, the closest few are kept for the curious.
 */
function pickCitations(ranked: ScoredSentence[], limit: number): ScoredSentence[] {
  const seen = new Set<Passage>();
  const picked: ScoredSentence[] = [];
  const answers = ranked[0] && ranked[0].coverage >= MIN_COVERAGE;
  const bar = answers ? Math.max(MIN_COVERAGE, RELATED_SHARE * ranked[0].coverage) : 0;
  for (const candidate of ranked) {
    if (seen.has(candidate.hit.passage) || (picked.length > 0 && candidate.coverage < bar)) continue;
    seen.add(candidate.hit.passage);
    picked.push(candidate);
    if (picked.length === (answers ? limit : CLOSEST_WHEN_NOT_FOUND)) break;
  }
  return picked;
}

/**
 * For "how has X changed" questions: the best figure-bearing sentence for each year the reports
 * speak of, in year order. A review section speaks of the year reviewed, a plan section of the
 * plan year; for a year with both, the reported result wins over the target.
 */
function pickPerYear(ranked: ScoredSentence[], documents: Map<string, StoredDocument>): Array<{ year: number; sentence: ScoredSentence }> {
  const best = new Map<number, ScoredSentence>();
  for (const candidate of ranked) {
    if (candidate.coverage < MIN_COVERAGE || !/\d/.test(candidate.sentence.text)) continue;
    const doc = documents.get(candidate.hit.passage.docId)!;
    const isReview = candidate.hit.passage.sectionKind === 'review';
    const year = isReview ? doc.reviews : doc.year;
    const held = best.get(year);
    if (year && (!held || (isReview && held.hit.passage.sectionKind !== 'review'))) best.set(year, candidate);
  }
  return [...best].sort(([a], [b]) => a - b).map(([year, sentence]) => ({ year, sentence }));
}

function cite({ hit, sentence, coverage }: ScoredSentence, doc: StoredDocument, wantsFigure: boolean): Citation {
  const quoted = quoteSentences(hit.passage, sentence, wantsFigure);
  return {
    docId: doc.id,
    title: doc.title,
    year: doc.year,
    section: hit.passage.section,
    quote: joinSentences(quoted),
    passage: hit.passage.text,
    score: Math.round(Math.min(coverage, 1) * 1000) / 1000,
    start: quoted[0].start,
    end: quoted[quoted.length - 1].end,
  };
}

/**
 * The sentence itself, or, when it is only a short lead such as "打造太原旅游热点门户。", the
 * sentences that follow it in the same run (still verbatim), up to three in all.
 */
function quoteSentences(passage: Passage, sentence: Sentence, wantsFigure: boolean): Sentence[] {
  const standsAlone = wantsFigure && /\d/.test(sentence.text) && sentence.text.length >= FIGURE_SENTENCE;
  if (sentence.text.length >= SHORT_SENTENCE || standsAlone) return [sentence];
  const quoted = [sentence];
  for (let i = passage.sentences.indexOf(sentence) + 1; i < passage.sentences.length && quoted.length < 3; i++) {
    const next = passage.sentences[i];
    if (next.run !== sentence.run) break;
    quoted.push(next);
    if (joinSentences(quoted).length >= SHORT_SENTENCE * 2) break;
  }
  return quoted;
}

function notFoundMessage(reason: string | undefined, question: string, mode: Searcher['mode'], documents: StoredDocument[]): string {
  const titles = documents.map((d) => `《${d.title}》`).join('、');
  const english =
    mode === 'lexical' && !/[\u3400-\u9fff]/.test(question)
      ? '英文提问需要语义检索（嵌入模型），当前未启用，请用中文提问。'
      : '';
  return `${reason ?? '这些报告中没有找到能回答这个问题的内容。'}${english}可以换个说法，或写明城市和年份再问。现有报告：${titles}。`;
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v * 100) / 100])) as T;
}

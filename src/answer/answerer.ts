import type { Config } from '../config.js';
import type { Passage } from '../corpus/types.js';
import { readQuestion } from '../search/question.js';
import type { Searcher } from '../search/searcher.js';
import type { Store, StoredDocument } from '../store/store.js';
import { segmenter } from '../text/tokenize.js';
import { sanitizeQuestion } from './sanitize.js';
import { scoreSentences, type ScoredSentence } from './select.js';
import type { Answer, Citation } from './types.js';

/** Below this share of the question's key words, the best sentence does not answer it. */
export const MIN_COVERAGE = 0.5;
const CANDIDATE_PASSAGES = 12;

export interface Answerer {
  /** Throws AppError QUESTION_EMPTY / QUESTION_TOO_LONG for unusable input. */
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
  const passageCount = store.passages.length;
  const unknownWordWeight = Math.log(1 + (passageCount + 0.5) / 0.5);
  const weight = (word: string) => {
    const idf = store.lexical.idf(word);
    return idf > 0 ? idf : unknownWordWeight;
  };

  return {
    async answer(raw) {
      const started = performance.now();
      const text = sanitizeQuestion(raw, settings.maxQuestionChars);

      let t = performance.now();
      const question = readQuestion(text, cities);
      const understandMs = performance.now() - t;

      const { hits, scope, timings } = await searcher.search(question, CANDIDATE_PASSAGES);

      t = performance.now();
      const ranked = scoreSentences(question, hits, weight);
      const picked = pickCitations(ranked, settings.topK);
      const citations = picked.map((s) => cite(s, documents.get(s.hit.passage.docId)!));
      const found = !scope.emptyBecause && picked.length > 0 && picked[0].coverage >= MIN_COVERAGE;
      const answer = found ? citations[0].quote : notFoundMessage(scope.emptyBecause, store.documents);
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

/** The best sentence of each passage, best passages first. */
function pickCitations(ranked: ScoredSentence[], limit: number): ScoredSentence[] {
  const seen = new Set<Passage>();
  const picked: ScoredSentence[] = [];
  for (const candidate of ranked) {
    if (seen.has(candidate.hit.passage)) continue;
    seen.add(candidate.hit.passage);
    picked.push(candidate);
    if (picked.length === limit) break;
  }
  return picked;
}

function cite({ hit, sentence, coverage }: ScoredSentence, doc: StoredDocument): Citation {
  return {
    docId: doc.id,
    title: doc.title,
    year: doc.year,
    section: hit.passage.section,
    quote: sentence.text,
    passage: hit.passage.text,
    score: Math.round(Math.min(coverage, 1) * 1000) / 1000,
    start: sentence.start,
    end: sentence.end,
  };
}

function notFoundMessage(reason: string | undefined, documents: StoredDocument[]): string {
  const titles = documents.map((d) => `《${d.title}》`).join('、');
  return `${reason ?? '这些报告中没有找到能回答这个问题的内容。'}可以换个说法，或写明城市和年份再问。现有报告：${titles}。`;
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v * 100) / 100])) as T;
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Answerer } from '../answer/answerer.js';
import type { StoredDocument } from '../store/store.js';
import { scoreAnswer, type QuestionResult } from './metrics.js';
import type { EvalQuestion } from './questions.js';

/** Asks every question in turn (one process, index loaded once) and scores the answers. */
export async function runEvaluation(
  questions: EvalQuestion[],
  answerer: Answerer,
  documents: StoredDocument[],
  corpusDir: string,
): Promise<QuestionResult[]> {
  const sources = new Map<string, string>();
  for (const doc of documents) sources.set(doc.id, await readFile(path.join(corpusDir, doc.file), 'utf8'));
  const results: QuestionResult[] = [];
  for (const item of questions) results.push(scoreAnswer(item, await answerer.answer(item.q), sources));
  return results;
}

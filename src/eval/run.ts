import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Answerer } from '../answer/answerer.js';
import type { Turn } from '../search/followup.js';
import type { StoredDocument } from '../store/store.js';
import { scoreAnswer, type QuestionResult } from './metrics.js';
import type { EvalQuestion } from './questions.js';

/**
 * Asks every question in turn (one process, index loaded once) and scores the answers. Rows that
 * share a `thread` are asked as one conversation, each turn after the one before.
 */
export async function runEvaluation(
  questions: EvalQuestion[],
  answerer: Answerer,
  documents: StoredDocument[],
  corpusDir: string,
): Promise<QuestionResult[]> {
  const sources = new Map<string, string>();
  for (const doc of documents) sources.set(doc.id, await readFile(path.join(corpusDir, doc.file), 'utf8'));
  const results: QuestionResult[] = [];
  const conversations = new Map<string, Turn | undefined>();
  const ordered = [...questions].sort((a, b) => (a.thread && a.thread === b.thread ? (a.turn ?? 0) - (b.turn ?? 0) : 0));
  for (const item of ordered) {
    const { answer, turn } = await answerer.answerTurn(item.q, item.thread ? conversations.get(item.thread) : undefined);
    if (item.thread) conversations.set(item.thread, turn ?? undefined);
    results.push(scoreAnswer(item, answer, sources));
  }
  return results;
}

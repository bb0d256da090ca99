import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Answerer } from '../answer/answerer.js';
import { readReport } from '../corpus/readers/index.js';
import type { Turn } from '../search/followup.js';
import type { StoredDocument } from '../store/types.js';
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
  // Quotes are checked against the text each report's reader extracts (for a text file, the file decoded).
  for (const doc of documents) {
    const file = path.join(corpusDir, doc.file);
    const outcome = await readReport(file, await readFile(file));
    sources.set(doc.id, outcome.ok ? outcome.report.text : '');
  }
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

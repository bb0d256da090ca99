import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssues } from '../config.js';
import { AppError } from '../errors.js';

/** Question types the reports do not answer: the right reply is "not found". */
export const UNANSWERABLE_TYPES = new Set(['none', 'none_near']);

const questionSchema = z
  .object({
    id: z.string(),
    type: z.string().default('fact'),
    q: z.string(),
    gold: z.array(z.string()).default([]),
    docs: z.array(z.string()).default([]),
    /** Rows with the same thread are one conversation, asked in `turn` order. */
    thread: z.string().optional(),
    turn: z.number().int().positive().optional(),
    /** Every inner list must have one of its strings in the answer text (per-city, per-year answers). */
    gold_all: z.array(z.array(z.string()).min(1)).optional(),
  })
  .refine((item) => UNANSWERABLE_TYPES.has(item.type) || item.gold.length > 0, {
    message: 'an answerable question needs at least one "gold" string (or type "none")',
    path: ['gold'],
  });

/** One evaluation question: `gold` holds acceptable answer substrings, `docs` the reports that contain one. */
export type EvalQuestion = z.infer<typeof questionSchema>;

/** Reads a JSONL question file; types `none`/`none_near` mark questions the reports do not answer. */
export async function readQuestionFile(file: string): Promise<EvalQuestion[]> {
  const raw = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new AppError('EVAL_FILE_MISSING', { file });
    throw new AppError('EVAL_FILE_INVALID', { file, line: 0, detail: error.code ?? 'unreadable' });
  });
  const questions: EvalQuestion[] = [];
  raw.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AppError('EVAL_FILE_INVALID', { file, line: index + 1, detail: 'not valid JSON' });
    }
    const parsed = questionSchema.safeParse(json);
    if (!parsed.success) throw new AppError('EVAL_FILE_INVALID', { file, line: index + 1, detail: describeIssues(parsed.error) });
    questions.push(parsed.data);
  });
  if (questions.length === 0) throw new AppError('EVAL_FILE_EMPTY', { file });
  return questions;
}

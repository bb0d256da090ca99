import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssues } from '../config.js';
import { AppError } from '../errors.js';

const questionSchema = z.object({
  id: z.string(),
  type: z.string().default('fact'),
  q: z.string(),
  gold: z.array(z.string()).default([]),
  docs: z.array(z.string()).default([]),
});

/** One evaluation question: `gold` holds acceptable answer substrings, `docs` the reports that contain one. */
export type EvalQuestion = z.infer<typeof questionSchema>;

/** Reads a JSONL question file; type `none` marks questions the reports do not answer. */
export async function readQuestionFile(file: string): Promise<EvalQuestion[]> {
  const raw = await readFile(file, 'utf8').catch(() => {
    throw new AppError('EVAL_FILE_INVALID', { file, line: 0, detail: 'cannot read the file' });
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
  return questions;
}

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { compactText } from '../text/normalize.js';
import type { Figure } from './types.js';

const goldRowSchema = z.object({
  report: z.string(),
  city: z.string(),
  year: z.number().int(),
  kind: z.string(),
  indicator: z.string(),
  value: z.string(),
  measure: z.enum(['growth', 'decline', 'level']),
  sentence: z.string(),
});
export type GoldFigure = z.infer<typeof goldRowSchema>;

export async function readGoldFigures(file: string): Promise<GoldFigure[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim());
  return lines.map((line, i) => {
    const parsed = goldRowSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1} is not a figure row`);
    return parsed.data;
  });
}

export interface FieldScore {
  precision: number;
  recall: number;
}

export interface FigureEvaluation {
  gold: number;
  /** Statements extracted from the sentences the gold list covers (precision is measured on those). */
  extracted: number;
  /** All four fields right. */
  statements: FieldScore;
  fields: Record<'indicator' | 'value' | 'kind' | 'year' | 'measure', FieldScore>;
  /** Extracted values that are not a piece of their cited sentence, or sentences not in their report's text. */
  notVerbatim: Array<{ docId: string; value: string; sentence: string }>;
  missed: GoldFigure[];
  wrong: Figure[];
}

const FIELDS = ['indicator', 'value', 'kind', 'year', 'measure'] as const;

/**
 * Scores the table against a hand-checked list that names every statement of the sentences it
 * lists: an extracted statement is paired with the gold one of its sentence and value (the
 * value says which statement it is), and each field is right or wrong. Precision is over the
 * statements extracted from those sentences, recall over the gold list.
 */
export function evaluateFigures(figures: Figure[], gold: GoldFigure[], sources: Map<string, string>): FigureEvaluation {
  const key = (docId: string, sentence: string) => `${docId}\u0000${compactText(sentence)}`;
  const listed = new Set(gold.map((g) => key(g.report, g.sentence)));
  const extracted = figures.filter((f) => listed.has(key(f.docId, f.sentence)));
  const unpaired = new Set(gold);
  const right = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<(typeof FIELDS)[number], number>;
  let allRight = 0;
  const wrong: Figure[] = [];
  for (const figure of extracted) {
    const candidates = [...unpaired].filter((g) => key(g.report, g.sentence) === key(figure.docId, figure.sentence) && compactText(g.value) === compactText(figure.value));
    const pair = candidates.find((g) => g.indicator === figure.indicator) ?? candidates[0];
    if (!pair) {
      wrong.push(figure);
      continue;
    }
    unpaired.delete(pair);
    const fieldRight = {
      indicator: pair.indicator === figure.indicator,
      value: true,
      kind: pair.kind === figure.kind,
      year: pair.year === figure.year,
      measure: pair.measure === figure.measure,
    };
    for (const field of FIELDS) if (fieldRight[field]) right[field]++;
    if (fieldRight.indicator && fieldRight.kind && fieldRight.year) allRight++;
    else wrong.push(figure);
  }
  const score = (n: number): FieldScore => ({ precision: ratio(n, extracted.length), recall: ratio(n, gold.length) });
  const notVerbatim = figures
    .filter((f) => !f.sentence.includes(f.value) || !compactText(sources.get(f.docId) ?? '').includes(compactText(f.sentence)))
    .map((f) => ({ docId: f.docId, value: f.value, sentence: f.sentence }));
  return {
    gold: gold.length,
    extracted: extracted.length,
    statements: score(allRight),
    fields: Object.fromEntries(FIELDS.map((field) => [field, score(right[field])])) as FigureEvaluation['fields'],
    notVerbatim,
    missed: [...unpaired],
    wrong,
  };
}

function ratio(n: number, of: number): number {
  return of === 0 ? 1 : n / of;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/eval/metrics.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { runEvaluation } from '../../src/eval/run.js';
import { CORPUS_DIR, DESCRIPTION_QUESTIONS, DEV2_QUESTIONS, DEV_QUESTIONS, PROBE_QUESTIONS } from '../support/fixtures.js';
import { lexicalAnswerer } from '../support/lexical-context.js';

let real: Awaited<ReturnType<typeof lexicalAnswerer>>;
beforeAll(async () => {
  real = await lexicalAnswerer();
});
afterAll(() => real.cleanup());

const evaluate = async (file: string) => summarize(await runEvaluation(await readQuestionFile(file), real.answerer, real.store.documents, CORPUS_DIR));

// Floors from issue 8's targets (lexical mode): a change that loses them fails here, not only in `npm run eval`.
describe('the project\'s evaluation sets', () => {
  it('dev.jsonl (questions in the reports\' words): A@1 at least 0.94, at most 3% refused, every quote verbatim', async () => {
    const summary = await evaluate(DEV_QUESTIONS);
    expect(summary.accuracyAt1).toBeGreaterThanOrEqual(0.94);
    expect(summary.falseRefusals).toBeLessThanOrEqual(0.03);
    expect(summary.quoteFidelity).toBe(1);
  });

  it('dev2.jsonl (questions as people type them): at least 85% right, every quote verbatim', async () => {
    const summary = await evaluate(DEV2_QUESTIONS);
    expect(summary.right).toBeGreaterThanOrEqual(0.85);
    expect(summary.quoteFidelity).toBe(1);
  });

  it('probes.jsonl (our own questions of every kind): at least 90% right, every near miss refused', async () => {
    const summary = await evaluate(PROBE_QUESTIONS);
    expect(summary.right).toBeGreaterThanOrEqual(0.9);
    expect(summary.abstention).toBe(1);
    expect(summary.quoteFidelity).toBe(1);
  });

  it('descriptions.jsonl (our own: report facts described in everyday words, and near misses): at least 85% right, every quote verbatim', async () => {
    const summary = await evaluate(DESCRIPTION_QUESTIONS);
    expect(summary.right).toBeGreaterThanOrEqual(0.85);
    expect(summary.quoteFidelity).toBe(1);
  });
});

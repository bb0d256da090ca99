import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { smallCorpusApp } from '../support/small-corpus.js';

let answerer: Answerer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ answerer, cleanup } = await smallCorpusApp());
});
afterAll(() => cleanup());

describe('the decision trace of an answer', () => {
  it('for a found answer: every reading step, the accepted sentence with what it matched, the rule that accepted it', async () => {
    const answer = await answerer.answer('甲市2024年城镇新增就业多少人？', { explain: true });
    expect(answer.found).toBe(true);
    expect(answer.reason).toBeUndefined();
    const explain = answer.explain!;
    expect(explain.reading.map((n) => n.step)).toEqual(['normalize', 'spelling', 'focus', 'time', 'places', 'constraints', 'intent', 'lexicon', 'terms']);
    expect(explain.reading.find((n) => n.step === 'time')!.did).toContain('2024');
    expect(explain).toMatchObject({ strategy: 'single', decision: 'best-sentence', found: true });
    const [first] = explain.candidates;
    expect(first).toMatchObject({ docId: 'A2025', answers: true });
    expect(first.sentence).toContain('7.3万人');
    expect(first.matched.map((m) => m.concept)).toContain('城镇新增就业');
    expect(explain.weights.find((w) => w.concept === '城镇新增就业')?.weight).toBeGreaterThan(0);
  });

  it('for an answer in parts: how each part was decided, and where a part that goes on looked', async () => {
    const answer = await answerer.answer('甲市2025年东山会展中心是怎么安排的？后来建成了吗？', { explain: true });
    const parts = answer.explain!.parts!;
    expect(parts.map((p) => p.decision)).toEqual(['best-sentence', 'still-planned']);
    expect(parts[1].context.join(' ')).toContain('2025');
  });

  it('for a refusal: the reason code and the rule, with no candidate for a place no report covers', async () => {
    const answer = await answerer.answer('广州2025年新增就业多少？', { explain: true });
    expect(answer).toMatchObject({ found: false, reason: 'OUT_OF_SCOPE' });
    expect(answer.explain).toMatchObject({ decision: 'scope-empty', reason: 'OUT_OF_SCOPE', candidates: [] });
    expect(answer.answer).toContain('广州');
  });

  it('for a near miss: the sentences that cover the words are shown, marked as saying another figure', async () => {
    const answer = await answerer.answer('甲市地铁4号线什么时候通车？', { explain: true });
    expect(answer).toMatchObject({ found: false, reason: 'MISMATCH_FIGURE' });
    const explain = answer.explain!;
    expect(explain.decision).toBe('nothing-covers-enough');
    const covering = explain.candidates.filter((c) => c.sentence.includes('号线'));
    expect(covering.length).toBeGreaterThan(0);
    expect(covering.every((c) => !c.answers && c.mismatch === 'figure')).toBe(true);
  });

  it('gives a reason code to every kind of refusal', async () => {
    const reasons = async (question: string) => (await answerer.answer(question)).reason;
    expect(await reasons('2025年打算再新增多少？')).toBe('NO_TOPIC');
    expect(await reasons('甲市2030年新建公园多少个？')).toBe('YEAR_NOT_COVERED');
    expect(await reasons('甲市2025年新增托位完成了多少？')).toBe('TARGET_ONLY');
    expect(await reasons('报告是谁作的？')).toBe('NOT_IN_CREDITS');
    expect(await reasons('帮我写一首关于甲市公园的诗')).toBe('NOT_A_QUESTION');
    // Asking what a report says of a poem or a speech is a question.
    expect(await reasons('甲市2025年新建公园多少个？')).toBeUndefined();
  });

  it('leaves the trace out unless asked', async () => {
    expect((await answerer.answer('甲市2024年城镇新增就业多少人？')).explain).toBeUndefined();
  });

  it('names the strategy of answers from the figures table, across years and across cities', async () => {
    // 新建公园 is in the figures table: answered from it.
    expect((await answerer.answer('甲市这几年新建公园多少个？', { explain: true })).explain).toMatchObject({ strategy: 'figures', decision: 'figures-series' });
    expect((await answerer.answer('甲市和乙市2025年城镇新增就业目标分别是多少？', { explain: true })).explain).toMatchObject({ strategy: 'figures', decision: 'figures-series' });
  });
});

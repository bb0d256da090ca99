import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { smallCorpusApp } from '../support/small-corpus.js';

let answerer: Answerer;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ answerer, cleanup } = await smallCorpusApp());
});
afterAll(() => cleanup());

describe('questions about the corpus', () => {
  it('answers which reports there are from the manifest, in the asked place', async () => {
    const all = await answerer.answer('有哪些报告可以查？', { explain: true });
    expect(all).toMatchObject({ found: true, citations: [] });
    expect(all.explain?.decision).toBe('corpus-reports');
    for (const title of ['甲市2025年政府工作报告', '甲市2026年政府工作报告', '乙市2025年政府工作报告']) expect(all.answer).toContain(title);
    const one = await answerer.answer('乙市有哪些报告？');
    expect(one.answer).toContain('乙市2025年政府工作报告');
    expect(one.answer).not.toContain('甲市');
  });

  it('answers which years can be asked about, with the years the reports look back on', async () => {
    const answer = await answerer.answer('能查哪些年份？');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('甲：2025、2026年（报告；回顾2024—2025年）');
    expect(answer.answer).toContain('乙：2025年（报告；回顾2024年）');
  });

  it('answers what a report is about from its section headings', async () => {
    const answer = await answerer.answer('乙市的报告讲了什么？');
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/^《乙市2025年政府工作报告》的主要部分：\n• .*一、2024年工作回顾\n• .*二、2025年工作安排$/);
  });
});

describe('not found', () => {
  it('is short, says how the question was read and what the reports of that place cover, and asks only for what is missing', async () => {
    const answer = await answerer.answer('乙市2025年地铁票价是多少？');
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain('乙 2025年 地铁 票价');
    expect(answer.answer).not.toContain('写明');
    expect(answer.answer).toContain('乙：2025年');
    expect(answer.answer).not.toContain('甲市2026年政府工作报告');
    expect((await answerer.answer('地铁票价是多少？')).answer).toContain('写明城市和年份');
  });
});

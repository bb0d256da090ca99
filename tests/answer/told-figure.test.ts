import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { corpusApp } from '../support/small-corpus.js';

/** A report that says GDP of its whole place (全市生产总值), and a plan part whose targets give two growth rates: the asked thing's and another's. */
const REPORT = [
  '丁市2025年政府工作报告',
  '一、2024年工作回顾',
  '全市生产总值达到1670亿元，增长5.7%，新增城镇就业1.2万人。',
  '二、2025年工作安排',
  '全市经济社会发展的主要预期目标是：全市生产总值增长6%左右；规模以上工业增加值增长7%左右；城镇新增就业1.3万人以上。',
].join('\n\n');

let app: App;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const documents = [{ id: 'D2025', file: 'report.txt', title: '丁市2025年政府工作报告', city: '丁', year: 2025, reviews: 2024 }];
  ({ app, cleanup } = await corpusApp({ 'report.txt': `${REPORT}\n` }, documents, { WORD_VECTORS: 'off' }));
});
afterAll(() => cleanup());

describe('GDP in a report that says it of its whole place (全市生产总值)', () => {
  it('is read as GDP, in Chinese and in English', async () => {
    for (const question of ['丁市2024年GDP是多少亿元？', "What was Ding's GDP in 2024?"]) {
      expect((await app.answerer.answer(question)).citations[0]?.quote).toContain('全市生产总值达到1670亿元');
    }
    expect((await app.answerer.answer('丁市2025年经济增长目标是多少？')).answerSpan?.text).toContain('全市生产总值增长6%左右');
  });
});

describe('a figure the asker tells, asked whether it is so', () => {
  it('is answered with the asked thing\'s own figure, not with another thing\'s that equals the told one', async () => {
    const answer = await app.answerer.answer('丁市2025年GDP增长目标是不是定的7%？', { explain: true });
    expect(answer.found).toBe(true);
    expect(answer.answerSpan?.text ?? answer.citations[0].quote).toContain('全市生产总值增长6%左右');
    expect(answer.explain?.decision).toBe('told-figure-differs');
  });

  it('is answered with the sentence that says it when it is so', async () => {
    const answer = await app.answerer.answer('丁市2025年GDP增长目标是不是定的6%？', { explain: true });
    expect(answer.answerSpan?.text ?? answer.citations[0].quote).toContain('全市生产总值增长6%左右');
    expect(answer.explain?.decision).not.toBe('told-figure-differs');
  });
});

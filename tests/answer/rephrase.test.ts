import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { lexicalAnswerer } from '../support/lexical-context.js';

let answerer: Answerer;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ answerer, cleanup } = await lexicalAnswerer());
});
afterAll(() => cleanup());

const NOT_ANSWERED = ['太原2025年养老院有多少家？', '晋中2024年推广了多少辆新能源汽车？', '太原地铁2号线二期什么时候开工？', '晋中人网购多吗，2025年寄了多少快递？'];

describe('rephrasings of a question the reports do not answer', () => {
  it('are at most two, in the words of a closest passage, with the asked city, and each is answered', async () => {
    let offered = 0;
    for (const question of NOT_ANSWERED) {
      const answer = await answerer.answer(question);
      expect(answer.found).toBe(false);
      const rephrasings = answer.rephrasings ?? [];
      expect(rephrasings.length).toBeLessThanOrEqual(2);
      offered += rephrasings.length;
      for (const rephrasing of rephrasings) {
        expect(rephrasing.startsWith(answer.understood.cities[0])).toBe(true);
        const words = rephrasing.replace(/^(太原|晋中)(\d{4}年)?/, '').replace(/是多少？$/, '');
        expect(answer.citations.some((c) => c.quote.includes(words))).toBe(true);
        expect((await answerer.answer(rephrasing)).found).toBe(true);
      }
    }
    expect(offered).toBeGreaterThanOrEqual(NOT_ANSWERED.length);
  });

  it('are not offered when no close passage says what the question is about', async () => {
    const answer = await answerer.answer('太原2026年计划新建多少个老年食堂？');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.rephrasings).toBeUndefined();
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import type { Store } from '../../src/store/types.js';
import { compactText } from '../../src/text/normalize.js';
import { CORPUS_DIR, DEV_QUESTIONS } from '../support/fixtures.js';
import { lexicalAnswerer } from '../support/lexical-context.js';

let answerer: Answerer;
let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ answerer, store, cleanup } = await lexicalAnswerer());
});
afterAll(() => cleanup());

describe('answers', () => {
  it('quotes every cited sentence verbatim from its report, for every dev question', async () => {
    const sources = new Map<string, string>();
    for (const doc of store.documents) sources.set(doc.id, compactText(await readFile(path.join(CORPUS_DIR, doc.file), 'utf8')));
    let quotes = 0;
    for (const item of await readQuestionFile(DEV_QUESTIONS)) {
      const answer = await answerer.answer(item.q);
      for (const citation of answer.citations) {
        quotes++;
        expect(sources.get(citation.docId), `${item.id}: ${citation.quote}`).toContain(compactText(citation.quote));
        expect(compactText(citation.passage)).toContain(compactText(citation.quote));
      }
    }
    expect(quotes).toBeGreaterThan(40);
  });

  it('answers with the sentence that carries the figure, from the right report', async () => {
    const answer = await answerer.answer('太原2025年地区生产总值增长目标是多少？');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('地区生产总值增长5%左右');
    expect(answer.citations[0]).toMatchObject({ docId: 'TY2025', title: '太原市2025年政府工作报告（摘要）', section: '主要预期目标', year: 2025 });
    expect(answer.mode).toBe('lexical');
  });

  it('says "not found" for a city the reports do not cover', async () => {
    const answer = await answerer.answer('北京2024年的常住人口是多少？');
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain('北京');
  });

  it('strips HTML and control characters from a question instead of failing', async () => {
    const answer = await answerer.answer('<b>晋中</b>卫生厕所\u0007普及率是多少？<script>alert(1)</script>');
    expect(answer.question).toBe('晋中 卫生厕所 普及率是多少？ alert(1)');
    expect(answer.answer).toContain('82%');
  });

  it('answers an unusable question with an error code and a Chinese message instead of throwing', async () => {
    const rejected = async (q: string) => {
      const { found, error, answer, citations } = await answerer.answer(q);
      return { found, error, chinese: /[\u4e00-\u9fff]/.test(answer), citations: citations.length };
    };
    expect(await rejected('   \n\t ')).toEqual({ found: false, error: 'QUESTION_EMPTY', chinese: true, citations: 0 });
    expect(await rejected('？？？')).toEqual({ found: false, error: 'QUESTION_NO_WORDS', chinese: true, citations: 0 });
    expect(await rejected('😀🎉')).toEqual({ found: false, error: 'QUESTION_NO_WORDS', chinese: true, citations: 0 });
    expect(await rejected('太原'.repeat(5000))).toEqual({ found: false, error: 'QUESTION_TOO_LONG', chinese: true, citations: 0 });
  });

  it('cites further sources only when they bear on the question', async () => {
    const answer = await answerer.answer('太原2025年地区生产总值增长目标是多少？');
    expect(answer.citations.length).toBeGreaterThanOrEqual(1);
    for (const citation of answer.citations) expect(citation.quote).toContain('地区生产总值');
    const single = await answerer.answer('晋中卫生厕所普及率是多少？');
    expect(single.citations.map((c) => c.section)).toEqual([expect.stringContaining('绿色发展')]);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { enumerationItems } from '../../src/answer/items.js';
import { answerRange } from '../../src/answer/span.js';
import type { App } from '../../src/app.js';
import { compactText } from '../../src/text/normalize.js';
import { smallCorpusApp } from '../support/small-corpus.js';

let app: App;
let answerer: Answerer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, answerer, cleanup } = await smallCorpusApp());
});
afterAll(() => cleanup());

const QUESTIONS = [
  '甲市2025年城镇新增就业目标是多少？',
  '甲市2024年新建了多少个公园？',
  '乙市空气质量优良天数是多少？',
  '甲市地铁2号线什么时候通车？',
  '甲市2025年新增养老床位多少张？',
  '乙市2025年建成全民健身中心几座？',
  '甲市2026年城镇新增就业目标是多少？',
  '甲市和乙市2024年城镇新增就业多少人？',
];

describe('the answer span', () => {
  it('leads with the clause that holds the asked figure, not the whole sentence', async () => {
    const answer = await answerer.answer('甲市2025年城镇新增就业目标是多少？');
    expect(answer.found).toBe(true);
    expect(answer.answerSpan?.text).toBe('城镇新增就业目标8万人');
    expect(answer.citations[0].quote).toBe('城镇新增就业目标8万人，新建公园20个。');
  });

  it('finds the clause of a word the quote says with more inside it (居民收入 in 居民人均可支配收入)', () => {
    const quote = '全年地区生产总值增长5.5%,固定资产投资增长8.9%,居民人均可支配收入增长5.6%。';
    const concepts = [
      { label: '居民收入', variants: ['居民收入'], kind: 'word' as const, strict: false },
      { label: '增长', variants: ['增长'], kind: 'word' as const, strict: false },
    ];
    const range = answerRange(quote, { text: '', concepts, wantsFigure: true, asksAmount: true, wantsTime: false });
    expect(range && quote.slice(range.start, range.end)).toBe('居民人均可支配收入增长5.6%');
  });

  it('takes, asked in a unit (多少钱), the clause of an amount in it, not a shorter one of another unit', () => {
    const quote = '温暖工程全面完成,投入近200亿元,改造供热管网近1万公里。';
    const concepts = [
      { label: '暖气', variants: ['暖气', '供热'], kind: 'word' as const, strict: false },
      { label: '改造', variants: ['改造'], kind: 'word' as const, strict: false },
    ];
    const range = answerRange(quote, { text: '暖气改造花了多少钱', askedUnit: '元', concepts, wantsFigure: true, asksAmount: true, wantsTime: false });
    expect(range && quote.slice(range.start, range.end)).toBe('投入近200亿元,改造供热管网近1万公里');
  });

  it('leaves out a lead ending with a colon that only says the kind of answer (主要预期目标是:)', () => {
    const quote = '今年的主要预期目标是:地区生产总值增长6%以上,固定资产投资增长7%左右,一般公共预算收入增长2.5%左右。';
    const concepts = [
      { label: '固定资产投资', variants: ['固定资产投资'], kind: 'word' as const, strict: false },
      { label: '目标', variants: ['目标', '预期目标'], kind: 'word' as const, strict: false },
    ];
    const range = answerRange(quote, { text: '', concepts, wantsFigure: true, asksAmount: true, wantsTime: false });
    expect(range && quote.slice(range.start, range.end)).toBe('固定资产投资增长7%左右');
  });

  it('is always a verbatim substring of its report, at its offsets in the quote', async () => {
    const sources = new Map<string, string>();
    for (const doc of app.store.documents) sources.set(doc.id, await readFile(path.join(app.config.corpusDir, doc.file), 'utf8'));
    let spans = 0;
    for (const question of QUESTIONS) {
      const answer = await answerer.answer(question);
      for (const citation of answer.citations) {
        if (!citation.span) continue;
        spans++;
        const text = citation.quote.slice(citation.span.start, citation.span.end);
        expect(text.length, question).toBeGreaterThan(0);
        expect(compactText(sources.get(citation.docId)!.slice(citation.start, citation.end)), question).toContain(compactText(text));
      }
      if (answer.answerSpan) {
        const { citation, start, end, text } = answer.answerSpan;
        expect(answer.citations[citation].quote.slice(start, end), question).toBe(text);
      }
    }
    expect(spans).toBeGreaterThanOrEqual(QUESTIONS.length);
  });
});

describe('enumeration items', () => {
  it('finds numbered items within one sentence and across sentences, verbatim', () => {
    const inOne = '办好三件实事。一是新增车位1万个；二是改造街巷50条；三是建成绿波网。';
    expect(enumerationItems(inOne)?.map((r) => inOne.slice(r.start, r.end))).toEqual(['一是新增车位1万个', '二是改造街巷50条', '三是建成绿波网']);
    const across = '3件实事分别是：一、新增车位。二、改造街巷，惠及10万人。';
    expect(enumerationItems(across)?.map((r) => across.slice(r.start, r.end))).toEqual(['一、新增车位', '二、改造街巷，惠及10万人']);
    expect(enumerationItems('城镇新增就业8万人，新建公园20个。')).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { lexicalAnswerer } from '../support/lexical-context.js';
import { corpusApp } from '../support/small-corpus.js';

const report = (city: string, year: number, reviewed: string, planned: string) =>
  `${city}市${year}年政府工作报告\n\n一、${year - 1}年工作回顾\n\n${reviewed}\n\n二、${year}年工作安排\n\n${planned}\n`;

const FILES: Record<string, string> = {
  'x-2024.txt': report('甲', 2024, '全年城镇新增就业5.1万人，新建公园12个。', '城镇新增就业目标6.2万人，新建公园15个。'),
  'x-2025.txt': report('甲', 2025, '全年城镇新增就业7.3万人，新建公园16个。', '城镇新增就业目标8.4万人，新建公园20个。'),
  'y-2025.txt': report('乙', 2025, '全年城镇新增就业2.5万人，空气优良天数280天。', '城镇新增就业目标2.8万人。'),
};

let answerer: Answerer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const documents = [
    { id: 'X2024', file: 'x-2024.txt', title: '甲市2024年报告', city: '甲', year: 2024, reviews: 2023 },
    { id: 'X2025', file: 'x-2025.txt', title: '甲市2025年报告', city: '甲', year: 2025, reviews: 2024 },
    { id: 'Y2025', file: 'y-2025.txt', title: '乙市2025年报告', city: '乙', year: 2025, reviews: 2024 },
  ];
  const made = await corpusApp(FILES, documents);
  answerer = made.app.answerer;
  cleanup = made.cleanup;
});
afterAll(() => cleanup());

describe('year and city scoping on a constructed corpus', () => {
  it('answers a result for year Y from the review part of the year Y+1 report', async () => {
    const answer = await answerer.answer('甲市2024年城镇新增就业多少人？');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('7.3万人');
    expect(answer.citations[0].docId).toBe('X2025');
  });

  it('answers a target for year Y from the plan part of the year Y report', async () => {
    const answer = await answerer.answer('甲市2024年城镇新增就业目标是多少？');
    expect(answer.answer).toContain('6.2万人');
    expect(answer.citations[0].docId).toBe('X2024');
  });

  it('keeps to the named city', async () => {
    const answer = await answerer.answer('乙市2024年城镇新增就业多少人？');
    expect(answer.answer).toContain('2.5万人');
    expect(answer.citations.every((c) => c.docId === 'Y2025')).toBe(true);
  });

  it('says not found for a year no report covers', async () => {
    const answer = await answerer.answer('甲市2027年城镇新增就业目标是多少？');
    expect(answer.found).toBe(false);
  });

  it('gives one quote per year, in year order, preferring results to targets, for a comparison', async () => {
    const answer = await answerer.answer('甲市这几年新建公园数量怎么变化？');
    expect(answer.found).toBe(true);
    expect(answer.citations.map((c) => c.quote.match(/新建公园\d+个/)?.[0])).toEqual(['新建公园12个', '新建公园16个', '新建公园20个']);
    expect(answer.answer.split('\n').map((l) => l.slice(0, 5))).toEqual(['2023年', '2024年', '2025年']);
  });
});

describe('abstention on the real reports (questions not in the dev set)', () => {
  let real: Awaited<ReturnType<typeof lexicalAnswerer>>;
  beforeAll(async () => {
    real = await lexicalAnswerer();
  });
  afterAll(() => real.cleanup());

  it.each(['太原的房价每平方米多少钱？', '太原今天的气温是多少度？', '上海2024年的地区生产总值是多少？', '太原2030年的人口是多少？', '谁赢得了世界杯？'])(
    'refuses %s',
    async (question) => {
      expect((await real.answerer.answer(question)).found).toBe(false);
    },
  );

  it.each([
    ['晋中新造林多少万亩？', '24万亩'],
    ['太原地铁几号线开通运营了？', '地铁1号线开通运营'],
    ['晋中新能源公交车占比多少？', '99%'],
    ['太原2025年空气质量综指是多少？', '4.13'],
    ['太原地铁3号线什么时候开工？', '3号线一期、1号线二期工程力争年内开工'],
    ['太原2035年的目标是什么？', '到2035年综合竞争力跨入省会城市先进行列'],
    ['十四五期间太原城镇新增就业多少人？', '44万人'],
  ])('answers %s', async (question, figure) => {
    const answer = await real.answerer.answer(question);
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain(figure);
  });

  it('answers how the air quality index changed with one quote per year, in year order', async () => {
    const answer = await real.answerer.answer('太原这几年空气质量综合指数怎么变化？');
    expect(answer.found).toBe(true);
    const years = answer.answer.split('\n').map((line) => Number(line.slice(0, 4)));
    expect(years).toEqual([...years].sort());
    expect(years.length).toBeGreaterThanOrEqual(3);
    expect(answer.answer).toContain('4.95');
    expect(answer.answer).toContain('4.73');
  });
});

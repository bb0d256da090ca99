import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import type { App } from '../../src/app.js';
import { levelCorpusApp } from '../support/level-corpus.js';
import { smallCorpusApp } from '../support/small-corpus.js';

let app: App;
let answerer: Answerer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, answerer, cleanup } = await levelCorpusApp());
});
afterAll(() => cleanup());

const NATIONAL_TARGET = '国内生产总值增长5%左右';
const idOf = (level: string) => app.store.documents.find((d) => d.level === level)!.id;

describe('a national, a provincial and a city report in one corpus', () => {
  it('reads each report’s level and place from its text', () => {
    expect(app.store.documents.map((d) => [d.level, d.city])).toEqual([
      ['national', '全国'],
      ['province', '山西'],
      ['city', '晋城'],
    ]);
  });

  it('answers the country’s target from the national report only', async () => {
    for (const question of ['全国2025年GDP增长目标', '国家2025年打算让GDP涨多少？', '国家今年GDP增长目标是多少？', "What is China's growth target for 2025?", "What is China's GDP growth target for 2025?"]) {
      const answer = await answerer.answer(question);
      expect(answer.found, question).toBe(true);
      expect(answer.citations[0].quote).toContain(NATIONAL_TARGET);
      expect(answer.citations.every((c) => c.docId === idOf('national')), question).toBe(true);
    }
    expect((await answerer.answer("What is China's GDP growth target for 2025?")).answerSpan?.text).toContain(NATIONAL_TARGET);
  });

  it('answers a province’s figure from its report, named in Chinese, as 全省 or in pinyin', async () => {
    for (const question of ['山西2025年地区生产总值增长目标', '全省2025年新增城镇就业目标是多少', "What is Shanxi's GDP growth target for 2025?"]) {
      const answer = await answerer.answer(question);
      expect(answer.found, question).toBe(true);
      expect(answer.citations.every((c) => c.docId === idOf('province')), question).toBe(true);
    }
  });

  it('answers a city’s figure from the city report, even with its province named', async () => {
    expect((await answerer.answer('晋城2025年GDP增长目标是多少？')).citations[0]).toMatchObject({ docId: idOf('city'), quote: expect.stringContaining('地区生产总值增长5.5%左右') });
    const answer = await answerer.answer('山西省晋城市2025年地区生产总值增长目标是多少？', { explain: true });
    expect(answer.citations[0]).toMatchObject({ docId: idOf('city'), quote: expect.stringContaining('地区生产总值增长5.5%左右') });
    expect(answer.explain!.reading.find((r) => r.step === 'places')!.did).toBe('cities 晋城; 山西 only locates it');
  });

  it('answers an English message of two questions in two labelled parts, and one that only asks what happened to the same thing as one', async () => {
    const two = await answerer.answer("How many pocket parks did Jincheng build in 2024, and what is its GDP growth target for 2025?", { explain: true });
    expect(two.explain?.parts?.map((p) => p.found)).toEqual([true, true]);
    expect(two.citations.map((c) => c.quote)).toEqual(expect.arrayContaining([expect.stringContaining('新建口袋公园18个'), expect.stringContaining('地区生产总值增长5.5%左右')]));
    const one = await answerer.answer("How much did Jincheng's GDP grow in 2024, and how fast did it grow in 2025?", { explain: true });
    expect(one.explain?.parts).toBeUndefined();
  });

  it('does not answer a follow-up that names no place from another place’s report when the city before has nothing on it', async () => {
    const first = await answerer.answerTurn('晋城2025年城镇新增就业目标是多少？');
    const next = await answerer.answerTurn('托位要新增多少个？', first.turn!);
    expect(next.answer).toMatchObject({ found: false, understood: { cities: ['晋城'] } });
    expect((await answerer.answerTurn('全国托位要新增多少个？', first.turn!)).answer.citations[0]?.docId).toBe(idOf('national'));
  });

  it('keeps a year said only in a later question of a message ("还有…2025年…？") to that question', async () => {
    const answer = await answerer.answer('我在晋城上班，想问两件事：晋城新建了多少个口袋公园？还有全国2025年城镇新增就业目标是多少？', { explain: true });
    expect(answer.explain?.parts?.map((p) => p.found)).toEqual([true, true]);
    expect(answer.citations.map((c) => c.quote)).toEqual(expect.arrayContaining([expect.stringContaining('新建口袋公园18个'), expect.stringContaining('城镇新增就业1200万人以上')]));
  });

  it('follows a city question with the country’s: "那全国呢？" reads the national report', async () => {
    const first = await answerer.answerTurn('晋城2025年城镇新增就业目标是多少？');
    expect(first.answer.citations[0].docId).toBe(idOf('city'));
    const next = await answerer.answerTurn('那全国呢？', first.turn!);
    expect(next.answer).toMatchObject({ found: true, understood: { cities: ['全国'], contextUsed: true } });
    expect(next.answer.citations[0]).toMatchObject({ docId: idOf('national'), quote: expect.stringContaining('城镇新增就业1200万人以上') });
  });

  it('does not answer a city’s figure from the national report', async () => {
    const answer = await answerer.answer('晋城2025年新增普惠托位多少个？');
    expect(answer).toMatchObject({ found: false, reason: 'NOT_COVERED' });
    expect(answer.citations.some((c) => c.docId === idOf('national'))).toBe(false);
  });

  it('refuses a city with no report as OUT_OF_SCOPE, naming what the reports cover', async () => {
    const answer = await answerer.answer('郑州2025年GDP增长目标是多少？', { explain: true });
    expect(answer).toMatchObject({ found: false, reason: 'OUT_OF_SCOPE', citations: [] });
    expect(answer.answer).toContain('这些报告只涉及全国、山西、晋城，没有关于郑州的内容');
    expect(answer.answer).not.toContain('没有指明地方');
    expect(answer.explain).toMatchObject({ decision: 'scope-empty', reason: 'OUT_OF_SCOPE' });
  });

  it('asks a city of the province of the provincial report of that report, and does not give the province\'s figure for it', async () => {
    const answer = await answerer.answer('大同2025年GDP增长目标是多少？', { explain: true });
    expect(answer).toMatchObject({ found: false, reason: 'MISMATCH_PLACE' });
    expect(answer.explain?.reading.find((n) => n.step === 'places')?.did).toContain('cities 山西');
  });

  it('reads a question naming no place against every report, and says so when nothing answers', async () => {
    expect(await answerer.answer('2025年新建社区食堂多少个？')).toMatchObject({ found: true, citations: [{ docId: idOf('city') }] });
    const missing = await answerer.answer('2025年新建体育公园多少个？');
    expect(missing.found).toBe(false);
    expect(missing.answer).toContain('没有指明地方，查的是全国、山西、晋城的报告。');
    expect(missing.answer).toContain('可以写明地方');
  });
});

describe('a corpus of city reports only', () => {
  it('does not answer the country’s or a province’s figures from a city’s report', async () => {
    const small = await smallCorpusApp();
    try {
      for (const [question, place] of [
        ['国家2025年城镇新增就业目标是多少？', '全国'],
        ['How many new urban jobs does China plan for 2025?', '全国'],
        ['山西省2025年城镇新增就业目标是多少？', '山西'],
      ]) {
        const answer = await small.answerer.answer(question);
        expect(answer, question).toMatchObject({ found: false, reason: 'OUT_OF_SCOPE' });
        expect(answer.answer).toContain(`没有关于${place}的内容`);
      }
      expect(await small.answerer.answer('甲市2025年城镇新增就业目标是多少？')).toMatchObject({ found: true });
    } finally {
      await small.cleanup();
    }
  });
});

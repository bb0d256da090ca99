import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { smallCorpusApp } from '../support/small-corpus.js';

let answerer: Answerer;
let later: Answerer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const app = await smallCorpusApp();
  ({ answerer, cleanup } = app);
  later = app.answererWith({ now: () => new Date('2027-06-01T12:00:00Z') });
});
afterAll(() => cleanup());

describe('a list asked for in a message', () => {
  it('is not another sentence\'s list that says less than the answer (a list naming 医院 for 双向转诊)', async () => {
    const answer = await answerer.answer('孩子在医院看病，转到别的市复查又得重新挂号。乙市2025年对双向转诊有什么打算？', { explain: true });
    expect(answer.found).toBe(true);
    expect(answer.citations[0].quote).toContain('双向转诊');
    expect(answer.explain?.strategy).toBe('single');
  });
});

describe('an amount the asker tells', () => {
  it('is answered, when the reports give another amount of the same thing, with the sentence that gives it', async () => {
    const answer = await answerer.answer('甲市2025年是不是新建了30个公园？', { explain: true });
    expect(answer.found).toBe(true);
    expect(answer.explain?.decision).toBe('told-figure-differs');
    expect(answer.citations[0].quote).toMatch(/新建公园2[02]个/);
    // Asked whether it passed a figure (过…了没有), the same.
    const passed = await answerer.answer('甲市2025年新建公园过30个了没有？', { explain: true });
    expect(passed.explain?.decision).toBe('told-figure-differs');
    // A numbered name is no amount: another line is no answer to whether this one opened.
    const line = await answerer.answer('甲市地铁4号线是不是通车了？', { explain: true });
    expect(line.found).toBe(false);
  });
});

describe('a year one report plans and the next reviews', () => {
  it('is answered with both the target and the result when the question asks for neither', async () => {
    for (const asking of [answerer, later]) {
      const answer = await asking.answer('甲市2025年城镇新增就业多少人？', { explain: true });
      expect(answer.found).toBe(true);
      expect(answer.explain?.decision).toBe('target-and-result');
      expect(answer.parts?.map((p) => p.label)).toEqual(['目标', '实际']);
      const [target, result] = answer.parts!.map((p) => answer.citations[p.citation]);
      expect(target).toMatchObject({ docId: 'A2025' });
      expect(target.quote).toContain('8万人');
      expect(result).toMatchObject({ docId: 'A2026' });
      expect(result.quote).toContain('8.2万人');
    }
  });

  it('gives only the target when the target is asked, and only the result when the result is', async () => {
    const target = await answerer.answer('甲市2025年城镇新增就业目标是多少？');
    expect(target.parts).toBeUndefined();
    expect(target.citations[0].quote).toContain('8万人');
    const result = await answerer.answer('甲市2025年城镇新增就业实际完成了多少？');
    expect(result.parts).toBeUndefined();
    expect(result.citations[0].quote).toContain('8.2万人');
  });

  it('answers "通车了吗" from the report that reviews, not with the plan that promised it', async () => {
    const answer = await answerer.answer('甲市地铁2号线是不是已经通车了？');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]).toMatchObject({ docId: 'A2026' });
    expect(answer.citations[0].quote).toContain('建成通车');
  });

  it('answers a target and then "实际呢" in one message as two parts, the second going on from the first', async () => {
    const answer = await answerer.answer('甲市2025年城镇新增就业目标是多少？最后实际完成了多少？');
    expect(answer.found).toBe(true);
    expect(answer.parts).toHaveLength(2);
    const [target, result] = answer.parts!.map((p) => answer.citations[p.citation]);
    expect(target.quote).toContain('8万人');
    expect(result).toMatchObject({ docId: 'A2026' });
    expect(result.quote).toContain('8.2万人');
  });

  it('answers a plan told and how it went, asked in one sentence, as two parts; a later report that only plans it again says so', async () => {
    for (const asking of [answerer, later]) {
      const answer = await asking.answer('甲市2025年说要启动东山会展中心建设，到2026年的报告里这事进展到哪一步了？', { explain: true });
      expect(answer.found).toBe(true);
      expect(answer.parts).toHaveLength(2);
      const [plan, progress] = answer.parts!;
      expect(answer.citations[plan.citation]).toMatchObject({ docId: 'A2025' });
      expect(answer.citations[progress.citation]).toMatchObject({ docId: 'A2026' });
      expect(answer.citations[progress.citation].quote).toContain('加快东山会展中心建设');
      expect(progress.label).toContain('仍列为任务');
    }
    // Asked as two questions, the same: the plan, then the later report's task.
    const asked = await answerer.answer('甲市2025年东山会展中心是怎么安排的？后来建成了吗？');
    expect(asked.parts?.[1].label).toContain('仍列为任务');
    expect(asked.citations[asked.parts![1].citation]).toMatchObject({ docId: 'A2026' });
    // Reported done: the result, what is asked, first and cited first, then the target; the result from the review of the
    // plan's year although the question names the year of the report that reviews it.
    const done = await answerer.answer('甲市2025年说要让地铁2号线通车，到2026年的报告里通车了吗？');
    expect(done.parts?.map((p) => p.label)).toEqual(['实际', '目标']);
    expect(done.citations[0]).toMatchObject({ docId: 'A2026' });
    const result = done.citations[done.parts![0].citation];
    expect(result).toMatchObject({ docId: 'A2026' });
    expect(result.quote).toContain('建成通车');
    // Asking how much came of it, the result comes first, then the plan (the told 2000张 is no figure the result must repeat).
    const figure = await answerer.answer('甲市2025年说要新增养老床位2000张，最后完成了多少？');
    expect(figure.parts?.map((p) => p.label)).toEqual(['实际', '目标']);
    expect(figure.citations[figure.parts![0].citation]).toMatchObject({ docId: 'A2026' });
    expect(figure.citations[figure.parts![0].citation].quote).toContain('2100张');
  });

  it('sets two named years\' wording side by side, a statement per year, figures or not', async () => {
    const answer = await answerer.answer('甲市2025年和2026年的报告里，东山会展中心分别怎么提的？', { explain: true });
    expect(answer.explain?.decision).toBe('one-statement-per-year');
    expect(answer.parts?.map((p) => p.label)).toEqual(['2025年（目标）', '2026年（目标）']);
    expect(answer.parts!.map((p) => answer.citations[p.citation].quote)).toEqual(['启动东山会展中心建设。', '加快东山会展中心建设。']);
  });

  it('looks for what came "later" of a year in the reviews after it, when that year\'s own says nothing', async () => {
    const answer = await answerer.answer('甲市2025年西关步行街定了个创建什么称号的目标？后来拿到的是什么牌子？');
    expect(answer.parts).toHaveLength(2);
    const [target, result] = answer.parts!.map((p) => answer.citations[p.citation]);
    expect(target).toMatchObject({ docId: 'A2025' });
    expect(target.quote).toContain('示范步行街');
    expect(result).toMatchObject({ docId: 'A2026' });
    expect(result.quote).toContain('旅游休闲街区');
  });

  it('does not pair a year no other report reviews', async () => {
    const answer = await answerer.answer('甲市2026年城镇新增就业多少人？');
    expect(answer.found).toBe(true);
    expect(answer.parts).toBeUndefined();
    expect(answer.citations[0].quote).toContain('8.5万人');
  });
});

describe('今年 for a place whose newest report is older than the clock', () => {
  it("is that report's year and 去年 the year it reviews, and the answer says so", async () => {
    const older = await answerer.answer('乙市今年城镇新增就业目标是多少？');
    expect(older).toMatchObject({ found: true, understood: { years: [2025], yearFromReports: 2025 } });
    expect(older.citations[0].quote).toContain('2.8万人');
    const current = await answerer.answer('甲市今年城镇新增就业目标是多少？');
    expect(current.understood.years).toEqual([2026]);
    expect(current.understood.yearFromReports).toBeUndefined();
    const lastYear = await answerer.answer('乙市去年城镇新增就业多少人？');
    expect(lastYear).toMatchObject({ found: true, understood: { years: [2024], yearFromReports: 2025 } });
    expect(lastYear.citations[0].quote).toContain('2.5万人');
  });
});

describe('how much came of a plan the asker tells', () => {
  it('answers the result first and the plan after it; a plan the reports do not give is left out', async () => {
    const answer = await answerer.answer('甲市25年说要新建公园20个，最后实际完成了多少？');
    expect(answer.parts?.map((p) => p.label)).toEqual(['实际', '目标']);
    const [result, target] = answer.parts!.map((p) => answer.citations[p.citation]);
    expect(result).toMatchObject({ docId: 'A2026' });
    expect(result.quote).toContain('22个');
    expect(target.quote).toContain('20个');
    const untold = await answerer.answer('甲市2025年说要给每个小区配一个管家，最后新建公园完成了多少？');
    expect(untold.parts).toBeUndefined();
  });
});

describe('two things asked the same in one sentence', () => {
  it('answers "X和Y，各是多少" and "哪个更多" as a part for each thing, with the place and year of the message', async () => {
    for (const asked of ['甲市2024年新建公园和新增养老床位，各是多少？', '甲市2024年新建公园和新增养老床位，哪个更多？']) {
      const answer = await answerer.answer(asked);
      expect(answer.found).toBe(true);
      expect(answer.parts).toHaveLength(2);
      const quotes = answer.parts!.map((p) => answer.citations[p.citation].quote);
      expect(quotes[0]).toContain('16个');
      expect(quotes[1]).toContain('1500张');
    }
  });

  it('answers two places asked the same per place, not as two questions', async () => {
    const answer = await answerer.answer('甲市和乙市2024年城镇新增就业，各是多少？');
    expect(answer.parts?.map((p) => p.label.split(' ')[0])).toEqual(['甲', '乙']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { lexicalAnswerer } from '../support/lexical-context.js';

// Questions written for these tests, not taken from the evaluation sets.
let answerer: Answerer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ answerer, cleanup } = await lexicalAnswerer());
});
afterAll(() => cleanup());

describe('honest answers', () => {
  it('never answers a question about the result with a target, and says when only the target is printed', async () => {
    const answer = await answerer.answer('2024年太原地区生产总值实际增长了多少？');
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^报告只给出了目标/);
    expect(answer.citations[0]).toMatchObject({ docId: 'TY2024' });
    expect(answer.citations[0].quote).toContain('地区生产总值增长5%左右');
    expect(answer.answer).not.toContain('3.8%');
  });

  it('keeps numbers, units and years in agreement with the question', async () => {
    expect((await answerer.answer('太原地铁2号线什么时候开通？')).found).toBe(false);
    const days = await answerer.answer('太原2025年全年优良天数有多少天？');
    expect(days.found).toBe(true);
    expect(days.answer).toContain('282天');
    expect((await answerer.answer('太原2024年优良天数有多少天？')).found).toBe(false);
    expect((await answerer.answer('太原的房价每平方米多少钱？')).found).toBe(false);
  });

  it('answers a question naming two cities in one labelled part per city, each with its citation', async () => {
    const answer = await answerer.answer('太原和晋中2025年GDP增长目标分别是多少？');
    expect(answer.parts).toEqual([
      { label: '太原', citation: 0 },
      { label: '晋中', citation: 1 },
    ]);
    expect(answer.citations.map((c) => c.docId)).toEqual(['TY2025', 'JZ2025']);
    expect(answer.answer).toMatch(/^太原：地区生产总值增长5%左右.*\n晋中：.*地区生产总值增长 5%以上/s);
  });

  it('labels targets as targets in a comparison and leaves out five-year totals', async () => {
    const jobs = await answerer.answer('太原2026年城镇新增就业目标和2025年比有变化吗？');
    expect(jobs.parts?.map((p) => p.label)).toEqual(['2025年（目标）', '2026年（目标）']);
    expect(jobs.answer).not.toContain('44万人');
    const growth = await answerer.answer('太原这几年地区生产总值增长目标怎么变化？');
    expect(growth.parts?.map((p) => p.label)).toEqual(['2024年（目标）', '2025年（目标）', '2026年（目标）']);
    expect(growth.answer).toContain('地区生产总值增长5%左右，固定资产投资增长6%以上');
    expect(growth.answer).not.toContain('3.8%');
  });

  it('quotes the enumeration itself for "有哪些" questions', async () => {
    const answer = await answerer.answer('太原2025年要办哪些民生实事？');
    expect(answer.answer).toMatch(/^办好十件民生实事。一是以学校、医院、商圈为重点.*二是.*九是/s);
  });

  it('answers questions about the report itself from its credits, verbatim', async () => {
    const speaker = await answerer.answer('晋中市2025年的政府工作报告是谁作的？');
    expect(speaker).toMatchObject({ found: true, answer: '晋中市人民政府市长 刘 星' });
    expect(speaker.citations[0]).toMatchObject({ docId: 'JZ2025', section: '报告署名' });
    const meeting = await answerer.answer('晋中的政府工作报告是在哪次会议上作的？');
    expect(meeting.answer).toContain('晋中市第五届人民代表大会第五次会议上');
    expect((await answerer.answer('太原2024年的政府工作报告是在市十五届人大第几次会议上作的？')).found).toBe(false);
  });

  it('offers at most three possibly related passages when nothing answers', async () => {
    const answer = await answerer.answer('太原2026年计划新增多少张养老床位？');
    expect(answer.found).toBe(false);
    expect(answer.citations.length).toBeLessThanOrEqual(3);
  });
});

describe('questions as people type them', () => {
  it('reads slips, traditional characters and chat particles', async () => {
    const answer = await answerer.answer('太源2023年城鎮新增就業多少人呀');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('8.58万人');
    expect(answer.understood).toMatchObject({ cities: ['太原'], years: [2023] });
  });

  it('answers everyday wording through the lexicon', async () => {
    const answer = await answerer.answer('太原给老人吃饭的地方会多起来吗？');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('老年食堂');
  });

  it('answers an English question offline with Chinese quotes', async () => {
    const answer = await answerer.answer('How many new urban jobs did Taiyuan add in 2023?');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('城镇新增就业8.58万人');
  });

  it('carries city, year and topic into a follow-up, and starts over without them', async () => {
    const first = await answerer.answerTurn('太原2023年新建了多少所中小学校？');
    expect(first.answer.answer).toContain('新建中小学校23所');
    const second = await answerer.answerTurn('幼儿园呢？', first.turn!);
    expect(second.answer.understood).toMatchObject({ cities: ['太原'], years: [2023], contextUsed: true });
    expect(second.answer.answer).toContain('新改扩建公办幼儿园20所');
    const alone = await answerer.answerTurn('晋中卫生厕所普及率是多少？', first.turn!);
    expect(alone.answer.answer).toContain('82%');
  });
});

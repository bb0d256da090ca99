import { describe, expect, it } from 'vitest';
import { continueFrom, describeReading, namesThing, turnOf, withTopicOf } from '../../src/search/followup.js';
import { readQuestion } from '../support/reader.js';

const CITIES = ['太原', '晋中'];
const COVERED = new Set([2023, 2024, 2025, 2026]);
const read = (text: string) => readQuestion(text, CITIES, COVERED);
const after = (first: string, second: string) => continueFrom(read(second), turnOf(read(first)));

describe('follow-up questions', () => {
  it('swaps the city and keeps the year and topic', () => {
    const { question, used } = after('太原在2024年谋定推进了多少项改革事项？', '那晋中呢？');
    expect(used).toBe(true);
    expect(question).toMatchObject({ cities: ['晋中'], years: [2024], askedUnit: '项' });
    expect(describeReading(question)).toBe('晋中 2024年 改革事项');
  });

  it('asks another item of the same list: the list\'s words are its setting, the named item the topic', () => {
    const { question } = after('太原2026年钢铁这一行给定的调子是啥？', '那电力这块呢？');
    expect(question).toMatchObject({ cities: ['太原'], years: [2026] });
    const concept = (label: string) => question.concepts.find((c) => c.label === label);
    expect(concept('电力')?.situation).toBeUndefined();
    expect(concept('电力')?.pointedAt).toBeUndefined();
    expect(concept('钢铁')?.situation).toBe(true);
    // Not an item: the topic is swapped, nothing of the last one kept.
    expect(after('太原2026年钢铁这一行给定的调子是啥？', '电力产业的调子呢？').question.concepts.map((c) => c.label)).not.toContain('钢铁');
  });

  it('asks another thing put in the place of the one before (那汽车呢？) the same measure, and not its thing', () => {
    const { question } = after('晋中2026年想把电子信息产业做到多大的盘子？', '那汽车呢？');
    const labels = question.concepts.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['汽车', '盘子']));
    expect(labels).not.toContain('电子');
    expect(question.wantsFigure).toBe(true);
  });

  it('asks a measure on its own (产量呢？) of the thing the question before measured, and not of its measure', () => {
    for (const second of ['产量呢？', '产量呢，要到多少？']) {
      const labels = after('晋中2025年粮食播种面积要稳在多少亩？', second).question.concepts.map((c) => c.label);
      expect(labels).toEqual(expect.arrayContaining(['产量', '粮食']));
      expect(labels).not.toContain('播种面积');
    }
    // A thing of its own is a new topic.
    expect(after('晋中2025年粮食播种面积要稳在多少亩？', '煤炭产量呢？').question.concepts.map((c) => c.label)).not.toContain('粮食');
  });

  it('asks whether a project opens this year of the project before (那今年能正式通车不？), the question before naming no place', () => {
    const { question, used } = after('常泰长江大桥修到哪一步了？', '那今年能正式通车不？');
    expect(used).toBe(true);
    expect(question.concepts.map((c) => c.label)).toEqual(expect.arrayContaining(['通车', '长江大桥']));
  });

  it('swaps the year and keeps the city and topic', () => {
    const { question } = after('2024年太原新入围规上的工业企业有多少户？', '换成2025年是多少？');
    expect(question).toMatchObject({ cities: ['太原'], years: [2025] });
    expect(question.concepts.map((c) => c.label)).toEqual(expect.arrayContaining(['规上', '工业']));
  });

  it('counts 今年 of an elliptical follow-up as the reports of the place it takes from the question before count it', () => {
    // 甲市's newest report is of 2026 (the clock's year), 乙市's of 2025: its 今年 is 2025.
    const reportYears = (places: string[]) => (places.includes('乙市') ? [2025] : [2025, 2026]);
    const readThere = (text: string) => readQuestion(text, ['甲市', '乙市'], COVERED, { reportYears });
    const goOn = (first: string) => continueFrom(readThere('那今年的目标是多少？'), turnOf(readThere(first))).question.years;
    expect(goOn('乙市去年城镇新增就业多少？')).toEqual([2025]);
    expect(goOn('甲市去年城镇新增就业多少？')).toEqual([2026]);
  });

  it('asks another year for whatever the reports say of it, unless a result was asked in words; another city for the same kind', () => {
    // The answer to the first came from a review, so its turn wants a result (see the answerer).
    const answeredByReview = (first: string) => turnOf({ ...read(first), wantsResult: true });
    expect(continueFrom(read('那2026年呢？'), answeredByReview('太原2024年城镇新增就业多少人？')).question.wantsResult).toBe(false);
    expect(continueFrom(read('那晋中呢？'), answeredByReview('太原2024年城镇新增就业多少人？')).question.wantsResult).toBe(true);
    expect(continueFrom(read('那2026年呢？'), answeredByReview('太原2024年城镇新增就业实际完成了多少？')).question.wantsResult).toBe(true);
    // The year under way has no result yet: "今年呢？" after what was done last year asks this year's plan.
    expect(after('太原去年新建了多少个公园？', '今年呢？').question.wantsResult).toBe(false);
  });

  it('reads "往前一年" and "下一年" as the year before or after the last question\'s', () => {
    const before = after('太原2026年对钢铁产业有什么安排？', '往前一年，新能源当时说以谁为龙头？');
    expect(before.question).toMatchObject({ cities: ['太原'], years: [2025] });
    expect(before.used).toBe(true);
    expect(after('太原2024年新建了多少个公园？', '下一年呢？').question.years).toEqual([2025]);
  });

  it('keeps the topic for a question that only says what is done to it and asks how much (那2026年打算再培育多少家？)', () => {
    const { question } = after('太原去年新增多少家科技型中小企业？', '那2026年打算再培育多少家？');
    expect(question.years).toEqual([2026]);
    expect(question.concepts.map((c) => c.label)).toEqual(expect.arrayContaining(['科技', '小企业']));
  });

  it('swaps the topic and keeps the city and year', () => {
    const { question } = after('太原在2023年添了几个省级重点实验室？', '技术创新中心又添了几个？');
    expect(question).toMatchObject({ cities: ['太原'], years: [2023] });
    expect(question.concepts.map((c) => c.label)).not.toContain('实验室');
  });

  it('asks whether a thing happened of the topic before, and in the review when the plan was asked before', () => {
    const { question, used } = after('西环高速，太原2024年是怎么安排的？', '那年年底通车了没？');
    expect(used).toBe(true);
    expect(question.concepts.map((c) => c.label)).toEqual(expect.arrayContaining(['西环', '高速']));
    expect(question.intent).toBe('review');
    const result = after('西环高速原计划2024年什么时候通车？', '后来开通了吗？').question;
    expect(result).toMatchObject({ intent: 'review', wantsResult: true });
    expect(result.concepts.map((c) => c.label)).not.toContain('计划');
  });

  it('asks a list about the previous answer when it names no topic of its own', () => {
    const first = read('太原2026年准备加快培育几个潜力产业？');
    const previous = turnOf(first, { docId: 'TY2026', passageId: 1, sentenceStart: 10 });
    expect(continueFrom(read('都是哪几个？'), previous).aboutPreviousAnswer).toBe(true);
    expect(continueFrom(read('晋中有哪些老字号？'), previous).aboutPreviousAnswer).toBe(false);
    // Asked of another year, the list is that year's, not the previous answer's.
    expect(continueFrom(read('那2025年是哪几个？'), previous).aboutPreviousAnswer).toBe(false);
  });

  it('does not take the kind of answer asked for (什么牌子) for a thing the question names', () => {
    expect(namesThing(read('后来拿到的是什么牌子？'))).toBe(false);
    expect(namesThing(read('太原后来新建了几个公园？'))).toBe(true);
    expect(read('后来拿到的是什么牌子？').wantsResult).toBe(true);
  });

  it('gives a part that goes on from the one before (最后…) that one\'s topic besides its own words, not the plan\'s words', () => {
    const part = withTopicOf(read('最后有没有被国家选为试点？'), turnOf(read('无废城市这件事，太原2025年的目标是怎么提的？')));
    const labels = part.concepts.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['无废', '试点']));
    expect(labels).not.toContain('目标');
  });

  it('leaves a question that names its own city, year and topic alone', () => {
    const { question, used } = after('太原2025年城镇新增就业目标是多少？', '晋中2024年农村危房改造完成了几户？');
    expect(used).toBe(false);
    expect(question).toMatchObject({ cities: ['晋中'], years: [2024] });
  });

  it('takes no year for a question that names its own place and topic, or asks over the years', () => {
    for (const second of ['太原地铁2号线什么时候通车？', '太原这几年空气质量综合指数怎么变化？', '晋中近几年城镇新增就业情况如何？']) {
      const { question, used } = after('太原2025年城镇新增就业目标是多少？', second);
      expect(question.years, second).toEqual([]);
      expect(used, second).toBe(false);
    }
  });

  it('keeps the year for a question that leans on the last one by its form, or names no place', () => {
    for (const second of ['太原的城镇新增就业呢？', '那晋中的地区生产总值？', '新建公园多少个？']) {
      const { question, used } = after('晋中2024年城镇新增就业多少人？', second);
      expect(question.years, second).toEqual([2024]);
      expect(used, second).toBe(true);
    }
  });

  it('does not give a five-year period a year', () => {
    const { question } = after('晋中2025年计划新改建多少公里四好农村路？', '太原“十四五”期间建了多少公里？');
    expect(question.years).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/search/question.js';

const CITIES = ['太原', '晋中'];

describe('reading a question', () => {
  it('finds years, cities and whether a figure is asked for', () => {
    const q = readQuestion('2025年太原新建了多少公里道路？', CITIES);
    expect(q).toMatchObject({ years: [2025], cities: ['太原'], otherPlaces: [], wantsFigure: true, wantsTime: false, comparison: false });
    expect(q.keyWords).toEqual(expect.arrayContaining(['公里', '道路']));
    expect(q.keyWords).not.toContain('太原');
    expect(q.keyWords).not.toContain('多少');
  });

  it('maps a county to its prefecture city', () => {
    expect(readQuestion('平遥古城的游客多吗', CITIES).cities).toEqual(['晋中']);
    expect(readQuestion('清徐的醋产业', CITIES).cities).toEqual(['太原']);
  });

  it('notices places the reports do not cover, but not the province they belong to', () => {
    expect(readQuestion('上海的地铁有多长？', CITIES).otherPlaces).toEqual(['上海']);
    expect(readQuestion('山西省的煤炭产量', CITIES).otherPlaces).toEqual([]);
  });

  it('reads plan and review intent', () => {
    expect(readQuestion('2026年计划建设多少个托育点？', CITIES).intent).toBe('plan');
    expect(readQuestion('明年要修几条路', CITIES).intent).toBe('plan');
    expect(readQuestion('去年建成了多少个公园？', CITIES).intent).toBe('review');
    expect(readQuestion('医院数量', CITIES).intent).toBeUndefined();
    expect(readQuestion('主要经济指标', CITIES).intent).toBeUndefined();
  });

  it('keeps a number with its unit as one key word, and notices "when" questions', () => {
    const q = readQuestion('地铁3号线什么时候开工？', CITIES);
    expect(q.keyWords).toEqual(expect.arrayContaining(['3号线', '开工']));
    expect(q.keyWords).not.toContain('3');
    expect(q.keyWords).not.toContain('什么时候');
    expect(q.wantsTime).toBe(true);
  });

  it('keeps a year no report covers as a key word, and drops covered ones', () => {
    const covered = new Set([2024, 2025]);
    expect(readQuestion('太原2035年的目标', CITIES, covered).keyWords).toContain('2035年');
    expect(readQuestion('太原2025年的目标', CITIES, covered).keyWords).not.toContain('2025年');
  });

  it('recognizes comparison questions', () => {
    expect(readQuestion('这几年的就业人数怎么变化', CITIES).comparison).toBe(true);
    expect(readQuestion('就业人数是多少', CITIES).comparison).toBe(false);
  });

  it('normalizes full-width input and expands everyday words', () => {
    const q = readQuestion('停车难怎么解决？ＧＤＰ增长５％', CITIES);
    expect(q.text).toContain('GDP增长5%');
    expect(q.terms).toEqual(expect.arrayContaining(['车位', '5%', '生产总值']));
  });
});

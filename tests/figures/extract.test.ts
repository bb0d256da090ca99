import { describe, expect, it } from 'vitest';
import { buildFigures } from '../../src/figures/build.js';
import { extractStatements } from '../../src/figures/extract.js';
import type { DocumentMeta, Passage } from '../../src/corpus/types.js';

const said = (sentence: string) => extractStatements(sentence).map(({ indicator, value, measure }) => ({ indicator, value, measure }));

describe('indicator statements in a sentence', () => {
  it('reads targets with their qualifiers, in a list after a colon', () => {
    expect(said('今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业人数9万人，居民消费价格指数涨幅控制在3%以内，进出口总额力争正增长。')).toEqual([
      { indicator: '地区生产总值', value: '5.5%左右', measure: 'growth' },
      { indicator: '城镇新增就业人数', value: '9万人', measure: 'level' },
      { indicator: '居民消费价格指数', value: '3%以内', measure: 'growth' },
    ]);
  });

  it('reads results: an index without unit, a clause that only adds a change, a decline, values printed first', () => {
    expect(said('全年优良天数300天,空气质量综指3.98,下降5.2%。')).toEqual([
      { indicator: '优良天数', value: '300天', measure: 'level' },
      { indicator: '空气质量综指', value: '3.98', measure: 'level' },
      { indicator: '空气质量综指', value: '5.2%', measure: 'decline' },
    ]);
    expect(said('2.5万套保障性租赁住房基本建成，全市快递业务量突破3亿件，增长12.5%。')).toEqual([
      { indicator: '保障性租赁住房', value: '2.5万套', measure: 'level' },
      { indicator: '快递业务量', value: '3亿件', measure: 'level' },
      { indicator: '快递业务量', value: '12.5%', measure: 'growth' },
    ]);
  });

  it('pairs 分别, keeps spaces and full-width signs verbatim, and skips ranks, years, starting points and quoted names', () => {
    expect(said('用水量、公路货运量分别增长2.1%、7.4%。')).toEqual([
      { indicator: '用水量', value: '2.1%', measure: 'growth' },
      { indicator: '公路货运量', value: '7.4%', measure: 'growth' },
    ]);
    expect(said('外贸实绩企业 95 户、排全省第 4位，非化石能源消费比重达到11％。')).toEqual([
      { indicator: '外贸实绩企业', value: '95 户', measure: 'level' },
      { indicator: '非化石能源消费比重', value: '11％', measure: 'level' },
    ]);
    expect(said('2022年，建设“1+5”服务网，工业增加值由-2.3%转为增长1.2%，PM2.5浓度控制在35微克/立方米以内。')).toEqual([
      { indicator: '工业增加值', value: '1.2%', measure: 'growth' },
      { indicator: 'PM2.5浓度', value: '35微克/立方米以内', measure: 'level' },
    ]);
  });
});

describe('the figures table of a report', () => {
  const meta: DocumentMeta = { id: 'XY2026', file: 'x.txt', title: '某市2026年政府工作报告', level: 'city', city: '某市', year: 2026, reviews: 2025 };
  const passage = (id: number, section: string, sectionKind: 'review' | 'plan', text: string): Passage => ({
    id,
    docId: 'XY2026',
    section,
    sectionKind,
    text,
    start: 0,
    end: text.length,
    sentences: [{ text, start: 100 * id, end: 100 * id + text.length, run: id }],
  });

  it('places targets in the plan year, results in the year reviewed and 十四五 statements in the period', () => {
    const figures = buildFigures(
      [
        passage(0, '2025年工作回顾', 'review', '城镇新增就业6.1万人。'),
        passage(1, '回看“十四五”', 'review', '城镇新增就业30万人。'),
        passage(2, '2026年目标任务', 'plan', '城镇新增就业6万人以上。'),
      ],
      [meta],
    );
    expect(figures.map(({ kind, year, value, city, docId, start }) => ({ kind, year, value, city, docId, start }))).toEqual([
      { kind: '实际', year: 2025, value: '6.1万人', city: '某市', docId: 'XY2026', start: 0 },
      { kind: '十四五', year: 2025, value: '30万人', city: '某市', docId: 'XY2026', start: 100 },
      { kind: '目标', year: 2026, value: '6万人以上', city: '某市', docId: 'XY2026', start: 200 },
    ]);
    for (const f of figures) expect(f.sentence).toContain(f.value);
  });
});

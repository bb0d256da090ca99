import { describe, expect, it } from 'vitest';
import { filterFigures } from '../../src/figures/browse.js';
import { CSV_COLUMNS, figuresCsv, figuresJson } from '../../src/figures/export.js';
import { groupIndicators } from '../../src/figures/groups.js';
import type { Figure } from '../../src/figures/types.js';
import type { WordVectors } from '../../src/search/word-vectors.js';

const LEXICON = { same: [['规上', '规模以上'], ['GDP', '地区生产总值', '经济总量']] };

/** Word vectors that put 存款 and 储蓄 together and everything else elsewhere. */
const VECTORS: WordVectors = {
  size: 3,
  dimensions: 2,
  vector: (word) => (word === '存款' || word === '储蓄' ? Float32Array.of(1, 0) : word === '余额' || word === '居民' ? Float32Array.of(0, 1) : undefined),
};

describe('one indicator said two ways', () => {
  const names = ['规上工业增加值', '规模以上工业增加值', '开发区规上工业增加值', '地区生产总值', '城镇新增就业', '城镇新增就业人数', '居民存款余额', '居民储蓄余额', '居民贷款余额'];

  it('is one group through the lexicon, an optional suffix and the word vectors', () => {
    const groups = groupIndicators(names, LEXICON, VECTORS);
    expect(groups.keyOf('规上工业增加值')).toBe(groups.keyOf('规模以上工业增加值'));
    expect(groups.keyOf('开发区规上工业增加值')).not.toBe(groups.keyOf('规上工业增加值'));
    expect(groups.keyOf('GDP')).toBe(groups.keyOf('地区生产总值'));
    expect(groups.keyOf('城镇新增就业人数')).toBe(groups.keyOf('城镇新增就业'));
    expect(groups.keyOf('居民储蓄余额')).toBe(groups.keyOf('居民存款余额'));
    expect(groups.keyOf('居民贷款余额')).not.toBe(groups.keyOf('居民存款余额'));
  });

  it('keeps names apart without word vectors, and finds the most specific group a question names', () => {
    const groups = groupIndicators(names, LEXICON, null);
    expect(groups.keyOf('居民储蓄余额')).not.toBe(groups.keyOf('居民存款余额'));
    expect(groups.named('这几年GDP增长怎么变化？')).toEqual([groups.keyOf('地区生产总值')]);
    expect(groups.named('开发区规模以上工业增加值增长多少')).toEqual([groups.keyOf('开发区规上工业增加值')]);
  });
});

const figure = (over: Partial<Figure>): Figure => ({
  indicator: '地区生产总值',
  value: '5%左右',
  number: 5,
  unit: '%',
  qualifier: '左右',
  measure: 'growth',
  valueStart: 6,
  kind: '目标',
  year: 2025,
  city: '甲市',
  level: 'city',
  docId: 'JA2025',
  section: '主要目标',
  sentence: '地区生产总值增长5%左右，“两新”项目开工。',
  start: 10,
  end: 30,
  ...over,
});

describe('browsing and exporting the table', () => {
  const rows = [figure({}), figure({ city: '乙市', docId: 'YI2025', indicator: '经济总量', measure: 'level', value: '2000亿元', number: 2000, unit: '亿元', qualifier: '' }), figure({ indicator: '城镇新增就业', value: '3万人', number: 3, unit: '万人', measure: 'level', qualifier: '', sentence: '城镇新增就业3万人,"稳就业"见效。' })];
  const groups = groupIndicators(
    rows.map((r) => r.indicator),
    LEXICON,
    null,
  );

  it('filters by city and by an indicator as people write it', () => {
    expect(filterFigures(rows, groups, { indicator: 'GDP' }).map((r) => r.docId)).toEqual(['JA2025', 'YI2025']);
    expect(filterFigures(rows, groups, { city: '甲市', indicator: 'GDP' })).toHaveLength(1);
    expect(filterFigures(rows, groups, { city: '甲市' })).toHaveLength(2);
  });

  it('writes CSV with a header and one quoted-where-needed row per figure', () => {
    const lines = figuresCsv(rows).trimEnd().split('\r\n');
    expect(lines[0].split(',')).toEqual([...CSV_COLUMNS]);
    expect(lines).toHaveLength(4);
    expect(lines[3].endsWith(',"城镇新增就业3万人,""稳就业""见效。"')).toBe(true);
    expect(lines[1].startsWith('甲市,city,地区生产总值,growth,目标,2025,5%左右,5,%,左右,JA2025,')).toBe(true);
  });

  it('writes JSON objects with the citation of each figure', () => {
    const parsed = JSON.parse(figuresJson(rows)) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(3);
    expect(Object.keys(parsed[0]).sort()).toEqual([...CSV_COLUMNS].sort());
    expect(parsed[1]).toMatchObject({ city: '乙市', indicator: '经济总量', value: '2000亿元', kind: '目标', year: 2025, docId: 'YI2025', start: 10, end: 30 });
  });
});

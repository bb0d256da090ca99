import { describe, expect, it } from 'vitest';
import { createFiguresStrategy } from '../../src/answer/figures-strategy.js';
import type { Figure } from '../../src/figures/types.js';
import type { Question } from '../../src/search/question.js';
import type { Store, StoredDocument } from '../../src/store/types.js';

const figure = (over: Partial<Figure>): Figure => {
  const base = { indicator: '城镇新增就业', value: '8万人', number: 8, unit: '万人', qualifier: '', measure: 'level' as const, kind: '实际', year: 2024, city: '甲市', level: 'city' as const, docId: 'JA2025', section: '回顾' };
  const row = { ...base, ...over };
  const sentence = over.sentence ?? `${row.indicator}${row.measure === 'growth' ? '增长' : ''}${row.value}。`;
  const start = row.year * 100 + (row.kind === '目标' ? 50 : 0);
  return { ...row, sentence, valueStart: sentence.indexOf(row.value), start, end: start + sentence.length };
};

const TABLE: Figure[] = [
  figure({ year: 2023, value: '7.5万人', number: 7.5, docId: 'JA2024' }),
  figure({ year: 2024, value: '8万人', number: 8 }),
  figure({ year: 2025, kind: '目标', value: '8万人以上', number: 8, qualifier: '以上' }),
  figure({ indicator: '地区生产总值', measure: 'growth', unit: '%', year: 2024, value: '5.1%', number: 5.1 }),
  figure({ indicator: '地区生产总值', measure: 'growth', unit: '%', year: 2025, kind: '目标', value: '5%左右', number: 5, qualifier: '左右' }),
  figure({ indicator: '地区生产总值', measure: 'growth', unit: '%', year: 2025, kind: '目标', value: '6%以上', number: 6, qualifier: '以上', city: '乙市', docId: 'YI2025' }),
  figure({ indicator: '工业投资', measure: 'growth', unit: '%', year: 2024, value: '12%', number: 12, docId: 'JA2025' }),
  figure({ indicator: '工业投资', measure: 'growth', unit: '%', year: 2025, kind: '目标', value: '10%', number: 10, city: '乙市', docId: 'YI2025' }),
];

const documents = new Map<string, StoredDocument>(
  ['JA2024', 'JA2025', 'YI2025'].map((id) => [id, { id, file: `${id}.txt`, title: `${id}报告`, level: 'city', city: id.startsWith('JA') ? '甲市' : '乙市', year: Number(id.slice(2)), reviews: Number(id.slice(2)) - 1, credits: [] }]),
);
const store = { figures: async () => TABLE } as unknown as Store;
const strategy = createFiguresStrategy({ store, documents, lexicon: { same: [['GDP', '地区生产总值']] } });
const ask = (text: string, over: Partial<Question> = {}) => strategy.answer({ text, years: [], cities: [], wantsResult: false, ...over } as unknown as Question);

describe('answers from the figures table', () => {
  it('gives one labelled figure per year with its citation for a series', async () => {
    const solution = await ask('甲市城镇新增就业这几年怎么变化？', { cities: ['甲市'] });
    expect(solution?.decision).toMatchObject({ strategy: 'figures', name: 'figures-series', found: true });
    expect(solution?.parts?.map((p) => p.label)).toEqual(['2023年（实际）', '2024年（实际）', '2025年（目标）']);
    expect(solution?.series?.points.map((p) => p.value)).toEqual(['7.5万人', '8万人', '8万人以上']);
    for (const [i, part] of solution!.parts!.entries()) expect(solution!.citations[part.citation].quote).toContain(solution!.series!.points[i].value);
  });

  it('computes a difference between two results of one unit', async () => {
    const solution = await ask('甲市城镇新增就业比去年多了多少？', { cities: ['甲市'], years: [2025] });
    expect(solution?.decision.name).toBe('figures-difference');
    expect(solution?.text).toContain('0.5万人');
  });

  it('compares two places like with like and names the winner with both figures', async () => {
    const solution = await ask('甲市和乙市哪个GDP增长快？', { cities: ['甲市', '乙市'] });
    expect(solution?.decision.name).toBe('figures-which-place');
    expect(solution?.series?.points.map((p) => [p.city, p.year, p.kind])).toEqual([
      ['甲市', 2025, '目标'],
      ['乙市', 2025, '目标'],
    ]);
    expect(solution?.text).toContain('5%左右');
    expect(solution?.text).toContain('6%以上');
  });

  it('refuses to set a target against a result, and says so with both figures', async () => {
    const solution = await ask('甲市和乙市哪个工业投资增长快？', { cities: ['甲市', '乙市'] });
    expect(solution?.decision).toMatchObject({ strategy: 'figures', name: 'figures-not-comparable', found: false, refusal: { code: 'NOT_COMPARABLE' } });
    expect(solution?.series?.points.map((p) => p.kind)).toEqual(['实际', '目标']);
  });

  it('takes no question about one figure, nor one naming no indicator of the table', async () => {
    expect(await ask('甲市2024年城镇新增就业多少？', { cities: ['甲市'], years: [2024] })).toBeNull();
    expect(await ask('甲市这几年公园建设怎么变化？', { cities: ['甲市'] })).toBeNull();
  });
});

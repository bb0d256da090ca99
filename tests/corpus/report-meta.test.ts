import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeNamed, readMeta } from '../../src/corpus/report-meta.js';
import { REPO } from '../support/fixtures.js';

const ADDED = path.join(REPO, 'tests', 'fixtures', 'added');
const read = async (file: string) => readMeta(file, await readFile(path.join(ADDED, file), 'utf8'), ['太原', '晋中']);

describe('metadata read from a report added under a neutral file name', () => {
  it('reads a city report: spaced title, place from its session line, year from the date', async () => {
    const { meta, from } = await read('report-1.txt');
    expect(meta).toEqual({ id: 'report-1', file: 'report-1.txt', title: '长治市2025年政府工作报告', level: 'city', city: '长治', year: 2025, reviews: 2024 });
    expect(from.city).toContain('长治市第十五届人民代表大会');
  });

  it('reads a provincial report as the province', async () => {
    const { meta } = await read('report-2.txt');
    expect(meta).toMatchObject({ title: '山西省2025年政府工作报告', level: 'province', city: '山西', year: 2025, reviews: 2024 });
  });

  it('reads the national report as 全国, titled with its year', async () => {
    const { meta } = await read('report-3.txt');
    expect(meta).toMatchObject({ title: '2025年国务院政府工作报告', level: 'national', city: '全国', year: 2025, reviews: 2024 });
  });

  it('reads the government from "我代表…人民政府" without the character before the name', () => {
    const text = '各位代表：\n\n现在，我代表北京市人民政府，向大会报告工作。\n\n一年来，全市新增就业岗位。';
    expect(readMeta('x.txt', text, []).meta).toMatchObject({ level: 'city', city: '北京' });
    expect(readMeta('x.txt', '现在，我代表国务院，向大会报告政府工作。', []).meta).toMatchObject({ level: 'national', city: '全国' });
  });

  it('reads a session date written in Chinese numerals (二○二二年一月二十一日)', () => {
    const text = '政府工作报告\n——二○二二年一月二十一日在河南省第六届人民代表大会第五次会议上\n河南省省长 某某\n各位代表：\n一、2021年工作回顾\n2021年，全省生产总值增长。';
    expect(readMeta('x.txt', text, []).meta).toMatchObject({ title: '河南省2022年政府工作报告', level: 'province', city: '河南', year: 2022, reviews: 2021 });
  });

  it('titles a report with no title line by its place and year, never by its speaker\'s line', () => {
    const text = '——2025年1月8日在武汉市第十五届人民代表大会第五次会议上\n市长 某某\n各位代表：\n一、2024年工作回顾\n2024年，全市生产总值增长。';
    expect(readMeta('x.txt', text, []).meta).toMatchObject({ title: '武汉市2025年政府工作报告', city: '武汉', year: 2025, reviews: 2024 });
  });

  it('titles a region named only in its text with the unit the text uses (自治区, not 省)', () => {
    const text = '各位代表：\n现在，我代表自治区人民政府，向大会报告工作。\n一、2024年工作回顾\n过去一年，宁夏回族自治区生产总值增长。宁夏粮食丰收，宁夏回族自治区新增就业。\n二、2025年工作安排\n宁夏要稳增长。';
    expect(readMeta('x.txt', text, []).meta).toMatchObject({ title: '宁夏回族自治区2025年政府工作报告', level: 'province', city: '宁夏', year: 2025, reviews: 2024 });
  });

  it('titles an autonomous region its text names without its unit by the region\'s own unit', () => {
    const text = '各位代表：\n现在，我代表自治区人民政府，向大会报告工作。\n一、2024年工作回顾\n过去一年，内蒙古生产总值增长。内蒙古粮食丰收，内蒙古新增就业。\n二、2025年工作安排\n要稳增长。';
    expect(readMeta('x.txt', text, []).meta).toMatchObject({ title: '内蒙古自治区2025年政府工作报告', level: 'province', city: '内蒙古' });
  });

  it('takes no notice that names the report in 《》 for its title', () => {
    const text = '西安市人民政府关于印发市长在市十七届人大六次会议上所作《政府工作报告》的通知\n各区、县人民政府：\n现印发给你们。\n政府工作报告\n——2025年3月25日在西安市第十七届人民代表大会第六次会议上\n各位代表：\n一、2024年工作回顾';
    expect(readMeta('x.txt', text, []).meta).toMatchObject({ title: '西安市2025年政府工作报告', city: '西安', year: 2025 });
  });

  it('reads the planned year from a plan heading worded 工作重点, and titles it with the unit of its level (市, though 常德县 is named more), never with the speaker\'s bare name', () => {
    const text = '张某某\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2024年工作回顾\n过去一年，常德市经济增长。常德新增就业。常德县修路。常德县建校。\n二、2025年工作重点\n2025年全市经济社会发展主要预期目标是：生产总值增长5.5%。';
    expect(readMeta('x.txt', text, ['常德']).meta).toMatchObject({ title: '常德市2025年政府工作报告', city: '常德', year: 2025, reviews: 2024 });
  });

  it('reads the year after the one a review heading names when no plan heading says it', () => {
    const text = '各位代表：\n现在，我代表省人民政府向大会报告工作。\n一、“十四五”时期和2025年工作回顾\n过去五年，湖北省生产总值迈上新台阶。湖北粮食丰收。湖北新增就业。';
    expect(readMeta('x.txt', text, ['湖北']).meta).toMatchObject({ year: 2026, reviews: 2025 });
  });

  it('never takes the place or year from the file name', () => {
    const { meta } = readMeta('taiyuan-2024.txt', '各位代表：\n\n过去一年，我们做了很多工作。', ['太原']);
    expect(meta).toMatchObject({ id: 'taiyuan-2024', city: '', year: 0 });
  });
});

describe('place names', () => {
  it('take their level from their last unit', () => {
    expect(placeNamed('太原市小店区')).toEqual({ name: '小店', level: 'county', unit: '区' });
    expect(placeNamed('广西壮族自治区')).toEqual({ name: '广西', level: 'province', unit: '壮族自治区' });
    expect(placeNamed('2025年北京市')).toEqual({ name: '北京', level: 'city', unit: '市' });
    expect(placeNamed('沁县')).toEqual({ name: '沁县', level: 'county', unit: '' });
    expect(placeNamed('市')).toBeUndefined();
  });
});

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LEXICON_FILE, loadLexicon } from '../../src/search/lexicon.js';
import { cutWords } from '../../src/text/tokenize.js';
import { corpusText, tempDir } from '../support/fixtures.js';

const lexicon = loadLexicon();
const find = (text: string) => lexicon.find(text, cutWords(text)).map((m) => m.phrase);

describe('everyday words lexicon (data/lexicon.yaml)', () => {
  it('holds several hundred phrases across the topics reports cover', () => {
    expect(lexicon.size).toBeGreaterThan(500);
    for (const [everyday, report] of [
      ['找工作', '就业'],
      ['上学难', '学位'],
      ['看病难', '医疗服务'],
      ['养老院', '老年福利院'],
      ['带孩子', '托育'],
      ['老小区', '老旧小区'],
      ['堵车', '绿波'],
      ['停车难', '公共车位'],
      ['雾霾', '空气质量'],
      ['暖气', '供热'],
      ['旅游', '文旅'],
      ['小吃', '面食'],
      ['芯片', '半导体'],
      ['科技企业', '高新技术企业'],
      ['种地', '农田'],
      ['着火', '消防站'],
      ['办事难', '高效办成一件事'],
      ['临终关怀', '安宁疗护'],
    ]) {
      expect(lexicon.termsFor(everyday), everyday).toContain(report);
    }
  });

  it('has general everyday words of national policy and no question frame among them', () => {
    for (const [everyday, report] of [
      ['工钱', '工资'],
      ['骗子', '电信网络诈骗'],
      ['抽血', '检验'],
      ['歇脚', '户外劳动者服务站点'],
      ['庄户人', '农民'],
      ['企业老板', '企业家'],
    ]) {
      expect(lexicon.termsFor(everyday), everyday).toContain(report);
    }
    // A phrase that only frames a question (今年目标, 经济好不好, 游客多不多) would stand a report term in for the frame.
    for (const frame of ['今年目标', '增长目标', '经济好不好', '游客多']) expect(lexicon.termsFor(frame), frame).toEqual([]);
  });

  it('has general English phrases for report terms (life expectancy: 人均预期寿命)', () => {
    expect(lexicon.english('life expectancy')).toContain('人均预期寿命');
    expect(lexicon.english('power generation capacity').length).toBeGreaterThan(0);
    // Lower-cased, as sentences are compared: "5G基站" is said in "5g基站".
    expect(lexicon.english('5g base stations')).toContain('5g基站');
  });

  it('finds a Latin phrase only as a whole word (ai is not said in air)', () => {
    expect(find('air quality综合指数是多少')).not.toContain('ai');
    expect(find('太原的AI产业')).toContain('ai');
  });

  it('never stands a report term of one character in for a phrase: it would be found inside unrelated words (展 in 发展)', () => {
    const singles = ['展览', '展出', '排第几', '下雨', '雨季', '树林', '山林', '电', '村子'].filter((phrase) => lexicon.termsFor(phrase).some((t) => t.length === 1));
    expect(singles).toEqual([]);
  });

  it('treats groups of report terms as one another', () => {
    expect(lexicon.termsFor('规上')).toContain('规模以上');
    expect(lexicon.termsFor('规模以上')).toContain('规上');
    expect(lexicon.termsFor('gdp')).toContain('地区生产总值');
  });

  it('prefers the longest phrase and fires a one-character phrase only as a whole word', () => {
    expect(find('能坐上空中出租车吗')).toEqual(['空中出租车']);
    expect(find('花钱买花')).toEqual(['花']);
    expect(find('花钱')).toEqual([]);
  });

  it('has English terms for report vocabulary CC-CEDICT lacks, and frame words no answer needs', () => {
    expect(lexicon.english('trade in')).toEqual(['以旧换新']);
    expect(lexicon.english('soil erosion')).toEqual(['水土流失']);
    expect(lexicon.english('urban new jobs')).toEqual(lexicon.english('new urban jobs'));
    expect(lexicon.english('urban new jobs')).toContain('城镇新增就业');
    expect(lexicon.frame.has('有没有')).toBe(true);
  });

  it('reads a thing described instead of named as the report term, only when the description says two sides of it', () => {
    const described = (text: string) => lexicon.described(text, cutWords(text)).map((m) => m.term);
    expect(described('夜里用电低谷时抽水，白天用电高峰再放水发电的电站')).toEqual(['抽水蓄能']);
    expect(described('80岁以上的老人每月能领钱吗')).toEqual(['高龄津贴']);
    // One side is no description: 抽水机 is a pump, 老人 alone anybody old.
    expect(described('村里的抽水机坏了')).toEqual([]);
    expect(described('80岁以上的老人多吗')).toEqual([]);
    // A one-character word counts only as a whole word: 戏 of 游戏 says nothing of plays.
    expect(described('农村的孩子免费看戏吗')).toEqual(['免费送戏下乡']);
    expect(described('农村的孩子免费玩游戏吗')).toEqual([]);
  });

  it('reads two terms described by the same words as one thing said either way', () => {
    const [match, ...more] = lexicon.described('有没有晋剧精品入选', cutWords('有没有晋剧精品入选'));
    expect(more).toEqual([]);
    expect(match.terms).toEqual(expect.arrayContaining(['精品剧目', '精品大戏']));
    expect(match.sides).toBe(2);
  });

  it('keeps one reading where two descriptions only share a word: the term the question names, else the one it says more of', () => {
    const described = (text: string) => lexicon.described(text, cutWords(text)).map((m) => m.terms);
    // 新能源 is a side of 装机 (新能源…占比) too, but the question names 新能源公交车.
    expect(described('晋中新能源公交车占比多少')).toEqual([['新能源公交车']]);
    // 休闲街区 (国家级旅游休闲街区) is said inside the description of 十字街, which also says what sets it apart.
    expect(described('老城里十字路口那一片评上国家级休闲街区了吗')).toEqual([['十字街']]);
  });

  it('describes only terms the reports print, as they print them', async () => {
    const corpus = (await corpusText()).replace(/\s+/g, '').toLowerCase();
    const terms = Object.keys((parse(await readFile(LEXICON_FILE, 'utf8')) as { described: Record<string, unknown> }).described);
    expect(terms.length).toBeGreaterThan(150);
    expect(terms.filter((term) => !corpus.includes(term.toLowerCase()))).toEqual([]);
  });

  it('reads a lexicon file without descriptions', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'lexicon.yaml');
      await writeFile(file, 'frame: [有没有]\nsame: [[规上, 规模以上]]\ntopics: {就业: {找工作: [就业]}}\nenglish: {jobs: [就业]}\n');
      expect(loadLexicon(file).described('用电低谷抽水发电', ['用电', '低谷', '抽水', '发电'])).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('is read from a prepared copy that an edit of the file replaces', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'lexicon.yaml');
      const preparedDir = path.join(dir, 'prepared');
      const write = (term: string) => writeFile(file, `frame: [有没有]\nsame: [[规上, 规模以上]]\ntopics: {就业: {找工作: [${term}]}}\nenglish: {jobs: [就业]}\n`);
      await write('就业');
      expect(loadLexicon(file, preparedDir).termsFor('找工作')).toEqual(['就业']);
      expect(await readdir(preparedDir)).toHaveLength(1);
      expect(loadLexicon(file, preparedDir).termsFor('找工作')).toEqual(['就业']);
      await write('稳就业');
      expect(loadLexicon(file, preparedDir).termsFor('找工作')).toEqual(['稳就业']);
      expect(await readdir(preparedDir)).toHaveLength(2);
      await writeFile(file, 'frame: 有没有\n');
      expect(() => loadLexicon(file, preparedDir)).toThrow(/is invalid/);
    } finally {
      await cleanup();
    }
  });
});

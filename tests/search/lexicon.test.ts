import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/search/lexicon.js';
import { cutWords } from '../../src/text/tokenize.js';

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
});

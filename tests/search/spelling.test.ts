import { describe, expect, it } from 'vitest';
import { createReportWords } from '../../src/search/report-words.js';
import { createSpellingFixer } from '../../src/search/spelling.js';
import { tonelessSyllables } from '../../src/text/syllables.js';

const REPORT_WORDS = new Set(['太原', '晋中', '高新技术', '高新', '技术', '企业', '推进', '中小企业', '就业', '城镇', '换乘', '骨头', '要件', '并州', '英才']);
const fix = createSpellingFixer({
  places: ['太原', '晋中', '平遥', '清徐'],
  knows: (term) => REPORT_WORDS.has(term),
  termSounding: (sound) => [...REPORT_WORDS].find((word) => word.length >= 2 && word.length <= 4 && tonelessSyllables(word) === sound),
  meant: (word) => word === '看病难',
});
const fixed = (text: string) => fix(text).text;
/** A fixer over these report words, each said in as many passages as `said` gives (none when absent). */
const fixerCounting = (words: string[], said: Record<string, number>) =>
  createSpellingFixer({
    places: ['太原'],
    knows: (term) => words.includes(term),
    termSounding: (sound) => words.find((word) => tonelessSyllables(word) === sound),
    meant: () => false,
    saidIn: (text) => said[text] ?? 0,
  });

describe('typing slips', () => {
  it('reads homophones of the cities and counties as the places', () => {
    expect(fixed('太元2023年城镇新增就业多少人')).toBe('太原2023年城镇新增就业多少人');
    expect(fixed('太源的地铁')).toBe('太原的地铁');
    expect(fixed('锦中2025年要做优哪些老字号品牌')).toBe('晋中2025年要做优哪些老字号品牌');
    expect(fixed('进中今年怎么样')).toBe('晋中今年怎么样');
    // Typed half in characters, half in pinyin.
    expect(fixed('晋zhong今年怎么样')).toBe('晋中今年怎么样');
    expect(fixed('tai原的地铁')).toBe('太原的地铁');
    // Cut into single characters (西 按) before a time word: still the place.
    const withXian = createSpellingFixer({ places: ['西安'], knows: () => false, termSounding: () => undefined, meant: () => false });
    expect(withXian('西按去年一年好天气有几天').text).toBe('西安去年一年好天气有几天');
    expect(fixed('平摇古城')).toBe('平遥古城');
    // A degree phrase where a place stands, before a year: the place.
    expect(fixed('太远2025年GDP目标定的多少')).toBe('太原2025年GDP目标定的多少');
    expect(fix('太原和进中的企业').fixes).toEqual([{ from: '进中', to: '晋中' }]);
    expect(fixed('taiyuan 2025年GDP目标')).toBe('太原 2025年GDP目标');
  });

  it('keeps a name the reports say at least as often as the report word it sounds like', () => {
    const withCounts = fixerCounting(['小河', '新城', '公园'], { 潇河: 3, 小河: 1, 公园: 9 });
    expect(withCounts('潇河那个新城').text).toBe('潇河那个新城');
    // A slip the reports never say is still read as the word it sounds like.
    expect(withCounts('新建公圆多少个').text).toBe('新建公园多少个');
  });

  it('keeps a name the reports write joined to the word after it (常泰 of 常泰长江大桥), though the word it sounds like (常态) is said more', () => {
    const withCounts = fixerCounting(['常态', '长江大桥', '开行'], { 常态: 5, 常泰: 1, 泰长: 1, 态化: 5 });
    expect(withCounts('常泰长江大桥修到哪一步了').text).toBe('常泰长江大桥修到哪一步了');
    // Joined to nothing the reports write so, it is the word it sounds like.
    expect(withCounts('建立常泰机制了吗').text).toBe('建立常态机制了吗');
  });

  it('reads a report word typed in pinyin among Chinese (bingzhou yingcai), not in an English question', () => {
    expect(fixed('taiyuan 2026 bingzhou yingcai 计划是干嘛的')).toBe('太原 2026 并州 英才 计划是干嘛的');
    expect(fixed('What is the bingzhou plan?')).toBe('What is the bingzhou plan?');
  });

  it('reads a report word typed in pinyin syllables apart (yang lao) or half in pinyin (xin增, 改zao), keeping the characters typed', () => {
    const words = ['养老', '床位', '新增', '改造', '老旧小区', '高标准', '农田'];
    const fixer = fixerCounting(words, {});
    expect(fixer('太原2025年yang lao床位xin增多少张').text).toBe('太原2025年养老床位新增多少张');
    expect(fixer('今年打算改zao多少个老旧小区').text).toBe('今年打算改造多少个老旧小区');
    expect(fixer('建了多少gao标准农田').text).toBe('建了多少高标准农田');
    // A syllable that makes no report word with the characters beside it stays as typed, as do English words.
    expect(fixer('多少ren参加了').text).toBe('多少ren参加了');
    expect(fixer('晋中的new energy公交车').text).toBe('晋中的new energy公交车');
  });

  it('fixes a report term typed with the wrong characters', () => {
    expect(fixed('高薪技术企业有多少')).toBe('高新技术企业有多少');
  });

  it('leaves words alone that are meant as typed', () => {
    expect(fixed('推进中小企业数字化转型')).toBe('推进中小企业数字化转型');
    expect(fixed('离太原太远了')).toBe('离太原太远了');
    expect(fixed('不想离家太远')).toBe('不想离家太远');
    expect(fixed('上班太远2025年有没有新公交')).toBe('上班太远2025年有没有新公交');
    expect(fixed('换成2025年是多少')).toBe('换成2025年是多少');
    expect(fix('太原看病难吗').fixes).toEqual([]);
    // Same sound, no character in common: an abbreviation (固投 of 固定资产投资), not a slip.
    expect(fixed('太原固投增长多少')).toBe('太原固投增长多少');
    // A particle jieba glued to a word (要建) is no slip for a report word that sounds the same (要件).
    expect(fixed('是不是要建这么个指挥平台')).toBe('是不是要建这么个指挥平台');
  });
});

describe('the words the reports use, from the prepared dictionary tables', () => {
  // An index that holds these terms: 进中 is a character pair of 推进中小企业, not a word.
  const INDEX_TERMS = new Set(['高新', '高新技术', '进中', '就业', '公园', '工业园区']);
  const words = createReportWords((term) => INDEX_TERMS.has(term), ['工业园区', '口袋公园']);

  it('are the dictionary words and lexicon terms the index holds', () => {
    expect(words.has('高新技术')).toBe(true);
    expect(words.has('工业园区')).toBe(true);
    expect(words.has('进中')).toBe(false);
    expect(words.has('口袋公园')).toBe(false);
  });

  it('are found by their sound, the index deciding among homophones', () => {
    expect(words.termSounding(tonelessSyllables('高薪'))).toBe('高新');
    expect(words.termSounding(tonelessSyllables('公圆'))).toBe('公园');
    expect(words.termSounding(tonelessSyllables('进中'))).toBeUndefined();
  });

  it('are found, given the word typed, among those sharing a character with it, the most said first (步到: 步道, not 不到)', () => {
    const said: Record<string, number> = { 步道: 12, 不到: 1 };
    const sounding = createReportWords((term) => term in said, [], (term) => said[term] ?? 0);
    expect(sounding.termSounding(tonelessSyllables('步到'), '步到')).toBe('步道');
  });

  it('fix a slip of the real dictionary in a question', () => {
    const fixer = createSpellingFixer({ places: ['太原'], knows: (word) => words.has(word), termSounding: (sound) => words.termSounding(sound), meant: () => false });
    expect(fixer('太原高薪技术企业有多少').text).toBe('太原高新技术企业有多少');
  });
});

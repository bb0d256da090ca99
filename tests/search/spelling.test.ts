import { describe, expect, it } from 'vitest';
import { createSpellingFixer } from '../../src/search/spelling.js';

const REPORT_WORDS = new Set(['太原', '晋中', '高新技术', '高新', '技术', '企业', '推进', '中小企业', '就业', '城镇', '换乘']);
const fix = createSpellingFixer({
  places: ['太原', '晋中', '平遥', '清徐'],
  knows: (term) => REPORT_WORDS.has(term),
  terms: () => REPORT_WORDS,
  meant: (word) => word === '看病难',
});
const fixed = (text: string) => fix(text).text;

describe('typing slips', () => {
  it('reads homophones of the cities and counties as the places', () => {
    expect(fixed('太元2023年城镇新增就业多少人')).toBe('太原2023年城镇新增就业多少人');
    expect(fixed('太源的地铁')).toBe('太原的地铁');
    expect(fixed('锦中2025年要做优哪些老字号品牌')).toBe('晋中2025年要做优哪些老字号品牌');
    expect(fixed('进中今年怎么样')).toBe('晋中今年怎么样');
    expect(fixed('平摇古城')).toBe('平遥古城');
    expect(fix('太原和进中的企业').fixes).toEqual([{ from: '进中', to: '晋中' }]);
    expect(fixed('taiyuan 2025年GDP目标')).toBe('太原 2025年GDP目标');
  });

  it('fixes a report term typed with the wrong characters', () => {
    expect(fixed('高薪技术企业有多少')).toBe('高新技术企业有多少');
  });

  it('leaves words alone that are meant as typed', () => {
    expect(fixed('推进中小企业数字化转型')).toBe('推进中小企业数字化转型');
    expect(fixed('离太原太远了')).toBe('离太原太远了');
    expect(fixed('换成2025年是多少')).toBe('换成2025年是多少');
    expect(fix('太原看病难吗').fixes).toEqual([]);
  });
});

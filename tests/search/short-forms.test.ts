import { describe, expect, it } from 'vitest';
import { createShortForms } from '../../src/search/short-forms.js';
import { readQuestion } from '../support/reader.js';

const WORDS = new Set(['固定资产', '投资', '固定资产投资', '社会消费品', '零售总额', '社会消费品零售总额', '城市', '更新', '城市更新']);
const shortForms = createShortForms(() => ['固定资产投资', '社会消费品零售总额', '城市更新', '固定收益投入'], (word) => WORDS.has(word));

describe('short forms of report terms', () => {
  it('reads a short form as the term whose two words it begins (固投: 固定资产投资), and nothing else', () => {
    expect(shortForms('固投')).toEqual(['固定资产投资']);
    expect(shortForms('社零')).toEqual(['社会消费品零售总额']);
    expect(shortForms('城更')).toEqual(['城市更新']);
    // 固定收益投入 is no two words the reports use.
    expect(shortForms('固收')).toEqual([]);
  });

  it('makes a question with two characters jieba cuts apart (固/投) ask about the term', () => {
    const knows = (word: string) => WORDS.has(word) || ['目标', '增长'].includes(word);
    const question = readQuestion('甲市2025年的固投增长目标定的多少？', ['甲'], new Set([2025]), { knows, shortForms });
    expect(question.concepts.find((c) => c.label === '固投')?.variants).toContain('固定资产投资');
    expect(question.concepts.map((c) => c.label)).not.toContain('固');
  });
});

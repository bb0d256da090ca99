import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/corpus/load.js';
import type { DocumentMeta, Passage } from '../../src/corpus/types.js';
import { quoteAround } from '../../src/answer/quote.js';

const meta: DocumentMeta = { id: 'D', file: 'd.md', title: '甲市两会特刊', city: '甲市', level: 'city', year: 2025, reviews: 2024 };
const chunking = { minChars: 100, maxChars: 400 };

function sentenceOf(passages: Passage[], text: string) {
  for (const passage of passages) {
    const sentence = passage.sentences.find((s) => s.text.startsWith(text));
    if (sentence) return { passage, sentence };
  }
  throw new Error(`no sentence ${text}`);
}

describe('what a quote takes around its sentence', () => {
  const digest = [
    '## 任务清单',
    '',
    '加快构建西部远郊生态屏障',
    '',
    '全面推进婴幼儿照护服务',
    '',
    '规划建设职教园区',
    '',
    '## 报告摘要',
    '',
    '打造旅游热点门户。推动古城片区改造提升，更好展现府城特色风貌，打造独具特色的博物馆之城。',
    '',
    '市县两级机构实现全覆盖，入选儿童友好城市名单。新建保障性住房3万套，交付率95%。',
  ].join('\n');
  const { passages } = buildDocument(meta, digest, chunking);

  it('quotes one line of a list of unpunctuated lines alone, not its siblings', () => {
    const { passage, sentence } = sentenceOf(passages, '加快构建');
    expect(quoteAround(passage, sentence, false).map((l) => l.sentence.text)).toEqual(['加快构建西部远郊生态屏障']);
  });

  it('takes the sentences after a short one-clause lead, and none after a short sentence of several clauses', () => {
    const lead = sentenceOf(passages, '打造旅游');
    expect(quoteAround(lead.passage, lead.sentence, false).map((l) => l.sentence.text).slice(0, 2)).toEqual([
      '打造旅游热点门户。',
      '推动古城片区改造提升，更好展现府城特色风貌，打造独具特色的博物馆之城。',
    ]);
    const whole = sentenceOf(passages, '市县两级');
    expect(quoteAround(whole.passage, whole.sentence, false).map((l) => l.sentence.text)).toEqual(['市县两级机构实现全覆盖，入选儿童友好城市名单。']);
  });
});

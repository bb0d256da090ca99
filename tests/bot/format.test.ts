import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/types.js';
import { answerBlocks, escapeHtml, highlightFigures, MESSAGE_LIMIT, packMessages } from '../../src/bot/format.js';
import { UNDERSTOOD } from '../support/reader.js';

const citation = (quote: string, title = '太原市2025年政府工作报告（摘要）'): Citation => ({
  docId: 'TY2025', title, year: 2025, section: '主要预期目标', quote, passage: quote, score: 1, start: 0, end: quote.length,
});
const answer = (citations: Citation[], text = citations[0]?.quote ?? ''): Answer => ({
  question: 'q', found: true, answer: text, citations, understood: UNDERSTOOD, mode: 'lexical', timings: { totalMs: 1 },
});

describe('Telegram formatting', () => {
  it('escapes everything that HTML parse mode would read', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;');
  });

  it('sets figures with their units in bold', () => {
    expect(highlightFigures('地区生产总值增长5%左右，城镇新增就业8万人，建成535.7平方公里。')).toBe(
      '地区生产总值增长<b>5%</b>左右，城镇新增就业<b>8万人</b>，建成<b>535.7平方公里</b>。',
    );
  });

  it('puts the quote in a blockquote followed by title and section', () => {
    const [block] = answerBlocks(answer([citation('一般公共预算收入增长2%。', '《A&B》')]));
    expect(block).toBe('<blockquote>一般公共预算收入增长<b>2%</b>。</blockquote>\n—— 《《A&amp;B》》 · 主要预期目标');
  });

  it('splits an over-long answer on sentence boundaries into messages within the limit', () => {
    const sentence = '全市新增城镇就业岗位并持续优化营商环境，推动重点产业链企业加快发展壮大。';
    const quote = sentence.repeat(Math.ceil(6000 / sentence.length));
    const messages = packMessages(answerBlocks(answer([citation(quote)])));
    expect(messages.length).toBe(2);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(message.match(/<blockquote>/g)?.length).toBe(message.match(/<\/blockquote>/g)?.length);
      expect(message).toMatch(/。<\/blockquote>/);
    }
    const text = messages.join('').replace(/<[^>]+>/g, '');
    expect(text).toContain(quote);
    expect(messages[1]).toContain('—— 《太原市2025年政府工作报告（摘要）》');
  });

  it('shows one labelled quote per part, and says so for a part the reports do not answer', () => {
    const citations = [citation('指数4.95。'), citation('指数4.73。')];
    const parts = [
      { label: '2023年（实际）', citation: 0 },
      { label: '2024年（实际）', citation: 1 },
      { label: '晋中', citation: -1 },
    ];
    const blocks = answerBlocks({ ...answer(citations, '…'), parts });
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^<b>2023年（实际）<\/b>\n<blockquote>指数<b>4.95<\/b>。<\/blockquote>\n—— /);
    expect(blocks[1]).toMatch(/^<b>2024年（实际）<\/b>\n<blockquote>指数<b>4.73<\/b>。<\/blockquote>\n—— /);
    expect(blocks[2]).toBe('<b>晋中</b>\n这些报告中没有找到。');
  });

  it('says first how a follow-up was read', () => {
    const understood = { question: '晋中 2024年 改革事项', cities: ['晋中'], years: [2024], contextUsed: true };
    const [reading] = answerBlocks({ ...answer([citation('12项改革事项。')]), understood });
    expect(reading).toBe('<i>（按“晋中 2024年 改革事项”理解）</i>');
  });

  it('shows a not-found answer as plain escaped text', () => {
    expect(answerBlocks({ ...answer([citation('x')]), found: false, answer: '没有<找到>' })).toEqual(['没有&lt;找到&gt;']);
  });
});

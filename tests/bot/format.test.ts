import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/types.js';
import { answerBlocks, escapeHtml, highlightFigures, MESSAGE_LIMIT, packMessages } from '../../src/bot/format.js';

const citation = (quote: string, title = '太原市2025年政府工作报告（摘要）'): Citation => ({
  docId: 'TY2025', title, year: 2025, section: '主要预期目标', quote, passage: quote, score: 1, start: 0, end: quote.length,
});
const answer = (citations: Citation[], text = citations[0]?.quote ?? ''): Answer => ({
  question: 'q', found: true, answer: text, citations, mode: 'lexical', timings: { totalMs: 1 },
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

  it('shows one labelled quote per year for comparisons', () => {
    const citations = [citation('指数4.95。'), citation('指数4.73。')];
    const blocks = answerBlocks(answer(citations, '2023年：指数4.95。\n2024年：指数4.73。'));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^<b>2023年<\/b>\n<blockquote>指数<b>4.95<\/b>。<\/blockquote>\n—— /);
    expect(blocks[1]).toMatch(/^<b>2024年<\/b>\n<blockquote>指数<b>4.73<\/b>。<\/blockquote>\n—— /);
  });

  it('shows a not-found answer as plain escaped text', () => {
    expect(answerBlocks({ ...answer([citation('x')]), found: false, answer: '没有<找到>' })).toEqual(['没有&lt;找到&gt;']);
  });
});

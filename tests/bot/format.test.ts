import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/types.js';
import { answerBlocks, escapeHtml, highlightFigures, MESSAGE_LIMIT, packMessages, sourceLine } from '../../src/bot/format.js';
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

  it('leads with the answering clause, its figure alone in bold, then the plain quote and its source', () => {
    const quote = '地区生产总值增长5%左右，城镇新增就业8万人，居民消费价格涨幅2%左右。';
    const span = { start: 13, end: 22 };
    const blocks = answerBlocks({ ...answer([{ ...citation(quote, '《A&B》'), span }]), answerSpan: { text: quote.slice(13, 22), citation: 0, ...span } });
    expect(blocks).toEqual(['城镇新增就业<b>8万人</b>', `<blockquote>${quote}</blockquote>\n—— 《《A&amp;B》》 · 主要预期目标`]);
  });

  it('shows a quote that is all answer once, with the figures of its span in bold', () => {
    const [block] = answerBlocks(answer([{ ...citation('一般公共预算收入增长2%。'), span: { start: 0, end: 12 } }]));
    expect(block).toBe('<blockquote>一般公共预算收入增长<b>2%</b>。</blockquote>\n—— 《太原市2025年政府工作报告（摘要）》 · 主要预期目标');
  });

  it('lays a list out one item per line, verbatim, collapsed when long; a question on one item leads with it', () => {
    const quote = '办好五件实事。一是新增车位1万个；二是改造街巷50条；三是建成绿波网；四是新建足球场40个；五是改造消防站100个。';
    const starts = ['一是', '二是', '三是', '四是', '五是'].map((m) => quote.indexOf(m));
    const items = starts.map((start, i) => ({ start, end: (starts[i + 1] ?? quote.length) - 1 }));
    const [list] = answerBlocks(answer([{ ...citation(quote), items }]));
    expect(list).toBe(
      '<blockquote expandable>办好五件实事。\n一是新增车位1万个；\n二是改造街巷50条；\n三是建成绿波网；\n四是新建足球场40个；\n五是改造消防站100个。</blockquote>\n—— 《太原市2025年政府工作报告（摘要）》 · 主要预期目标',
    );
    const [lead] = answerBlocks(answer([{ ...citation(quote), items, span: items[0] }]));
    expect(lead).toBe('一是新增车位<b>1万个</b>');
  });

  it('splits an over-long answer on sentence boundaries into messages within the limit', () => {
    const sentence = '全市新增城镇就业岗位并持续优化营商环境，推动重点产业链企业加快发展壮大。';
    const quote = sentence.repeat(Math.ceil(6000 / sentence.length));
    const messages = packMessages(answerBlocks(answer([citation(quote)])));
    expect(messages.length).toBe(2);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(message.match(/<blockquote expandable>/g)?.length).toBe(message.match(/<\/blockquote>/g)?.length);
      expect(message).toMatch(/。<\/blockquote>/);
    }
    const text = messages.join('').replace(/<[^>]+>/g, '');
    expect(text).toContain(quote);
    expect(messages[1]).toContain('—— 《太原市2025年政府工作报告（摘要）》');
  });

  it('shows parts as an aligned list, label first, with the quotes collapsed below; a part the reports do not answer says so', () => {
    const citations = [{ ...citation('PM2.5下降，指数4.95。'), span: { start: 8, end: 14 } }, citation('指数4.73。')];
    const parts = [
      { label: '2023年（实际）', citation: 0 },
      { label: '十四五', citation: 1 },
      { label: '晋中', citation: -1 },
    ];
    const blocks = answerBlocks({ ...answer(citations, '…'), parts });
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toBe(
      ['<b>2023年（实际）</b>　指数<b>4.95</b>', '<b>十四五</b>\u3000\u3000\u3000\u3000　指数<b>4.73</b>。', '<b>晋中</b>\u3000\u3000\u3000\u3000\u3000　这些报告中没有找到。'].join('\n'),
    );
    expect(blocks[1]).toMatch(/^<blockquote expandable><b>2023年（实际）<\/b> PM2.5下降，指数4.95。\n—— 《.*<b>十四五<\/b> 指数4.73。\n—— .*<\/blockquote>$/s);
  });

  it('links the report title when the manifest gives its address, and names the page', () => {
    expect(sourceLine({ ...citation('x'), url: 'https://example.org/r?a=1&b="2"', page: 3 })).toBe(
      '—— <a href="https://example.org/r?a=1&amp;b=&quot;2&quot;">《太原市2025年政府工作报告（摘要）》</a> · 第3页 · 主要预期目标',
    );
  });

  it('says first how a follow-up was read', () => {
    const understood = { question: '晋中 2024年 改革事项', cities: ['晋中'], years: [2024], contextUsed: true };
    const [reading] = answerBlocks({ ...answer([citation('12项改革事项。')]), understood });
    expect(reading).toBe('<i>（按“晋中 2024年 改革事项”理解）</i>');
  });

  it('says when 今年 was read as the year of the newest report', () => {
    const understood = { question: '乙 2025年 超充站', cities: ['乙'], years: [2025], contextUsed: false, yearFromReports: 2025 };
    const [reading] = answerBlocks({ ...answer([citation('建成超充站1000座。')]), understood });
    expect(reading).toMatch(/^<i>（按“乙 2025年 超充站”理解.*2025年.*今年.*）<\/i>$/);
  });

  it('shows a not-found answer as plain escaped text', () => {
    expect(answerBlocks({ ...answer([citation('x')]), found: false, answer: '没有<找到>' })).toEqual(['没有&lt;找到&gt;']);
  });
});

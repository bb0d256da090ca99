/** Replies that are built, not sent: inline results, the report list. */
import type { InlineQueryResultArticle } from 'telegraf/types';
import type { Answer } from '../answer/types.js';
import type { StoredDocument } from '../store/types.js';
import { escapeHtml, highlightFigures, sourceLine } from './format.js';
import { TEXT } from './texts.js';

const INLINE_RESULTS = 5;

/** Up to five articles, one per citation, each a complete sourced answer to drop into a chat. */
export function inlineResults(answer: Answer): InlineQueryResultArticle[] {
  if (answer.error) return [article('error', answer.answer, '', escapeHtml(answer.answer))];
  if (!answer.found) return [article('none', '报告中没有找到答案', answer.answer.slice(0, 100), escapeHtml(answer.answer))];
  return answer.citations.slice(0, INLINE_RESULTS).map((c, i) =>
    article(
      String(i),
      c.quote.slice(0, 80),
      `《${c.title}》 · ${c.section}`.slice(0, 200),
      `<b>问：</b>${escapeHtml(answer.question)}\n<blockquote>${highlightFigures(c.quote)}</blockquote>\n${sourceLine(c)}`,
    ),
  );
}

export function article(id: string, title: string, description: string, html: string): InlineQueryResultArticle {
  return { type: 'article', id, title, description, input_message_content: { message_text: html, parse_mode: 'HTML' } };
}

export function sourcesHtml(documents: StoredDocument[]): string {
  const lines = documents.map((d) => `• ${escapeHtml(d.title)}（${escapeHtml(d.city || '城市不详')} · ${d.year || '年份不详'}年）`);
  return [escapeHtml(TEXT.sourcesHeader), ...lines].join('\n');
}

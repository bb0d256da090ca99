import { Composer, type Context } from 'telegraf';
import { escapeHtml } from '../format.js';
import { article, inlineResults } from '../replies.js';
import { TEXT } from '../texts.js';
import type { BotServices } from '../services.js';

/** `@Bot 问题` in any chat: up to five sourced quotes to pick from; nothing typed yet, a hint and a button to a private chat. */
export function inlineHandlers({ answerer, limits, outbox }: BotServices): Composer<Context> {
  const inline = new Composer<Context>();
  inline.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    if (!question) {
      const hint = article('hint', TEXT.inlineHint, TEXT.shortDescription, escapeHtml(TEXT.shortDescription));
      return void (await outbox.call(() => ctx.answerInlineQuery([hint], { cache_time: 0, button: { text: TEXT.inlineStart, start_parameter: 'inline' } })));
    }
    if (!(await limits.admit(ctx.from.id, ctx.from.id)).allowed) return void (await outbox.call(() => ctx.answerInlineQuery([], { cache_time: 0 })));
    const results = inlineResults(await answerer.answer(question));
    await outbox.call(() => ctx.answerInlineQuery(results, { cache_time: 300 }));
  });
  return inline;
}

import { Composer, type Context } from 'telegraf';
import { inlineResults } from '../replies.js';
import type { BotServices } from '../services.js';

/** `@Bot 问题` in any chat: up to five sourced quotes to pick from. */
export function inlineHandlers({ answerer, limits, outbox }: BotServices): Composer<Context> {
  const inline = new Composer<Context>();
  inline.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    if (!question || !(await limits.admit(ctx.from.id, ctx.from.id)).allowed) return void (await outbox.call(() => ctx.answerInlineQuery([], { cache_time: 0 })));
    const results = inlineResults(await answerer.answer(question));
    await outbox.call(() => ctx.answerInlineQuery(results, { cache_time: 300 }));
  });
  return inline;
}

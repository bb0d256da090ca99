import { Composer, type Context } from 'telegraf';
import { buttonData, parseButtonData } from '../buttons.js';
import { citationBlock, escapeHtml, packMessages, passageBlocks } from '../format.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

const SOURCES_PER_PAGE = 3;

/** "更多来源" pages through an answer's citations; "原文" shows a citation's whole passage. */
export function buttonHandlers({ cache, outbox }: BotServices): Composer<Context> {
  const buttons = new Composer<Context>();
  buttons.on('callback_query', async (ctx) => {
    const press = parseButtonData('data' in ctx.callbackQuery ? ctx.callbackQuery.data : '');
    const answer = press ? await cache.get(press.key) : undefined;
    const chat = ctx.chat;
    if (!press || !answer || !chat) return void (await outbox.call(() => ctx.answerCbQuery(TEXT.staleButton)));
    if (press.kind === 'more') {
      const page = answer.citations.slice(press.from, press.from + SOURCES_PER_PAGE);
      if (page.length === 0) return void (await outbox.call(() => ctx.answerCbQuery(TEXT.noMoreSources)));
      await outbox.call(() => ctx.answerCbQuery());
      const next = press.from + SOURCES_PER_PAGE;
      const more = next < answer.citations.length ? [[{ text: TEXT.moreSources, callback_data: buttonData({ kind: 'more', key: press.key, from: next }) }]] : [];
      const header = !answer.found && press.from === 0 ? [escapeHtml(TEXT.relatedHeader)] : [];
      const blocks = [...header, ...page.map((c, i) => citationBlock(c, press.from + i + 1))];
      await outbox.sendAll(chat, packMessages(blocks), more.length ? { extra: { reply_markup: { inline_keyboard: more } } } : {});
      return;
    }
    const citation = answer.citations[press.index];
    if (!citation) return void (await outbox.call(() => ctx.answerCbQuery(TEXT.staleButton)));
    await outbox.call(() => ctx.answerCbQuery());
    await outbox.sendAll(chat, packMessages(passageBlocks(citation)));
  });
  return buttons;
}

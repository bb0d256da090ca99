import { Composer, TelegramError, type Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { answerButtons, backButtons, parseButtonData, sourceButtons } from '../buttons.js';
import { answerBlocks, citationBlock, escapeHtml, MESSAGE_LIMIT, packMessages, passageBlocks } from '../format.js';
import { missOf } from '../misses.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

/**
 * The buttons under an answer edit the message they are on instead of posting new ones:
 * "更多来源"/"可能相关" adds the further citations (each with its "原文 n"), "原文" shows a
 * citation's passage with a way back, 👍/👎 are thanked and taken away (👎 is kept as a miss).
 * An example question from /start and a rephrasing under a not-found go on to the question handlers.
 */
export function buttonHandlers({ cache, outbox, misses }: BotServices): Composer<Context> {
  const buttons = new Composer<Context>();
  buttons.on('callback_query', async (ctx, next) => {
    const press = parseButtonData('data' in ctx.callbackQuery ? ctx.callbackQuery.data : '');
    if (press?.kind === 'example' || press?.kind === 'rephrase') return next();
    const chat = ctx.chat;
    const answer = press && chat ? await cache.get(chat.id, press.key) : undefined;
    const message = ctx.callbackQuery.message;
    if (!press || !answer || !chat || !message) return void (await outbox.call(() => ctx.answerCbQuery(TEXT.staleButton)));
    const edit = (html: string, keyboard: InlineKeyboardButton[][]) =>
      outbox
        .call(() => ctx.editMessageText(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: { inline_keyboard: keyboard } }))
        .catch(ignoreUnchanged);
    // The buttons sit on the last message of an answer sent in several.
    const answerHtml = packMessages(answerBlocks(answer)).at(-1)!;

    if (press.kind === 'vote') {
      await outbox.call(() => ctx.answerCbQuery(TEXT.thanks));
      if (!press.up) await misses.record(missOf(answer, 'disliked', chat.type));
      const rows = 'reply_markup' in message ? (message.reply_markup?.inline_keyboard ?? []) : [];
      const kept = rows.filter((row) => !row.some((b) => 'callback_data' in b && b.callback_data.startsWith('v:')));
      await outbox.call(() => ctx.editMessageReplyMarkup({ inline_keyboard: kept })).catch(ignoreUnchanged);
      return;
    }
    await outbox.call(() => ctx.answerCbQuery());
    if (press.kind === 'answer') return void (await edit(answerHtml, answerButtons(answer, press.key)));
    if (press.kind === 'passage') {
      const citation = answer.citations[press.index];
      if (!citation) return;
      return void (await edit(packMessages(passageBlocks(citation))[0], backButtons(press.key)));
    }
    const header = answer.found ? [] : [escapeHtml(TEXT.relatedHeader)];
    let html = [answerHtml, ...header].join('\n\n');
    const shown: number[] = answer.found ? [0] : [];
    for (let i = press.from; i < answer.citations.length; i++) {
      const block = citationBlock(answer.citations[i], i + 1);
      if (html.length + block.length + 2 > MESSAGE_LIMIT) break;
      html += `\n\n${block}`;
      shown.push(i);
    }
    await edit(html, sourceButtons(answer, press.key, shown));
  });
  return buttons;
}

/** Pressing a button twice asks for the text the message already has; Telegram refuses that with 400. */
function ignoreUnchanged(error: unknown): void {
  if (error instanceof TelegramError && /not modified/.test(error.description)) return;
  throw error;
}

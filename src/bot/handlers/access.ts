import type { Context, MiddlewareFn } from 'telegraf';
import { escapeHtml } from '../format.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

/** With an allowlist, other chats get a polite refusal in private and silence elsewhere. */
export function allowlist(allowedChatIds: number[] | undefined, { outbox }: BotServices): MiddlewareFn<Context> {
  const allowed = allowedChatIds ? new Set(allowedChatIds) : null;
  return async (ctx, next) => {
    const chatId = ctx.chat?.id ?? ctx.from?.id;
    if (!allowed || (chatId !== undefined && allowed.has(chatId))) return next();
    if (ctx.inlineQuery) return void (await outbox.call(() => ctx.answerInlineQuery([], { cache_time: 60 })));
    if (ctx.chat?.type === 'private') await outbox.send(ctx.chat, escapeHtml(TEXT.notAllowed));
  };
}

import type { Context, MiddlewareFn } from 'telegraf';
import { createRateLimiter, createWaitNotices } from '../rate-limit.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

/**
 * Every update a person sends (question, button press, command, sticker, inline query) counts
 * against one per-user budget, so no one can fill the bot's queues with presses or stickers.
 * Over the budget an update is dropped; a button press is told why once per wait (its spinner
 * stops), anything else is dropped silently so spam gets no reply to pace.
 */
export function updateLimit(perMinute: number, { outbox }: BotServices): MiddlewareFn<Context> {
  const users = createRateLimiter(perMinute);
  const notices = createWaitNotices();
  return async (ctx, next) => {
    const user = ctx.from?.id;
    if (user === undefined) return next();
    const now = Date.now();
    const wait = users.wait(user, now);
    if (wait === 0) {
      users.record(user, now);
      return next();
    }
    if (!ctx.callbackQuery || !notices.tell(user, wait, now)) return;
    await outbox.call(() => ctx.answerCbQuery(TEXT.rateLimited(wait)));
  };
}

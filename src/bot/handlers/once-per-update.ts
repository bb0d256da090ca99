import type { Context, MiddlewareFn } from 'telegraf';
import type { BotServices } from '../services.js';

/** An update delivered again (or to a second replica) is not handled again: its answer is already out or on its way. */
export function oncePerUpdate({ updates }: BotServices): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (await updates.claim(ctx.botInfo.id, ctx.update.update_id)) return next();
  };
}

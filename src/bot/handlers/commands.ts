import { Composer, type Context } from 'telegraf';
import { escapeHtml } from '../format.js';
import { sourcesHtml } from '../replies.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

/** /start, /help, /about, /sources. */
export function commandHandlers({ outbox, documents }: BotServices): Composer<Context> {
  const commands = new Composer<Context>();
  const reply = (ctx: Context, html: string) => outbox.send(ctx.chat!, html, { replyTo: ctx.message?.message_id });
  commands.start((ctx) => reply(ctx, escapeHtml(TEXT.help(ctx.me))));
  commands.help((ctx) => reply(ctx, escapeHtml(TEXT.help(ctx.me))));
  commands.command('about', (ctx) => reply(ctx, escapeHtml(TEXT.about)));
  commands.command('sources', (ctx) => reply(ctx, sourcesHtml(documents())));
  return commands;
}

import { Composer, type Context } from 'telegraf';
import { coverageLines } from '../../answer/coverage.js';
import { exampleButtons } from '../buttons.js';
import { escapeHtml } from '../format.js';
import { sourcesHtml } from '../replies.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

/** /start and /help (what is covered, example questions as buttons), /reports, /about, /sources. */
export function commandHandlers({ outbox, documents }: BotServices): Composer<Context> {
  const commands = new Composer<Context>();
  const reply = (ctx: Context, html: string, extra = {}) => outbox.send(ctx.chat!, html, { replyTo: ctx.message?.message_id, extra });
  const help = (ctx: Context) => reply(ctx, escapeHtml(TEXT.help(ctx.me, coverageLines(documents()))), { reply_markup: { inline_keyboard: exampleButtons() } });
  commands.start(help);
  commands.help(help);
  commands.command('reports', (ctx) => reply(ctx, [escapeHtml(coverageLines(documents()).map((line) => `• ${line}`).join('\n')), sourcesHtml(documents())].join('\n\n')));
  commands.command('about', (ctx) => reply(ctx, escapeHtml(TEXT.about)));
  commands.command('sources', (ctx) => reply(ctx, sourcesHtml(documents())));
  return commands;
}

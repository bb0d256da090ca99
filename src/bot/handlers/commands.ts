import { Composer, type Context } from 'telegraf';
import { coverageLines } from '../../answer/coverage.js';
import { figuresList } from '../../figures/export.js';
import { commandArgument } from '../addressing.js';
import { exampleButtons } from '../buttons.js';
import { escapeHtml } from '../format.js';
import { sourcesHtml } from '../replies.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

/** Figures /figures lists before it says how many more there are. */
const FIGURES_SHOWN = 20;

/** /start and /help (what is covered, example questions as buttons), /reports, /about, /sources, /figures. */
export function commandHandlers({ outbox, documents, figures }: BotServices): Composer<Context> {
  const commands = new Composer<Context>();
  const reply = (ctx: Context, html: string, extra = {}) => outbox.send(ctx.chat!, html, { replyTo: ctx.message?.message_id, extra });
  const help = (ctx: Context) => reply(ctx, escapeHtml(TEXT.help(ctx.me, coverageLines(documents()))), { reply_markup: { inline_keyboard: exampleButtons() } });
  commands.start(help);
  commands.help(help);
  commands.command('reports', (ctx) => reply(ctx, [escapeHtml(coverageLines(documents()).map((line) => `• ${line}`).join('\n')), sourcesHtml(documents())].join('\n\n')));
  commands.command('about', (ctx) => reply(ctx, escapeHtml(TEXT.about)));
  commands.command('sources', (ctx) => reply(ctx, sourcesHtml(documents())));
  commands.command('figures', async (ctx) => {
    const words = commandArgument(ctx.message.text);
    if (!figures || !words) return void (await reply(ctx, escapeHtml(TEXT.figuresUsage)));
    const rows = await figures.lookup(words);
    await reply(ctx, escapeHtml(rows.length > 0 ? figuresList(rows.slice(0, FIGURES_SHOWN)).join('\n') + (rows.length > FIGURES_SHOWN ? `\n${TEXT.moreFigures(rows.length - FIGURES_SHOWN)}` : '') : TEXT.noFigures));
  });
  return commands;
}

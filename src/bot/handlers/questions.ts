import { Composer, type Context } from 'telegraf';
import { commandArgument, questionFor, saidIn } from '../addressing.js';
import { answerButtons } from '../buttons.js';
import { answerBlocks, escapeHtml, packMessages } from '../format.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

/** Messages a person sends that carry no words we can read (service messages are not among them). */
const MEDIA = ['sticker', 'voice', 'audio', 'photo', 'video', 'video_note', 'animation', 'document', 'location', 'contact', 'poll', 'dice'];

/**
 * Questions: `/ask …`, any text in a private chat, mentions and replies in groups, and the
 * caption of a photo or document. A sticker, voice message or captionless photo in a private
 * chat gets a one-line hint instead of silence.
 */
export function questionHandlers(services: BotServices): Composer<Context> {
  const { answerer, outbox, limits, cache, tasks, logger } = services;
  const questions = new Composer<Context>();

  const ask = async (ctx: Context, question: string) => {
    const chat = ctx.chat!;
    const replyTo = ctx.message?.message_id;
    if (!question) return void (await outbox.send(chat, escapeHtml(TEXT.askUsage), { replyTo }));
    const admission = limits.admit(ctx.from?.id ?? chat.id, chat.id);
    if (!admission.allowed) {
      if (admission.tell) await outbox.send(chat, escapeHtml(TEXT.rateLimited(admission.wait)), { replyTo });
      return;
    }
    tasks.run(async () => {
      try {
        void outbox.call(() => ctx.telegram.sendChatAction(chat.id, 'typing')).catch(() => undefined);
        const answer = await answerer.answer(question);
        if (answer.error) return void (await outbox.send(chat, escapeHtml(answer.answer), { replyTo }));
        const buttons = answerButtons(answer, cache.put(answer));
        await outbox.sendAll(chat, packMessages(answerBlocks(answer)), { replyTo, extra: { reply_markup: { inline_keyboard: [buttons] } } });
      } catch (error) {
        logger.error({ err: error, chat: chat.id }, 'failed to answer');
        await outbox.send(chat, escapeHtml(TEXT.failure), { replyTo }).catch(() => undefined);
      }
    });
  };

  questions.command('ask', (ctx) => ask(ctx, commandArgument(ctx.message.text)));

  questions.on('message', async (ctx) => {
    const said = saidIn(ctx.message);
    const question = said && questionFor(said, { id: ctx.botInfo.id, username: ctx.me });
    if (question !== null && question !== undefined) return ask(ctx, question);
    if (ctx.chat.type !== 'private') return;
    const isCommand = said?.entities?.some((e) => e.type === 'bot_command' && e.offset === 0);
    if (!isCommand && !MEDIA.some((kind) => kind in ctx.message)) return;
    await outbox.send(ctx.chat, escapeHtml(isCommand ? TEXT.unknownCommand : TEXT.textOnly), { replyTo: ctx.message.message_id });
  });

  return questions;
}

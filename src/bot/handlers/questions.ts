import { Composer, type Context } from 'telegraf';
import { commandArgument, questionFor, saidIn } from '../addressing.js';
import { answerButtons, parseButtonData } from '../buttons.js';
import { sendChart } from '../charts.js';
import { answerBlocks, escapeHtml, packMessages } from '../format.js';
import { missOf } from '../misses.js';
import { isDeliveryFault } from '../retry.js';
import type { BotServices } from '../services.js';
import { EXAMPLE_QUESTIONS, TEXT } from '../texts.js';

/** Messages a person sends that carry no words we can read (service messages are not among them). */
const MEDIA = ['sticker', 'voice', 'audio', 'photo', 'video', 'video_note', 'animation', 'document', 'location', 'contact', 'poll', 'dice'];

/**
 * Questions: `/ask …`, any text in a private chat, mentions and replies in groups, and the
 * caption of a photo or document. A sticker, voice message or captionless photo in a private
 * chat gets a one-line hint instead of silence.
 */
export function questionHandlers(services: BotServices): Composer<Context> {
  const { conversations, outbox, limits, cache, tasks, misses, failureText, logger } = services;
  const questions = new Composer<Context>();

  const ask = async (ctx: Context, question: string) => {
    const chat = ctx.chat!;
    const replyTo = ctx.message?.message_id;
    const key = conversationKey(ctx);
    const repliedTo = ctx.message && 'reply_to_message' in ctx.message ? ctx.message.reply_to_message : undefined;
    const continuing = repliedTo?.from?.id === ctx.botInfo.id ? answerKey(chat.id, repliedTo.message_id) : undefined;
    if (!question) return void (await outbox.send(chat, escapeHtml(TEXT.askUsage), { replyTo }));
    const admission = await limits.admit(ctx.from?.id ?? chat.id, chat.id).catch((error: unknown) => error as Error);
    if (admission instanceof Error) return void (await outbox.send(chat, escapeHtml(failureText(admission)), { replyTo }).catch(() => undefined));
    if (!admission.allowed) {
      if (admission.tell) await outbox.send(chat, escapeHtml(TEXT.rateLimited(admission.wait)), { replyTo });
      return;
    }
    tasks.run(async () => {
      try {
        void outbox.call(() => ctx.telegram.sendChatAction(chat.id, 'typing')).catch(() => undefined);
        const answer = await conversations.ask(key, question, continuing);
        if (answer.error) return void (await outbox.send(chat, escapeHtml(answer.answer), { replyTo }));
        if (!answer.found) await misses.record(missOf(answer, 'not-found', chat.type));
        const buttons = answerButtons(answer, await cache.put(chat.id, answer));
        const sent = await outbox.sendAll(chat, packMessages(answerBlocks(answer)), { replyTo, extra: { reply_markup: { inline_keyboard: buttons } } });
        await sendChart(services, chat, answer, replyTo);
        // A reply to any message of this answer continues from it, whatever the chat asked since.
        for (const message of sent) await conversations.link(key, answerKey(chat.id, message.message_id));
      } catch (error) {
        // Not taken by Telegram within the delivery window, or maybe taken: no apology in its place or beside it.
        if (isDeliveryFault(error)) return void logger.warn({ err: error, chat: chat.id }, 'answer not delivered');
        await outbox.send(chat, escapeHtml(failureText(error)), { replyTo }).catch(() => undefined);
      }
    });
  };

  questions.command('ask', (ctx) => ask(ctx, commandArgument(ctx.message.text)));
  // An example question from /start or /help, or a rephrasing under a not-found, asked as if typed.
  questions.on('callback_query', async (ctx) => {
    const press = parseButtonData('data' in ctx.callbackQuery ? ctx.callbackQuery.data : '');
    const question =
      press?.kind === 'example' ? EXAMPLE_QUESTIONS[press.index] : press?.kind === 'rephrase' && ctx.chat ? (await cache.get(ctx.chat.id, press.key))?.rephrasings?.[press.index] : undefined;
    await outbox.call(() => ctx.answerCbQuery(question ? undefined : TEXT.staleButton));
    if (question && ctx.chat) await ask(ctx, question);
  });
  questions.command('new', async (ctx) => {
    await conversations.reset(conversationKey(ctx));
    await outbox.send(ctx.chat, escapeHtml(TEXT.newConversation), { replyTo: ctx.message.message_id });
  });

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

/** A private chat is one conversation; in a group, each member has their own. */
function conversationKey(ctx: Context): string {
  return ctx.chat?.type === 'private' ? `chat:${ctx.chat.id}` : `chat:${ctx.chat?.id}:user:${ctx.from?.id}`;
}

function answerKey(chatId: number, messageId: number): string {
  return `answer:${chatId}:${messageId}`;
}

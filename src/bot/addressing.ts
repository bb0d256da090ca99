import type { Chat, Message, MessageEntity } from 'telegraf/types';

export interface BotIdentity {
  id: number;
  username: string;
}

/** What addressing looks at: a text message, or a photo's or document's caption. */
export interface Said {
  text: string;
  entities?: MessageEntity[];
  chat: Chat;
  reply_to_message?: Message.CommonMessage['reply_to_message'];
}

/** The words of a message: its text, or its caption (photo, document, video…), with their entities. */
export function saidIn(message: Message): Said | null {
  if ('text' in message) return { text: message.text, entities: message.entities, chat: message.chat, reply_to_message: message.reply_to_message };
  if ('caption' in message && message.caption) {
    return { text: message.caption, entities: message.caption_entities, chat: message.chat, reply_to_message: message.reply_to_message };
  }
  return null;
}

/**
 * The question a message asks this bot, or `null` when the message is not for it.
 * Private chats: any text that is not a command. Groups: a mention of the bot, or a reply to one
 * of its messages; everything else is chatter. (`/ask` is handled as a command.)
 */
export function questionFor(message: Said, me: BotIdentity): string | null {
  const text = message.text;
  const entities = message.entities ?? [];
  if (entities.some((e) => e.type === 'bot_command' && e.offset === 0)) return null;
  if (message.chat.type === 'private') return text;

  const mention = entities.find((e) => isMentionOf(e, text, me));
  if (mention) return (text.slice(0, mention.offset) + text.slice(mention.offset + mention.length)).trim();
  const reply = message.reply_to_message;
  if (reply?.from?.id === me.id) return text;
  return null;
}

/** Text after `/ask` or `/ask@ThisBot`. */
export function commandArgument(text: string): string {
  return text.replace(/^\/\w+(@\w+)?/, '').trim();
}

function isMentionOf(entity: MessageEntity, text: string, me: BotIdentity): boolean {
  if (entity.type === 'text_mention') return entity.user.id === me.id;
  return entity.type === 'mention' && text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${me.username.toLowerCase()}`;
}

import type { Message, Update, User } from 'telegraf/types';

/** Builders for the Bot API updates the handler tests feed to `bot.handleUpdate`. */
export const BOT_USER = { id: 999, is_bot: true as const, first_name: '报告问答', username: 'ReportQaBot' };
export const ALICE: User = { id: 42, is_bot: false, first_name: 'Alice' };
export const PRIVATE_CHAT = { id: 42, type: 'private' as const, first_name: 'Alice' };
export const GROUP_CHAT = { id: -100123, type: 'supergroup' as const, title: '研究小组' };

let nextId = 1;

type Chat = typeof PRIVATE_CHAT | typeof GROUP_CHAT;

export function textUpdate(text: string, chat: Chat = PRIVATE_CHAT, extra: Record<string, unknown> = {}): Update.MessageUpdate<Message.TextMessage> {
  const id = nextId++;
  const entities = [];
  const command = text.match(/^\/\w+(@\w+)?/);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/@\w+/g)) {
    if (!command || mention.index >= command[0].length) entities.push({ type: 'mention', offset: mention.index, length: mention[0].length });
  }
  return {
    update_id: id,
    message: { message_id: id, date: 1_700_000_000, chat, from: ALICE, text, ...(entities.length ? { entities } : {}), ...extra },
  } as Update.MessageUpdate<Message.TextMessage>;
}

/** A message without text: a sticker, voice message or photo (`extra` says which), maybe with a caption. */
export function mediaUpdate(extra: Record<string, unknown>, chat: Chat = PRIVATE_CHAT): Update {
  const id = nextId++;
  return { update_id: id, message: { message_id: id, date: 1_700_000_000, chat, from: ALICE, ...extra } } as Update;
}

export function inlineUpdate(query: string): Update {
  const id = nextId++;
  return { update_id: id, inline_query: { id: String(id), from: ALICE, query, offset: '', chat_type: 'sender' } } as Update;
}

export function callbackUpdate(data: string, chat: Chat = PRIVATE_CHAT): Update {
  const id = nextId++;
  return {
    update_id: id,
    callback_query: {
      id: String(id),
      from: ALICE,
      chat_instance: '1',
      data,
      message: { message_id: id, date: 1_700_000_000, chat, from: BOT_USER, text: 'answer' },
    },
  } as Update;
}

import type { Telegram } from 'telegraf';
import type { Message } from 'telegraf/types';
import { withRetry, type RetryOptions } from './retry.js';
import { createSendThrottle, type SendThrottle } from './throttle.js';

export interface ChatRef {
  id: number;
  type: string;
}

export interface SendOptions {
  /** The message this one answers; the reply survives that message being deleted. */
  replyTo?: number;
  /** Further sendMessage parameters (buttons), for the last message of a reply. */
  extra?: Record<string, unknown>;
}

/**
 * Everything the bot sends goes through here: messages are throttled to Telegram's limits and
 * retried until Telegram takes them (429, 5xx, no connection), but never sent again once the
 * request may have reached Telegram (see `withRetry`); other calls (edits, callback answers, chat
 * actions) do no harm twice and are retried on any network failure.
 */
export interface Outbox {
  send(chat: ChatRef, html: string, options?: SendOptions): Promise<Message.TextMessage>;
  /** Sends a reply that spans several messages, in order; `extra` goes on the last one. */
  sendAll(chat: ChatRef, messages: string[], options?: SendOptions): Promise<Message.TextMessage[]>;
  /** A request that does no harm when made twice. */
  call<T>(request: () => Promise<T>): Promise<T>;
  /** Sends a PNG with a plain-text caption, paced and retried like a message. */
  sendPhoto(chat: ChatRef, png: Buffer, caption: string, options?: SendOptions): Promise<Message.PhotoMessage>;
}

export function createOutbox(telegram: Telegram, retry?: RetryOptions, throttle: SendThrottle = createSendThrottle()): Outbox {
  const call = <T>(request: () => Promise<T>) => withRetry(request, { idempotent: true }, retry);
  const send: Outbox['send'] = (chat, html, { replyTo, extra = {} } = {}) =>
    throttle.schedule(chat, () =>
      withRetry(() =>
        telegram.sendMessage(chat.id, html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
          ...extra,
        }),
        { idempotent: false },
        retry,
      ),
    );
  return {
    send,
    call,
    sendPhoto: (chat, png, caption, { replyTo } = {}) =>
      throttle.schedule(chat, () =>
        call(() =>
          telegram.sendPhoto(chat.id, { source: png, filename: 'chart.png' }, {
            caption,
            ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
          }),
        ),
      ),
    async sendAll(chat, messages, { replyTo, extra } = {}) {
      const sent: Message.TextMessage[] = [];
      for (const [i, html] of messages.entries()) sent.push(await send(chat, html, { replyTo, ...(i === messages.length - 1 ? { extra } : {}) }));
      return sent;
    },
  };
}

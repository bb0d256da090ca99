import pino from 'pino';
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { Store } from '../../src/store/types.js';
import { TEXT } from '../../src/bot/texts.js';
import { lexicalAnswerer } from '../support/lexical-context.js';
import { BOT_USER, PRIVATE_CHAT, callbackUpdate, textUpdate } from '../support/telegram-updates.js';

let answerer: Answerer;
let store: Store;
let cleanup: () => Promise<void>;
let calls: Array<{ method: string; payload: Record<string, any> }>;

beforeAll(async () => {
  ({ answerer, store, cleanup } = await lexicalAnswerer());
});
afterAll(() => cleanup());

beforeEach(() => {
  calls = [];
  vi.restoreAllMocks();
  let messageId = 1000;
  vi.spyOn(Telegram.prototype, 'callApi').mockImplementation(async function (method: string, payload: any) {
    calls.push({ method, payload });
    if (method === 'sendMessage') return { message_id: messageId++, date: 0, chat: { id: payload.chat_id }, text: payload.text } as never;
    return true as never;
  } as never);
});

function makeBot() {
  const made = createBot({
    answerer,
    documents: () => store.documents,
    config: { token: '123456789:AAEtesttokentesttokentesttokentest12', port: 0, ratePerUser: 100, ratePerChat: 100, connectTimeoutS: 1 },
    logger: pino({ level: 'silent' }),
    retry: { sleep: async () => undefined },
    throttle: { schedule: (_chat, send) => send() },
  });
  made.bot.botInfo = { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };
  return made;
}

const OTHER_CHAT = { id: 43, type: 'private' as const, first_name: 'Mallory' };

describe('button keys', () => {
  it('a key from another chat is refused as stale, and keys are not guessable from one another', async () => {
    const bot = makeBot();
    const keys: string[] = [];
    for (const question of ['太原的空气质量综合指数是多少？', '晋中卫生厕所普及率是多少？', '太原滨河自行车道有多长？']) {
      await bot.bot.handleUpdate(textUpdate(question, PRIVATE_CHAT));
      await bot.tasks.idle();
      const keyboard: Array<Array<{ callback_data: string }>> = calls.filter((c) => c.method === 'sendMessage').at(-1)!.payload.reply_markup.inline_keyboard;
      keys.push(keyboard.flat().find((b) => b.callback_data.startsWith('p:'))!.callback_data);
    }
    expect(new Set(keys.map((d) => d.split(':')[1])).size).toBe(3);
    for (const key of keys.map((d) => d.split(':')[1])) expect(key.length).toBeGreaterThanOrEqual(10);
    for (const data of keys) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);

    calls.length = 0;
    await bot.bot.handleUpdate(callbackUpdate(keys[0], OTHER_CHAT));
    await bot.tasks.idle();
    expect(calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')).toEqual([]);
    expect(calls.find((c) => c.method === 'answerCallbackQuery')!.payload.text).toBe(TEXT.staleButton);

    calls.length = 0;
    await bot.bot.handleUpdate(callbackUpdate(keys[0], PRIVATE_CHAT));
    await bot.tasks.idle();
    expect(calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')).toHaveLength(1);
  });
});

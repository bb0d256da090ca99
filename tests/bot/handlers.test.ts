import pino from 'pino';
import { Telegram, TelegramError } from 'telegraf';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { createBot, type ReportBot } from '../../src/bot/create-bot.js';
import { createMemoryMissLog } from '../../src/bot/misses.js';
import { createMemoryBotState, type BotState } from '../../src/bot/state.js';
import { EXAMPLE_QUESTIONS, TEXT } from '../../src/bot/texts.js';
import { MESSAGE_LIMIT } from '../../src/bot/format.js';
import { UPDATES_PER_USER_PER_MINUTE } from '../../src/bot/rate-limit.js';
import type { BotConfig } from '../../src/config.js';
import type { Store } from '../../src/store/types.js';
import { lexicalAnswerer } from '../support/lexical-context.js';
import { fakeAnswerer } from '../support/reader.js';
import { BOT_USER, GROUP_CHAT, callbackUpdate, inlineUpdate, mediaUpdate, textUpdate } from '../support/telegram-updates.js';

interface ApiCall {
  method: string;
  payload: Record<string, any>;
}

let answerer: Answerer;
let store: Store;
let cleanup: () => Promise<void>;
let calls: ApiCall[];
let failNext: Array<(method: string) => Error | null>;

beforeAll(async () => {
  ({ answerer, store, cleanup } = await lexicalAnswerer());
});
afterAll(() => cleanup());

beforeEach(() => {
  calls = [];
  failNext = [];
  vi.restoreAllMocks();
  let messageId = 1000;
  vi.spyOn(Telegram.prototype, 'callApi').mockImplementation(async function (method: string, payload: any) {
    const failure = failNext.length ? failNext[0](method) : null;
    if (failure) {
      failNext.shift();
      throw failure;
    }
    calls.push({ method, payload });
    if (method === 'sendMessage') return { message_id: messageId++, date: 0, chat: { id: payload.chat_id }, text: payload.text } as never;
    return true as never;
  } as never);
});

const TOKEN = '123456789:AAEtesttokentesttokentesttokentest12';
const BASE_CONFIG: BotConfig & { token: string } = { token: TOKEN, port: 0, ratePerUser: 100, ratePerChat: 100, connectTimeoutS: 1 };

function makeBot(config: Partial<BotConfig> = {}, parts: { answerer?: Answerer; state?: BotState } = {}): ReportBot {
  const made = createBot({
    ...(parts.state ? { state: parts.state } : {}),
    answerer: parts.answerer ?? answerer,
    documents: () => store.documents,
    config: { ...BASE_CONFIG, ...config },
    logger: pino({ level: 'silent' }),
    retry: { sleep: async () => undefined },
    throttle: { schedule: (_chat, send) => send() },
  });
  made.bot.botInfo = { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };
  return made;
}

async function deliver(reportBot: ReportBot, ...updates: Parameters<ReportBot['bot']['handleUpdate']>[0][]): Promise<ApiCall[]> {
  for (const update of updates) await reportBot.bot.handleUpdate(update);
  await reportBot.tasks.idle();
  return calls;
}

const sent = () => calls.filter((c) => c.method === 'sendMessage');

describe('private chat', () => {
  it('answers any text with a quoted, sourced HTML answer, buttons and a typing action', async () => {
    const update = textUpdate('晋中卫生厕所普及率是多少？');
    await deliver(makeBot(), update);
    expect(calls.map((c) => c.method)).toContain('sendChatAction');
    const [message] = sent();
    expect(message.payload.parse_mode).toBe('HTML');
    expect(message.payload.text).toMatch(/^卫生厕所普及率达 ?<b>82%<\/b>\n\n<blockquote>[^<]*82%[^<]*<\/blockquote>\n—— 《晋中市2025年政府工作报告（摘要）》 · /s);
    expect(message.payload.reply_parameters.message_id).toBe(update.message.message_id);
    const buttons = message.payload.reply_markup.inline_keyboard[0].map((b: { text: string }) => b.text);
    expect(buttons).toEqual(['原文']);
    for (const button of message.payload.reply_markup.inline_keyboard[0]) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
  });

  it('says on /start and /help what is covered, with example questions as buttons that ask them', async () => {
    const bot = makeBot();
    await deliver(bot, textUpdate('/start'), textUpdate('/help'));
    expect(sent()).toHaveLength(2);
    for (const m of sent()) {
      expect(m.payload.text).toContain('@ReportQaBot');
      expect(m.payload.text).toContain('• 太原：2024、2025、2026年（');
      expect(m.payload.text).toContain('• 晋中：2025年（摘要；回顾2024年）');
      expect(m.payload.text.split('\n').length).toBeLessThanOrEqual(10);
      expect(m.payload.reply_markup.inline_keyboard.map((row: Array<{ text: string }>) => row[0].text)).toEqual(EXAMPLE_QUESTIONS);
    }
    const [example] = sent()[0].payload.reply_markup.inline_keyboard[1];
    calls.length = 0;
    await deliver(bot, callbackUpdate(example.callback_data));
    expect(calls[0].method).toBe('answerCallbackQuery');
    expect(sent()[0].payload.text).toContain('<b>82%</b>');
  });

  it('lists what is covered on /reports', async () => {
    await deliver(makeBot(), textUpdate('/reports'));
    expect(sent()[0].payload.text).toMatch(/^• 太原：.*\n• 晋中：.*\n\n可查询的报告：\n• /s);
  });

  it('sets its description and short description in Chinese, and in English for English clients', async () => {
    await makeBot().registerCommands();
    const descriptions = calls.filter((c) => /^setMy(Short)?Description$/.test(c.method)).map((c) => [c.method, c.payload.language_code ?? 'default', /[\u4e00-\u9fff]/.test(c.payload.description ?? c.payload.short_description)]);
    expect(descriptions).toEqual([
      ['setMyDescription', 'default', true],
      ['setMyShortDescription', 'default', true],
      ['setMyDescription', 'en', false],
      ['setMyShortDescription', 'en', false],
    ]);
  });

  it('lists the reports on /sources and explains answers on /about', async () => {
    await deliver(makeBot(), textUpdate('/sources'), textUpdate('/about'));
    const [sources, about] = sent().map((m) => m.payload.text);
    expect(sources.match(/^• /gm)).toHaveLength(5);
    expect(sources).toContain('晋中市2025年政府工作报告（摘要）（晋中 · 2025年）');
    expect(about).toContain('原文');
  });

  it('answers /ask with a question, and explains /ask without one', async () => {
    await deliver(makeBot(), textUpdate('/ask 太原滨河自行车道有多长？'), textUpdate('/ask'));
    // The answer is worked out in the background, so the two replies may come in either order.
    const texts = sent().map((c) => String(c.payload.text));
    expect(texts).toHaveLength(2);
    expect(texts.find((t) => t.includes('<b>88公里</b>'))).toBeDefined();
    expect(texts.find((t) => t.includes('请在 /ask 后面写上问题'))).toBeDefined();
  });

  it('says plainly when the reports do not answer, without buttons', async () => {
    await deliver(makeBot(), textUpdate('上海2024年的地铁里程是多少？'));
    expect(sent()[0].payload.text).toContain('没有关于上海的内容');
    expect(sent()[0].payload.text).toContain('现有报告');
    expect(sent()[0].payload.reply_markup.inline_keyboard).toEqual([]);
  });

  it('escapes HTML in questions and answers', async () => {
    await deliver(makeBot(), textUpdate('<script>alert(1)</script>'));
    expect(sent()[0].payload.text).not.toContain('<script>');
    await deliver(makeBot(), inlineUpdate('晋中卫生厕所普及率 1<2 & 3'));
    const inline = calls.find((c) => c.method === 'answerInlineQuery')!;
    expect(inline.payload.results[0].input_message_content.message_text).toContain('<b>问：</b>晋中卫生厕所普及率 1&lt;2 &amp; 3');
  });

  it('refuses an over-long or emoji-only question in Chinese', async () => {
    await deliver(makeBot(), textUpdate('问'.repeat(5000)), textUpdate('😀🎉'));
    expect(sent().map((m) => m.payload.text)).toEqual(['问题有 5000 个字，超过了 500 字的上限，请缩短后再问。', expect.stringContaining('请用文字提问')]);
  });

  it('gives a one-line hint for a sticker, a voice message or a photo without words', async () => {
    const media = [{ sticker: { file_id: 's' } }, { voice: { file_id: 'v', duration: 2 } }, { photo: [{ file_id: 'p', width: 1, height: 1 }] }];
    await deliver(makeBot(), ...media.map((extra) => mediaUpdate(extra)));
    expect(sent()).toHaveLength(3);
    for (const m of sent()) expect(m.payload.text).toMatch(/^我只能读文字。请直接输入问题/);
  });

  it('reads the caption of a photo or document as the question', async () => {
    await deliver(makeBot(), mediaUpdate({ photo: [{ file_id: 'p', width: 1, height: 1 }], caption: '晋中卫生厕所普及率是多少？' }));
    expect(sent()[0].payload.text).toContain('<b>82%</b>');
  });

  it('points to /help for an unknown command', async () => {
    await deliver(makeBot(), textUpdate('/weather'));
    expect(sent()[0].payload.text).toContain('/help');
  });
});

describe('conversations', () => {
  it('continues the answer a message replies to, whatever the chat asked since', async () => {
    const bot = makeBot();
    await deliver(bot, textUpdate('太原在2024年谋定推进了多少项改革事项？'));
    const firstAnswerId = 1000;
    await deliver(bot, textUpdate('晋中卫生厕所普及率是多少？'));
    calls.length = 0;
    const reply = { reply_to_message: { message_id: firstAnswerId, date: 0, chat: { id: 42, type: 'private' }, from: BOT_USER, text: '…' } };
    await deliver(bot, textUpdate('那晋中呢？', undefined, reply));
    expect(sent()[0].payload.text).toMatch(/^<i>（按“晋中 2024年 改革事项”理解）<\/i>/);
  });

  it('offers closest passages behind a "可能相关" button when nothing answers', async () => {
    const bot = makeBot();
    await deliver(bot, textUpdate('太原2026年计划新建多少个老年食堂？'));
    const [button] = sent()[0].payload.reply_markup.inline_keyboard[0];
    expect(button.text).toBe('可能相关');
    calls.length = 0;
    await deliver(bot, callbackUpdate(button.callback_data));
    expect(sent()).toHaveLength(0);
    const edited = calls.find((c) => c.method === 'editMessageText')!;
    expect(edited.payload.text).toMatch(/\n\n以下内容可能相关，但不足以回答这个问题：\n\n1\. <blockquote/);
    expect(edited.payload.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text)[0]).toBe('原文 1');
  });
});

describe('not found', () => {
  it('says how the question was read and which reports cover the city, and offers the closest passages and rephrasings in the reports\' words as buttons that ask them', async () => {
    const bot = makeBot();
    await deliver(bot, textUpdate('太原2025年养老院有多少家？'));
    const [message] = sent();
    expect(message.payload.text).toContain('（问题读作：太原 2025年 养老院）');
    expect(message.payload.text).toContain('太原：2024、2025、2026年');
    expect(message.payload.text).not.toContain('现有报告');
    const keyboard = message.payload.reply_markup.inline_keyboard;
    const key = keyboard[0][0].callback_data.split(':')[1];
    expect(keyboard).toEqual([
      [{ text: '可能相关', callback_data: `m:${key}:0` }],
      [{ text: '🔍 太原2025年全省最大的老年社会福利院投用', callback_data: `r:${key}:0` }],
      [{ text: '🔍 太原2025年新建改造一批城镇社区养老中心', callback_data: `r:${key}:1` }],
    ]);
    calls.length = 0;
    await deliver(bot, callbackUpdate(`r:${key}:1`));
    expect(calls[0].method).toBe('answerCallbackQuery');
    expect(sent()).toHaveLength(1);
    expect(sent()[0].payload.text).toContain('城镇社区养老中心');
    expect(sent()[0].payload.reply_markup.inline_keyboard.at(-1).map((b: { text: string }) => b.text)).toEqual(['👍', '👎']);
    calls.length = 0;
    await deliver(bot, callbackUpdate(`m:${key}:0`));
    const related = calls.find((c) => c.method === 'editMessageText')!;
    expect(related.payload.reply_markup.inline_keyboard.slice(-2)).toEqual(keyboard.slice(1));
  });
});

describe('group chat', () => {
  it('ignores chatter and commands for other bots', async () => {
    await deliver(makeBot(), textUpdate('今天中午吃什么', GROUP_CHAT), textUpdate('/ask@OtherBot 晋中卫生厕所普及率', GROUP_CHAT), textUpdate('/weather', GROUP_CHAT));
    expect(calls).toEqual([]);
  });

  it('answers /ask, /ask@ThisBot, a mention and a reply to the bot, replying to the asking message', async () => {
    const updates = [
      textUpdate('/ask 晋中卫生厕所普及率是多少？', GROUP_CHAT),
      textUpdate('/ask@ReportQaBot 晋中卫生厕所普及率是多少？', GROUP_CHAT),
      textUpdate('@ReportQaBot 晋中卫生厕所普及率是多少？', GROUP_CHAT),
      textUpdate('晋中卫生厕所普及率是多少？', GROUP_CHAT, { reply_to_message: { message_id: 1, date: 0, chat: GROUP_CHAT, from: BOT_USER, text: '…' } }),
    ];
    await deliver(makeBot(), ...updates);
    expect(sent()).toHaveLength(4);
    // Chats are answered concurrently, so the replies may be sent in any order: each asking message gets one.
    expect(sent().map((m) => m.payload.reply_parameters.message_id).sort()).toEqual(updates.map((u) => u.message.message_id).sort());
    for (const m of sent()) {
      expect(m.payload.chat_id).toBe(GROUP_CHAT.id);
      expect(m.payload.text).toContain('<b>82%</b>');
    }
  });

  it('reads a captioned photo that mentions the bot, and ignores media without a mention', async () => {
    const caption = '@ReportQaBot 晋中卫生厕所普及率是多少？';
    const photo = [{ file_id: 'p', width: 1, height: 1 }];
    await deliver(
      makeBot(),
      mediaUpdate({ photo, caption: '大家看这张图' }, GROUP_CHAT),
      mediaUpdate({ sticker: { file_id: 's' } }, GROUP_CHAT),
      mediaUpdate({ photo, caption, caption_entities: [{ type: 'mention', offset: 0, length: 12 }] }, GROUP_CHAT),
    );
    expect(sent()).toHaveLength(1);
    expect(sent()[0].payload.text).toContain('<b>82%</b>');
  });

  it('ignores replies to other people', async () => {
    const reply = { reply_to_message: { message_id: 1, date: 0, chat: GROUP_CHAT, from: { id: 7, is_bot: false, first_name: 'Bob' }, text: '…' } };
    await deliver(makeBot(), textUpdate('晋中卫生厕所普及率是多少？', GROUP_CHAT, reply));
    expect(calls).toEqual([]);
  });
});

describe('inline mode', () => {
  it('returns up to five sourced results', async () => {
    await deliver(makeBot(), inlineUpdate('太原有多少辆巡游出租车完成更新'));
    const { payload } = calls.find((c) => c.method === 'answerInlineQuery')!;
    expect(payload.results.length).toBeGreaterThan(0);
    expect(payload.results.length).toBeLessThanOrEqual(5);
    expect(payload.results[0]).toMatchObject({ type: 'article', input_message_content: { parse_mode: 'HTML' } });
    expect(payload.results[0].input_message_content.message_text).toContain('<b>8292辆</b>');
    expect(payload.results[0].description).toMatch(/^《.*》 · /);
  });

  it('answers an empty query with the hint and a button to a private chat', async () => {
    await deliver(makeBot(), inlineUpdate('  '));
    const { payload } = calls.find((c) => c.method === 'answerInlineQuery')!;
    expect(payload.results.map((r: { title: string }) => r.title)).toEqual([TEXT.inlineHint]);
    expect(payload.button).toEqual({ text: TEXT.inlineStart, start_parameter: 'inline' });
  });
});

describe('buttons', () => {
  it('edits the answer message on a press: "更多来源" adds the citations with one "原文 n" each, "原文" shows a passage, and back', async () => {
    const bot = makeBot();
    await deliver(bot, textUpdate('太原的空气质量综合指数是多少？'));
    const [answerMessage] = sent();
    const rows = answerMessage.payload.reply_markup.inline_keyboard;
    expect(rows.map((row: Array<{ text: string }>) => row.map((b) => b.text))).toEqual([['原文', expect.stringMatching(/^更多来源（\d）$/)], ['👍', '👎']]);
    const key = rows[0][0].callback_data.split(':')[1];
    calls.length = 0;
    await deliver(bot, callbackUpdate(`m:${key}:1`));
    expect(calls[0].method).toBe('answerCallbackQuery');
    expect(sent()).toHaveLength(0);
    const more = calls.find((c) => c.method === 'editMessageText')!;
    expect(more.payload.text.startsWith(answerMessage.payload.text)).toBe(true);
    const numbered = [...more.payload.text.matchAll(/^(\d+)\. <blockquote/gm)].map((m) => Number(m[1]));
    expect(numbered[0]).toBe(2);
    const passageButtons = more.payload.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text).filter((t: string) => t.startsWith('原文'));
    expect(passageButtons).toEqual(['原文 1', ...numbered.map((n) => `原文 ${n}`)]);
    calls.length = 0;
    await deliver(bot, callbackUpdate(`p:${key}:${numbered[0] - 1}`));
    const passage = calls.find((c) => c.method === 'editMessageText')!;
    expect(passage.payload.text).toMatch(/^<b>《.*》 · .*<\/b>\n\n<blockquote/s);
    expect(passage.payload.reply_markup.inline_keyboard[0][0].text).toBe('← 返回答案');
    calls.length = 0;
    await deliver(bot, callbackUpdate(passage.payload.reply_markup.inline_keyboard[0][0].callback_data));
    expect(calls.find((c) => c.method === 'editMessageText')!.payload.text).toBe(answerMessage.payload.text);
  });

  it('keeps 👎 and every not-found question (no user names), lists them most frequent first, and takes the votes away', async () => {
    const misses = createMemoryMissLog();
    const bot = makeBot({}, { state: { ...createMemoryBotState(BASE_CONFIG, misses) } });
    await deliver(bot, textUpdate('上海2024年的地铁里程是多少？'), textUpdate('/ask 上海2024年的地铁里程是多少？', GROUP_CHAT), textUpdate('晋中卫生厕所普及率是多少？'));
    const answered = sent().find((m) => m.payload.text.includes('82%'))!;
    const down = answered.payload.reply_markup.inline_keyboard[1][1];
    calls.length = 0;
    await deliver(bot, callbackUpdate(down.callback_data));
    expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery', payload: { text: TEXT.thanks } });
    expect(calls.find((c) => c.method === 'editMessageReplyMarkup')).toBeDefined();
    const listed = await misses.list();
    expect(listed.map((m) => [m.count, m.kind, m.reason, m.chatTypes])).toEqual([
      [2, 'not-found', 'OUT_OF_SCOPE', ['private', 'supergroup']],
      [1, 'disliked', 'FOUND', ['private']],
    ]);
    expect(JSON.stringify(listed)).not.toContain('Alice');
  });

  it('answers a stale or unknown button gracefully', async () => {
    await deliver(makeBot(), callbackUpdate('m:gone:1'), callbackUpdate('nonsense'));
    expect(calls.map((c) => [c.method, c.payload.text])).toEqual([
      ['answerCallbackQuery', '这个按钮已过期，请重新提问。'],
      ['answerCallbackQuery', '这个按钮已过期，请重新提问。'],
    ]);
  });
});

describe('robustness', () => {
  it('rate-limits a user with one friendly message per wait', async () => {
    const bot = makeBot({ ratePerUser: 2 });
    const asks = Array.from({ length: 5 }, () => textUpdate('晋中卫生厕所普及率？'));
    await deliver(bot, ...asks);
    // The notice goes out at once; the two answers follow when they are worked out.
    expect(sent()).toHaveLength(3);
    expect(sent().filter((m) => /提问太频繁了，请 \d+ 秒后再试/.test(m.payload.text))).toHaveLength(1);
  });

  it('tells a busy group once per wait, not once per user', async () => {
    const bot = makeBot({ ratePerUser: 6, ratePerChat: 20 });
    const asks = Array.from({ length: 20 }, (_, user) =>
      Array.from({ length: 10 }, () => textUpdate('/ask 晋中卫生厕所普及率？', GROUP_CHAT, { from: { id: 1000 + user, is_bot: false, first_name: `U${user}` } })),
    ).flat();
    await deliver(bot, ...asks);
    const notices = sent().filter((m) => m.payload.text.startsWith('提问太频繁了'));
    expect(sent().length - notices.length).toBe(20);
    expect(notices).toHaveLength(1);
  });

  it('politely refuses chats outside the allowlist', async () => {
    await deliver(makeBot({ allowedChatIds: [GROUP_CHAT.id] }), textUpdate('晋中卫生厕所普及率？'));
    expect(sent().map((m) => m.payload.text)).toEqual(['抱歉，这个机器人只在指定的聊天中提供服务。']);
  });

  it('apologizes when answering fails and keeps serving', async () => {
    let broken = true;
    const flaky: Answerer = fakeAnswerer(async (q) => {
      if (broken) throw new Error('index exploded');
      return answerer.answer(q);
    });
    const bot = makeBot({}, { answerer: flaky });
    await deliver(bot, textUpdate('晋中卫生厕所普及率？'));
    expect(sent()[0].payload.text).toBe('抱歉，处理这个问题时出了点问题，请稍后再试。');
    broken = false;
    await deliver(bot, textUpdate('晋中卫生厕所普及率？'));
    expect(sent()[1].payload.text).toContain('<b>82%</b>');
  });

  it('answers other chats while one question is still being worked on', async () => {
    let release = () => {};
    const slow: Answerer = fakeAnswerer((q) =>
      q.includes('慢') ? new Promise((resolve) => (release = () => resolve(answerer.answer('晋中卫生厕所普及率？')))) : answerer.answer(q),
    );
    const bot = makeBot({}, { answerer: slow });
    await bot.bot.handleUpdate(textUpdate('慢问题'));
    await bot.bot.handleUpdate(textUpdate('太原滨河自行车道有多长？', GROUP_CHAT, { text: '/ask 太原滨河自行车道有多长？', entities: [{ type: 'bot_command', offset: 0, length: 4 }] }));
    while (sent().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sent()[0].payload.chat_id).toBe(GROUP_CHAT.id);
    expect(bot.tasks.pending).toBe(1);
    release();
    await bot.tasks.idle();
    expect(sent().map((m) => m.payload.chat_id)).toEqual([GROUP_CHAT.id, 42]);
  });

  it('retries a 429 after retry_after and a 502, but not a 400', async () => {
    failNext.push(
      (m) => (m === 'sendMessage' ? new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 3 } }) : null),
      (m) => (m === 'sendMessage' ? new TelegramError({ error_code: 502, description: 'Bad Gateway' }) : null),
    );
    await deliver(makeBot(), textUpdate('晋中卫生厕所普及率？'));
    expect(sent()).toHaveLength(1);
    failNext.push((m) => (m === 'sendMessage' ? new TelegramError({ error_code: 400, description: "Bad Request: can't parse entities" }) : null));
    calls.length = 0;
    await deliver(makeBot(), textUpdate('晋中卫生厕所普及率？'));
    expect(sent().map((m) => m.payload.text)).toEqual(['抱歉，处理这个问题时出了点问题，请稍后再试。']);
  });

  it('answers an update Telegram delivers twice only once', async () => {
    const update = textUpdate('晋中卫生厕所普及率是多少？');
    await deliver(makeBot(), update, update);
    expect(sent()).toHaveLength(1);
  });

  it('keeps every message within the Telegram limit', async () => {
    await deliver(makeBot(), textUpdate('太原这几年空气质量综合指数怎么变化？'));
    for (const m of sent()) expect(m.payload.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(sent()[0].payload.text).toContain('<b>2023年（实际）</b>');
  });
});

describe('one user flooding the bot', () => {
  it('rate-limits every kind of update from one user: button presses, commands and stickers alike', async () => {
    const bot = makeBot();
    const flood = Array.from({ length: 20 }, () => [callbackUpdate('m:zzzzzzzzzz:1'), textUpdate('/help'), mediaUpdate({ sticker: { file_id: 's' } })]).flat();
    await deliver(bot, ...flood);
    // One reply per admitted update, and one notice for the first press over the limit.
    expect(calls).toHaveLength(UPDATES_PER_USER_PER_MINUTE + 1);
    expect(calls.filter((c) => c.method === 'answerCallbackQuery' && /\d+/.test(c.payload.text))).toHaveLength(1);
  });
});

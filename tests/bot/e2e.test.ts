import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import type { Answer } from '../../src/answer/types.js';
import { createBot, type BotParts, type ReportBot } from '../../src/bot/create-bot.js';
import { startEmulator, type Emulator } from '../support/bot-api-emulator.js';
import { lexicalAnswerer } from '../support/lexical-context.js';
import { fakeAnswerer, UNDERSTOOD } from '../support/reader.js';

const TOKEN = '111111111:AAEe2etokene2etokene2etokene2etoken';
const LONG_TOKEN = '222222222:AAElongtokenlongtokenlongtokenlongto';
const FLOOD_TOKEN = '555555555:AAEfloodtokenfloodtokenfloodtokenfloo';
const FAULT_TOKEN = '666666666:AAEfaulttokenfaulttokenfaulttokenfaul';
const RATE = { ratePerUser: 1000, ratePerChat: 1000, port: 0, connectTimeoutS: 1 };

let emulator: Emulator;
let real: Awaited<ReturnType<typeof lexicalAnswerer>>;
const running: Array<{ bot: ReportBot; launched: Promise<void> }> = [];

function launch(token: string, answerer: Answerer, parts: Pick<BotParts, 'retry' | 'requestTimeoutMs'> = {}): ReportBot {
  const reportBot = createBot({
    answerer,
    documents: () => real.store.documents,
    config: { token, apiRoot: emulator.apiRoot, ...RATE },
    logger: pino({ level: 'silent' }),
    ...parts,
  });
  running.push({ bot: reportBot, launched: reportBot.bot.launch() });
  return reportBot;
}

beforeAll(async () => {
  [emulator, real] = await Promise.all([startEmulator(), lexicalAnswerer()]);
  launch(TOKEN, real.answerer);
});

afterAll(async () => {
  for (const { bot } of running) {
    try {
      bot.bot.stop('test end');
    } catch {
      // already stopped by the shutdown test
    }
  }
  await Promise.all(running.map((r) => r.launched));
  await emulator.stop();
  await real.cleanup();
});

function say(token: string, chat: { id: number; type: 'private' | 'supergroup' }, text: string, extra: Record<string, unknown> = {}, userId = 500 + Math.abs(chat.id % 100)) {
  const client = emulator.server.getClient(token, { chatId: chat.id, userId, type: chat.type, chatTitle: 'g' });
  const message = client.makeMessage(text, extra);
  return emulator.server.addUserMessage(message).then(() => message);
}

const mention = (text: string, name: string) => ({ entities: [{ type: 'mention', offset: text.indexOf(name), length: name.length }] });
const command = (text: string) => ({ entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] });

describe('bot against a Bot API emulator on loopback', () => {
  it('answers a private question with a quote, reply and buttons', async () => {
    const chat = { id: 1001, type: 'private' as const };
    await say(TOKEN, chat, '晋中进出口总额增长了多少？');
    const [reply] = await emulator.waitForBotMessages(TOKEN, chat.id, 1);
    expect(reply.text).toMatch(/^进出口总额增长 ?<b>36.9%<\/b>.*\n\n<blockquote>[^<]*36.9%[^<]*<\/blockquote>\n—— /s);
    expect(reply.parse_mode).toBe('HTML');
    expect(JSON.stringify(reply.reply_markup)).toContain('原文');
  });

  it('reads a follow-up in a private chat with the question before it', async () => {
    const chat = { id: 1101, type: 'private' as const };
    await say(TOKEN, chat, '太原在2024年谋定推进了多少项改革事项？');
    await emulator.waitForBotMessages(TOKEN, chat.id, 1);
    await say(TOKEN, chat, '那晋中呢？');
    const [, followUp] = await emulator.waitForBotMessages(TOKEN, chat.id, 2);
    expect(followUp.text).toMatch(/^<i>（按“晋中 2024年 改革事项”理解）<\/i>\n\n<b>12项<\/b>国省年度改革事项/);
    await say(TOKEN, chat, '/new', command('/new'));
    await emulator.waitForBotMessages(TOKEN, chat.id, 3);
    await say(TOKEN, chat, '那晋中呢？');
    const replies = await emulator.waitForBotMessages(TOKEN, chat.id, 4);
    expect(replies[3].text).not.toContain('按“');
  });

  it('keeps separate contexts for two members interleaving follow-ups in one group', async () => {
    const chat = { id: -5005, type: 'supergroup' as const };
    const ask = async (user: number, text: string, count: number) => {
      await say(TOKEN, chat, `/ask ${text}`, command('/ask'), user);
      return (await emulator.waitForBotMessages(TOKEN, chat.id, count))[count - 1].text as string;
    };
    await ask(601, '太原2023年新建了多少所中小学校？', 1);
    await ask(602, '晋中2024年农村危房改造完成了几户？', 2);
    const first = await ask(601, '幼儿园呢？', 3);
    const second = await ask(602, '精品示范村呢？', 4);
    expect(first).toContain('（按“太原 2023年');
    expect(first).toContain('<b>20所</b>');
    expect(second).toContain('（按“晋中 2024年');
    expect(second).toContain('<b>34个</b>精品示范村');
  });

  it('answers a mention in a group and ignores other chatter', async () => {
    const chat = { id: -2002, type: 'supergroup' as const };
    await say(TOKEN, chat, '大家周末去哪儿玩？');
    const text = '@TestNameBot 太原滨河自行车道有多长？';
    await say(TOKEN, chat, text, mention(text, '@TestNameBot'));
    const replies = await emulator.waitForBotMessages(TOKEN, chat.id, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.botMessages(TOKEN, chat.id)).toHaveLength(1);
    expect(replies[0].text).toContain('<b>88公里</b>');
  });

  it('answers /ask@ThisBot and ignores /ask@OtherBot', async () => {
    const chat = { id: -3003, type: 'supergroup' as const };
    const other = '/ask@OtherBot 晋中卫生厕所普及率是多少？';
    const mine = '/ask@TestNameBot 晋中卫生厕所普及率是多少？';
    await say(TOKEN, chat, other, command(other));
    const asked = await say(TOKEN, chat, mine, command(mine));
    await emulator.waitForBotMessages(TOKEN, chat.id, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const replies = emulator.botMessages(TOKEN, chat.id);
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toContain('<b>82%</b>');
    expect(replies[0].reply_parameters).toBeDefined();
    expect(asked.text).toBe(mine);
  });

  it('splits an over-long answer into two messages within the limit', async () => {
    const sentence = '持续推进城市更新行动，统筹推进老旧小区改造、城中村改造和危旧房改造。';
    const quote = sentence.repeat(Math.ceil(6000 / sentence.length));
    const long: Answerer = fakeAnswerer(
      async (question): Promise<Answer> => ({
        question,
        found: true,
        answer: quote,
        citations: [{ docId: 'X', title: '测试报告', year: 2025, section: '城市更新', quote, passage: quote, score: 1, start: 0, end: quote.length }],
        understood: UNDERSTOOD,
        mode: 'lexical',
        timings: { totalMs: 1 },
      }),
    );
    launch(LONG_TOKEN, long);
    const chat = { id: 4004, type: 'private' as const };
    await say(LONG_TOKEN, chat, '城市更新怎么做？');
    const replies = await emulator.waitForBotMessages(LONG_TOKEN, chat.id, 2);
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(String(reply.text).length).toBeLessThanOrEqual(4096);
    expect(replies.map((r) => String(r.text).replace(/<[^>]+>/g, '')).join('')).toContain(quote);
  });

  it('retries a 429 from the API after retry_after and delivers once', async () => {
    const chat = { id: 5005, type: 'private' as const };
    const before = emulator.stats().tooManyRequests;
    emulator.rejectNextSends(1);
    const started = Date.now();
    await say(TOKEN, chat, '太原有多少辆巡游出租车完成更新？');
    const replies = await emulator.waitForBotMessages(TOKEN, chat.id, 1);
    expect(emulator.stats().tooManyRequests).toBe(before + 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(replies[0].text).toContain('8292辆');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(emulator.botMessages(TOKEN, chat.id)).toHaveLength(1);
  });

  it('answers another chat at once while one user sends 60 commands at once', async () => {
    const flooding = launch(FLOOD_TOKEN, real.answerer);
    const flooder = { id: 6006, type: 'private' as const };
    const other = { id: 6106, type: 'private' as const };
    for (let i = 0; i < 60; i++) await say(FLOOD_TOKEN, flooder, '/help', command('/help'));
    // The flood's replies are paced at one a second into that chat; the other chat's answer must not wait for them.
    await emulator.waitForBotMessages(FLOOD_TOKEN, flooder.id, 1, 60_000);
    await say(FLOOD_TOKEN, other, '晋中卫生厕所普及率是多少？', {}, 777);
    const [reply] = await emulator.waitForBotMessages(FLOOD_TOKEN, other.id, 1, 60_000);
    expect(reply.text).toContain('<b>82%</b>');
    expect(emulator.botMessages(FLOOD_TOKEN, flooder.id).length).toBeLessThan(10);
    flooding.bot.stop('test end');
  });

  it('long-polls instead of busy-looping, and stops polling cleanly', async () => {
    const callsBefore = emulator.stats().getUpdatesCalls;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(emulator.stats().getUpdatesCalls - callsBefore).toBeLessThan(10);
    const first = running[0];
    first.bot.bot.stop('SIGTERM');
    await expect(first.launched).resolves.toBeUndefined();
    await first.bot.tasks.idle();
    const afterStop = emulator.stats().getUpdatesCalls;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(emulator.stats().getUpdatesCalls).toBeLessThanOrEqual(afterStop + 1);
  });
});

describe('delivery through Telegram faults, exactly once', () => {
  /** Retry waits are recorded and skipped: a 90 s retry_after or a minutes-long outage takes no real time. */
  const waits: number[] = [];
  let faulty: ReportBot;
  beforeAll(() => {
    faulty = launch(FAULT_TOKEN, real.answerer, { retry: { sleep: async (ms) => void waits.push(ms) }, requestTimeoutMs: 1000 });
    emulator.faultsOnlyFor(FAULT_TOKEN);
  });
  const settled = async () => {
    await faulty.tasks.idle();
    await new Promise((resolve) => setTimeout(resolve, 200));
  };

  it('does not send an answer twice when the connection drops after Telegram stored it', async () => {
    const chat = { id: 9101, type: 'private' as const };
    emulator.dropNextSendsAfterStore(1);
    await say(FAULT_TOKEN, chat, '晋中卫生厕所普及率是多少？');
    await emulator.waitForBotMessages(FAULT_TOKEN, chat.id, 1);
    await settled();
    expect(emulator.stats().droppedAfterStore).toBe(1);
    expect(emulator.botMessages(FAULT_TOKEN, chat.id).map((m) => m.text)).toEqual([expect.stringContaining('<b>82%</b>')]);
  });

  it('waits out a 5xx outage longer than a few seconds and then delivers the answer, with no apology', async () => {
    const chat = { id: 9102, type: 'private' as const };
    waits.length = 0;
    emulator.failNextSends(12);
    await say(FAULT_TOKEN, chat, '晋中卫生厕所普及率是多少？');
    await emulator.waitForBotMessages(FAULT_TOKEN, chat.id, 1);
    await settled();
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(60_000);
    expect(emulator.botMessages(FAULT_TOKEN, chat.id).map((m) => m.text)).toEqual([expect.stringContaining('<b>82%</b>')]);
  });

  it('waits out a 429 with retry_after 90 and delivers the answer, not an apology', async () => {
    const chat = { id: 9103, type: 'private' as const };
    waits.length = 0;
    emulator.rejectNextSends(1, 90);
    await say(FAULT_TOKEN, chat, '晋中卫生厕所普及率是多少？');
    await emulator.waitForBotMessages(FAULT_TOKEN, chat.id, 1);
    await settled();
    expect(waits).toContain(90_000);
    expect(emulator.botMessages(FAULT_TOKEN, chat.id).map((m) => m.text)).toEqual([expect.stringContaining('<b>82%</b>')]);
  });

  it('gives up on a sendMessage Telegram never answers, so the chat gets its next answer', async () => {
    const chat = { id: 9104, type: 'private' as const };
    const hungBefore = emulator.stats().hungSends;
    emulator.hangNextSends(1);
    await say(FAULT_TOKEN, chat, '太原滨河自行车道有多长？');
    while (emulator.stats().hungSends === hungBefore) await new Promise((resolve) => setTimeout(resolve, 20));
    await say(FAULT_TOKEN, chat, '晋中卫生厕所普及率是多少？');
    await emulator.waitForBotMessages(FAULT_TOKEN, chat.id, 1);
    await settled();
    // The hung request may have been carried out: it is not sent again (at most once).
    expect(emulator.botMessages(FAULT_TOKEN, chat.id).map((m) => m.text)).toEqual([expect.stringContaining('<b>82%</b>')]);
    faulty.bot.stop('test end');
  });
});

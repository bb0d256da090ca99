import pino from 'pino';
import { Telegram } from 'telegraf';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import type { Answer } from '../../src/answer/types.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { ChartAvailability } from '../../src/chart/render.js';
import type { Figure } from '../../src/figures/types.js';
import { BOT_USER, textUpdate } from '../support/telegram-updates.js';

interface ApiCall {
  method: string;
  payload: Record<string, any>;
}
let calls: ApiCall[];

beforeEach(() => {
  calls = [];
  vi.restoreAllMocks();
  vi.spyOn(Telegram.prototype, 'callApi').mockImplementation(async function (method: string, payload: any) {
    calls.push({ method, payload });
    return { message_id: calls.length, date: 0, chat: { id: payload.chat_id }, text: payload.text ?? '' } as never;
  } as never);
});

const citation = (year: number) => ({ docId: `JA${year + 1}`, title: `甲市${year + 1}年政府工作报告`, year: year + 1, section: '回顾', quote: `城镇新增就业${year - 2016}万人。`, passage: '', score: 1, start: 0, end: 10 });
const SERIES_ANSWER: Answer = {
  question: '甲市城镇新增就业这几年怎么变化？',
  found: true,
  answer: '城镇新增就业（按报告原文）：\n2023年（实际）：7万人\n2024年（实际）：8万人\n2025年（实际）：9万人',
  citations: [citation(2023), citation(2024), citation(2025)],
  parts: [2023, 2024, 2025].map((year, i) => ({ label: `${year}年（实际）`, citation: i })),
  series: {
    indicator: '城镇新增就业',
    measure: 'level',
    points: [2023, 2024, 2025].map((year, i) => ({ label: `${year}年（实际）`, city: '甲市', year, kind: '实际', value: `${7 + i}万人`, number: 7 + i, unit: '万人', citation: i })),
  },
  understood: { question: '甲市 城镇新增就业', cities: ['甲市'], years: [], contextUsed: false },
  mode: 'lexical',
  timings: { totalMs: 1 },
};
const answerer: Answerer = { answer: async () => SERIES_ANSWER, answerTurn: async () => ({ answer: SERIES_ANSWER, turn: null }), warm: async () => undefined };

function makeBot(charts: () => Promise<ChartAvailability>, rows: Figure[] = []) {
  const made = createBot({
    answerer,
    documents: () => [],
    config: { token: '123456789:AAEtesttokentesttokentesttokentest12', port: 0, ratePerUser: 100, ratePerChat: 100, connectTimeoutS: 1 },
    logger: pino({ level: 'silent' }),
    retry: { sleep: async () => undefined },
    throttle: { schedule: (_chat, send) => send() },
    charts,
    figures: { lookup: async () => rows },
  });
  made.bot.botInfo = { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };
  return made;
}

describe('figures in Telegram', () => {
  it('answers a series of three figures with the answer and a chart photo captioned with the figures and sources', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const made = makeBot(async () => ({ renderer: { render: async () => ({ png, width: 10, height: 10 }) } }));
    await made.bot.handleUpdate(textUpdate(SERIES_ANSWER.question));
    await made.tasks.idle();
    expect(calls.map((c) => c.method).filter((m) => m !== 'sendChatAction')).toEqual(['sendMessage', 'sendPhoto']);
    const photo = calls.find((c) => c.method === 'sendPhoto')!;
    for (const said of ['2023年（实际）：7万人', '2025年（实际）：9万人', '《甲市2024年政府工作报告》']) expect(photo.payload.caption).toContain(said);
  });

  it('sends the chart as text when no chart can be drawn', async () => {
    const made = makeBot(async () => ({ unavailable: '没有找到中文字体' }));
    await made.bot.handleUpdate(textUpdate(SERIES_ANSWER.question));
    await made.tasks.idle();
    const messages = calls.filter((c) => c.method === 'sendMessage');
    expect(calls.some((c) => c.method === 'sendPhoto')).toBe(false);
    expect(messages).toHaveLength(2);
    expect(messages[1].payload.text).toContain('<pre>');
    expect(messages[1].payload.text).toContain('9万人');
  });

  it('/figures lists the figures of a city and indicator, one short line each', async () => {
    const row: Figure = { indicator: '地区生产总值', value: '5%左右', number: 5, unit: '%', qualifier: '左右', measure: 'growth', valueStart: 7, kind: '目标', year: 2025, city: '甲市', level: 'city', docId: 'JA2025', section: '目标', sentence: '地区生产总值增长5%左右。', start: 0, end: 13 };
    const made = makeBot(async () => ({ unavailable: 'none' }), [row]);
    await made.bot.handleUpdate(textUpdate('/figures 甲市 GDP'));
    await made.tasks.idle();
    const [message] = calls.filter((c) => c.method === 'sendMessage');
    expect(message.payload.text).toContain('甲市 2025年（目标） 地区生产总值增长 5%左右');
  });
});

import type { Answer } from '../answer/types.js';
import { answerChart, chartCaption } from '../chart/answer-chart.js';
import { textChart } from '../chart/text-chart.js';
import { escapeHtml } from './format.js';
import type { ChatRef } from './outbox.js';
import type { BotServices } from './services.js';
import { TEXT } from './texts.js';

/**
 * After an answer with a series of three points or more: the chart as a photo, captioned with the
 * figures and their reports; where no chart can be drawn, the same as a text chart.
 */
export async function sendChart({ charts, outbox, logger }: Pick<BotServices, 'charts' | 'outbox' | 'logger'>, chat: ChatRef, answer: Answer, replyTo?: number): Promise<void> {
  const data = answerChart(answer);
  if (!data) return;
  const availability = await charts();
  if ('renderer' in availability) {
    try {
      const image = await availability.renderer.render(data);
      await outbox.sendPhoto(chat, image.png, chartCaption(answer, data), { ...(replyTo ? { replyTo } : {}) });
      return;
    } catch (error) {
      logger.warn({ err: error }, 'chart failed; sending it as text');
      return void (await outbox.send(chat, `<pre>${escapeHtml(textChart(data))}</pre>\n${escapeHtml(TEXT.chartUnavailable('绘图出错'))}`, { ...(replyTo ? { replyTo } : {}) }));
    }
  }
  await outbox.send(chat, `<pre>${escapeHtml(textChart(data))}</pre>\n${escapeHtml(TEXT.chartUnavailable(availability.unavailable))}`, { ...(replyTo ? { replyTo } : {}) });
}

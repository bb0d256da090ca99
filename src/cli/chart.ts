import { writeFile } from 'node:fs/promises';
import type { Answer } from '../answer/types.js';
import { answerChart } from '../chart/answer-chart.js';
import { textChart } from '../chart/text-chart.js';

/** Writes the answer's chart to `file` and says so in one line, or says why not (with the chart as text when it has a series). */
export async function writeChart(answer: Answer, file: string): Promise<string> {
  const data = answerChart(answer);
  if (!data) return '没有生成图表：这个答案没有三个或以上可以画成图的数字。';
  // Vega and resvg are loaded only when a chart is asked for: they slow every other start-up.
  const { openChartRenderer } = await import('../chart/render.js');
  const availability = await openChartRenderer();
  if (!('renderer' in availability)) return `${textChart(data)}\n没有生成图表：${availability.unavailable}。`;
  const image = await availability.renderer.render(data);
  await writeFile(file, image.png);
  return `图表已写入 ${file}（${image.width}×${image.height}）。`;
}

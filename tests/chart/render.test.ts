import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/chart/points.js';
import { openChartRenderer } from '../../src/chart/render.js';
import { textChart } from '../../src/chart/text-chart.js';
import type { FigureSeries } from '../../src/figures/types.js';

const SERIES: FigureSeries = {
  indicator: '空气质量综合指数',
  measure: 'level',
  points: [
    { label: '2023年（实际）', city: '甲市', year: 2023, kind: '实际', value: '4.95', number: 4.95, unit: '', citation: 0 },
    { label: '2024年（实际）', city: '甲市', year: 2024, kind: '实际', value: '4.73', number: 4.73, unit: '', citation: 1 },
    { label: '2025年（实际）', city: '甲市', year: 2025, kind: '实际', value: '4.13', number: 4.13, unit: '', citation: 2 },
    { label: '十四五', city: '甲市', year: 2025, kind: '十四五', value: '4.2', number: 4.2, unit: '', citation: 3 },
  ],
};
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('charts of a series', () => {
  it('draws three yearly points (a period total is another scale) and needs three', () => {
    expect(chartData(SERIES, '甲市')?.points.map((p) => p.year)).toEqual([2023, 2024, 2025]);
    expect(chartData({ ...SERIES, points: SERIES.points.slice(0, 2) }, '甲市')).toBeNull();
  });

  it('renders a PNG whose header says its size', async () => {
    const availability = await openChartRenderer();
    if (!('renderer' in availability)) throw new Error(`the shipped CJK font should be found: ${availability.unavailable}`);
    const image = await availability.renderer.render(chartData(SERIES, '甲市 空气质量综合指数')!);
    expect(image.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(image.png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([image.png.readUInt32BE(16), image.png.readUInt32BE(20)]).toEqual([image.width, image.height]);
    expect(image.width).toBeGreaterThan(400);
    expect(image.height).toBeGreaterThan(200);
    expect(image.png.length).toBeGreaterThan(5000);
  });

  it('says why there is no chart without a CJK font, and the text chart gives every figure', async () => {
    expect(await openChartRenderer(null)).toEqual({ unavailable: expect.any(String) });
    expect(await openChartRenderer('/nonexistent/font.otf')).toEqual({ unavailable: expect.any(String) });
    const text = textChart(chartData(SERIES, '甲市 空气质量综合指数')!);
    for (const value of ['4.95', '4.73', '4.13']) expect(text).toContain(value);
    expect(text.split('\n')).toHaveLength(4);
  });
});

import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { findCjkFontFile, loadChartFont, type ChartFont } from './font.js';
import { outlineText } from './outline-text.js';
import type { ChartData } from './points.js';
import { CHART_SETTINGS } from './settings.js';

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

export interface ChartRenderer {
  render(data: ChartData): Promise<ChartImage>;
}

/** A renderer, or why charts cannot be drawn here (then answers give the figures as text). */
export type ChartAvailability = { renderer: ChartRenderer } | { unavailable: string };

/**
 * Charts drawn in Node: Vega-Lite compiles a line chart (a bar chart for fewer than three years),
 * Vega lays it out as SVG, text is outlined in a CJK font (see `outline-text.ts`), and resvg
 * rasterizes it to PNG. Without a CJK font (or with `fontFile` null) charts are unavailable.
 */
export async function openChartRenderer(fontFile: string | null | undefined = findCjkFontFile()): Promise<ChartAvailability> {
  if (!fontFile) return { unavailable: '没有找到中文字体' };
  let font: ChartFont;
  try {
    font = await loadChartFont(fontFile);
  } catch (error) {
    return { unavailable: `中文字体无法读取（${(error as Error).message}）` };
  }
  // Compiling Vega-Lite costs more than drawing: a chart's compiled form is kept per layout (its data comes apart).
  const compiled = new Map<string, vega.Runtime>();
  const runtimeOf = (spec: TopLevelSpec) => {
    const key = JSON.stringify(spec);
    let runtime = compiled.get(key);
    if (!runtime) compiled.set(key, (runtime = vega.parse(compile(spec).spec)));
    return runtime;
  };
  return {
    renderer: {
      async render(data) {
        const view = new vega.View(runtimeOf(specOf(data)), { renderer: 'none' });
        view.data(DATA, data.points.map((p) => ({ year: p.year, number: p.number, line: p.line, value: p.value })));
        const svg = outlineText(await view.toSVG(), font.font);
        view.finalize();
        const image = new Resvg(svg, { background: 'white', font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: CHART_SETTINGS.zoom } }).render();
        return { png: image.asPng(), width: image.width, height: image.height };
      },
    },
  };
}

/** The name the chart's points are given to Vega under. */
const DATA = 'points';

function specOf(data: ChartData): TopLevelSpec {
  const years = new Set(data.points.map((p) => p.year));
  const lines = new Set(data.points.map((p) => p.line));
  const x = { field: 'year', type: 'ordinal' as const, title: null, axis: { labelAngle: 0, labelExpr: "datum.label + '年'" } };
  const y = { field: 'number', type: 'quantitative' as const, title: data.unit || null };
  const color = lines.size > 1 ? { color: { field: 'line', type: 'nominal' as const, title: null, legend: { orient: 'bottom' as const } } } : {};
  const asLine = years.size >= 3;
  // Bars of several lines stand side by side in a year; their labels go with them.
  const offset = !asLine && lines.size > 1 ? { xOffset: { field: 'line' } } : {};
  return {
    width: CHART_SETTINGS.width,
    height: CHART_SETTINGS.height,
    title: data.title,
    background: 'white',
    data: { name: DATA },
    layer: [
      asLine ? { mark: { type: 'line', point: true }, encoding: { x, y, ...color } } : { mark: 'bar', encoding: { x, y, ...color, ...offset } },
      { mark: { type: 'text', dy: -9 }, encoding: { x, y, text: { field: 'value' }, ...offset } },
    ],
    config: { font: 'sans-serif', view: { stroke: null } },
  } as TopLevelSpec;
}

// A 3-year chart, as the bot draws it for "太原空气质量综合指数这几年怎么变化": the font read once
// (as the bot does on its first chart), then each render timed. `npm run bench-chart [runs]`.
import { chartData } from '../src/chart/points.js';
import { openChartRenderer } from '../src/chart/render.js';
import { CHART_SETTINGS } from '../src/chart/settings.js';

const RUNS = Number(process.argv[2] ?? 20);
/** The target for one render (issue 20). */
const TARGET_MS = 300;

const data = chartData(
  {
    indicator: '空气质量综合指数',
    measure: 'level',
    points: [2023, 2024, 2025].map((year, i) => ({ label: `${year}年（实际）`, city: '太原', year, kind: '实际', value: ['4.95', '4.73', '4.13'][i], number: [4.95, 4.73, 4.13][i], unit: '', citation: i })),
  },
  '太原 空气质量综合指数',
)!;

const opening = performance.now();
const availability = await openChartRenderer();
const openMs = performance.now() - opening;
if (!('renderer' in availability)) {
  console.log(`no chart renderer: ${availability.unavailable}`);
  process.exit(1);
}
const first = performance.now();
await availability.renderer.render(data);
const firstMs = performance.now() - first;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await availability.renderer.render(data);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(0);
console.log(`chart ${CHART_SETTINGS.width}x${CHART_SETTINGS.height} at zoom ${CHART_SETTINGS.zoom}, 3 points, ${RUNS} renders`);
console.log(`font and renderer opened in ${openMs.toFixed(0)} ms; first render ${firstMs.toFixed(0)} ms`);
console.log(`render median ${at(0.5)} ms, p95 ${at(0.95)} ms (target ≤ ${TARGET_MS} ms)`);

import { percentile } from '../src/eval/metrics.js';

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

export function p95(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.95);
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

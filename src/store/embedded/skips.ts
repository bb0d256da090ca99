import { POSTINGS_SKIP } from './files.js';

/**
 * Finding a run of passage ids in a long posting list by its samples in postings.skip (the id at
 * every `POSTINGS_SKIP`-th posting), so that only that stretch of the list is read.
 */

/** The positions `[low, high)` of a list of `count` postings that hold every id from `from` to `to`, by the list's samples. */
export function stretchOf(samples: Int32Array, count: number, from: number, to: number): [number, number] {
  // Every sample below `from` but the last is before the run; the first sample above `to` is after it.
  const low = Math.max(0, firstAtOrAfter(samples, 1, from) - 1) * POSTINGS_SKIP;
  const high = Math.min(count, firstAtOrAfter(samples, 1, to + 1) * POSTINGS_SKIP);
  return [low, Math.max(low, high)];
}

/** In `values`, read as records of `stride` numbers ordered by their first, the first record whose first is at least `id` (the count of those below it). */
export function firstAtOrAfter(values: Int32Array, stride: number, id: number): number {
  let low = 0;
  let high = values.length / stride;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle * stride] < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

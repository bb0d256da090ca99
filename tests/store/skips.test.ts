import { describe, expect, it } from 'vitest';
import { POSTINGS_SKIP } from '../../src/store/embedded/files.js';
import { stretchOf } from '../../src/store/embedded/skips.js';
import { seededRandom } from '../support/random.js';

/** A posting list's passage ids (sorted, distinct) and its samples as postings.skip holds them. */
function list(random: () => number, count: number): { ids: number[]; samples: Int32Array } {
  const ids: number[] = [];
  for (let id = 0; ids.length < count; id++) if (random() < 0.4) ids.push(id);
  return { ids, samples: Int32Array.from(ids.filter((_, position) => position % POSTINGS_SKIP === 0)) };
}

describe('the stretch of a long posting list a run of passages needs', () => {
  it('holds every posting of the run, for runs that start or end at a sampled id, between samples, or outside the list', () => {
    const random = seededRandom(21);
    for (const count of [POSTINGS_SKIP + 1, 2 * POSTINGS_SKIP, 5 * POSTINGS_SKIP + 7]) {
      const { ids, samples } = list(random, count);
      const last = ids[ids.length - 1];
      const edges = [...samples, ...Array.from(samples, (id) => id - 1), ...Array.from(samples, (id) => id + 1), 0, last, last + 5];
      for (const from of edges) {
        for (const to of edges) {
          if (to < from) continue;
          const [low, high] = stretchOf(samples, count, from, to);
          const inRun = ids.flatMap((id, position) => (id >= from && id <= to ? [position] : []));
          for (const position of inRun) expect(position >= low && position < high, `run ${from}-${to}: posting ${position} outside ${low}-${high}`).toBe(true);
          expect(high - low).toBeLessThanOrEqual(inRun.length + 2 * POSTINGS_SKIP);
        }
      }
    }
  });
});

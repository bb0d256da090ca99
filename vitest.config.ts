import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest runs one file at a time on a 2-core machine (cores - 1); most files wait on child
    // processes and sockets, so two at a time halves the run.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

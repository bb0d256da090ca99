import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/compiled-setup.ts', 'tests/support/pglite-setup.ts'],
    // Many tests start the commands (1-3 s a start on a loaded 2-core machine, several per test):
    // the limit only guards against a hung test, so it is set for a busy machine, not an idle one.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Vitest runs one file at a time on a 2-core machine (cores - 1); most files wait on child
    // processes and sockets, so two at a time halves the run.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

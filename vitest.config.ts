import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/compiled-setup.ts', 'tests/support/pglite-setup.ts', 'tests/support/shared-folders-setup.ts'],
    setupFiles: ['tests/support/children-setup.ts'],
    // The files a worker runs share its modules instead of importing them afresh each (jieba, the
    // lexicon, telegraf, pg: about half the CPU of a small test file). Vitest still restores spies
    // after each file; no test keeps state in a module (caches of read-only data aside).
    isolate: false,
    // Many tests start the commands (1-3 s a start on a loaded 2-core machine, several per test):
    // the limit only guards against a hung test, so it is set for a busy machine, not an idle one.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Vitest runs one file at a time on a 2-core machine (cores - 1); most files wait on child
    // processes and sockets, so two at a time halves the run.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

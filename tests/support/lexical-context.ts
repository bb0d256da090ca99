import type { Answerer } from '../../src/answer/answerer.js';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { Store } from '../../src/store/types.js';
import { tempDir, testConfig } from './fixtures.js';

/** A lexical-only index over the real corpus in a temp dir, with its answerer. */
export async function lexicalAnswerer(): Promise<{ answerer: Answerer; store: Store; config: Config; cleanup: () => Promise<void> }> {
  const dir = await tempDir();
  const config = testConfig(dir.dir, { DENSE: 'off' });
  const app = await createApp(config);
  return {
    answerer: app.answerer,
    store: app.store,
    config,
    cleanup: async () => {
      await app.close();
      await dir.cleanup();
    },
  };
}

/** A lexical-only index over the real corpus in a temp dir, and the env that points the CLIs at it. */
export async function lexicalIndexEnv(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dir = await tempDir();
  const config = testConfig(dir.dir, { DENSE: 'off' });
  await ingest(config);
  return { env: { CORPUS_DIR: config.corpusDir, INDEX_DIR: dir.dir, DENSE: 'off' }, cleanup: dir.cleanup };
}

import { inject } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { Store } from '../../src/store/types.js';
import { testConfig } from './fixtures.js';

/**
 * The run's lexical-only index over the real corpus (see shared-folders-setup.ts). The first test to
 * open it builds it, under the build lock other processes wait on; tests only read it.
 */
const lexicalConfig = (): Config => testConfig(inject('lexicalIndexDir'), { DENSE: 'off' });

/** The run's lexical-only index over the real corpus, with its answerer. */
export async function lexicalAnswerer(): Promise<{ answerer: Answerer; store: Store; config: Config; cleanup: () => Promise<void> }> {
  const config = lexicalConfig();
  const app = await createApp(config);
  return { answerer: app.answerer, store: app.store, config, cleanup: () => app.close() };
}

/** The run's lexical-only index over the real corpus, and the env that points the CLIs at it. */
export async function lexicalIndexEnv(): Promise<Record<string, string>> {
  const config = lexicalConfig();
  await (await createApp(config)).close();
  return { CORPUS_DIR: config.corpusDir, INDEX_DIR: config.indexDir, DENSE: 'off' };
}

import dotenv from 'dotenv';
import { createAnswerer, type Answerer } from '../answer/answerer.js';
import { loadConfig, type Config } from '../config.js';
import { openIndex, type OpenedIndex } from '../ingest/open.js';
import { createSearcher } from '../search/searcher.js';

/** Exit codes shared by the command-line tools (documented in the README). */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export function readConfig(): Config {
  dotenv.config({ quiet: true });
  return loadConfig();
}

export interface AskContext {
  config: Config;
  index: OpenedIndex;
  answerer: Answerer;
}

/** Loads (or builds) the index and wires searcher and answerer; notes go to stderr. */
export async function openAskContext(config: Config, note: (line: string) => void): Promise<AskContext> {
  const index = await openIndex(config, {
    onRebuild: (reason) => note(`${reason.replace(/ Run `npm run ingest`.*$/, '')} Building it now…`),
  });
  if (index.lexicalReason) note(`Dense retrieval is off (${index.lexicalReason}); answering with lexical search only.`);
  const searcher = createSearcher({ store: index.store, embedder: index.embedder });
  return { config, index, answerer: createAnswerer({ store: index.store, searcher, settings: config.answer }) };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import type { Command } from 'commander';
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
  if (index.notice) note(index.notice);
  const searcher = createSearcher({ store: index.store, embedder: index.embedder });
  return { config, index, answerer: createAnswerer({ store: index.store, searcher, settings: config.answer }) };
}

/**
 * A usage error (unknown option, missing argument) prints one line with `hint` and exits 2;
 * exit 1 stays reserved for index and corpus failures. Help exits 0.
 */
export function exitOnUsageError(program: Command, hint: string): void {
  program
    .configureOutput({ outputError: (message, write) => write(`${message.trimEnd()} (${hint})\n`) })
    .exitOverride((error) => process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.badInput));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

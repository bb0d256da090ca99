import dotenv from 'dotenv';
import { createAnswerer, type Answerer } from './answer/answerer.js';
import { verbatimAnswerer } from './answer/verbatim.js';
import { loadConfig, type Config } from './config.js';
import { createSourceCheck } from './corpus/source-check.js';
import { createEmbedder, type Embedder } from './embed/embedder.js';
import { openSifEmbedder, sifExpectation } from './embed/sif-index.js';
import { AppError, isAppError } from './errors.js';
import type { IngestOptions } from './ingest/ingest.js';
import { RETRIEVAL_SETTINGS, type RetrievalSettings } from './search/retrieval-settings.js';
import { createSearcher, type Searcher } from './search/searcher.js';
import { loadWordVectors, type WordVectors } from './search/word-vectors.js';
import { createStore } from './store/create-store.js';
import { chunkingFingerprint, corpusFingerprint, staleReason } from './store/manifest.js';
import type { Store, StoreBackend, StoreEvents, StoreExpectations } from './store/types.js';

export type RetrievalMode = 'hybrid' | 'lexical';

/** The application, wired once for every surface: CLI, bot, eval and bench. */
export interface App {
  config: Config;
  backend: StoreBackend;
  store: Store;
  embedder: Embedder | null;
  mode: RetrievalMode;
  /** Why retrieval is lexical only, in one line a user can act on. */
  lexicalReason?: string;
  /**
   * What a user should be told once: that an index was just built without dense retrieval, or that
   * a dense index cannot be used because its model is gone. Absent when nothing changed.
   */
  notice?: string;
  /**
   * Why the reports as they stand now were not indexed (CORPUS_REFUSED: a manifest problem, a
   * failed build); the app then answers from the last good index. Absent when the index fits.
   */
  corpusRefused?: AppError;
  searcher: Searcher;
  answerer: Answerer;
  close(): Promise<void>;
}

export interface AppOptions extends Pick<IngestOptions, 'embedder' | 'onEmbedStart' | 'onEmbedProgress'> {
  /** Told once, before a rebuild starts, why it is needed. */
  onRebuild?: (reason: string) => void;
  /** Loads the query embedder for a dense index; defaults to the configured transformers.js model. */
  loadEmbedder?: () => Promise<Embedder>;
  /** The index backend; the one `STORE` names by default. */
  backend?: StoreBackend;
  /** Retrieval and fusion settings; `RETRIEVAL_SETTINGS` by default. */
  retrieval?: RetrievalSettings;
  /** Told when the index turns out damaged while it is read (a passage that differs from what was written): that passage is not quoted, and the next open rebuilds. */
  onDamage?: (message: string) => void;
}

/**
 * Opens the index for the current corpus and settings and wires search and answers. A missing,
 * stale or damaged index is rebuilt (never used), after `onRebuild` says why; when several
 * processes find it so at once, one builds and the others wait and use its index. When the
 * reports have changed but cannot be indexed (a refused manifest, a failed build), the last good
 * index is used and `corpusRefused` says why.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const backend = options.backend ?? createStore(config);
  const retrieval = options.retrieval ?? RETRIEVAL_SETTINGS;
  const expected = await expectationsFor(config, retrieval);
  let store: Store;
  let built: { embedder: Embedder | null; reason?: string } | null = null;
  let corpusRefused: AppError | undefined;
  const events = { onDamage: (detail: string) => options.onDamage?.(new AppError('INDEX_QUOTE_MISMATCH', { dir: backend.location, detail }).message) };
  try {
    store = await backend.open(expected, events);
  } catch (error) {
    if (!isAppError(error) || !['INDEX_MISSING', 'INDEX_STALE', 'INDEX_CORRUPT'].includes(error.code)) throw error;
    options.onRebuild?.(error.message);
    const refused = await backend.readManifest().catch(() => null);
    try {
      // The ingest pipeline (readers, chunking, the embedder's batching) is loaded only to rebuild.
      const { ingest } = await import('./ingest/ingest.js');
      const result = await ingest(config, {
        ...options,
        retrieval,
        backend,
        // Another process may have published a fitting index while this one waited for the build lock.
        alreadyFresh: (live) => !!live && live.builtAt !== refused?.builtAt && staleReason(live, expected) === null,
      });
      store = await backend.open(expected, events);
      if (result.built) built = { embedder: result.embedder, ...(result.denseOffReason ? { reason: result.denseOffReason } : {}) };
    } catch (buildError) {
      const lastGood = isAppError(error, 'INDEX_STALE') ? await openLastGood(backend, expected, events) : null;
      if (!lastGood) throw buildError;
      store = lastGood;
      corpusRefused = new AppError('CORPUS_REFUSED', { dir: config.corpusDir, detail: oneLine(buildError), builtAt: lastGood.manifest.builtAt });
    }
  }

  let embedder: Embedder | null = null;
  let lexicalReason: string | undefined;
  let notice: string | undefined;
  if (!config.dense) lexicalReason = 'DENSE=off';
  else if (!store.hasVectors) {
    lexicalReason = built?.reason ?? store.manifest.denseOffReason ?? 'the index has no vectors';
    if (built) notice = denseOffNotice(lexicalReason);
  } else if (built?.embedder) {
    embedder = built.embedder;
  } else if (store.manifest.dense?.sif) {
    embedder = await openSifEmbedder(config, store.manifest.dense.sif, store.terms);
  } else {
    try {
      embedder = await (options.loadEmbedder ?? (() => createEmbedder(config.model)))();
    } catch (error) {
      if (!isAppError(error, 'MODEL_UNAVAILABLE')) throw error;
      lexicalReason = error.message;
      notice = denseOffNotice(error.message);
    }
  }

  const searcher = createSearcher({ store, embedder, settings: retrieval });
  const sourceCheck = createSourceCheck(config.corpusDir, store.documents, config.reading);
  const answerer = verbatimAnswerer(
    createAnswerer({ store, searcher, settings: config.answer, wordVectors: () => openWordVectors(config.answer.wordVectors, config.cacheDir) }),
    sourceCheck,
    events.onDamage,
  );
  return {
    config,
    backend,
    store,
    embedder,
    mode: embedder ? 'hybrid' : 'lexical',
    ...(lexicalReason ? { lexicalReason } : {}),
    ...(notice ? { notice } : {}),
    ...(corpusRefused ? { corpusRefused } : {}),
    searcher,
    answerer,
    async close() {
      await sourceCheck.close();
      await store.close();
      await backend.close();
    },
  };
}

/**
 * The live index when it differs from what is expected only in the corpus it was built from: the
 * last good index, for when the corpus as it stands cannot be indexed. Null otherwise.
 */
async function openLastGood(backend: StoreBackend, expected: StoreExpectations, events: StoreEvents): Promise<Store | null> {
  const live = await backend.readManifest().catch(() => null);
  if (!live) return null;
  const asBuilt = { ...expected, corpusHash: live.corpusHash };
  if (staleReason(live, asBuilt) !== null) return null;
  return backend.open(asBuilt, events).catch(() => null);
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** The configured word vectors; a file that cannot be read costs only their help, said once on stderr. */
export async function openWordVectors(file: string | null, cacheDir?: string): Promise<WordVectors | null> {
  if (!file) return null;
  try {
    return await loadWordVectors(file, cacheDir);
  } catch (error) {
    process.stderr.write(`Word vectors unavailable (${(error as Error).message}); everyday words outside data/lexicon.yaml are not matched. Set WORD_VECTORS=off to silence this.\n`);
    return null;
  }
}

/** One short line for stderr: why answers come from lexical search only, and where to read more. */
export function denseOffNotice(reason: string): string {
  return `Dense retrieval is off (${reason}); lexical search only. See README, "The embedding model".`;
}

/** The configuration from the environment and a `.env` file in the working directory, for entry points. */
export function readConfig(): Config {
  dotenv.config({ quiet: true });
  return loadConfig();
}

/** What the configured corpus and settings ask of an index. */
export async function expectationsFor(config: Config, retrieval: RetrievalSettings = RETRIEVAL_SETTINGS): Promise<StoreExpectations> {
  return {
    corpusHash: await corpusFingerprint(config.corpusDir),
    chunkingHash: chunkingFingerprint(config.chunking),
    model: config.dense ? config.model.id : null,
    sif: await sifExpectation(config, retrieval),
    efSearch: config.hnsw.efSearch,
  };
}

/**
 * `createApp` for a surface that reports to a person: why a rebuild happens, the dense notice and
 * a refused corpus, each once; damage found while answering goes to `onDamage` (`note` by default).
 */
export async function openApp(config: Config, note: (line: string) => void, onDamage: (message: string) => void = note): Promise<App> {
  const app = await createApp(config, {
    onRebuild: (reason) => note(`${reason.replace(/ Run `npm run ingest`.*$/, '')} Building it now…`),
    onDamage,
  });
  if (app.notice) note(app.notice);
  if (app.corpusRefused) note(app.corpusRefused.message);
  return app;
}

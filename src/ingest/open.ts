import type { Config } from '../config.js';
import { createEmbedder, type Embedder } from '../embed/embedder.js';
import { isAppError } from '../errors.js';
import { chunkingFingerprint, corpusFingerprint } from '../store/manifest.js';
import { loadStore, type Store } from '../store/store.js';
import { ingest, type IngestOptions } from './ingest.js';

export type RetrievalMode = 'hybrid' | 'lexical';

export interface OpenedIndex {
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
}

export interface OpenOptions extends IngestOptions {
  /** Told once, before a rebuild starts, why it is needed. */
  onRebuild?: (reason: string) => void;
  /** Loads the query embedder for a dense index; defaults to the configured transformers.js model. */
  loadEmbedder?: () => Promise<Embedder>;
}

/**
 * Loads the index for the current corpus and settings. A missing, stale or damaged index is
 * rebuilt (never used), after `onRebuild` says why.
 */
export async function openIndex(config: Config, options: OpenOptions = {}): Promise<OpenedIndex> {
  const expectations = {
    corpusHash: await corpusFingerprint(config.corpusDir),
    chunkingHash: chunkingFingerprint(config.chunking),
    model: config.dense ? config.model.id : null,
    efSearch: config.hnsw.efSearch,
  };
  let store: Store;
  try {
    store = await loadStore(config.indexDir, expectations);
  } catch (error) {
    if (!isAppError(error) || !['INDEX_MISSING', 'INDEX_STALE', 'INDEX_CORRUPT'].includes(error.code)) throw error;
    options.onRebuild?.(error.message);
    const built = await ingest(config, options);
    const opened = describe(built.store, built.embedder, built.denseOffReason);
    return opened.lexicalReason && config.dense ? { ...opened, notice: denseOffNotice(opened.lexicalReason) } : opened;
  }

  if (!config.dense) return describe(store, null, 'DENSE=off');
  if (!store.manifest.dense) return describe(store, null, store.manifest.denseOffReason);
  try {
    const embedder = await (options.loadEmbedder ?? (() => createEmbedder(config.model)))();
    return describe(store, embedder);
  } catch (error) {
    if (!isAppError(error, 'MODEL_UNAVAILABLE')) throw error;
    return { ...describe(store, null, error.message), notice: denseOffNotice(error.message) };
  }
}

/** One short line for stderr: why answers come from lexical search only, and where to read more. */
export function denseOffNotice(reason: string): string {
  return `Dense retrieval is off (${reason}); lexical search only. See README, "The embedding model".`;
}

function describe(store: Store, embedder: Embedder | null, reason?: string): OpenedIndex {
  const usable = embedder && store.vectors ? embedder : null;
  return {
    store,
    embedder: usable,
    mode: usable ? 'hybrid' : 'lexical',
    ...(usable ? {} : { lexicalReason: reason ?? 'the index has no vectors' }),
  };
}

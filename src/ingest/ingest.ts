import { loadCorpus } from '../corpus/load.js';
import type { Config } from '../config.js';
import { createEmbedder, type Embedder } from '../embed/embedder.js';
import { isAppError } from '../errors.js';
import { buildLexicalIndex } from '../store/lexical-index.js';
import { chunkingFingerprint, corpusFingerprint, INDEX_FORMAT } from '../store/manifest.js';
import { saveStore, type Store } from '../store/store.js';
import { buildVectorIndex, type VectorIndex } from '../store/vector-index.js';
import { tokenize } from '../text/tokenize.js';

export interface IngestOptions {
  /** A ready embedder (tests, benchmarks); `null` forces lexical only; absent: load the configured model. */
  embedder?: Embedder | null;
  onEmbedStart?: (total: number) => void;
  onEmbedProgress?: (done: number) => void;
}

export interface IngestResult {
  store: Store;
  /** The embedder used, kept so callers can answer questions without loading the model again. */
  embedder: Embedder | null;
  /** Why the index has no dense part, when it has none. */
  denseOffReason?: string;
  timings: { corpusMs: number; lexicalMs: number; embedMs: number; hnswMs: number; writeMs: number; totalMs: number };
}

/** corpus -> clean/chunk -> lexical index -> (embed -> HNSW) -> atomic write. */
export async function ingest(config: Config, options: IngestOptions = {}): Promise<IngestResult> {
  const clock = stopwatch();
  const corpus = await loadCorpus(config.corpusDir, config.chunking);
  const corpusHash = await corpusFingerprint(config.corpusDir);
  const corpusMs = clock.lap();

  const lexical = buildLexicalIndex(corpus.passages.map((p) => tokenize(`${p.section} ${p.text}`)));
  const lexicalMs = clock.lap();

  const { embedder, reason } = await resolveEmbedder(config, options.embedder);
  let vectors: VectorIndex | null = null;
  let embedMs = 0;
  let hnswMs = 0;
  if (embedder) {
    options.onEmbedStart?.(corpus.passages.length);
    const embedded = await embedder.embedPassages(corpus.passages.map((p) => p.text), options.onEmbedProgress);
    embedMs = clock.lap();
    vectors = buildVectorIndex(embedded, embedder.dimension, config.hnsw);
    hnswMs = clock.lap();
  }

  const manifest = {
    format: INDEX_FORMAT,
    builtAt: new Date().toISOString(),
    corpusHash,
    chunkingHash: chunkingFingerprint(config.chunking),
    counts: { documents: corpus.documents.length, passages: corpus.passages.length },
    dense: embedder
      ? {
          model: embedder.modelId,
          dtype: config.model.dtype,
          pooling: config.model.pooling,
          queryPrefix: config.model.queryPrefix,
          passagePrefix: config.model.passagePrefix,
          dimension: embedder.dimension,
          space: 'cosine' as const,
          m: config.hnsw.m,
          efConstruction: config.hnsw.efConstruction,
        }
      : null,
    ...(reason ? { denseOffReason: reason } : {}),
  };
  const documents = corpus.documents.map((d) => ({ ...d.meta, credits: d.credits }));
  await saveStore(config.indexDir, { manifest, documents, passages: corpus.passages, lexical, vectors });
  const writeMs = clock.lap();
  const store = { manifest: { ...manifest, files: {} }, documents, passages: corpus.passages, lexical, vectors };
  return {
    store,
    embedder,
    denseOffReason: reason,
    timings: { corpusMs, lexicalMs, embedMs, hnswMs, writeMs, totalMs: clock.total() },
  };
}

async function resolveEmbedder(config: Config, given: Embedder | null | undefined): Promise<{ embedder: Embedder | null; reason?: string }> {
  if (given !== undefined) return given ? { embedder: given } : { embedder: null, reason: 'dense retrieval was not requested' };
  if (!config.dense) return { embedder: null, reason: 'DENSE=off' };
  try {
    return { embedder: await createEmbedder(config.model) };
  } catch (error) {
    if (isAppError(error, 'MODEL_UNAVAILABLE')) return { embedder: null, reason: error.message };
    throw error;
  }
}

function stopwatch() {
  const start = performance.now();
  let last = start;
  return {
    lap() {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      return Math.round(elapsed);
    },
    total: () => Math.round(performance.now() - start),
  };
}

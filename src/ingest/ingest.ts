import { setFlagsFromString } from 'node:v8';
import { loadCorpus } from '../corpus/load.js';
import type { SkippedFile } from '../corpus/folder.js';
import { withCorpusLock } from '../corpus/lock.js';
import type { Config } from '../config.js';
import { createEmbedder, type Embedder } from '../embed/embedder.js';
import { fitSifOnPassages } from '../embed/sif-index.js';
import type { SifParameters } from '../embed/sif.js';
import { buildFigures } from '../figures/build.js';
import { isAppError } from '../errors.js';
import { RETRIEVAL_SETTINGS, type RetrievalSettings } from '../search/retrieval-settings.js';
import { createStore } from '../store/create-store.js';
import { collectTerms } from '../store/passage-terms.js';
import { chunkingFingerprint, corpusFingerprint, DENSE_NOT_REQUESTED, INDEX_FORMAT, type IndexManifest } from '../store/manifest.js';
import { yearsNamed } from '../store/scope-filter.js';
import type { StoreBackend, StoreBuild } from '../store/types.js';
import { INGEST_SETTINGS } from './settings.js';

export interface IngestOptions {
  /**
   * A ready embedder (tests, benchmarks); `null` forces lexical only; absent: load the configured
   * model, or without one fit SIF sentence vectors on the passages (unless `DENSE_FALLBACK=off`).
   */
  embedder?: Embedder | null;
  /** Retrieval settings (the SIF parameters); `RETRIEVAL_SETTINGS` by default. */
  retrieval?: RetrievalSettings;
  /** Where to publish; the backend `STORE` names by default. */
  backend?: StoreBackend;
  onEmbedStart?: (total: number) => void;
  onEmbedProgress?: (done: number) => void;
  /**
   * Asked under the build lock with the live index's manifest, before building: true when the
   * index another process has just published already fits, so this one need not build at all.
   */
  alreadyFresh?: (live: IndexManifest | null) => boolean;
}

export interface IngestResult {
  /** False when `alreadyFresh` said another process had just built what was needed. */
  built: boolean;
  counts: { documents: number; passages: number };
  /** One row per report indexed. */
  reports: Array<{ id: string; title: string; city: string; year: number; passages: number }>;
  /** Files that could not be read, and why. */
  skipped: SkippedFile[];
  /** The embedder used, kept so callers can answer questions without loading the model again. */
  embedder: Embedder | null;
  /** Why the index has no dense part, when it has none. */
  denseOffReason?: string;
  timings: { corpusMs: number; lexicalMs: number; embedMs: number; writeMs: number; totalMs: number };
}

/**
 * corpus (read holding the corpus lock) -> clean/chunk -> terms -> (embed) -> publish (write files
 * or rows, HNSW, atomic switch).
 */
export async function ingest(config: Config, options: IngestOptions = {}): Promise<IngestResult> {
  setFlagsFromString(`--heap-growing-percent=${INGEST_SETTINGS.heapGrowingPercent}`);
  const backend = options.backend ?? createStore(config);
  const clock = stopwatch();
  const timings = { corpusMs: 0, lexicalMs: 0, embedMs: 0, writeMs: 0, totalMs: 0 };
  let counts = { documents: 0, passages: 0 };
  let reports: IngestResult['reports'] = [];
  let skipped: IngestResult['skipped'] = [];
  let embedder: Embedder | null = null;
  let denseOffReason: string | undefined;

  const build = async (live: IndexManifest | null): Promise<StoreBuild | null> => {
    if (options.alreadyFresh?.(live)) return null;
    clock.lap();
    // Read as one state: no add or remove runs while the folder is read (the lock is not held while embedding).
    const { corpus, corpusHash } = await withCorpusLock(config.corpusDir, async () => ({
      corpus: await loadCorpus(config.corpusDir, config.chunking, config.reading),
      corpusHash: await corpusFingerprint(config.corpusDir),
    }));
    const passages = corpus.passages.map((p) => ({ ...p, years: yearsNamed(p.text) }));
    counts = { documents: corpus.documents.length, passages: passages.length };
    reports = corpus.documents.map((d) => ({ id: d.meta.id, title: d.meta.title, city: d.meta.city, year: d.meta.year, passages: d.passages.length }));
    skipped = corpus.skipped;
    timings.corpusMs = clock.lap();

    const terms = collectTerms(passages.map((p) => `${p.section} ${p.text}`));
    timings.lexicalMs = clock.lap();

    ({ embedder, reason: denseOffReason } = await resolveEmbedder(config, options.embedder));
    let vectors: Float32Array[] | null = null;
    let sif: SifParameters | undefined;
    const texts = passages.map((p) => p.text);
    if (embedder) {
      options.onEmbedStart?.(passages.length);
      vectors = await embedder.embedPassages(texts, options.onEmbedProgress);
    } else if (options.embedder === undefined && config.dense) {
      options.onEmbedStart?.(passages.length);
      const fitted = await fitSifOnPassages(config, options.retrieval ?? RETRIEVAL_SETTINGS, texts, terms, options.onEmbedProgress);
      if (fitted) {
        ({ embedder, passageVectors: vectors, parameters: sif } = fitted);
        denseOffReason = undefined;
      }
    }
    timings.embedMs = clock.lap();
    return {
      manifest: {
        format: INDEX_FORMAT,
        builtAt: new Date().toISOString(),
        corpusHash,
        chunkingHash: chunkingFingerprint(config.chunking),
        counts,
        dense: embedder
          ? {
              model: embedder.modelId,
              ...(sif ? { dtype: 'fp32', pooling: 'sif', queryPrefix: '', passagePrefix: '', sif } : modelSettings(config)),
              dimension: embedder.dimension,
              space: 'cosine' as const,
              m: config.hnsw.m,
              efConstruction: config.hnsw.efConstruction,
            }
          : null,
        ...(denseOffReason ? { denseOffReason } : {}),
      },
      documents: corpus.documents.map((d) => ({ ...d.meta, credits: d.credits, ...(d.pageStarts ? { pageStarts: d.pageStarts } : {}), ...(d.stamp ? { source: d.stamp } : {}) })),
      passages,
      terms,
      vectors,
      figures: buildFigures(passages, corpus.documents.map((d) => d.meta)),
    };
  };

  const built = await backend.publish(build);
  timings.writeMs = clock.lap();
  timings.totalMs = clock.total();
  if (!options.backend) await backend.close();
  return { built, counts, reports, skipped, embedder, ...(denseOffReason ? { denseOffReason } : {}), timings };
}

async function resolveEmbedder(config: Config, given: Embedder | null | undefined): Promise<{ embedder: Embedder | null; reason?: string }> {
  if (given !== undefined) return given ? { embedder: given } : { embedder: null, reason: DENSE_NOT_REQUESTED };
  if (!config.dense) return { embedder: null, reason: 'DENSE=off' };
  try {
    return { embedder: await createEmbedder(config.model) };
  } catch (error) {
    if (isAppError(error, 'MODEL_UNAVAILABLE')) return { embedder: null, reason: error.message };
    throw error;
  }
}

function modelSettings({ model }: Config) {
  return { dtype: model.dtype, pooling: model.pooling, queryPrefix: model.queryPrefix, passagePrefix: model.passagePrefix };
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

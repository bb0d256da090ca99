import { setFlagsFromString } from 'node:v8';
import { readCorpus } from '../corpus/load.js';
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
import { termCollector } from '../store/passage-terms.js';
import { chunkingFingerprint, corpusFingerprint, DENSE_NOT_REQUESTED, INDEX_FORMAT, type IndexManifest } from '../store/manifest.js';
import { yearsNamed } from '../store/scope-filter.js';
import type { IndexWriter, StoreBackend, StoreBuildEnd } from '../store/types.js';
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
  /**
   * Where the time went: reading, cleaning and chunking the reports and writing their passages
   * and figures; counting their terms (done report by report, beside the former); embedding;
   * writing what needs every report (postings, vectors with HNSW) and publishing.
   */
  timings: { corpusMs: number; lexicalMs: number; embedMs: number; writeMs: number; totalMs: number };
}

/**
 * corpus, a report at a time (read holding the corpus lock) -> clean/chunk -> terms -> write the
 * passages -> (embed, the texts read back) -> publish (postings, HNSW, atomic switch).
 */
export async function ingest(config: Config, options: IngestOptions = {}): Promise<IngestResult> {
  setFlagsFromString(`--heap-growing-percent=${INGEST_SETTINGS.heapGrowingPercent}`);
  const backend = options.backend ?? createStore(config);
  const clock = stopwatch();
  const timings = { corpusMs: 0, lexicalMs: 0, embedMs: 0, writeMs: 0, totalMs: 0 };
  let counts = { documents: 0, passages: 0 };
  const reports: IngestResult['reports'] = [];
  let skipped: IngestResult['skipped'] = [];
  let embedder: Embedder | null = null;
  let denseOffReason: string | undefined;

  const build = async (live: IndexManifest | null, writer: IndexWriter): Promise<StoreBuildEnd | null> => {
    if (options.alreadyFresh?.(live)) return null;
    clock.lap();
    const collector = termCollector();
    let termsMs = 0;
    // Each report is cleaned, chunked, counted and written before the next is read: a corpus of
    // thousands of reports is never in memory whole. Read as one state: no add or remove runs
    // while the folder is read (the lock is not held while embedding).
    const read = await withCorpusLock(config.corpusDir, async () => {
      const { skipped: notRead } = await readCorpus(config.corpusDir, config.chunking, config.reading, async ({ meta, credits, pageStarts, stamp, passages: chunked }) => {
        const passages = chunked.map((p) => ({ ...p, years: yearsNamed(p.text, meta.year) }));
        const started = performance.now();
        for (const p of passages) collector.add(`${p.section} ${p.text}`);
        termsMs += performance.now() - started;
        reports.push({ id: meta.id, title: meta.title, city: meta.city, year: meta.year, passages: passages.length });
        const stored = { ...meta, credits, ...(pageStarts ? { pageStarts } : {}), ...(stamp ? { source: stamp } : {}) };
        await writer.addReport(stored, passages, buildFigures(passages, [meta]));
      });
      return { skipped: notRead, corpusHash: await corpusFingerprint(config.corpusDir) };
    });
    skipped = read.skipped;
    counts = { documents: reports.length, passages: reports.reduce((n, r) => n + r.passages, 0) };
    timings.lexicalMs = Math.round(termsMs);
    timings.corpusMs = clock.lap() - timings.lexicalMs;
    const terms = collector.terms();

    ({ embedder, reason: denseOffReason } = await resolveEmbedder(config, options.embedder));
    let vectors: Float32Array[] | null = null;
    let sif: SifParameters | undefined;
    if (embedder) {
      options.onEmbedStart?.(counts.passages);
      vectors = await embedAll(embedder, writer.passageTexts(textsPerRead(config.model.batchSize)), options.onEmbedProgress);
    } else if (options.embedder === undefined && config.dense) {
      options.onEmbedStart?.(counts.passages);
      const texts = writer.passageTexts(INGEST_SETTINGS.textsPerRead);
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
        corpusHash: read.corpusHash,
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
      terms,
      vectors,
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

/** The model's vectors of every passage, its texts read back a few thousand at a time. */
async function embedAll(embedder: Embedder, texts: AsyncIterable<string[]>, onProgress?: (done: number) => void): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for await (const batch of texts) {
    const before = vectors.length;
    vectors.push(...(await embedder.embedPassages(batch, onProgress && ((done) => onProgress(before + done)))));
  }
  return vectors;
}

/** About `INGEST_SETTINGS.textsPerRead`, in whole model batches (the model sees the batches it saw when given every text at once). */
function textsPerRead(batchSize: number): number {
  return Math.max(1, Math.round(INGEST_SETTINGS.textsPerRead / batchSize)) * batchSize;
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

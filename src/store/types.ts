import type { PassageTerms } from './passage-terms.js';
import type { Credit } from '../corpus/clean.js';
import type { FileStamp } from '../corpus/folder.js';
import type { DocumentMeta, Passage } from '../corpus/types.js';
import type { Figure } from '../figures/types.js';
import type { IndexManifest } from './manifest.js';

export interface StoredDocument extends DocumentMeta {
  credits: Credit[];
  /** The report file as it was read for this index, to tell whether it changed since (see `corpus/source-check.ts`). */
  source?: FileStamp;
  /** For paged formats (PDF): where each page starts in the extracted text. */
  pageStarts?: number[];
}

/** A passage as stored: with the years its text names, which scoping needs. */
export interface StoredPassage extends Passage {
  years: number[];
}

export interface ScoredPassage {
  passageId: number;
  score: number;
  /** The passage itself, when the backend read it with the search (PostgreSQL: one round trip, not two). */
  passage?: StoredPassage;
}

/**
 * Which passages may answer, as data every backend can apply (in JavaScript or in SQL): a report
 * of one of `cities` (any when empty) that plans or reviews one of `years`, or a passage whose
 * text names one of them (any when empty). See `inScope`.
 */
export interface ScopeFilter {
  cities: string[];
  years: number[];
}

/** Corpus-wide term counts, kept in memory by every backend (tens of thousands of terms). */
export interface TermStatistics {
  readonly passageCount: number;
  /** Number of passages that contain `term`. */
  documentFrequency(term: string): number;
  /** BM25's inverse document frequency of a term (0 for unknown terms). */
  idf(term: string): number;
  /** Every indexed term. */
  terms(): Iterable<string>;
}

/** An opened index: what search and answer ask of it. Only the backend knows files, SQL or HNSW. */
export interface Store {
  readonly manifest: IndexManifest;
  readonly documents: StoredDocument[];
  readonly terms: TermStatistics;
  /** Whether passages carry vectors (a dense index). */
  readonly hasVectors: boolean;
  /** Passages by id, in the order asked. */
  passages(ids: number[]): Promise<StoredPassage[]>;
  /** Up to `limit` passages that follow `passage` in its report, in order (one read for all). */
  following(passage: Passage, limit: number): Promise<StoredPassage[]>;
  /** BM25 (k1 1.2, b 0.75) over the scoped passages, best `limit` first. */
  searchLexical(terms: string[], scope: ScopeFilter, limit: number): Promise<ScoredPassage[]>;
  /**
   * Both lists of a hybrid search in one call (PostgreSQL: one statement): the BM25 list as
   * `searchLexical` gives it, and the best `limit` by cosine similarity over the scoped passages
   * (`dense`, [] for a lexical-only index). With `lexicalSuffices`, a backend that brings passages
   * with the lists may leave out those only in the dense list when the lexical list has at least
   * that many (the caller knows they cannot rank among them).
   */
  searchHybrid(
    terms: string[],
    vector: Float32Array,
    scope: ScopeFilter,
    limit: number,
    options?: { lexicalSuffices?: number },
  ): Promise<{ lexical: ScoredPassage[]; dense: ScoredPassage[] }>;
  /** The figures table built at ingest (see `src/figures`), in report order. */
  figures(): Promise<Figure[]>;
  close(): Promise<void>;
}

/**
 * Where a build goes while ingest makes it, a report at a time: a large corpus is never held whole
 * (at 192k passages the passages, their sentences and the figures were most of a build's memory).
 */
export interface IndexWriter {
  /** A report, its passages (ids following on from the previous report's) and its figures. */
  addReport(document: StoredDocument, passages: StoredPassage[], figures: Figure[]): Promise<void>;
  /** The texts of every passage added, in id order, up to `size` at a time (for embedding them). */
  passageTexts(size: number): AsyncIterable<string[]>;
}

/** What a build knows once every report is in: the backend writes it and publishes. */
export interface StoreBuildEnd {
  manifest: Omit<IndexManifest, 'files'>;
  /** Index terms of each passage, by passage id. */
  terms: PassageTerms;
  /** One vector per passage, or null for a lexical-only index. */
  vectors: Float32Array[] | null;
}

/** A whole build, for a backend that writes it at once (PostgreSQL, in one transaction). */
export interface StoreBuild extends StoreBuildEnd {
  documents: StoredDocument[];
  passages: StoredPassage[];
  /** Every indicator statement of the reports. */
  figures: Figure[];
}

/** What an opened index tells its user while it is read. */
export interface StoreEvents {
  /**
   * Called when data read back is not what was written (a passage whose checksum differs): that
   * data is not used, and the index is marked so that the next open rebuilds it.
   */
  onDamage?: (detail: string) => void;
}

/** What a caller expects of an index; a mismatch means the index is stale. */
export interface StoreExpectations {
  corpusHash: string;
  chunkingHash: string;
  /** Model id that the dense part must have been built with, or `null` to accept any. */
  model: string | null;
  /** The SIF embedder the settings give, accepted in place of the model; `null` when SIF is off. */
  sif: { smoothing: number; wordVectors: string } | null;
  efSearch: number;
}

/**
 * A place indexes live (a folder, a database): builds are published there atomically and
 * serialized, and opened for reading.
 */
export interface StoreBackend {
  readonly kind: 'embedded' | 'postgres';
  /** Where, for messages: a folder or a database without its password. */
  readonly location: string;
  /** The live index's manifest, or null when there is none. Throws INDEX_CORRUPT on a damaged one. */
  readManifest(): Promise<IndexManifest | null>;
  /** Opens the live index; throws INDEX_MISSING, INDEX_STALE or INDEX_CORRUPT. */
  open(expected: StoreExpectations, events?: StoreEvents): Promise<Store>;
  /**
   * Runs `build` while holding the backend's build lock (other ingests wait; a killed holder does
   * not block them), then publishes it atomically. `build` gets the live index's manifest as it
   * stands under the lock and a writer for the reports, and returns what needs them all, or null to
   * publish nothing (the index another process just published already fits). Readers see the old
   * index until the new one is complete; a build that fails leaves nothing behind.
   */
  publish(build: (live: IndexManifest | null, writer: IndexWriter) => Promise<StoreBuildEnd | null>): Promise<boolean>;
  /**
   * Calls `onPublished` when an index may have been published since (by any process): a hint to
   * compare the live manifest's `builtAt` with the one open. Returns the function that stops watching.
   */
  watch(onPublished: () => void): () => Promise<void>;
  close(): Promise<void>;
}

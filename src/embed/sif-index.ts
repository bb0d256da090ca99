import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { RetrievalSettings } from '../search/retrieval-settings.js';
import { loadWordVectors } from '../search/word-vectors.js';
import type { PassageTerms } from '../store/passage-terms.js';
import type { StoreExpectations, TermStatistics } from '../store/types.js';
import type { Embedder } from './embedder.js';
import { createSifEmbedder, fitSif, type SifParameters } from './sif.js';

/**
 * SIF as the dense half of an index: which SIF the settings give (what an index is checked
 * against), fitting it on the passages at ingest, and the question embedder of an opened index.
 * p(w) is the share of passages whose index terms include w, so ingest (counting the terms it
 * indexes) and questions (the index's own document frequencies) weigh a word the same.
 */

/** The SIF embedder the configuration gives, or null when it is off or there are no word vectors. */
export async function sifExpectation(config: Config, settings: RetrievalSettings): Promise<StoreExpectations['sif']> {
  const file = config.answer.wordVectors;
  if (!config.dense || config.denseFallback !== 'sif' || !file) return null;
  const size = await stat(file).then((s) => s.size).catch(() => null);
  return size === null ? null : { smoothing: settings.sif.smoothing, wordVectors: `${path.basename(file)}:${size}` };
}

/** SIF fitted on the passages (their texts in batches): their vectors and the embedder for questions; null when SIF is off. */
export async function fitSifOnPassages(
  config: Config,
  settings: RetrievalSettings,
  texts: AsyncIterable<string[]>,
  terms: PassageTerms,
  onProgress?: (done: number) => void,
): Promise<{ embedder: Embedder; parameters: SifParameters; passageVectors: Float32Array[] } | null> {
  const expectation = await sifExpectation(config, settings);
  const passages = terms.lengths.length;
  if (!expectation || passages === 0) return null;
  const vectors = await loadWordVectors(config.answer.wordVectors!, config.cacheDir);
  const share = (word: string) => terms.documentFrequency(word) / passages;
  return fitSif(vectors, share, texts, settings.sif, expectation.wordVectors, onProgress);
}

/** The question embedder of an index whose vectors SIF made with `parameters`. */
export async function openSifEmbedder(config: Config, parameters: SifParameters, terms: TermStatistics): Promise<Embedder> {
  const vectors = await loadWordVectors(config.answer.wordVectors!, config.cacheDir);
  return createSifEmbedder(vectors, (word) => terms.documentFrequency(word) / Math.max(terms.passageCount, 1), parameters);
}

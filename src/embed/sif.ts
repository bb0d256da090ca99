import type { SifSettings } from '../search/retrieval-settings.js';
import type { WordVectors } from '../search/word-vectors.js';
import { normalizeText } from '../text/normalize.js';
import { cutWords } from '../text/tokenize.js';
import type { Embedder } from './embedder.js';

/**
 * Sentence vectors without a model: SIF (smooth inverse frequency; Arora, Liang and Ma, "A Simple
 * but Tough-to-Beat Baseline for Sentence Embeddings", ICLR 2017). A text's vector is the average
 * of its jieba words' vectors, each weighted a / (a + p(w)) so that words every passage uses count
 * little, minus its projection on the first principal component of the corpus's passage vectors
 * (the direction all of them share), scaled to unit length.
 */
export const SIF_EMBEDDER = 'sif';

/** What an index built with SIF records, and what a query embedder needs to match its passages. */
export interface SifParameters {
  smoothing: number;
  /** Unit first principal component of the passages' weighted averages. */
  component: number[];
  /** Which word vectors: file name and size. */
  wordVectors: string;
}

/** p(w): the share of the corpus's passages that use a word (0 for a word they never use). */
export type WordShare = (word: string) => number;

const HAS_LETTER = /\p{L}/u;

/** Whether SIF weighs a word: one with a letter (not a number or punctuation). */
function isSifWord(word: string): boolean {
  return HAS_LETTER.test(word) && word.trim() === word;
}

/** The words of a text as SIF weighs them: jieba's precise cut, lower-cased, without numbers and punctuation. */
export function sifWords(text: string): string[] {
  return cutWords(normalizeText(text).toLowerCase()).filter(isSifWord);
}

/** The query-side embedder of an index built with `parameters`. */
export function createSifEmbedder(vectors: WordVectors, share: WordShare, parameters: SifParameters): Embedder {
  const component = Float32Array.from(parameters.component);
  const average = weightedAverager(vectors, share, parameters.smoothing, component.length);
  const embed = (text: string) => unit(removeComponent(average(text), component));
  return {
    modelId: SIF_EMBEDDER,
    dimension: component.length,
    async embedPassages(texts, onProgress) {
      return texts.map((text, i) => {
        if ((i + 1) % 1000 === 0) onProgress?.(i + 1);
        return embed(text);
      });
    },
    async embedQuery(text) {
      return embed(text);
    },
  };
}

/**
 * Fits SIF on a corpus's passages, given a batch of texts at a time: their weighted averages, the
 * first principal component over them, and the passage vectors with it removed. Returns the
 * passage vectors and the embedder (with its parameters) that embeds questions to match them.
 */
export async function fitSif(
  vectors: WordVectors,
  share: WordShare,
  texts: AsyncIterable<string[]>,
  settings: SifSettings,
  wordVectors: string,
  onProgress?: (done: number) => void,
): Promise<{ embedder: Embedder; parameters: SifParameters; passageVectors: Float32Array[] }> {
  const average = weightedAverager(vectors, share, settings.smoothing, vectors.dimensions);
  const averages: Float32Array[] = [];
  let known = false;
  for await (const batch of texts) {
    for (const text of batch) {
      const vector = average(text);
      known ||= vector.some((x) => x !== 0);
      averages.push(vector);
      if (averages.length % 1000 === 0) onProgress?.(averages.length);
    }
  }
  if (averages.length > 0 && !known) throw new Error('the word vectors know no word of these passages');
  onProgress?.(averages.length);
  const component = firstPrincipalComponent(averages, settings.componentSample);
  const parameters: SifParameters = { smoothing: settings.smoothing, component: Array.from(component), wordVectors };
  return {
    embedder: createSifEmbedder(vectors, share, parameters),
    parameters,
    passageVectors: averages.map((vector) => unit(removeComponent(vector, component))),
  };
}

/** The SIF-weighted average of a text's word vectors (zero when it has no known word). */
function weightedAverager(vectors: WordVectors, share: WordShare, smoothing: number, dimension: number): (text: string) => Float32Array {
  // Each word's vector and weight, looked up once: a word recurs in thousands of passages.
  const known = new Map<string, { vector: Float32Array; weight: number } | null>();
  const lookUp = (word: string) => {
    let entry = known.get(word);
    if (entry === undefined) {
      const vector = vectors.vector(word);
      entry = vector ? { vector, weight: smoothing / (smoothing + share(word)) } : null;
      // Questions bring new words for ever; passages of one corpus a bounded vocabulary.
      if (known.size >= 200_000) known.clear();
      known.set(word, entry);
    }
    return entry;
  };
  return (text) => {
    const sum = new Float32Array(dimension);
    let words = 0;
    for (const word of sifWords(text)) {
      const entry = lookUp(word);
      if (!entry) continue;
      const { vector, weight } = entry;
      for (let d = 0; d < dimension; d++) sum[d] += weight * vector[d];
      words++;
    }
    if (words > 0) for (let d = 0; d < dimension; d++) sum[d] /= words;
    return sum;
  };
}

/**
 * The top right singular vector of the rows (uncentred, as in the paper), by power iteration on
 * their d × d second-moment matrix over at most `sample` evenly spread rows.
 */
export function firstPrincipalComponent(rows: Float32Array[], sample: number): Float32Array {
  const dimension = rows[0]?.length ?? 0;
  const moment = new Float64Array(dimension * dimension);
  const step = Math.max(1, Math.floor(rows.length / sample));
  for (let r = 0; r < rows.length; r += step) {
    const row = rows[r];
    for (let i = 0; i < dimension; i++) {
      const x = row[i];
      if (x === 0) continue;
      for (let j = 0; j < dimension; j++) moment[i * dimension + j] += x * row[j];
    }
  }
  let vector = new Float64Array(dimension).fill(1 / Math.sqrt(dimension || 1));
  for (let iteration = 0; iteration < 200; iteration++) {
    const next = new Float64Array(dimension);
    for (let i = 0; i < dimension; i++) {
      let sum = 0;
      for (let j = 0; j < dimension; j++) sum += moment[i * dimension + j] * vector[j];
      next[i] = sum;
    }
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    let change = 0;
    for (let i = 0; i < dimension; i++) {
      next[i] /= norm;
      change += Math.abs(next[i] - vector[i]);
    }
    vector = next;
    if (change < 1e-9) break;
  }
  return Float32Array.from(vector);
}

function removeComponent(vector: Float32Array, component: Float32Array): Float32Array {
  let projection = 0;
  for (let d = 0; d < vector.length; d++) projection += vector[d] * component[d];
  for (let d = 0; d < vector.length; d++) vector[d] -= projection * component[d];
  return vector;
}

/** Scaled to length 1; a zero vector (no known word) stays zero. */
function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d] /= norm;
  return vector;
}

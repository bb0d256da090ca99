import { createReadStream } from 'node:fs';
import { endianness } from 'node:os';
import { packageDataFile } from '../package-data.js';
import { isDictionaryWord } from '../text/dictionary.js';
import { compactFileFor, decodeCompact, encodeCompact, readCompact, writeCompact, type QuantizedVectors } from './compact-word-vectors.js';

/**
 * General Chinese word vectors (word2vec, 100 dimensions, about 126,000 words), as shipped in the
 * `node-synonyms` package's `data/words.vector`. Only that data file is read: the package's own code
 * and its native dependencies are not used (see the `overrides` in package.json).
 *
 * They answer one question: which words the reports use are closest in meaning to a word they never
 * use (饭堂 -> 食堂, 借书 -> 借阅, 茅房 -> 厕所). That is how "everyday words" beyond the lexicon reach report words.
 */
export interface WordVectors {
  /** Number of words the vectors know. */
  readonly size: number;
  /** Each vector's width. */
  readonly dimensions: number;
  /** The unit vector of a word (to about 1%), or undefined when it is not in the vocabulary. */
  vector(word: string): Float32Array | undefined;
}

/** A word of the reports close to a question word, with the cosine similarity of the two. */
export interface Neighbour {
  word: string;
  similarity: number;
}

/**
 * Report words nearest in meaning to `word`, best first; [] for one the vectors do not know, and for a
 * report word unless `ofReportWord` (an English word's rendering, which a report may say otherwise).
 * A colloquial noun in 子 the reports never use (场子) also has its root (场), when report words contain it;
 * a longer word ending in a word the reports use (穷学生, 大医院) has that word, its head.
 */
export type NeighbourFinder = (word: string, ofReportWord?: boolean) => Neighbour[];

/** Below this cosine similarity a neighbour is more often a related word (医院 for 看病) than a synonym. */
export const MIN_SIMILARITY = 0.5;
const MAX_NEIGHBOURS = 5;
/** 场子, 厂子, 管子: a colloquial noun of one character and the suffix 子 the reports never use. */
const SUFFIXED_NOUN = /^([\u3400-\u9fff])子$/;
/**
 * The similarity given to such a noun's root (场 of 场子), which report words containing it (球场,
 * 管网) then say in part: about as much as a word said only in part (`partPresence`).
 */
const ROOT_SIMILARITY = 0.71;
/** A particle people end a noun phrase with (吃低保的): the head is the word before it. */
const TRAILING_PARTICLE = /的$/;
/** Questions repeat their words (follow-ups, per-city clauses); look-ups are kept up to this many words. */
const CACHED_WORDS = 10_000;

/** Where the shipped vectors are, or undefined when the package is not installed. */
export function shippedVectorsFile(): string | undefined {
  return packageDataFile('node-synonyms', 'data', 'words.vector');
}

const loaded = new Map<string, Promise<WordVectors>>();
/** word2vec stores little-endian floats; on such a machine rows are copied as bytes. */
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * The word vectors of a word2vec binary file, once per process. With `cacheDir`, the file is
 * converted once into a compact form there (see compact-word-vectors.ts) and later loads open that
 * instead: a few milliseconds and 14 MB outside the heap, against 0.2 s of parsing for the shipped
 * 51 MB. Without it the file is parsed (a megabyte at a time) into the same Int8 rows.
 */
export function loadWordVectors(file: string, cacheDir?: string): Promise<WordVectors> {
  let vectors = loaded.get(file);
  if (!vectors) {
    vectors = cacheDir ? loadThroughCache(file, cacheDir) : readWord2vec(file).then(inMemory);
    loaded.set(file, vectors);
  }
  return vectors;
}

async function loadThroughCache(file: string, cacheDir: string): Promise<WordVectors> {
  const compact = await compactFileFor(file, cacheDir);
  const cached = await readCompact(compact);
  if (cached) return cached;
  const data = encodeCompact(await readWord2vec(file));
  // An unwritable cache costs only the next start's parsing.
  await writeCompact(compact, data).catch(() => undefined);
  return decodeCompact(data, compact);
}

async function readWord2vec(file: string): Promise<QuantizedVectors> {
  const parser = word2vecParser(file);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) parser.push(chunk as Buffer);
  return parser.end();
}

/**
 * word2vec's binary format: a header line "<count> <dimensions>", then for each word its UTF-8
 * spelling, a space and `dimensions` little-endian float32 values (optionally followed by a newline).
 */
export function parseWord2vec(data: Buffer, source = 'word vectors'): WordVectors {
  return inMemory(parseWord2vecRows(data, source));
}

/** The rows of a word2vec file as this module keeps them (unit vectors × 127 as Int8, the first row of a repeated word). */
export function parseWord2vecRows(data: Buffer, source = 'word vectors'): QuantizedVectors {
  const parser = word2vecParser(source);
  parser.push(data);
  return parser.end();
}

function inMemory({ dimensions, rows, values }: QuantizedVectors): WordVectors {
  return {
    size: rows.size,
    dimensions,
    vector(word) {
      const at = rows.get(word);
      if (at === undefined) return undefined;
      const vector = new Float32Array(dimensions);
      for (let d = 0; d < dimensions; d++) vector[d] = values[at * dimensions + d] / 127;
      return vector;
    },
  };
}

/** Takes the file in pieces of any size, so that it is never in memory whole. */
function word2vecParser(source: string): { push(chunk: Buffer): void; end(): QuantizedVectors } {
  let pending: Buffer = Buffer.alloc(0);
  let count = 0;
  let dimensions = 0;
  let row = 0;
  // Kept as bytes (unit vectors times 127): 13 MB instead of 50 MB, cosines within about 0.01.
  let values = new Int8Array(0);
  let row32 = new Float32Array(0);
  const rows = new Map<string, number>();

  const readHeader = (): number => {
    const headerEnd = pending.indexOf(10);
    if (headerEnd < 0) return -1;
    [count, dimensions] = pending.subarray(0, headerEnd).toString('ascii').trim().split(/\s+/).map(Number);
    if (!Number.isInteger(count) || !Number.isInteger(dimensions) || count <= 0 || dimensions <= 0) {
      throw new Error(`${source} is not a word2vec binary file (header "${pending.subarray(0, Math.min(headerEnd, 40)).toString('latin1')}")`);
    }
    values = new Int8Array(count * dimensions);
    row32 = new Float32Array(dimensions);
    return headerEnd + 1;
  };

  const readRows = (from: number): number => {
    let at = from;
    const rowBytes = new Uint8Array(row32.buffer);
    while (row < count) {
      let start = at;
      while (pending[start] === 10 || pending[start] === 32) start++;
      const space = pending.indexOf(32, start);
      if (space < 0 || space + 1 + dimensions * 4 > pending.length) break;
      const word = pending.toString('utf8', start, space);
      const floats = space + 1;
      if (LITTLE_ENDIAN) pending.copy(rowBytes, 0, floats, floats + dimensions * 4);
      else for (let d = 0; d < dimensions; d++) row32[d] = pending.readFloatLE(floats + d * 4);
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += row32[d] * row32[d];
      const scale = 127 / (Math.sqrt(norm) || 1);
      for (let d = 0; d < dimensions; d++) values[row * dimensions + d] = Math.round(row32[d] * scale);
      if (!rows.has(word)) rows.set(word, row);
      row++;
      at = floats + dimensions * 4;
    }
    return at;
  };

  return {
    push(chunk) {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      if (dimensions === 0 && (at = readHeader()) < 0) return;
      pending = pending.subarray(readRows(at));
    },
    end() {
      if (dimensions === 0) throw new Error(`${source} is not a word2vec binary file (no header line)`);
      if (row < count) throw new Error(`${source} ends after ${row} of ${count} words`);
      return { dimensions, rows, values };
    },
  };
}

/**
 * Finds, for a word outside `vocabulary` (the reports' words), the closest words of it: at most
 * five, each at least `MIN_SIMILARITY` close. A word the reports use needs no stand-in. The
 * vocabulary's vectors are gathered once, so a look-up is one pass over a few thousand rows.
 */
export function createNeighbourFinder(vectors: WordVectors, vocabulary: Iterable<string>): NeighbourFinder {
  const words: string[] = [];
  const found: Float32Array[] = [];
  const reportWords = new Set(vocabulary);
  /** Whether a report word holds a character (球场 holds 场). */
  const saidWithin = (character: string) => {
    for (const word of reportWords) if (word.includes(character)) return true;
    return false;
  };
  for (const word of reportWords) {
    const vector = vectors.vector(word);
    if (vector) {
      words.push(word);
      found.push(vector);
    }
  }
  const dimensions = found[0]?.length ?? 0;
  const matrix = new Float32Array(words.length * dimensions);
  found.forEach((vector, row) => matrix.set(vector, row * dimensions));
  const own = new Set(words);
  const cache = new Map<string, Neighbour[]>();
  return (word, ofReportWord = false) => {
    // A word the reports never use has the same neighbours either way: one entry serves both.
    const key = ofReportWord && own.has(word) ? `${word}\u0000own` : word;
    const cached = cache.get(key);
    if (cached) return cached;
    const query = vectors.vector(word);
    const near: Neighbour[] = [];
    if (query && (ofReportWord || !own.has(word))) {
      for (let row = 0, at = 0; row < words.length; row++, at += dimensions) {
        let similarity = 0;
        for (let d = 0; d < dimensions; d++) similarity += query[d] * matrix[at + d];
        if (similarity >= MIN_SIMILARITY && words[row] !== word) near.push({ word: words[row], similarity });
      }
      near.sort((a, b) => b.similarity - a.similarity).splice(MAX_NEIGHBOURS);
    }
    const unsaid = !reportWords.has(word);
    const root = unsaid && word.match(SUFFIXED_NOUN)?.[1];
    if (root && saidWithin(root)) near.push({ word: root, similarity: ROOT_SIMILARITY });
    const head = unsaid && headOf(word, reportWords);
    if (head && !near.some((n) => n.word === head)) near.push({ word: head, similarity: ROOT_SIMILARITY });
    if (cache.size >= CACHED_WORDS) cache.clear();
    cache.set(key, near);
    return near;
  };
}

/**
 * The longest report word of two or more characters a longer word ends in, its particle left out
 * (医院 of 大医院, 低保 of 吃低保的): a Chinese compound names its head last. Only a dictionary word,
 * not any two characters the reports happen to have side by side.
 */
function headOf(word: string, reportWords: Set<string>): string | undefined {
  const stem = word.replace(TRAILING_PARTICLE, '');
  for (let cut = 1; cut <= stem.length - 2; cut++) {
    const head = stem.slice(cut);
    if (reportWords.has(head) && isDictionaryWord(head)) return head;
  }
  return undefined;
}

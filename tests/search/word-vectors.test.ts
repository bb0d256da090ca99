import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactFileFor, decodeCompact, encodeCompact, readCompact } from '../../src/search/compact-word-vectors.js';
import { createNeighbourFinder, loadWordVectors, MIN_SIMILARITY, parseWord2vec, parseWord2vecRows, shippedVectorsFile } from '../../src/search/word-vectors.js';
import { seededRandom } from '../support/random.js';

/** A word2vec binary file: header, then each word, a space and its float32 values. */
function word2vec(entries: Array<[string, number[]]>, { newlines = true } = {}): Buffer {
  const dimensions = entries[0][1].length;
  const parts = [Buffer.from(`${entries.length} ${dimensions}\n`)];
  for (const [word, values] of entries) {
    const floats = Buffer.alloc(dimensions * 4);
    values.forEach((v, i) => floats.writeFloatLE(v, i * 4));
    parts.push(Buffer.from(`${word} `), floats, Buffer.from(newlines ? '\n' : ''));
  }
  return Buffer.concat(parts);
}

const ENTRIES: Array<[string, number[]]> = [
  ['食堂', [1, 0, 0]],
  ['饭堂', [0.9, 0.3, 0]],
  ['医院', [0, 1, 0]],
  ['天气', [0.2, 0, 1]],
];

describe('word vectors', () => {
  it('reads the word2vec binary format, with or without newlines between rows, as unit vectors (to about 1%)', () => {
    for (const newlines of [true, false]) {
      const vectors = parseWord2vec(word2vec(ENTRIES, { newlines }));
      expect(vectors.size).toBe(4);
      const rice = vectors.vector('饭堂')!;
      expect(Math.hypot(...rice)).toBeCloseTo(1, 1);
      expect(Math.abs(Math.hypot(...rice) - 1)).toBeLessThan(0.01);
      expect(rice[0] / rice[1]).toBeCloseTo(3, 1);
      expect(vectors.vector('机场')).toBeUndefined();
    }
  });

  it('refuses a file that is not word2vec binary, or is cut short, naming it', () => {
    expect(() => parseWord2vec(Buffer.from('hello world\n'), 'words.vector')).toThrow(/words\.vector is not a word2vec binary file/);
    const whole = word2vec(ENTRIES);
    expect(() => parseWord2vec(whole.subarray(0, whole.length - 10), 'words.vector')).toThrow(/ends after 3 of 4 words/);
  });

  it("finds a report word near a word the reports never use, and none for the reports' own words", () => {
    const near = createNeighbourFinder(parseWord2vec(word2vec(ENTRIES)), ['食堂', '医院', '天气']);
    const found = near('饭堂');
    expect(found.map((n) => n.word)).toEqual(['食堂']);
    expect(found[0].similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(near('食堂')).toEqual([]);
    expect(near('机场')).toEqual([]);
  });

  it('gives a colloquial noun in 子 the reports never use (场子) its root, which report words contain (足球场)', () => {
    const near = createNeighbourFinder(parseWord2vec(word2vec(ENTRIES)), ['食堂', '足球场', '医院']);
    expect(near('场子').map((n) => n.word)).toEqual(['场']);
    expect(near('院子').map((n) => n.word)).toEqual(['院']);
    expect(near('厂子')).toEqual([]);
  });

  it('gives a longer word the reports never use the dictionary word of the reports it ends in (大医院: 医院; 吃低保的: 低保), and not two characters that are no word', () => {
    const near = createNeighbourFinder(parseWord2vec(word2vec(ENTRIES)), ['食堂', '医院', '低保', '院食']);
    expect(near('大医院')).toEqual([{ word: '医院', similarity: expect.any(Number) }]);
    expect(near('吃低保的').map((n) => n.word)).toEqual(['低保']);
    expect(near('大院食')).toEqual([]);
    expect(near('医院')).toEqual([]);
  });

  it("finds, asked for a report word's own neighbours (an English word's rendering), the other report words near it", () => {
    const near = createNeighbourFinder(parseWord2vec(word2vec(ENTRIES)), ['食堂', '饭堂', '医院']);
    expect(near('食堂')).toEqual([]);
    expect(near('食堂', true).map((n) => n.word)).toEqual(['饭堂']);
  });

  it('loads a file once per process', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vectors-'));
    try {
      const file = path.join(dir, 'words.vector');
      await writeFile(file, word2vec(ENTRIES));
      expect(loadWordVectors(file)).toBe(loadWordVectors(file));
      expect((await loadWordVectors(file)).size).toBe(4);
      await expect(loadWordVectors(path.join(dir, 'missing.vector'))).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ships general Chinese vectors that know everyday words', async () => {
    const vectors = await loadWordVectors(shippedVectorsFile()!);
    expect(vectors.size).toBeGreaterThan(100_000);
    const near = createNeighbourFinder(vectors, ['食堂', '医院', '道路', '厕所', '借阅', '图书']);
    expect(near('饭堂')[0].word).toBe('食堂');
    expect(near('借书')[0].word).toBe('借阅');
  });

  describe('compact form', () => {
    /** A few hundred words of our own, some multi-byte, some sharing prefixes, with seeded vectors in 8 dimensions. */
    const words = Array.from({ length: 300 }, (_, i) => ['食堂', '饭堂', '医院', 'a', 'ab', 'abc', '公园绿地', 'z'][i % 8] + (i < 8 ? '' : String(i)));
    const random = seededRandom(5);
    const entries: Array<[string, number[]]> = words.map((word) => [word, Array.from({ length: 8 }, () => random() * 2 - 1)]);
    const vocabulary = words.filter((_, i) => i % 3 === 0);
    const questionWords = [...words.filter((_, i) => i % 3 !== 0), '机场', ''];

    it('finds every word with the same vector, and the same neighbours, as the word2vec file', () => {
      const text = parseWord2vec(word2vec(entries));
      const compact = decodeCompact(encodeCompact(parseWord2vecRows(word2vec(entries))));
      expect(compact.size).toBe(text.size);
      for (const word of [...words, '机场', 'abcd', '']) expect(compact.vector(word)).toEqual(text.vector(word));
      const fromText = createNeighbourFinder(text, vocabulary);
      const fromCompact = createNeighbourFinder(compact, vocabulary);
      for (const word of questionWords) expect(fromCompact(word)).toEqual(fromText(word));
    });

    it('is written to the cache folder on first load, read from there later, and keyed by the source file', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'vectors-'));
      try {
        const file = path.join(dir, 'words.vector');
        const cache = path.join(dir, 'cache');
        await writeFile(file, word2vec(entries));
        const loaded = await loadWordVectors(file, cache);
        const compact = await compactFileFor(file, cache);
        expect(await readdir(cache)).toEqual([path.basename(compact)]);
        expect((await stat(compact)).size).toBeLessThan((await stat(file)).size / 2);
        const reopened = (await readCompact(compact))!;
        for (const word of words) expect(reopened.vector(word)).toEqual(loaded.vector(word));

        const { mtime } = await stat(file);
        await utimes(file, mtime, new Date(mtime.getTime() + 1000));
        expect(await compactFileFor(file, cache)).not.toBe(compact);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('refuses bytes that are not a compact file, or a cut one', () => {
      expect(() => decodeCompact(Buffer.from('not vectors at all'), 'x.i8')).toThrow(/x\.i8 is not a compact word vector file/);
      const whole = encodeCompact(parseWord2vecRows(word2vec(entries)));
      expect(() => decodeCompact(whole.subarray(0, whole.length - 3), 'x.i8')).toThrow(/truncated/);
    });
  });
});

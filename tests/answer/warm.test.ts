import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WordVectors } from '../../src/search/word-vectors.js';
import { smallCorpusApp } from '../support/small-corpus.js';

let context: Awaited<ReturnType<typeof smallCorpusApp>>;
beforeAll(async () => {
  context = await smallCorpusApp();
});
afterAll(() => context.cleanup());

const vectors: WordVectors = { size: 2, dimensions: 2, vector: (word) => (word === '公园' || word === '绿地' ? Float32Array.of(1, 0) : undefined) };

describe('warm start', () => {
  it('loads everything before the first question, so the first answers load nothing', async () => {
    const loads: string[] = [];
    const answerer = context.answererWith({ wordVectors: async () => vectors, onLoad: (what) => loads.push(what) });
    await answerer.warm();
    expect(loads.sort()).toEqual(['report words', 'report words by pinyin', 'word vectors']);
    loads.length = 0;
    for (const question of ['甲市2025年新建多少个绿地？', '甲市2025年城镇新增就业目标是多少？', 'How many parks did Jia build?', '甲市2025年新建公圆多少个？']) await answerer.answer(question);
    expect(loads).toEqual([]);
  });

  it('without warming, the first questions load what they need', async () => {
    const loads: string[] = [];
    const answerer = context.answererWith({ wordVectors: async () => vectors, onLoad: (what) => loads.push(what) });
    for (const question of ['甲市2025年新建多少个绿地？', 'How many parks did Jia build?']) await answerer.answer(question);
    expect(loads.length).toBeGreaterThan(0);
  });
});

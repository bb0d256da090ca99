import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/embedder.js';
import { readQuestion } from '../support/reader.js';
import { createSearcher } from '../../src/search/searcher.js';
import { createApp } from '../../src/app.js';
import type { Store } from '../../src/store/types.js';
import { tempDir, tinyEmbedder } from '../support/fixtures.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: Store;
let embedder: Embedder;
let close: () => Promise<void>;

beforeAll(async () => {
  dir = await tempDir();
  const made = await tinyEmbedder(dir.dir);
  embedder = made.embedder;
  const app = await createApp(made.config, { embedder, loadEmbedder: async () => embedder });
  store = app.store;
  close = () => app.close();
});
afterAll(async () => {
  await close();
  await dir.cleanup();
});

describe('hybrid searcher', () => {
  it('fuses dense and lexical results and reports hybrid mode', async () => {
    const searcher = createSearcher({ store, embedder });
    expect(searcher.mode).toBe('hybrid');
    const { hits, timings } = await searcher.search(readQuestion('滨河自行车道有多长', ['太原', '晋中']), 10);
    // The tiny model's vectors carry no meaning, so dense favourites crowd the top; the lexical winner stays in the top 5.
    expect(hits.slice(0, 5).some((h) => h.passage.text.includes('88公里滨河自行车道'))).toBe(true);
    expect(timings.embedMs).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.passage.docId)).size).toBeGreaterThan(1);
  });

  it('asks the store once for both lists (PostgreSQL: one statement), and times that call as the dense stage', async () => {
    const calls: string[] = [];
    const counted: Store = {
      ...store,
      searchLexical: (...args) => (calls.push('lexical'), store.searchLexical(...args)),
      searchHybrid: (...args) => (calls.push('hybrid'), store.searchHybrid(...args)),
    };
    const { timings } = await createSearcher({ store: counted, embedder }).search(readQuestion('滨河自行车道有多长', ['太原', '晋中']), 10);
    expect(calls).toEqual(['hybrid']);
    expect(timings.denseMs).toBeGreaterThan(0);
    expect(timings.lexicalMs).toBe(0);
    calls.length = 0;
    await createSearcher({ store: counted, embedder: null }).search(readQuestion('滨河自行车道有多长', ['太原', '晋中']), 10);
    expect(calls).toEqual(['lexical']);
  });

  it('keeps dense results inside the scope of a city question', async () => {
    const { hits } = await createSearcher({ store, embedder }).search(readQuestion('晋中的粮食播种面积', ['太原', '晋中']), 20);
    expect(hits.length).toBe(20);
    expect(hits.every((h) => h.passage.docId === 'JZ2025')).toBe(true);
  });

  it('falls back to lexical search without an embedder', async () => {
    const searcher = createSearcher({ store, embedder: null });
    expect(searcher.mode).toBe('lexical');
    const { timings } = await searcher.search(readQuestion('滨河自行车道有多长', ['太原', '晋中']), 5);
    expect(timings.embedMs).toBe(0);
  });
});

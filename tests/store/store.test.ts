import { readdir, readFile, truncate, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { isAppError } from '../../src/errors.js';
import { buildFigures } from '../../src/figures/build.js';
import { ingest } from '../../src/ingest/ingest.js';
import { createEmbeddedBackend } from '../../src/store/embedded/backend.js';
import { createPostgresBackend } from '../../src/store/postgres/backend.js';
import { chunkingFingerprint, corpusFingerprint } from '../../src/store/manifest.js';
import type { Store, StoreBackend, StoreExpectations } from '../../src/store/types.js';
import * as vectorIndex from '../../src/store/vector-index.js';
import { CORPUS_DIR, TINY_MODEL_ID, tempDir, tinyEmbedder } from '../support/fixtures.js';
import { startPostgres } from '../support/postgres.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let embedder: Embedder;
let config: Config;
let expected: StoreExpectations;
let postgres: Awaited<ReturnType<typeof startPostgres>>;

beforeAll(async () => {
  dir = await tempDir();
  [{ embedder, config }, postgres] = await Promise.all([tinyEmbedder(dir.dir), startPostgres()]);
  expected = {
    corpusHash: await corpusFingerprint(CORPUS_DIR),
    chunkingHash: chunkingFingerprint(config.chunking),
    model: TINY_MODEL_ID,
    sif: null,
    efSearch: 50,
  };
});
afterAll(async () => {
  await postgres.stop();
  await dir.cleanup();
});

async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return isAppError(error) ? error.code : `no AppError: ${String(error)}`;
}

const BACKENDS: Array<[string, () => StoreBackend]> = [
  ['embedded', () => createEmbeddedBackend({ indexDir: path.join(dir.dir, 'embedded'), hnsw: config.hnsw })],
  ['postgres', () => createPostgresBackend(postgres.settings)],
];

describe.each(BACKENDS)('%s store', (name, makeBackend) => {
  let backend: StoreBackend;
  let store: Store;
  beforeAll(async () => {
    backend = makeBackend();
    await ingest(config, { embedder, backend });
    store = await backend.open(expected);
  });
  afterAll(async () => {
    await store.close();
    await backend.close();
  });

  it('says what built the index, and holds every report and passage', async () => {
    expect(await backend.readManifest()).toMatchObject({
      dense: { model: TINY_MODEL_ID, dimension: 32, space: 'cosine', m: 16, efConstruction: 200, pooling: 'cls' },
      corpusHash: expected.corpusHash,
    });
    expect(store.documents.map((d) => d.id)).toEqual(['TY2024', 'TY2025', 'TY2025X', 'TY2026', 'JZ2025']);
    expect(store.terms.passageCount).toBeGreaterThan(150);
    expect(store.terms.documentFrequency('晋中')).toBeGreaterThan(10);
    expect(store.terms.idf('不存在的词')).toBe(0);
    const [first] = await store.passages([0]);
    expect(first).toMatchObject({ id: 0, docId: 'TY2024' });
    expect((await store.following(first, 3)).map((p) => p.id)).toEqual([1, 2, 3]);
  });

  it('gives back every passage as the corpus read whole has it, though it was written a report at a time: its text and sentences', async () => {
    const corpus = await loadCorpus(CORPUS_DIR, config.chunking);
    const read = await store.passages(corpus.passages.map((p) => p.id));
    const plain = (p: object) => JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
    expect(read.map((p) => ({ ...plain(p), years: undefined }))).toEqual(corpus.passages.map((p) => ({ ...plain(p), years: undefined })));
    expect((await store.following(read[0], 2)).map(plain)).toEqual(read.slice(1, 3).map(plain));
    expect(store.terms.passageCount).toBe(corpus.passages.length);
  });

  it('keeps the figures table built at ingest, as built', async () => {
    const corpus = await loadCorpus(CORPUS_DIR, config.chunking);
    const built = buildFigures(corpus.passages, corpus.documents.map((d) => d.meta));
    expect(built.length).toBeGreaterThan(100);
    expect(await store.figures()).toEqual(built);
  });

  it('ranks lexically within a scope, and a passage naming an uncovered year is in scope for both retrievers', async () => {
    const all = await store.searchLexical(['8292辆', '出租车'], { cities: [], years: [] }, 3);
    const [taxi] = await store.passages([all[0].passageId]);
    expect(taxi.text).toContain('8292辆');
    const jinzhong = await store.searchLexical(['卫生厕所', '普及率'], { cities: ['晋中'], years: [] }, 10);
    expect((await store.passages(jinzhong.map((h) => h.passageId))).every((p) => p.docId === 'JZ2025')).toBe(true);
    const scope2035 = { cities: ['太原'], years: [2035] };
    const lexical2035 = await store.passages((await store.searchLexical(['目标', '综合竞争力'], scope2035, 10)).map((h) => h.passageId));
    const dense2035 = await store.passages((await store.searchHybrid([], await embedder.embedQuery('2035年目标'), scope2035, 10)).dense.map((h) => h.passageId));
    expect(lexical2035.length).toBeGreaterThan(0);
    expect(dense2035.length).toBe(lexical2035.length === 0 ? 0 : dense2035.length);
    expect(dense2035.length).toBeGreaterThan(0);
    for (const p of [...lexical2035, ...dense2035]) expect(p.years).toContain(2035);
  });

  it('finds a passage by its own vector, and keeps vector search inside the scope', async () => {
    const [taxi] = await store.passages([(await store.searchLexical(['8292辆'], { cities: [], years: [] }, 1))[0].passageId]);
    const vector = await embedder.embedQuery(taxi.text);
    expect((await store.searchHybrid([], vector, { cities: [], years: [] }, 1)).dense[0].passageId).toBe(taxi.id);
    const inJinzhong = (await store.searchHybrid([], vector, { cities: ['晋中'], years: [] }, 20)).dense;
    expect(inJinzhong).toHaveLength(20);
    expect((await store.passages(inJinzhong.map((h) => h.passageId))).every((p) => p.docId === 'JZ2025')).toBe(true);
  });

  it('brings both lists of a hybrid search in one call, the lexical one as its own search ranks it', async () => {
    const terms = ['城镇', '新增', '就业'];
    const vector = await embedder.embedQuery('城镇新增就业');
    for (const scope of [{ cities: [], years: [] }, { cities: ['太原'], years: [2025] }]) {
      const { lexical, dense } = await store.searchHybrid(terms, vector, scope, 15);
      expect(lexical.map((h) => [h.passageId, h.score])).toEqual((await store.searchLexical(terms, scope, 15)).map((h) => [h.passageId, h.score]));
      expect(dense).toHaveLength(15);
      expect(dense.map((h) => h.score)).toEqual(dense.map((h) => h.score).sort((a, b) => b - a));
      const hits = [...lexical, ...dense];
      // PostgreSQL brings each passage with the search (once, when it is in both lists).
      if (name === 'postgres') expect(hits.every((h) => h.passage)).toBe(true);
      const read = await store.passages(hits.map((h) => h.passageId));
      hits.forEach((hit, i) => hit.passage && expect(hit.passage).toEqual(read[i]));
    }
  });

  it('says a missing or stale index is missing or stale', async () => {
    expect(await errorCode(backend.open({ ...expected, model: 'Xenova/bge-small-zh-v1.5' }))).toBe('INDEX_STALE');
    expect(await errorCode(backend.open({ ...expected, corpusHash: 'changed' }))).toBe('INDEX_STALE');
  });
});

describe('opening PostgreSQL with no index yet', () => {
  it('builds the index on first use (under the build lock) and answers from it', async () => {
    const empty = await startPostgres();
    try {
      const app = await createApp({ ...config, dense: false, store: { kind: 'postgres', ...empty.settings } });
      expect(app.backend.kind).toBe('postgres');
      expect((await app.answerer.answer('晋中卫生厕所普及率是多少？')).answer).toContain('82%');
      await app.close();
    } finally {
      await empty.stop();
    }
  });
});

describe('both backends rank alike', () => {
  it('gives the same lexical ranking for the same terms and scope', async () => {
    const embedded = createEmbeddedBackend({ indexDir: path.join(dir.dir, 'alike'), hnsw: config.hnsw });
    const pg = createPostgresBackend(postgres.settings);
    await ingest({ ...config, dense: false }, { embedder: null, backend: embedded });
    await ingest({ ...config, dense: false }, { embedder: null, backend: pg });
    const lexicalOnly = { ...expected, model: null };
    const [a, b] = await Promise.all([embedded.open(lexicalOnly), pg.open(lexicalOnly)]);
    for (const [terms, scope] of [
      [['地区生产总值', '增长', '目标'], { cities: ['太原'], years: [2025] }],
      [['空气质量', '综合指数'], { cities: [], years: [] }],
      [['卫生厕所', '普及率'], { cities: ['晋中'], years: [2024] }],
    ] as const) {
      const left = await a.searchLexical([...terms], { cities: [...scope.cities], years: [...scope.years] }, 10);
      const right = await b.searchLexical([...terms], { cities: [...scope.cities], years: [...scope.years] }, 10);
      expect(right.map((h) => h.passageId)).toEqual(left.map((h) => h.passageId));
      right.forEach((h, i) => expect(h.score).toBeCloseTo(left[i].score, 9));
    }
    await Promise.all([a.close(), b.close(), embedded.close(), pg.close()]);
  });
});

describe('embedded store on disk', () => {
  const indexDir = () => path.join(dir.dir, 'embedded');
  const copyIndex = async () => {
    const copy = path.join(dir.dir, `copy-${Math.random().toString(36).slice(2)}`);
    await cp(indexDir(), copy, { recursive: true });
    return copy;
  };
  const liveFolder = async (root: string) => path.join(root, (await readFile(path.join(root, 'CURRENT'), 'utf8')).trim());
  const open = (root: string) => createEmbeddedBackend({ indexDir: root, hnsw: config.hnsw }).open(expected);

  it('reports a file edited after it was written (same size) as damaged, in one line', async () => {
    const copy = await copyIndex();
    const file = path.join(await liveFolder(copy), 'passages.bin');
    const bytes = await readFile(file);
    const at = bytes.indexOf(Buffer.from('普及率达 82%'));
    expect(at).toBeGreaterThan(0);
    bytes.write('普及率达 99%', at);
    await writeFile(file, bytes);
    const error = await open(copy).then(() => null, (e: unknown) => e);
    expect(isAppError(error, 'INDEX_CORRUPT')).toBe(true);
    expect((error as Error).message).toMatch(/passages\.bin was altered after it was written \(checksum differs\)/);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });

  it('reports missing and truncated files as damaged', async () => {
    expect(await errorCode(open(path.join(dir.dir, 'nothing-here')))).toBe('INDEX_MISSING');
    const truncated = await copyIndex();
    await truncate(path.join(await liveFolder(truncated), 'vectors.hnsw'), 100);
    expect(await errorCode(open(truncated))).toBe('INDEX_CORRUPT');
  });

  it('rebuilds a damaged index on open instead of using it, and answers from the rebuilt one', async () => {
    const copy = await copyIndex();
    await truncate(path.join(await liveFolder(copy), 'postings.bin'), 10);
    const reasons: string[] = [];
    const app = await createApp({ ...config, indexDir: copy, dense: false }, { onRebuild: (r) => reasons.push(r) });
    expect(reasons[0]).toMatch(/postings\.bin is truncated/);
    expect((await app.answerer.answer('晋中卫生厕所普及率是多少？')).answer).toContain('82%');
    await app.close();
  });

  it('keeps the previous index when a build crashes midway', async () => {
    const copy = await copyIndex();
    const before = await liveFolder(copy);
    const spy = vi.spyOn(vectorIndex, 'buildVectorIndex').mockImplementation(() => {
      throw new Error('simulated crash');
    });
    await expect(ingest({ ...config, indexDir: copy }, { embedder })).rejects.toThrow('simulated crash');
    spy.mockRestore();
    expect(await liveFolder(copy)).toBe(before);
    expect((await readdir(copy)).filter((f) => f.startsWith('.building-'))).toEqual([]);
    await (await open(copy)).close();
  });

  it('keeps the previous index when a build fails after its reports were written, and leaves no build behind', async () => {
    const copy = await copyIndex();
    const before = await liveFolder(copy);
    const failing: Embedder = { ...embedder, embedPassages: async () => Promise.reject(new Error('simulated embedding failure')) };
    await expect(ingest({ ...config, indexDir: copy }, { embedder: failing })).rejects.toThrow('simulated embedding failure');
    expect(await liveFolder(copy)).toBe(before);
    expect((await readdir(copy)).filter((f) => f.startsWith('.building-'))).toEqual([]);
    await (await open(copy)).close();
  });

  it('gives passages whose text is read when asked for, also after their index is closed', async () => {
    const store = await open(indexDir());
    const [first, second] = await store.passages([0, 1]);
    expect(first.text.length).toBeGreaterThan(0);
    await store.close();
    expect(second.sentences.length).toBeGreaterThan(0);
    expect(second.end).toBeGreaterThan(second.start);
    expect(JSON.parse(JSON.stringify(second))).toMatchObject({ id: 1, text: second.text, section: second.section });
  });
});

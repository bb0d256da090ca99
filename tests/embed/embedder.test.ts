import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEmbedder, type Embedder } from '../../src/embed/embedder.js';
import { isAppError } from '../../src/errors.js';
import { buildVectorIndex, openVectorIndex } from '../../src/store/vector-index.js';
import { tempDir, tinyEmbedder } from '../support/fixtures.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let embedder: Embedder;

beforeAll(async () => {
  dir = await tempDir();
  ({ embedder } = await tinyEmbedder(dir.dir));
});
afterAll(() => dir.cleanup());

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('transformers.js embedder on a generated model, loaded from a local folder with downloads off', () => {
  it('reports the model dimension and returns unit vectors', async () => {
    expect(embedder.dimension).toBe(32);
    const vectors = await embedder.embedPassages(['太原地区生产总值增长5%左右。', '晋中卫生厕所普及率达82%。', '短']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(32);
      expect(norm(v)).toBeCloseTo(1, 4);
    }
  });

  it('batches without changing the vectors', async () => {
    const texts = Array.from({ length: 37 }, (_, i) => `第${i}段：新增就业${i}万人。`);
    let progress = 0;
    const batched = await embedder.embedPassages(texts, (done) => (progress = done));
    expect(progress).toBe(37);
    const [single] = await embedder.embedPassages([texts[20]]);
    expect(cosine(batched[20], single)).toBeCloseTo(1, 5);
  });

  it('NFKC-normalizes input so full-width digits embed like ASCII ones', async () => {
    const [fullWidth, ascii] = await embedder.embedPassages(['增长１２％', '增长12%']);
    expect(cosine(fullWidth, ascii)).toBeCloseTo(1, 5);
  });

  it('puts the query instruction on questions only', async () => {
    const [passage] = await embedder.embedPassages(['太原']);
    const query = await embedder.embedQuery('太原');
    expect(cosine(passage, query)).toBeLessThan(0.9999);
  });

  it('fails fast with MODEL_UNAVAILABLE when the model is not on disk and downloads are off', async () => {
    const config = loadConfig({ MODEL_ID: 'nobody/missing-model', MODELS_DIR: dir.dir, ALLOW_REMOTE_MODELS: 'false' });
    const error = await createEmbedder(config.model).catch((e: unknown) => e);
    expect(isAppError(error, 'MODEL_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toContain('ALLOW_REMOTE_MODELS=false');
  });
});

describe('HNSW index with model vectors', () => {
  it('builds, saves, reloads and finds each passage as its own nearest neighbour', async () => {
    const texts = ['空气质量综合指数4.73', '巡游出租车全部更新', '新增省级重点实验室36个', '滨河自行车道88公里', '卫生厕所普及率82%'];
    const vectors = await embedder.embedPassages(texts);
    const built = buildVectorIndex(vectors, embedder.dimension, { m: 16, efConstruction: 200, efSearch: 50 });
    const base = path.join(dir.dir, 'vectors');
    expect(await built.save(base)).toEqual([`${base}.hnsw`, `${base}.f32`]);
    const loaded = await openVectorIndex(base, embedder.dimension, 50);
    expect(loaded.count).toBe(5);
    for (const [i, vector] of vectors.entries()) {
      const [best] = await loaded.search(vector, 1);
      expect(best.passageId).toBe(i);
      expect(best.score).toBeCloseTo(1, 4);
    }
    const onlyEven = await loaded.search(vectors[1], 5, (id) => id % 2 === 0);
    expect(onlyEven.every((h) => h.passageId % 2 === 0)).toBe(true);
    const exact = loaded.searchWithin(vectors[3], [[0, 0], [2, 3]], 2);
    expect(exact[0]).toMatchObject({ passageId: 3 });
    expect(exact[0].score).toBeCloseTo(1, 4);
    expect(exact).toHaveLength(2);
    expect(loaded.searchWithin(vectors[3], [[0, 4]], 5, (id) => id !== 3).map((h) => h.passageId)).not.toContain(3);
    loaded.close();
  });

  it('is usable before its graph is read: exact scans need only the rows, and a graph that cannot be read fails only the searches of it', async () => {
    const vectors = await embedder.embedPassages(['空气质量综合指数4.73', '巡游出租车全部更新', '卫生厕所普及率82%']);
    const base = path.join(dir.dir, 'no-graph');
    await buildVectorIndex(vectors, embedder.dimension, { m: 16, efConstruction: 200, efSearch: 50 }).save(base);
    await rm(`${base}.hnsw`);
    const loaded = await openVectorIndex(base, embedder.dimension, 50);
    expect(loaded.count).toBe(3);
    expect(loaded.searchWithin(vectors[2], [[0, 2]], 1)[0]).toMatchObject({ passageId: 2 });
    await expect(loaded.search(vectors[2], 1)).rejects.toThrow();
    loaded.close();
  });

  it('rejects vectors of the wrong size or with NaN', () => {
    const settings = { m: 8, efConstruction: 50, efSearch: 10 };
    expect(() => buildVectorIndex([new Float32Array(4)], 8, settings)).toThrow(/dimensions/);
    expect(() => buildVectorIndex([new Float32Array(8).fill(Number.NaN)], 8, settings)).toThrow(/NaN/);
  });
});

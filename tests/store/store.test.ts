import { cp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { isAppError } from '../../src/errors.js';
import { ingest } from '../../src/ingest/ingest.js';
import { openIndex } from '../../src/ingest/open.js';
import { chunkingFingerprint, corpusFingerprint } from '../../src/store/manifest.js';
import { loadStore, readIndexManifest, type StoreExpectations } from '../../src/store/store.js';
import * as vectorIndex from '../../src/store/vector-index.js';
import { CORPUS_DIR, TINY_MODEL_ID, tempDir, tinyEmbedder } from '../support/fixtures.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let embedder: Embedder;
let config: Config;
let expected: StoreExpectations;

beforeAll(async () => {
  dir = await tempDir();
  ({ embedder, config } = await tinyEmbedder(dir.dir));
  await ingest(config, { embedder });
  expected = {
    corpusHash: await corpusFingerprint(CORPUS_DIR),
    chunkingHash: chunkingFingerprint(config.chunking),
    model: TINY_MODEL_ID,
    efSearch: 50,
  };
});
afterAll(() => dir.cleanup());

async function copyIndex(): Promise<string> {
  const copy = path.join(dir.dir, `copy-${Math.random().toString(36).slice(2)}`);
  await cp(config.indexDir, copy, { recursive: true });
  return copy;
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return isAppError(error) ? error.code : `no AppError: ${String(error)}`;
}

describe('index store', () => {
  it('writes a manifest that says what built the index, and loads it back', async () => {
    const found = await readIndexManifest(config.indexDir);
    expect(found?.manifest).toMatchObject({
      dense: { model: TINY_MODEL_ID, dimension: 32, space: 'cosine', m: 16, efConstruction: 200, pooling: 'cls' },
      corpusHash: expected.corpusHash,
      chunkingHash: expected.chunkingHash,
    });
    const store = await loadStore(config.indexDir, expected);
    expect(store.passages.length).toBe(store.manifest.counts.passages);
    expect(store.vectors?.count).toBe(store.passages.length);
    expect(store.documents.map((d) => d.id)).toContain('JZ2025');
  });

  it('finds a passage by its own vector after reload', async () => {
    const store = await loadStore(config.indexDir, expected);
    const passage = store.passages.find((p) => p.text.includes('8292辆'))!;
    const [vector] = await embedder.embedPassages([passage.text]);
    expect(store.vectors!.search(vector, 1)[0].passageId).toBe(passage.id);
  });

  it('reports a missing index', async () => {
    expect(await errorCode(loadStore(path.join(dir.dir, 'nothing-here'), expected))).toBe('INDEX_MISSING');
  });

  it('refuses an index built with another model, corpus or chunking', async () => {
    expect(await errorCode(loadStore(config.indexDir, { ...expected, model: 'Xenova/bge-small-zh-v1.5' }))).toBe('INDEX_STALE');
    expect(await errorCode(loadStore(config.indexDir, { ...expected, corpusHash: 'changed' }))).toBe('INDEX_STALE');
    expect(await errorCode(loadStore(config.indexDir, { ...expected, chunkingHash: 'changed' }))).toBe('INDEX_STALE');
  });

  it('detects truncated, garbled or missing files', async () => {
    const truncated = await copyIndex();
    const folder = (await readIndexManifest(truncated))!.folder;
    await truncate(path.join(folder, 'vectors.hnsw'), 100);
    expect(await errorCode(loadStore(truncated, expected))).toBe('INDEX_CORRUPT');

    const garbled = await copyIndex();
    const garbledFolder = (await readIndexManifest(garbled))!.folder;
    await writeFile(path.join(garbledFolder, 'manifest.json'), '{"format":');
    expect(await errorCode(loadStore(garbled, expected))).toBe('INDEX_CORRUPT');

    const damagedVectors = await copyIndex();
    const vectorsFolder = (await readIndexManifest(damagedVectors))!.folder;
    const size = (await readFile(path.join(vectorsFolder, 'vectors.hnsw'))).length;
    await writeFile(path.join(vectorsFolder, 'vectors.hnsw'), Buffer.alloc(size, 0xff));
    expect(await errorCode(loadStore(damagedVectors, expected))).toBe('INDEX_CORRUPT');
  });

  it('keeps the previous index usable when a rebuild fails half way', async () => {
    const index = await copyIndex();
    const before = await readIndexManifest(index);
    const spy = vi.spyOn(vectorIndex, 'buildVectorIndex').mockImplementation(() => {
      throw new Error('simulated crash while building');
    });
    await expect(ingest({ ...config, indexDir: index }, { embedder })).rejects.toThrow('simulated crash');
    spy.mockRestore();
    const after = await readIndexManifest(index);
    expect(after?.folder).toBe(before?.folder);
    expect((await loadStore(index, expected)).passages.length).toBeGreaterThan(0);
  });

  it('rebuilds a stale index on open instead of using it, and says why', async () => {
    const index = await copyIndex();
    const reasons: string[] = [];
    const opened = await openIndex(
      { ...config, indexDir: index, chunking: { minChars: 80, maxChars: 300 } },
      { embedder, loadEmbedder: async () => embedder, onRebuild: (r) => reasons.push(r) },
    );
    expect(reasons[0]).toMatch(/other chunking settings/);
    expect(opened.mode).toBe('hybrid');
    expect((await readdir(index)).filter((f) => f.startsWith('index-'))).toHaveLength(1);
  });

  it('answers lexically with DENSE=off even when the index has vectors', async () => {
    const opened = await openIndex({ ...config, dense: false }, { loadEmbedder: async () => embedder });
    expect(opened.mode).toBe('lexical');
    expect(opened.lexicalReason).toBe('DENSE=off');
  });

  it('builds a lexical-only index when no model can be loaded, and says why', async () => {
    const index = path.join(dir.dir, 'lexical-only');
    const result = await ingest({ ...config, indexDir: index, model: { ...config.model, id: 'nobody/missing' } });
    expect(result.store.vectors).toBeNull();
    expect(result.denseOffReason).toMatch(/is unavailable/);
    const opened = await openIndex({ ...config, indexDir: index, model: { ...config.model, id: 'nobody/missing' } });
    expect(opened.mode).toBe('lexical');
    expect(opened.lexicalReason).toMatch(/is unavailable/);
  });
});

import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { SIF_EMBEDDER } from '../../src/embed/sif.js';
import { RETRIEVAL_SETTINGS } from '../../src/search/retrieval-settings.js';
import { tempDir } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';
import { writeSmallCorpus } from '../support/small-corpus.js';
import { writeSmallWordVectors } from '../support/small-word-vectors.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
let config: Config;

beforeAll(async () => {
  dir = await tempDir();
  const wordVectors = path.join(dir.dir, 'words.vector');
  await writeSmallWordVectors(wordVectors);
  const modelsDir = path.join(dir.dir, 'no-models');
  await mkdir(modelsDir);
  env = {
    CORPUS_DIR: await writeSmallCorpus(dir.dir),
    INDEX_DIR: path.join(dir.dir, 'index'),
    WORD_VECTORS: wordVectors,
    DENSE_FALLBACK: 'sif',
    MODELS_DIR: modelsDir,
    ALLOW_REMOTE_MODELS: 'false',
  };
  config = loadConfig(env);
});
afterAll(() => dir.cleanup());

describe('an index whose dense half is SIF (no transformers.js model)', () => {
  it('is built with SIF when the model cannot be loaded, records it, and reopens without a rebuild', async () => {
    const rebuilds: string[] = [];
    const built = await createApp(config, { onRebuild: (reason) => rebuilds.push(reason) });
    expect(rebuilds).toHaveLength(1);
    expect(built.mode).toBe('hybrid');
    expect(built.embedder?.modelId).toBe(SIF_EMBEDDER);
    const { dense } = built.store.manifest;
    const { size } = await stat(env.WORD_VECTORS);
    expect(dense).toMatchObject({ model: SIF_EMBEDDER, dimension: 16, space: 'cosine', sif: { smoothing: RETRIEVAL_SETTINGS.sif.smoothing, wordVectors: `words.vector:${size}` } });
    expect(dense?.sif?.component).toHaveLength(16);
    const answer = await built.answerer.answer('甲市2026年城镇新增就业目标是多少？');
    expect(answer).toMatchObject({ found: true, mode: 'hybrid', embedder: SIF_EMBEDDER });
    await built.close();

    const reopened = await createApp(config, { onRebuild: (reason) => rebuilds.push(reason) });
    expect(rebuilds).toHaveLength(1);
    expect(reopened.store.manifest.builtAt).toBe(built.store.manifest.builtAt);
    expect(reopened.embedder?.modelId).toBe(SIF_EMBEDDER);
    expect(await reopened.answerer.answer('甲市地铁2号线什么时候通车？')).toMatchObject({ found: true, mode: 'hybrid', embedder: SIF_EMBEDDER });
    await reopened.close();
  });

  it('is rebuilt when the settings give another embedder: other SIF parameters, or SIF turned off', async () => {
    const rebuilds: string[] = [];
    const otherSif = { ...RETRIEVAL_SETTINGS, sif: { ...RETRIEVAL_SETTINGS.sif, smoothing: RETRIEVAL_SETTINGS.sif.smoothing * 10 } };
    const resmoothed = await createApp(config, { retrieval: otherSif, onRebuild: (reason) => rebuilds.push(reason) });
    expect(rebuilds).toEqual([expect.stringMatching(/SIF sentence vectors from words\.vector/)]);
    expect(resmoothed.store.manifest.dense?.sif?.smoothing).toBe(otherSif.sif.smoothing);
    await resmoothed.close();

    const lexical = await createApp(loadConfig({ ...env, DENSE_FALLBACK: 'off' }), { onRebuild: (reason) => rebuilds.push(reason) });
    expect(rebuilds[1]).toMatch(/SIF sentence vectors, which are off/);
    expect(lexical.mode).toBe('lexical');
    expect(lexical.store.manifest.dense).toBeNull();
    await lexical.close();
  });

  it('answers `ask` in hybrid mode and names the embedder (rebuilding the lexical index the test before left)', async () => {
    const { code, stdout, stderr } = await runCli('ask', ['--json', '甲市地铁2号线什么时候通车？'], env);
    expect(code).toBe(0);
    expect(stderr).toMatch(/no dense half, but SIF sentence vectors are on/);
    expect(JSON.parse(stdout)).toMatchObject({ found: true, mode: 'hybrid', embedder: SIF_EMBEDDER });
    const printed = await runCli('ask', ['甲市地铁2号线什么时候通车？'], env);
    expect(printed.stdout).toMatch(/（混合检索 sif · /);
  });
});

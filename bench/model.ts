import path from 'node:path';
import { loadConfig, type Config } from '../src/config.js';
import { createEmbedder, type Embedder } from '../src/embed/embedder.js';
import { corpusText, TINY_MODEL_ID } from '../tests/support/fixtures.js';
import { writeTinyModel } from '../tests/support/tiny-model.js';

/** bge-small's width, so HNSW and brute-force figures are those of the default model's vectors. */
export const BENCH_DIMENSION = 512;

export interface BenchModel {
  name: string;
  config: Config;
  embedder: Embedder;
}

/** The generated tiny model at 512 dimensions, loaded through the production embedder. */
export async function tinyModel(workDir: string, corpusDir: string, indexDir: string, databaseUrl?: string): Promise<BenchModel> {
  const modelsDir = path.join(workDir, 'models');
  await writeTinyModel(path.join(modelsDir, TINY_MODEL_ID), { text: `${await corpusText()}${'安宁定远海丰河间华阴嘉禾江宁金华临川龙泉南平宁远平阳青田瑞安寿光泰和天长通化万安文成新安兴化永康玉山云和长乐肇庆'}`, dimension: BENCH_DIMENSION });
  const config = loadConfig({
    CORPUS_DIR: corpusDir,
    INDEX_DIR: indexDir,
    ALLOW_REMOTE_MODELS: 'false',
    MODELS_DIR: modelsDir,
    MODEL_ID: TINY_MODEL_ID,
    MODEL_POOLING: 'cls',
    MODEL_QUERY_PREFIX: '为这个句子生成表示以用于检索相关文章：',
    ...(databaseUrl ? { STORE: 'postgres', DATABASE_URL: databaseUrl } : {}),
  });
  return { name: `tiny ${BENCH_DIMENSION}-d (generated)`, config, embedder: await createEmbedder(config.model) };
}

/** No transformers.js model (an empty models folder, no downloads): ingest and answers use SIF sentence vectors. */
export function sifConfig(workDir: string, corpusDir: string, indexDir: string): Config {
  return loadConfig({
    CORPUS_DIR: corpusDir,
    INDEX_DIR: indexDir,
    DENSE_FALLBACK: 'sif',
    ALLOW_REMOTE_MODELS: 'false',
    MODELS_DIR: path.join(workDir, 'no-models'),
  });
}

/** The configured default model when its files are in `embeddings/models/`; `null` otherwise (no downloads). */
export async function realModel(corpusDir: string, indexDir: string): Promise<BenchModel | null> {
  const config = loadConfig({ ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, ALLOW_REMOTE_MODELS: 'false', MODELS_DIR: path.resolve('embeddings', 'models') });
  try {
    return { name: config.model.id, config, embedder: await createEmbedder(config.model) };
  } catch {
    return null;
  }
}

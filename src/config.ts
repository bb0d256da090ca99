/**
 * The one configuration object, read from the environment (and `.env`, loaded by the entry
 * points). Every default lives here; see the README's configuration table.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

export type Pooling = 'cls' | 'mean';

/** Defaults for models we know; any other model id works with explicit pooling and prefixes. */
const MODEL_PRESETS: Record<string, { pooling: Pooling; queryPrefix: string; passagePrefix: string }> = {
  'Xenova/bge-small-zh-v1.5': { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '' },
  'Xenova/bge-base-zh-v1.5': { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '' },
  'Xenova/multilingual-e5-small': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' },
};

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('embeddings'),
  MODEL_ID: z.string().min(1).default('Xenova/bge-small-zh-v1.5'),
  MODEL_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']).default('q8'),
  MODEL_POOLING: z.enum(['cls', 'mean']).optional(),
  MODEL_QUERY_PREFIX: z.string().optional(),
  MODEL_PASSAGE_PREFIX: z.string().optional(),
  MODELS_DIR: z.string().min(1).optional(),
  ALLOW_REMOTE_MODELS: flag.default(true),
  DENSE: flag.default(true),
  EMBED_BATCH_SIZE: positiveInt.default(16),
  HNSW_M: positiveInt.default(16),
  HNSW_EF_CONSTRUCTION: positiveInt.default(200),
  HNSW_EF_SEARCH: positiveInt.default(100),
  CHUNK_MIN_CHARS: positiveInt.default(100),
  CHUNK_MAX_CHARS: positiveInt.default(350),
  TOP_K: positiveInt.max(20).default(5),
  MAX_QUESTION_CHARS: positiveInt.default(500),
});

export interface ModelConfig {
  /** Hugging Face model id, also the folder name under `modelsDir`. */
  id: string;
  dtype: z.infer<typeof envSchema>['MODEL_DTYPE'];
  pooling: Pooling;
  /** Prepended to questions only (bge's retrieval instruction, e5's `query: `). */
  queryPrefix: string;
  /** Prepended to passages only (e5's `passage: `). */
  passagePrefix: string;
  /** Local model folder root: `<modelsDir>/<id>/` holds config.json, tokenizer.json, onnx/. */
  modelsDir: string;
  /** Download from the Hugging Face hub when the model is not in `modelsDir`. */
  allowRemote: boolean;
  batchSize: number;
}

export interface Config {
  corpusDir: string;
  indexDir: string;
  /** Off forces lexical-only retrieval even when a model is available. */
  dense: boolean;
  model: ModelConfig;
  hnsw: { m: number; efConstruction: number; efSearch: number };
  chunking: { minChars: number; maxChars: number };
  answer: { topK: number; maxQuestionChars: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new AppError('CONFIG_INVALID', { detail: z.prettifyError(parsed.error) });
  const e = parsed.data;
  if (e.CHUNK_MIN_CHARS > e.CHUNK_MAX_CHARS) {
    throw new AppError('CONFIG_INVALID', { detail: 'CHUNK_MIN_CHARS must not exceed CHUNK_MAX_CHARS' });
  }
  const preset = MODEL_PRESETS[e.MODEL_ID] ?? { pooling: 'mean', queryPrefix: '', passagePrefix: '' };
  const indexDir = path.resolve(e.INDEX_DIR);
  return {
    corpusDir: path.resolve(e.CORPUS_DIR),
    indexDir,
    dense: e.DENSE,
    model: {
      id: e.MODEL_ID,
      dtype: e.MODEL_DTYPE,
      pooling: e.MODEL_POOLING ?? preset.pooling,
      queryPrefix: e.MODEL_QUERY_PREFIX ?? preset.queryPrefix,
      passagePrefix: e.MODEL_PASSAGE_PREFIX ?? preset.passagePrefix,
      modelsDir: path.resolve(e.MODELS_DIR ?? path.join(indexDir, 'models')),
      allowRemote: e.ALLOW_REMOTE_MODELS,
      batchSize: e.EMBED_BATCH_SIZE,
    },
    hnsw: { m: e.HNSW_M, efConstruction: e.HNSW_EF_CONSTRUCTION, efSearch: e.HNSW_EF_SEARCH },
    chunking: { minChars: e.CHUNK_MIN_CHARS, maxChars: e.CHUNK_MAX_CHARS },
    answer: { topK: e.TOP_K, maxQuestionChars: e.MAX_QUESTION_CHARS },
  };
}

/**
 * The one configuration object, read from the environment (and `.env`, loaded by the entry
 * points). Every default lives here; see the README's configuration table.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';
import { shippedVectorsFile } from './search/word-vectors.js';

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

/** Limits on reading one report file: on disk, its text, time, the reading worker's heap. */
const READ_DEFAULTS = { MAX_REPORT_MB: 50, MAX_REPORT_TEXT_MB: 100, READ_TIMEOUT_S: 60, READ_MEMORY_MB: 1024 };

const envSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('corpus'),
  STORE: z.enum(['embedded', 'postgres']).default('embedded'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  INDEX_DIR: z.string().min(1).default('embeddings'),
  PG_STATEMENT_TIMEOUT_MS: positiveInt.default(30_000),
  PG_CONNECT_TIMEOUT_MS: positiveInt.default(5_000),
  PG_POOL_SIZE: positiveInt.default(10),
  MODEL_ID: z.string().min(1).default('Xenova/bge-small-zh-v1.5'),
  MODEL_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']).default('q8'),
  MODEL_POOLING: z.enum(['cls', 'mean']).optional(),
  MODEL_QUERY_PREFIX: z.string().optional(),
  MODEL_PASSAGE_PREFIX: z.string().optional(),
  MODELS_DIR: z.string().min(1).optional(),
  ALLOW_REMOTE_MODELS: flag.default(true),
  HF_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  DENSE: flag.default(true),
  DENSE_FALLBACK: z.enum(['sif', 'off']).default('off'),
  CACHE_DIR: z.string().min(1).optional(),
  EMBED_BATCH_SIZE: positiveInt.default(16),
  HNSW_M: positiveInt.default(16),
  HNSW_EF_CONSTRUCTION: positiveInt.default(200),
  HNSW_EF_SEARCH: positiveInt.default(100),
  CHUNK_MIN_CHARS: positiveInt.default(100),
  CHUNK_MAX_CHARS: positiveInt.default(350),
  TOP_K: positiveInt.max(20).default(5),
  MAX_QUESTION_CHARS: positiveInt.default(500),
  MAX_REPORT_MB: positiveInt.default(READ_DEFAULTS.MAX_REPORT_MB),
  MAX_REPORT_TEXT_MB: positiveInt.default(READ_DEFAULTS.MAX_REPORT_TEXT_MB),
  READ_TIMEOUT_S: positiveInt.default(READ_DEFAULTS.READ_TIMEOUT_S),
  READ_MEMORY_MB: positiveInt.default(READ_DEFAULTS.READ_MEMORY_MB),
  WORD_VECTORS: z.string().min(1).optional(),
  BOT_TOKEN: z
    .string()
    .regex(/^\d{5,}:[A-Za-z0-9_-]{30,}$/, 'must look like 123456789:AAE… (the token @BotFather gives you)')
    .optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'WEBHOOK_SECRET may use A-Z, a-z, 0-9, _ and - only').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  ALLOWED_CHAT_IDS: z
    .string()
    .regex(/^\s*-?\d+(\s*,\s*-?\d+)*\s*$/, 'ALLOWED_CHAT_IDS must be a comma-separated list of chat ids')
    .transform((v) => v.split(',').map((id) => Number(id.trim())))
    .optional(),
  TELEGRAM_CONNECT_TIMEOUT: positiveInt.default(120),
  ADMIN_USER_IDS: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'ADMIN_USER_IDS must be a comma-separated list of Telegram user ids')
    .transform((v) => v.split(',').map((id) => Number(id.trim())))
    .optional(),
  RATE_LIMIT_PER_USER: positiveInt.default(6),
  RATE_LIMIT_PER_CHAT: positiveInt.default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  /** Host models download from (`HF_ENDPOINT`, e.g. a mirror); the Hugging Face hub when absent. */
  remoteHost?: string;
  batchSize: number;
}

/** Where indexes live: folders under `INDEX_DIR`, or a PostgreSQL database with pgvector. */
export type StoreConfig = { kind: 'embedded' } | ({ kind: 'postgres' } & PostgresSettings);

export interface PostgresSettings {
  databaseUrl: string;
  /** Longest a reader's statement may run before the server cancels it (ingest's writes are not limited). */
  statementTimeoutMs: number;
  /** Longest to wait for a connection to the server. */
  connectTimeoutMs: number;
  /** Connections of the one pool a process keeps (the index, the watcher, an ingest and the bot state share it). */
  poolSize: number;
  /** HNSW_EF_SEARCH, set on every connection so that a vector search is one statement. */
  efSearch: number;
}

/** How far reading one untrusted report file may go before it is refused (see `corpus/readers/sandbox.ts`). */
export interface ReadLimits {
  /** Size of the file on disk. */
  maxFileBytes: number;
  /** Size of the text it inflates to (UTF-8), and of a Word file's unpacked parts. */
  maxTextBytes: number;
  timeoutMs: number;
  /** Heap of the worker that reads it. */
  memoryMb: number;
}

export interface Config {
  corpusDir: string;
  reading: ReadLimits;
  indexDir: string;
  store: StoreConfig;
  /** Off forces lexical-only retrieval even when a model is available. */
  dense: boolean;
  /** Without a transformers.js model, dense retrieval uses SIF sentence vectors from the word vectors (`sif`), or none (`off`). */
  denseFallback: 'sif' | 'off';
  /** Files derived once from installed data (the word vectors' compact form). */
  cacheDir: string;
  model: ModelConfig;
  hnsw: { m: number; efConstruction: number; efSearch: number };
  chunking: { minChars: number; maxChars: number };
  answer: {
    topK: number;
    maxQuestionChars: number;
    /** A word2vec binary file of general Chinese word vectors (the shipped one by default); null when `WORD_VECTORS=off` or none is installed. */
    wordVectors: string | null;
  };
  bot: BotConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export interface BotConfig {
  /** From @BotFather; only the bot needs it. Never logged. */
  token?: string;
  /** Another Bot API server: a self-hosted telegram-bot-api, or an emulator in tests. */
  apiRoot?: string;
  /** Public HTTPS URL for webhook mode; long polling when absent. */
  webhookUrl?: string;
  /** Checked against the X-Telegram-Bot-Api-Secret-Token header in webhook mode. */
  webhookSecret?: string;
  port: number;
  /** Only these chats (and, for inline queries, users) are served; everyone when absent. */
  allowedChatIds?: number[];
  /** Users who may add reports by sending a file to the bot in a private chat. */
  adminUserIds?: number[];
  /** Seconds the bot keeps retrying an unreachable Telegram at start before it gives up. */
  connectTimeoutS: number;
  /** Questions per rolling minute. */
  ratePerUser: number;
  ratePerChat: number;
}

const MB = 1024 * 1024;

function readLimits(e: typeof READ_DEFAULTS): ReadLimits {
  return { maxFileBytes: e.MAX_REPORT_MB * MB, maxTextBytes: e.MAX_REPORT_TEXT_MB * MB, timeoutMs: e.READ_TIMEOUT_S * 1000, memoryMb: e.READ_MEMORY_MB };
}

export const DEFAULT_READ_LIMITS: ReadLimits = readLimits(READ_DEFAULTS);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new AppError('CONFIG_INVALID', { detail: describeIssues(parsed.error) });
  const e = parsed.data;
  if (e.CHUNK_MIN_CHARS > e.CHUNK_MAX_CHARS) {
    throw new AppError('CONFIG_INVALID', { detail: 'CHUNK_MIN_CHARS must not exceed CHUNK_MAX_CHARS' });
  }
  if (e.STORE === 'postgres' && !e.DATABASE_URL) {
    throw new AppError('CONFIG_INVALID', { detail: 'STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/db)' });
  }
  const preset = MODEL_PRESETS[e.MODEL_ID] ?? { pooling: 'mean', queryPrefix: '', passagePrefix: '' };
  const indexDir = path.resolve(e.INDEX_DIR);
  return {
    corpusDir: path.resolve(e.CORPUS_DIR),
    reading: readLimits(e),
    indexDir,
    store:
      e.STORE === 'postgres'
        ? {
            kind: 'postgres',
            databaseUrl: e.DATABASE_URL!,
            statementTimeoutMs: e.PG_STATEMENT_TIMEOUT_MS,
            connectTimeoutMs: e.PG_CONNECT_TIMEOUT_MS,
            poolSize: e.PG_POOL_SIZE,
            efSearch: e.HNSW_EF_SEARCH,
          }
        : { kind: 'embedded' },
    dense: e.DENSE,
    denseFallback: e.DENSE_FALLBACK,
    cacheDir: path.resolve(e.CACHE_DIR ?? path.join(indexDir, 'cache')),
    model: {
      id: e.MODEL_ID,
      dtype: e.MODEL_DTYPE,
      pooling: e.MODEL_POOLING ?? preset.pooling,
      queryPrefix: e.MODEL_QUERY_PREFIX ?? preset.queryPrefix,
      passagePrefix: e.MODEL_PASSAGE_PREFIX ?? preset.passagePrefix,
      modelsDir: path.resolve(e.MODELS_DIR ?? path.join(indexDir, 'models')),
      allowRemote: e.ALLOW_REMOTE_MODELS,
      ...(e.HF_ENDPOINT ? { remoteHost: e.HF_ENDPOINT.endsWith('/') ? e.HF_ENDPOINT : `${e.HF_ENDPOINT}/` } : {}),
      batchSize: e.EMBED_BATCH_SIZE,
    },
    hnsw: { m: e.HNSW_M, efConstruction: e.HNSW_EF_CONSTRUCTION, efSearch: e.HNSW_EF_SEARCH },
    chunking: { minChars: e.CHUNK_MIN_CHARS, maxChars: e.CHUNK_MAX_CHARS },
    answer: {
      topK: e.TOP_K,
      maxQuestionChars: e.MAX_QUESTION_CHARS,
      wordVectors: e.WORD_VECTORS === 'off' ? null : e.WORD_VECTORS ? path.resolve(e.WORD_VECTORS) : (shippedVectorsFile() ?? null),
    },
    bot: {
      token: e.BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhookUrl: e.WEBHOOK_URL,
      webhookSecret: e.WEBHOOK_SECRET,
      port: e.PORT,
      allowedChatIds: e.ALLOWED_CHAT_IDS,
      adminUserIds: e.ADMIN_USER_IDS,
      connectTimeoutS: e.TELEGRAM_CONNECT_TIMEOUT,
      ratePerUser: e.RATE_LIMIT_PER_USER,
      ratePerChat: e.RATE_LIMIT_PER_CHAT,
    },
    logLevel: e.LOG_LEVEL,
  };
}

/** Zod issues on one line: `NAME: message; NAME: message`. Values are never echoed (secrets). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ');
}

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createEmbedder, type Embedder } from '../../src/embed/embedder.js';
import { writeTinyModel } from './tiny-model.js';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const CORPUS_DIR = path.join(REPO, 'corpus');
export const DEV_QUESTIONS = path.join(REPO, 'eval', 'dev.jsonl');
export const DEV2_QUESTIONS = path.join(REPO, 'eval', 'dev2.jsonl');
export const PROBE_QUESTIONS = path.join(REPO, 'eval', 'probes.jsonl');
export const DESCRIPTION_QUESTIONS = path.join(REPO, 'eval', 'descriptions.jsonl');
export const TINY_MODEL_ID = 'test/tiny-bert';

export async function tempDir(prefix = 'report-qa-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A config for tests: the real corpus, a private index dir, no downloads. */
export function testConfig(indexDir: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({ CORPUS_DIR, INDEX_DIR: indexDir, ALLOW_REMOTE_MODELS: 'false', ...overrides });
}

export async function corpusText(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { documents: Array<{ file: string }> };
  const texts = await Promise.all(manifest.documents.map((d) => readFile(path.join(CORPUS_DIR, d.file), 'utf8')));
  return texts.join('\n');
}

/** Writes the generated tiny model under `modelsDir` and loads it through the production embedder. */
export async function tinyEmbedder(modelsDir: string, overrides: Record<string, string> = {}): Promise<{ embedder: Embedder; config: Config }> {
  await writeTinyModel(path.join(modelsDir, TINY_MODEL_ID), { text: `${await corpusText()}abcdefghijklmnopqrstuvwxyz0123456789` });
  const config = testConfig(path.join(modelsDir, 'index'), {
    MODEL_ID: TINY_MODEL_ID,
    MODELS_DIR: modelsDir,
    MODEL_POOLING: 'cls',
    MODEL_QUERY_PREFIX: '为这个句子生成表示以用于检索相关文章：',
    ...overrides,
  });
  return { embedder: await createEmbedder(config.model), config };
}

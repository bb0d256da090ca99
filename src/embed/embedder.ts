import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ModelConfig } from '../config.js';
import { AppError } from '../errors.js';
import { normalizeText } from '../text/normalize.js';

/** Turns questions and passages into unit vectors: a local transformers.js model (below) or SIF sentence vectors (sif.ts). */
export interface Embedder {
  readonly modelId: string;
  readonly dimension: number;
  /** Embeds in batches of `batchSize`; `onProgress` gets the number of texts done so far. */
  embedPassages(texts: string[], onProgress?: (done: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

/**
 * Loads the model from `<modelsDir>/<id>/`, or downloads it there from the hub when
 * `allowRemote` is on. Fails with `MODEL_UNAVAILABLE` (never a hang) when neither works.
 */
export async function createEmbedder(model: ModelConfig): Promise<Embedder> {
  if (!model.allowRemote && !existsSync(path.join(model.modelsDir, model.id))) {
    throw new AppError('MODEL_UNAVAILABLE', { model: model.id, detail: describeLoadError(new Error('no local folder'), model) });
  }
  // Loaded on demand: onnxruntime costs ~250 MB of RSS that a lexical-only process never needs.
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowLocalModels = true;
  env.localModelPath = model.modelsDir;
  env.cacheDir = model.modelsDir;
  env.allowRemoteModels = model.allowRemote;
  if (model.remoteHost) env.remoteHost = model.remoteHost;

  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', model.id, { dtype: model.dtype });
  } catch (error) {
    throw new AppError('MODEL_UNAVAILABLE', { model: model.id, detail: describeLoadError(error, model) }, { cause: error });
  }

  const run = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extractor(texts.map(normalizeText), { pooling: model.pooling, normalize: true });
    const [rows, dimension] = output.dims as [number, number];
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, i) => data.slice(i * dimension, (i + 1) * dimension));
  };

  const [probe] = await run(['维度']);
  return {
    modelId: model.id,
    dimension: probe.length,
    async embedPassages(texts, onProgress) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += model.batchSize) {
        const batch = texts.slice(i, i + model.batchSize).map((t) => model.passagePrefix + t);
        vectors.push(...(await run(batch)));
        onProgress?.(vectors.length);
      }
      return vectors;
    },
    async embedQuery(text) {
      const [vector] = await run([model.queryPrefix + text]);
      return vector;
    },
  };
}

function describeLoadError(error: unknown, model: ModelConfig): string {
  const message = error instanceof Error ? error.message : String(error);
  const relative = path.relative(process.cwd(), model.modelsDir);
  const folder = relative && !relative.startsWith('..') ? relative : model.modelsDir;
  if (!model.allowRemote) return `not in ${folder}, ALLOW_REMOTE_MODELS=false`;
  if (/fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network/i.test(message)) {
    return `not in ${folder}, model hub unreachable`;
  }
  return message.split('\n')[0];
}

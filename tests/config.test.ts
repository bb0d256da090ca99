import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { isAppError } from '../src/errors.js';

describe('config', () => {
  it('defaults to bge-small-zh with CLS pooling, q8 and the query instruction on questions only', () => {
    const config = loadConfig({});
    expect(config.model).toMatchObject({
      id: 'Xenova/bge-small-zh-v1.5',
      dtype: 'q8',
      pooling: 'cls',
      queryPrefix: '为这个句子生成表示以用于检索相关文章：',
      passagePrefix: '',
      allowRemote: true,
      modelsDir: path.resolve('embeddings', 'models'),
    });
    expect(config.hnsw.efSearch).toBe(100);
  });

  it('uses the shipped word vectors unless WORD_VECTORS names another file or is off', () => {
    expect(loadConfig({}).answer.wordVectors).toMatch(/node-synonyms[/\\]data[/\\]words\.vector$/);
    expect(loadConfig({ WORD_VECTORS: 'my/words.vector' }).answer.wordVectors).toBe(path.resolve('my/words.vector'));
    expect(loadConfig({ WORD_VECTORS: 'off' }).answer.wordVectors).toBeNull();
  });

  it('switches to multilingual-e5-small by changing MODEL_ID only', () => {
    const config = loadConfig({ MODEL_ID: 'Xenova/multilingual-e5-small' });
    expect(config.model).toMatchObject({ pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' });
  });

  it('lets every model setting be overridden', () => {
    const config = loadConfig({ MODEL_ID: 'me/model', MODEL_POOLING: 'cls', MODEL_QUERY_PREFIX: 'q ', MODEL_DTYPE: 'fp32', ALLOW_REMOTE_MODELS: 'false' });
    expect(config.model).toMatchObject({ id: 'me/model', pooling: 'cls', queryPrefix: 'q ', passagePrefix: '', dtype: 'fp32', allowRemote: false });
  });

  it('rejects invalid values with a message naming the variable', () => {
    for (const env of [{ TOP_K: 'many' }, { MODEL_DTYPE: 'q3' }, { CHUNK_MIN_CHARS: '500', CHUNK_MAX_CHARS: '100' }]) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(isAppError(error, 'CONFIG_INVALID')).toBe(true);
      expect((error as Error).message).toMatch(new RegExp(Object.keys(env)[0]));
    }
  });
});

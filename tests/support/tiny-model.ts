/**
 * Writes a tiny BERT-shaped model folder that transformers.js loads exactly like a real one
 * (config.json, tokenizer.json, onnx/model*.onnx). The graph is embeddings -> LayerNorm -> each
 * token plus the sequence mean (so the CLS vector depends on the text) -> masked
 * `last_hidden_state`, with fixed pseudo-random weights: vectors are meaningless but
 * deterministic, which is all the loading, pooling and indexing code needs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { seededRandom } from './random.js';

const { onnx } = onnxProto;

export interface TinyModelOptions {
  /** Characters the vocabulary covers; others become [UNK]. */
  text: string;
  dimension?: number;
  seed?: number;
}

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

export async function writeTinyModel(folder: string, options: TinyModelOptions): Promise<{ dimension: number; vocabSize: number }> {
  const dimension = options.dimension ?? 32;
  const vocab = buildVocab(options.text);
  await mkdir(path.join(folder, 'onnx'), { recursive: true });
  const model = encodeModel(vocab.length, dimension, options.seed ?? 7);
  await Promise.all([
    writeFile(path.join(folder, 'config.json'), JSON.stringify(modelConfig(vocab.length, dimension), null, 2)),
    writeFile(path.join(folder, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab))),
    writeFile(path.join(folder, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig())),
    writeFile(path.join(folder, 'vocab.txt'), vocab.join('\n')),
    writeFile(path.join(folder, 'onnx', 'model.onnx'), model),
    writeFile(path.join(folder, 'onnx', 'model_quantized.onnx'), model),
  ]);
  return { dimension, vocabSize: vocab.length };
}

function buildVocab(text: string): string[] {
  const chars = new Set<string>();
  for (const ch of text.normalize('NFKC').toLowerCase()) if (/[\p{L}\p{N}\p{P}]/u.test(ch)) chars.add(ch);
  return [...SPECIAL_TOKENS, ...[...chars].sort()];
}

function modelConfig(vocabSize: number, dimension: number) {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dimension,
    num_attention_heads: 1,
    num_hidden_layers: 1,
    intermediate_size: dimension,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: vocabSize,
    pad_token_id: 0,
  };
}

function tokenizerConfig() {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 512,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
}

function tokenizerJson(vocab: string[]) {
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]));
  const special = (token: string) => ({ id: token, ids: [ids[token]], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: ids[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

function encodeModel(vocabSize: number, dimension: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const floats = (n: number, scale: number) => Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  const tensor = (name: string, dims: number[], values: number[]) =>
    onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, floatData: values });
  const int64Tensor = (name: string, values: number[]) =>
    onnx.TensorProto.create({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, int64Data: values });
  const input = (name: string, elemType: number, dims: Array<string | number>) =>
    onnx.ValueInfoProto.create({
      name,
      type: {
        tensorType: {
          elemType,
          shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
        },
      },
    });
  const node = (opType: string, inputs: string[], outputs: string[], attribute: ReturnType<typeof onnx.AttributeProto.create>[] = []) =>
    onnx.NodeProto.create({ opType, input: inputs, output: outputs, name: outputs[0], attribute });
  const INT64 = onnx.TensorProto.DataType.INT64;
  const FLOAT = onnx.TensorProto.DataType.FLOAT;

  const keepDims = onnx.AttributeProto.create({ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 1 });
  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    initializer: [
      tensor('word_embeddings', [vocabSize, dimension], floats(vocabSize * dimension, 1)),
      tensor('token_type_embeddings', [2, dimension], floats(2 * dimension, 0.1)),
      tensor('ln_scale', [dimension], Array(dimension).fill(1)),
      tensor('ln_bias', [dimension], Array(dimension).fill(0)),
      int64Tensor('last_axis', [-1]),
      int64Tensor('sequence_axis', [1]),
    ],
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words']),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types']),
      node('Add', ['words', 'types'], ['summed']),
      node('LayerNormalization', ['summed', 'ln_scale', 'ln_bias'], ['normed'], [
        onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: -1 }),
      ]),
      node('Cast', ['attention_mask'], ['mask_float'], [
        onnx.AttributeProto.create({ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }),
      ]),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask_3d']),
      node('Mul', ['normed', 'mask_3d'], ['masked']),
      node('ReduceSum', ['masked', 'sequence_axis'], ['token_sum'], [keepDims]),
      node('ReduceSum', ['mask_3d', 'sequence_axis'], ['token_count'], [keepDims]),
      node('Div', ['token_sum', 'token_count'], ['sequence_mean']),
      node('Add', ['masked', 'sequence_mean'], ['mixed']),
      node('Mul', ['mixed', 'mask_3d'], ['last_hidden_state']),
    ],
    input: [
      input('input_ids', INT64, ['batch', 'sequence']),
      input('attention_mask', INT64, ['batch', 'sequence']),
      input('token_type_ids', INT64, ['batch', 'sequence']),
    ],
    output: [input('last_hidden_state', FLOAT, ['batch', 'sequence', dimension])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'report-qa tiny model',
    opsetImport: [{ domain: '', version: 17 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

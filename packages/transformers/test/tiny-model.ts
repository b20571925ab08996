/**
 * Writes a tiny text-classification model in the Hugging Face layout transformers.js loads —
 * `config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx` — with the ONNX
 * graph encoded here by hand (protobuf wire format), so tests need no network and no Python.
 *
 * Graph: logits = ReduceSum(Gather(embedding, input_ids) * attention_mask, axis 1) · W + b.
 * Each word's embedding is one-hot on its own sentiment axis, so the model is a bag of words
 * whose predictions the tests can compute by hand; the pad token embeds to zero, so padding in a
 * batch changes nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attrInt, attrInts, FLOAT, floatTensor, INT64, node, onnxModel, str, valueInfo } from './onnx-proto.js';

export interface TinyModelSpec {
  /** Words of the vocabulary and the label each one votes for. */
  words: Record<string, string>;
  /** Model labels in output order, e.g. ['NEG', 'NEU', 'POS']. */
  labels: string[];
}

/** The ONNX ModelProto bytes of the bag-of-words classifier. */
export function tinyOnnxModel(vocabSize: number, embedding: number[], labels: number): Uint8Array {
  const H = labels;
  const W = Array.from({ length: H * labels }, (_, i) => (Math.floor(i / labels) === i % labels ? 1 : 0));
  const graph = [
    node('Gather', ['embedding', 'input_ids'], ['embedded']),
    node('Cast', ['attention_mask'], ['mask_f'], attrInt('to', FLOAT)),
    node('Unsqueeze', ['mask_f'], ['mask_3d'], attrInts('axes', [2])),
    node('Mul', ['embedded', 'mask_3d'], ['masked']),
    node('ReduceSum', ['masked'], ['pooled'], attrInts('axes', [1]), attrInt('keepdims', 0)),
    node('MatMul', ['pooled', 'classifier_w'], ['scores']),
    node('Add', ['scores', 'classifier_b'], ['logits']),
    str(2, 'tiny-bag-of-words'),
    floatTensor('embedding', [vocabSize, H], embedding),
    floatTensor('classifier_w', [H, labels], W),
    floatTensor('classifier_b', [labels], new Array<number>(labels).fill(0)),
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'sequence']),
    valueInfo(12, 'logits', FLOAT, ['batch', labels]),
  ];
  return onnxModel(11, ...graph);
}

/**
 * Write the model under `dir/<id>/`. Token ids: 0 [PAD], 1 [UNK], then `words` in order; a word
 * adds 2 to its label's logit, [UNK] adds 0.5 to the first label's.
 */
export function writeTinyClassifier(dir: string, id: string, spec: TinyModelSpec): string {
  const root = join(dir, id);
  mkdirSync(join(root, 'onnx'), { recursive: true });
  const vocab: Record<string, number> = { '[PAD]': 0, '[UNK]': 1 };
  const L = spec.labels.length;
  const embedding = [...new Array<number>(L).fill(0), 0.5, ...new Array<number>(L - 1).fill(0)];
  for (const [word, label] of Object.entries(spec.words)) {
    vocab[word] = Object.keys(vocab).length;
    embedding.push(...spec.labels.map((l) => (l === label ? 2 : 0)));
  }
  writeFileSync(join(root, 'onnx', 'model.onnx'), tinyOnnxModel(Object.keys(vocab).length, embedding, L));
  const id2label = Object.fromEntries(spec.labels.map((l, i) => [String(i), l]));
  writeFileSync(
    join(root, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertForSequenceClassification'],
      id2label,
      label2id: Object.fromEntries(spec.labels.map((l, i) => [l, i])),
      problem_type: 'single_label_classification',
    }),
  );
  writeTokenizer(root, vocab);
  return root;
}

/** The ONNX bytes of a tiny encoder: last_hidden_state = Gather(embedding, input_ids). */
export function tinyOnnxEncoder(vocabSize: number, hidden: number, embedding: number[]): Uint8Array {
  const graph = [
    node('Gather', ['embedding', 'input_ids'], ['last_hidden_state']),
    str(2, 'tiny-encoder'),
    floatTensor('embedding', [vocabSize, hidden], embedding),
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'sequence']),
    valueInfo(12, 'last_hidden_state', FLOAT, ['batch', 'sequence', hidden]),
  ];
  return onnxModel(11, ...graph);
}

/**
 * Write a tiny feature-extraction model under `dir/<id>/`: each word embeds to the given vector,
 * [PAD] and [UNK] to zeros, so mean-pooled sentence vectors can be computed by hand.
 */
export function writeTinyEncoder(dir: string, id: string, vectors: Record<string, number[]>): string {
  const root = join(dir, id);
  mkdirSync(join(root, 'onnx'), { recursive: true });
  const hidden = Object.values(vectors)[0]!.length;
  const vocab: Record<string, number> = { '[PAD]': 0, '[UNK]': 1 };
  const embedding = new Array<number>(2 * hidden).fill(0);
  for (const [word, v] of Object.entries(vectors)) {
    vocab[word] = Object.keys(vocab).length;
    embedding.push(...v);
  }
  writeFileSync(join(root, 'onnx', 'model.onnx'), tinyOnnxEncoder(Object.keys(vocab).length, hidden, embedding));
  writeFileSync(join(root, 'config.json'), JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: hidden }));
  writeTokenizer(root, vocab);
  return root;
}

/** A WordLevel tokenizer (lower-cased, split on whitespace) over `vocab`; `specials` are added tokens (`eos` the end token, `extra` language tokens) of `tokenizerClass`. */
export function writeTokenizer(
  root: string,
  vocab: Record<string, number>,
  specials: { pad: string; unk: string; eos?: string; extra?: string[]; tokenizerClass?: string } = { pad: '[PAD]', unk: '[UNK]' },
): void {
  const added = [specials.pad, ...(specials.eos ? [specials.eos] : []), specials.unk, ...(specials.extra ?? [])].map((content) => ({
    id: vocab[content]!,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  writeFileSync(
    join(root, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: added,
      normalizer: { type: 'Lowercase' },
      pre_tokenizer: { type: 'Whitespace' },
      post_processor: null,
      decoder: null,
      model: { type: 'WordLevel', vocab, unk_token: specials.unk },
    }),
  );
  writeFileSync(
    join(root, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: specials.tokenizerClass ?? 'PreTrainedTokenizer',
      pad_token: specials.pad,
      unk_token: specials.unk,
      ...(specials.eos ? { eos_token: specials.eos } : {}),
      model_max_length: 512,
    }),
  );
}

/**
 * Writes a tiny Marian-style encoder-decoder in the layout transformers.js' translation pipeline
 * loads — `config.json`, `generation_config.json`, `tokenizer.json`, `onnx/encoder_model.onnx`,
 * `onnx/decoder_model_merged.onnx` — so the translator is tested on a real seq2seq generate loop
 * with no download. It translates word by word through a dictionary, in source order:
 *
 * - encoder: hidden[s] = [one-hot of the word at s | one-hot of its position]
 * - decoder (sees the last generated token t and the encoder states, no past key values): finds
 *   the source position whose word translates to t (the start token means "before position 0"),
 *   moves one position on, and puts logit 10 on the translation of the word there; past the end
 *   only `</s>` (logit 1) is left, so generation stops.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attrInt, attrInts, FLOAT, floatTensor, INT64, int64Tensor, node, onnxModel, str, valueInfo } from './onnx-proto.js';
import { writeTokenizer } from './tiny-model.js';

/** Longest source text in words. */
const POSITIONS = 16;

/** How each family's tokenizer names languages, and its model type. */
const FAMILIES = {
  marian: { modelType: 'marian', tokenizer: 'PreTrainedTokenizer', token: (_: string) => '' },
  nllb: { modelType: 'm2m_100', tokenizer: 'NllbTokenizer', token: (code: string) => code },
  m2m100: { modelType: 'm2m_100', tokenizer: 'M2M100Tokenizer', token: (code: string) => `__${code}__` },
} as const;

/**
 * Write the model under `dir/<id>/`; `dictionary` maps source words to target words (lower case).
 * NLLB and M2M100 variants add `languages` (the model's codes: `deu_Latn` / `de`) as special tokens
 * the way those tokenizers expect them, and their decoder starts translating only after the token
 * of the LAST language: the pipeline must force that target token first (for any other target, or
 * none, the output is empty), so a translation proves the language codes reached the model.
 */
export function writeTinyTranslator(
  dir: string,
  id: string,
  dictionary: Record<string, string>,
  { family = 'marian', languages = [] }: { family?: keyof typeof FAMILIES; languages?: string[] } = {},
): string {
  const root = join(dir, id);
  mkdirSync(join(root, 'onnx'), { recursive: true });
  const kind = FAMILIES[family];
  const vocab: Record<string, number> = { '<pad>': 0, '</s>': 1, '<unk>': 2 };
  const languageTokens = languages.map((l) => kind.token(l));
  for (const t of languageTokens) vocab[t] = Object.keys(vocab).length;
  for (const w of [...Object.keys(dictionary), ...Object.values(dictionary)]) vocab[w] ??= Object.keys(vocab).length;
  const V = Object.keys(vocab).length;
  const P = POSITIONS;
  const H = V + P;
  const zeros = (n: number) => new Array<number>(n).fill(0);

  // encoder
  const identityV = zeros(V * V);
  for (let i = 3 + languageTokens.length; i < V; i++) identityV[i * V + i] = 1; // special and language tokens embed to nothing
  const identityP = zeros(P * P);
  for (let i = 0; i < P; i++) identityP[i * P + i] = 1;
  const encoder = onnxModel(
    12,
    node('Gather', ['words', 'input_ids'], ['word_part']),
    node('CumSum', ['attention_mask', 'axis1'], ['count']),
    node('Sub', ['count', 'one'], ['position_raw']),
    node('Clip', ['position_raw', 'zero', 'last'], ['position']),
    node('Gather', ['positions', 'position'], ['position_part']),
    node('Concat', ['word_part', 'position_part'], ['last_hidden_state'], attrInt('axis', 2)),
    str(2, 'tiny-translation-encoder'),
    floatTensor('words', [V, V], identityV),
    floatTensor('positions', [P, P], identityP),
    int64Tensor('axis1', [], [1]),
    int64Tensor('one', [], [1]),
    int64Tensor('zero', [], [0]),
    int64Tensor('last', [], [P - 1]),
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'sequence']),
    valueInfo(12, 'last_hidden_state', FLOAT, ['batch', 'sequence', H]),
  );

  // decoder
  const wordOf = zeros(H * V); // hidden → word part
  for (let i = 0; i < V; i++) wordOf[i * V + i] = 1;
  const positionOf = zeros(H * P); // hidden → position part
  for (let i = 0; i < P; i++) positionOf[(V + i) * P + i] = 1;
  const source = zeros(V * V); // target token → the source word it translates
  const translate = zeros(V * V); // source word → logit of its translation
  for (const [s, t] of Object.entries(dictionary)) {
    source[vocab[t]! * V + vocab[s]!] = 1;
    translate[vocab[s]! * V + vocab[t]!] = 10;
  }
  const startNext = zeros(V * P); // the token that starts the chain points at position 0
  startNext[vocab[languageTokens.at(-1) ?? '<pad>']! * P] = 1;
  const shift = zeros(P * P);
  for (let i = 0; i + 1 < P; i++) shift[i * P + i + 1] = 1;
  const eosBias = zeros(V);
  eosBias[1] = 1;
  const decoder = onnxModel(
    12,
    node('MatMul', ['encoder_hidden_states', 'word_of'], ['enc_words']), // [B,S,V]
    node('MatMul', ['encoder_hidden_states', 'position_of'], ['enc_positions']), // [B,S,P]
    node('Gather', ['source', 'input_ids'], ['last_source']), // [B,1,V]
    node('Transpose', ['last_source'], ['last_source_t'], attrInts('perm', [0, 2, 1])), // [B,V,1]
    node('MatMul', ['enc_words', 'last_source_t'], ['match']), // [B,S,1]
    node('Transpose', ['match'], ['match_t'], attrInts('perm', [0, 2, 1])), // [B,1,S]
    node('MatMul', ['match_t', 'enc_positions'], ['at']), // [B,1,P]
    node('MatMul', ['at', 'shift'], ['after']),
    node('Gather', ['start_next', 'input_ids'], ['start']), // [B,1,P]
    node('Add', ['after', 'start'], ['next']),
    node('Transpose', ['next'], ['next_t'], attrInts('perm', [0, 2, 1])), // [B,P,1]
    node('MatMul', ['enc_positions', 'next_t'], ['select']), // [B,S,1]
    node('Transpose', ['select'], ['select_t'], attrInts('perm', [0, 2, 1])), // [B,1,S]
    node('MatMul', ['select_t', 'enc_words'], ['word']), // [B,1,V]
    node('MatMul', ['word', 'translate'], ['scores']),
    node('Add', ['scores', 'eos_bias'], ['logits']),
    str(2, 'tiny-translation-decoder'),
    floatTensor('word_of', [H, V], wordOf),
    floatTensor('position_of', [H, P], positionOf),
    floatTensor('source', [V, V], source),
    floatTensor('translate', [V, V], translate),
    floatTensor('start_next', [V, P], startNext),
    floatTensor('shift', [P, P], shift),
    floatTensor('eos_bias', [V], eosBias),
    valueInfo(11, 'input_ids', INT64, ['batch', 'decoder_sequence']),
    valueInfo(11, 'encoder_hidden_states', FLOAT, ['batch', 'sequence', H]),
    valueInfo(12, 'logits', FLOAT, ['batch', 'decoder_sequence', V]),
  );
  writeFileSync(join(root, 'onnx', 'encoder_model.onnx'), encoder);
  writeFileSync(join(root, 'onnx', 'decoder_model_merged.onnx'), decoder);
  const ids = { decoder_start_token_id: 0, pad_token_id: 0, eos_token_id: 1 };
  writeFileSync(
    join(root, 'config.json'),
    JSON.stringify({
      model_type: kind.modelType,
      architectures: [family === 'marian' ? 'MarianMTModel' : 'M2M100ForConditionalGeneration'],
      is_encoder_decoder: true,
      vocab_size: V,
      d_model: H,
      encoder_layers: 0,
      decoder_layers: 0,
      encoder_attention_heads: 1,
      decoder_attention_heads: 1,
      max_position_embeddings: P,
      forced_eos_token_id: 1,
      ...ids,
    }),
  );
  writeFileSync(join(root, 'generation_config.json'), JSON.stringify({ ...ids, max_length: P + 2, num_beams: 1 }));
  writeTokenizer(root, vocab, { pad: '<pad>', unk: '<unk>', eos: '</s>', extra: languageTokens, tokenizerClass: kind.tokenizer });
  return root;
}

import { readFileSync } from 'node:fs';
import { CxqaError } from '../../../errors.js';
import type { MessageView } from '../../../pipeline/analyze/contract.js';
import { corePackageFile } from '../../../util/package-file.js';
import { type FeatureHash, featureTable } from './feature-hash.js';
import { sentimentFeatureList, sentimentRowReader } from './features.js';

/** On-disk format written by `scripts/train-sentiment.ts`. */
export interface LinearModelFile {
  format: 'cxqa-linear/1';
  version: string;
  language: string;
  labels: string[];
  bias: number[];
  /** feature → weight per label (same order as `labels`) */
  weights: Record<string, number[]>;
}

export interface Prediction {
  label: string;
  /** Softmax probability per label. */
  scores: Record<string, number>;
}

export interface SentimentModel {
  readonly language: string;
  readonly version: string;
  readonly labels: readonly string[];
  /** `normalized`: the text's normalized view, when the caller already has it. */
  predict(text: string, normalized?: string): Prediction;
}

/** Sparse binary features of a text; `normalized` is its normalized view when the caller has it. */
export type FeatureFunction = (text: string, normalized?: string) => readonly string[];

/**
 * A softmax-regression text classifier: a `cxqa-linear/1` model file over any feature function.
 * Each feature the function returns adds its weights; with `{ once: true }` a feature the function
 * returns again is counted once (its first occurrence), so the function need not deduplicate.
 *
 * @example
 * const model = createLinearClassifier(file, (text) => text.toLowerCase().split(/\s+/).map((w) => `w:${w}`));
 * model.predict('thanks a lot').label;
 */
export function createLinearClassifier(file: LinearModelFile, features: FeatureFunction, options: { once?: boolean } = {}): SentimentModel {
  const { names, scorer } = weightTable(file, options.once === true);
  const rows = new Map(names.map((name, r) => [name, r]));
  return linearModel(file, scorer, (text, normalized) => {
    for (const f of features(text, normalized)) {
      const r = rows.get(f);
      if (r !== undefined) scorer.add(r);
    }
  });
}

/** The model object: each prediction starts the scorer, lets `addRows` add the text's rows, and reads the scores. */
function linearModel(file: LinearModelFile, scorer: Scorer, addRows: (text: string, normalized: string | undefined) => void): SentimentModel {
  return {
    language: file.language,
    version: file.version,
    labels: file.labels,
    predict(text, normalized) {
      scorer.start();
      addRows(text, normalized);
      return scorer.prediction();
    },
  };
}

/** Sums the weight rows of one prediction and turns them into softmax probabilities. */
interface Scorer {
  start(): void;
  /** Add row `r` (ignored when `once` and already added since `start`). */
  add(r: number): void;
  prediction(): Prediction;
}

/**
 * The model's weights as one flat Float64Array (row r holds its labels at r*L … r*L+L-1) and a
 * scorer over it. Rows are summed in the order they come — as the features come, so the doubles
 * are the same, bit for bit, as summing the model file's arrays one feature at a time.
 *
 * `spare` rows follow the model's own: `relocate(r)` copies row r's weights to the next spare row
 * the first time it is asked for r and returns that row ever after (r itself once the spare rows
 * are used up). A reader that asks it for every row of a kind of feature, before adding any, adds
 * the copies in the order it first meets them: the rows of one word side by side (see
 * `createSentimentModel`). A row and its copy hold the same doubles, so the sums are unchanged.
 */
function weightTable(file: LinearModelFile, once: boolean, spare = 0): { names: string[]; scorer: Scorer; relocate: (row: number) => number } {
  if (file.format !== 'cxqa-linear/1') throw new CxqaError('invalid_option', `unsupported linear model format "${String(file.format)}"`);
  const L = file.labels.length;
  const names = Object.keys(file.weights);
  const rowCount = names.length + spare;
  const table = new Float64Array(rowCount * L);
  for (let r = 0; r < names.length; r++) for (let l = 0; l < L; l++) table[r * L + l] = file.weights[names[r]!]![l]!;
  // once: row r was added in this prediction when seen[r] === stamp (no Set of strings per call)
  const seen = once ? new Uint32Array(rowCount) : null;
  let stamp = 0;
  let z: number[] = [];
  const protoLabel = file.labels.includes('__proto__');
  const scorer: Scorer = {
    start() {
      z = [...file.bias];
      if (seen && ++stamp === 0xffffffff) {
        seen.fill(0);
        stamp = 1;
      }
    },
    add(r) {
      if (seen) {
        if (seen[r] === stamp) return;
        seen[r] = stamp;
      }
      for (let l = 0, o = r * L; l < L; l++) z[l]! += table[o + l]!;
    },
    prediction() {
      // the first label with the largest sum; the same doubles as Math.max, map, reduce and fromEntries
      let best = 0;
      for (let l = 1; l < L; l++) if (z[l]! > z[best]!) best = l;
      const max = z[best]!;
      let sum = 0;
      for (let l = 0; l < L; l++) {
        z[l] = Math.exp(z[l]! - max);
        sum += z[l]!;
      }
      // (a label named __proto__ needs fromEntries' own property, which assignment does not make)
      if (protoLabel) return { label: file.labels[best]!, scores: Object.fromEntries(file.labels.map((label, l) => [label, z[l]! / sum])) };
      const scores: Record<string, number> = {};
      for (let l = 0; l < L; l++) scores[file.labels[l]!] = z[l]! / sum;
      return { label: file.labels[best]!, scores };
    },
  };
  // model row → its copy among the spare rows (-1: not copied yet)
  const copyOf = spare > 0 ? new Int32Array(names.length).fill(-1) : null;
  let next = names.length;
  const relocate = (r: number): number => {
    if (copyOf === null) return r;
    let c = copyOf[r]!;
    if (c < 0) {
      if (next === rowCount) return r;
      c = next++;
      table.copyWithin(c * L, r * L, r * L + L);
      copyOf[r] = c;
    }
    return c;
  };
  return { names, scorer, relocate };
}

/**
 * A softmax-regression text classifier over `sentimentFeatures`, each feature counted once. Looks
 * features up by a 64-bit hash instead of by string (see feature-hash.ts), and the features of a
 * word once per model (`sentimentRowReader`: its rows kept under the word); a model whose own
 * feature names collide keeps string lookups.
 *
 * @example
 * const model = createSentimentModel(JSON.parse(readFileSync('sentiment-en.json', 'utf8')));
 * model.predict('Still waiting, third time I ask!!!').label; // 'negative'
 */
export function createSentimentModel(file: LinearModelFile): SentimentModel {
  // a spare row for each feature of a word (w:, n:, g:): the reader keeps a word's rows side by side
  let wordFeatures = 0;
  for (const name in file.weights) if (name.startsWith('w:') || name.startsWith('n:') || name.startsWith('g:')) wordFeatures++;
  const { names, scorer, relocate } = weightTable(file, true, wordFeatures);
  const rows = featureTable(names);
  if (!rows) return createLinearClassifier(file, sentimentFeatureList, { once: true });
  // the rows of the text's features in the order `eachSentimentFeatureHash` visits them (each word read once per model),
  // a word's features read from their copies, side by side in the order the words came
  const read = sentimentRowReader(rows, names, relocate);
  const add = (r: number) => scorer.add(r);
  return linearModel(file, scorer, (text, normalized) => read(text, normalized, add));
}

/**
 * Features of a text enumerated as hashes (see feature-hash.ts): for each feature, in the order
 * the matching `FeatureFunction` lists them, fill `h` with its hash and call `visit`.
 */
export type FeatureHashFunction = (text: string, normalized: string | undefined, h: FeatureHash, visit: () => void) => void;

/**
 * A softmax-regression classifier over hashed features, each counted once: the same
 * probabilities, bit for bit, as `createLinearClassifier(file, features, { once: true })` when
 * `hashed` enumerates the hashes of what `features` lists, in the same order (the rows are
 * summed as they come). A model whose own feature names collide on 64 bits keeps `features`.
 */
export function createHashedClassifier(file: LinearModelFile, hashed: FeatureHashFunction, features: FeatureFunction): SentimentModel {
  const { names, scorer } = weightTable(file, true);
  const rows = featureTable(names);
  if (!rows) return createLinearClassifier(file, features, { once: true });
  const h: FeatureHash = { a: 0, b: 0 };
  const visit = () => {
    const r = rows.rowOf(h.a, h.b);
    if (r >= 0) scorer.add(r);
  };
  return linearModel(file, scorer, (text, normalized) => hashed(text, normalized, h, visit));
}

const files = new Map<string, LinearModelFile>();
const loaded = new Map<string, SentimentModel>();

/** The parsed `models/<name>.json` of the package, read once. */
export function shippedModelFile(name: string): LinearModelFile {
  let file = files.get(name);
  if (!file) {
    const path = corePackageFile(`models/${name}.json`);
    file = JSON.parse(readFileSync(path, 'utf8')) as LinearModelFile;
    files.set(name, file);
  }
  return file;
}

/**
 * Load `models/<name>.json` from the package once (a linear model over `features`, each feature
 * counted once; over their hashes when `hashed` enumerates them, see `createHashedClassifier`).
 */
export function shippedModel(name: string, features: FeatureFunction = sentimentFeatureList, hashed?: FeatureHashFunction): SentimentModel {
  let model = loaded.get(name);
  if (!model) {
    // the shipped feature functions list each feature once (or, the *List variants, count on { once })
    const file = shippedModelFile(name);
    model =
      features === sentimentFeatureList
        ? createSentimentModel(file)
        : hashed
          ? createHashedClassifier(file, hashed, features)
          : createLinearClassifier(file, features, { once: true });
    loaded.set(name, model);
  }
  return model;
}

/** Languages with a shipped polarity model. */
export const SENTIMENT_LANGUAGES = ['zh', 'en', 'de', 'fr', 'es', 'pt', 'it'] as const;

/**
 * The polarity model shipped for `language`, loaded on first use, or null when none ships.
 *
 * @example
 * builtinSentimentModel('zh')?.predict('质量太差了，再也不买').label; // 'negative'
 */
export function builtinSentimentModel(language: string): SentimentModel | null {
  return (SENTIMENT_LANGUAGES as readonly string[]).includes(language) ? shippedModel(`sentiment-${language}`) : null;
}

/** Languages with a shipped emotion model (XED: English annotations, projections elsewhere). */
export const EMOTION_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it'] as const;

/**
 * The emotion model shipped for `language`, or null: Plutchik's eight emotions (anger,
 * anticipation, disgust, fear, joy, sadness, surprise, trust), plus `neutral` for English.
 *
 * @example
 * builtinEmotionModel('en')?.predict('I am so scared it got lost').label; // 'fear'
 */
export function builtinEmotionModel(language: string): SentimentModel | null {
  return (EMOTION_LANGUAGES as readonly string[]).includes(language) ? shippedModel(`emotion-${language}`) : null;
}

/**
 * `model.predict(m.text, m.view.normalized)`, computed once per message and model and kept in the
 * message's shared analysis: the sentiment, courtesy and script analyzers all read the polarity of
 * the same messages. A prediction is a pure function of the text, so sharing never changes one;
 * callers must not change the returned object.
 */
export function predictMessage(model: SentimentModel, m: Pick<MessageView, 'text' | 'view' | 'analysis'>): Prediction {
  return m.analysis.memo(model, () => model.predict(m.text, m.view.normalized));
}

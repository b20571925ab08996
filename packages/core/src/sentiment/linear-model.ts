import { readFileSync } from 'node:fs';
import { CxqaError } from '../errors.js';
import { corePackageFile } from '../util/package-file.js';
import { sentimentFeatures } from './features.js';

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
 *
 * @example
 * const model = createLinearClassifier(file, (text) => text.toLowerCase().split(/\s+/).map((w) => `w:${w}`));
 * model.predict('thanks a lot').label;
 */
export function createLinearClassifier(file: LinearModelFile, features: FeatureFunction): SentimentModel {
  if (file.format !== 'cxqa-linear/1') throw new CxqaError('invalid_option', `unsupported linear model format "${String(file.format)}"`);
  const weights = new Map(Object.entries(file.weights));
  const L = file.labels.length;
  return {
    language: file.language,
    version: file.version,
    labels: file.labels,
    predict(text, normalized) {
      const z = [...file.bias];
      for (const f of features(text, normalized)) {
        const w = weights.get(f);
        if (w) for (let l = 0; l < L; l++) z[l]! += w[l]!;
      }
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      const scores = Object.fromEntries(file.labels.map((l, i) => [l, e[i]! / sum]));
      return { label: file.labels[z.indexOf(max)]!, scores };
    },
  };
}

/**
 * A softmax-regression text classifier over `sentimentFeatures`.
 *
 * @example
 * const model = createSentimentModel(JSON.parse(readFileSync('sentiment-en.json', 'utf8')));
 * model.predict('Still waiting, third time I ask!!!').label; // 'negative'
 */
export function createSentimentModel(file: LinearModelFile): SentimentModel {
  return createLinearClassifier(file, sentimentFeatures);
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

/** Load `models/<name>.json` from the package once (a linear model over `features`). */
export function shippedModel(name: string, features: FeatureFunction = sentimentFeatures): SentimentModel {
  let model = loaded.get(name);
  if (!model) {
    model = createLinearClassifier(shippedModelFile(name), features);
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

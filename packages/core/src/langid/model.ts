import { readFileSync } from 'node:fs';
import { CxqaError } from '../errors.js';
import { corePackageFile } from '../util/package-file.js';
import { forEachNgram } from './features.js';

/** The on-disk format written by `scripts/train-langid.ts`. */
export interface LangidModelFile {
  format: 'cxqa-langid-nb/1';
  version: string;
  languages: string[];
  alpha: number;
  totals: number[];
  vocabSize: number;
  /** gram → flat pairs [languageIndex, count, languageIndex, count, …] */
  grams: Record<string, number[]>;
}

/** A loaded naive-Bayes character n-gram model. */
export interface LangidModel {
  readonly version: string;
  readonly languages: readonly string[];
  /** Per-language log-likelihood of the prepared text (same order as `languages`). */
  logLikelihoods(prepared: string): Float64Array;
}

/** Turn a model file into a scorer (log-probabilities precomputed once). */
export function createLangidModel(file: LangidModelFile): LangidModel {
  if (file.format !== 'cxqa-langid-nb/1') {
    throw new CxqaError('invalid_option', `unsupported language-ID model format "${String(file.format)}"`);
  }
  const L = file.languages.length;
  const denominators = file.totals.map((t) => Math.log(t + file.alpha * file.vocabSize));
  const unseen = new Float64Array(L);
  for (let l = 0; l < L; l++) unseen[l] = Math.log(file.alpha) - denominators[l]!;
  const table = new Map<string, Float64Array>();
  for (const [gram, pairs] of Object.entries(file.grams)) {
    const row = Float64Array.from(unseen);
    for (let k = 0; k < pairs.length; k += 2) {
      const l = pairs[k]!;
      row[l] = Math.log(pairs[k + 1]! + file.alpha) - denominators[l]!;
    }
    table.set(gram, row);
  }
  return {
    version: file.version,
    languages: file.languages,
    logLikelihoods(prepared: string): Float64Array {
      const acc = new Float64Array(L);
      forEachNgram(prepared, (gram) => {
        const row = table.get(gram) ?? unseen;
        for (let l = 0; l < L; l++) acc[l] = acc[l]! + row[l]!;
      });
      return acc;
    },
  };
}

let builtin: LangidModel | undefined;

/** The model that ships in @cxqa/core, loaded on first use and then cached. */
export function builtinLangidModel(): LangidModel {
  if (builtin) return builtin;
  const path = corePackageFile('models/langid.json');
  if (!path) {
    throw new CxqaError(
      'model_missing',
      '@cxqa/core: models/langid.json is missing from the package; reinstall @cxqa/core or run `pnpm train:langid` in the repository',
    );
  }
  builtin = createLangidModel(JSON.parse(readFileSync(path, 'utf8')) as LangidModelFile);
  return builtin;
}

import { readFileSync } from 'node:fs';
import { CxqaError } from '../errors.js';
import { corePackageFile } from '../util/package-file.js';
import { DEFAULT_CALIBRATION, type LangidCalibration } from './calibration.js';
import { codePointsInto } from './features.js';
import { GramAutomaton } from './gram-automaton.js';
import { GramTable } from './gram-table.js';

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
  /** Length-dependent temperature (see calibration.ts); DEFAULT_CALIBRATION when absent. */
  calibration?: LangidCalibration;
}

/** A loaded naive-Bayes character n-gram model. */
export interface LangidModel {
  readonly version: string;
  readonly languages: readonly string[];
  /** How raw log-likelihoods are turned into calibrated evidence. */
  readonly calibration: LangidCalibration;
  /** Per-language log-likelihood of the prepared text (same order as `languages`). */
  logLikelihoods(prepared: string): Float64Array;
  /**
   * The same for the prepared text given as code points `codes[0, length)` (what `scanPrefix`
   * makes): no string needed. Optional for a model of one's own; `createLangidModel` provides it.
   */
  logLikelihoodsOfCodes?(codes: Int32Array, length: number): Float64Array;
}

/**
 * A model file's grams and their rows of per-language log-probabilities, as `createLangidModel`
 * scores with them: `rows[r · L + l]` = log((count of gram r in language l + α) / (total_l + α · V)),
 * `unseen[l]` = log(α / (total_l + α · V)) for a gram the file lacks (additive smoothing; L = the
 * file's languages, V = `vocabSize`).
 */
export function langidModelRows(file: LangidModelFile): { grams: string[]; rows: Float64Array; unseen: Float64Array } {
  const L = file.languages.length;
  const denominators = file.totals.map((t) => Math.log(t + file.alpha * file.vocabSize));
  const unseen = new Float64Array(L);
  for (let l = 0; l < L; l++) unseen[l] = Math.log(file.alpha) - denominators[l]!;
  const grams = Object.keys(file.grams);
  const rows = new Float64Array(grams.length * L);
  grams.forEach((gram, r) => {
    rows.set(unseen, r * L);
    const pairs = file.grams[gram]!;
    for (let k = 0; k < pairs.length; k += 2) {
      const l = pairs[k]!;
      rows[r * L + l] = Math.log(pairs[k + 1]! + file.alpha) - denominators[l]!;
    }
  });
  return { grams, rows, unseen };
}

/**
 * Turn a model file into a scorer (log-probabilities precomputed once).
 *
 * @example
 * const model = createLangidModel(JSON.parse(readFileSync('my-langid.json', 'utf8')));
 * identifyLanguage('Bom dia', { model });
 */
export function createLangidModel(file: LangidModelFile): LangidModel {
  if (file.format !== 'cxqa-langid-nb/1') {
    throw new CxqaError('invalid_option', `unsupported language-ID model format "${String(file.format)}"`);
  }
  const L = file.languages.length;
  const { grams, rows, unseen } = langidModelRows(file);
  // the automaton when the model's alphabet is small enough (the built-in one: 53 characters), else the hash table
  const automaton = GramAutomaton.build(grams, rows, unseen);
  const table = automaton ? null : new GramTable(grams, rows);
  let cps: Int32Array = new Int32Array(256);
  const ofCodes = (codes: Int32Array, length: number): Float64Array => {
    const acc = new Float64Array(L);
    if (automaton) automaton.accumulate(codes, length, acc);
    else table!.accumulate(codes, length, acc, unseen);
    return acc;
  };
  return {
    version: file.version,
    languages: file.languages,
    calibration: file.calibration ?? DEFAULT_CALIBRATION,
    logLikelihoods(prepared: string): Float64Array {
      const { codes, length } = codePointsInto(prepared, cps);
      cps = codes;
      return ofCodes(codes, length);
    },
    logLikelihoodsOfCodes: ofCodes,
  };
}

let builtin: LangidModel | undefined;

/** The model that ships in @cxqa/core, loaded on first use and then cached. */
export function builtinLangidModel(): LangidModel {
  if (builtin) return builtin;
  const path = corePackageFile('models/langid.json');
  builtin = createLangidModel(JSON.parse(readFileSync(path, 'utf8')) as LangidModelFile);
  return builtin;
}

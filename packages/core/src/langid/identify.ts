import { evidenceScale, type LangidCalibration } from './calibration.js';
import { countLetters, langidText, MAX_CHARS } from './features.js';
import { hanScriptGuess } from './han.js';
import { builtinLangidModel, type LangidModel } from './model.js';
import { cachedLogPrior, customerLanguagePrior, type LanguageDistribution, logPriorOver, PRIOR_FLOOR } from './prior.js';
import { countScripts, scriptLanguage } from './script.js';
import { baseLanguage } from './tags.js';

export { baseLanguage } from './tags.js';

export interface IdentifyOptions {
  /** Only these ISO 639-1 codes are candidates (e.g. the languages your shop serves). */
  languages?: readonly string[];
  /** The writer's locale (`customer.locale`, a BCP 47 tag): a strong prior, not a verdict. */
  hint?: string;
  /** The writer's country (ISO 3166-1 alpha-2, `customer.country`): a prior from its CLDR languages. */
  country?: string;
  /** An explicit prior distribution over ISO 639-1 codes (replaces hint/country); ε is still added. */
  prior?: LanguageDistribution;
  /** ε, the prior mass spread evenly over all candidates (default PRIOR_FLOOR = 0.2). */
  priorFloor?: number;
  /** Model to use instead of the built-in one. */
  model?: LangidModel;
}

export interface LanguageGuess {
  /** ISO 639-1 code, or `und` when the text has no letters or no candidate fits. */
  language: string;
  /**
   * 0–1 posterior probability of the chosen language among the candidates: prior × calibrated
   * likelihood (see docs/language-id.md). Low for short ambiguous text, near 1 for long text;
   * 1 only where the script leaves a single candidate (Hangul, Kana, Cyrillic …); 0 for `und`.
   */
  confidence: number;
  /** How it was decided. */
  method: 'script' | 'model' | 'none';
  /** Per-language raw (uncalibrated) log-likelihoods from the n-gram model (empty for script decisions). */
  logLikelihoods: Record<string, number>;
}

/**
 * Identify the language of one text: script shortcuts for Kana/Hangul/Cyrillic/…, Han text
 * weighed between zh and ja, a compact character n-gram model for Latin-script languages, and
 * an optional prior from the writer's locale and country.
 *
 * @example
 * identifyLanguage('¿Dónde está mi pedido?').language // 'es'
 * identifyLanguage('荷物はいつ届きますか').language      // 'ja'
 * identifyLanguage('Película de vidro trincada', { country: 'BR' }).language // 'pt'
 */
export function identifyLanguage(text: string, options: IdentifyOptions = {}): LanguageGuess {
  const { allowed, key } = candidateSet(options.languages);
  const floor = options.priorFloor ?? PRIOR_FLOOR;
  const counts = countScripts(text.slice(0, MAX_CHARS));
  const script = scriptLanguage(text, counts);
  if (script === null) return { language: 'und', confidence: 0, method: 'none', logLikelihoods: {} };
  if (script !== 'latin') {
    const q = options.prior ?? customerLanguagePrior({ locale: options.hint, country: options.country });
    return scriptDecision(script, text, allowed, q, floor);
  }
  const model = options.model ?? builtinLangidModel();
  const prepared = langidText(text);
  const ll = model.logLikelihoods(prepared);
  const logPrior = options.prior
    ? logPriorOver(model.languages, allowed, options.prior, floor)
    : cachedLogPrior(model.languages, allowed, key, { locale: options.hint, country: options.country }, floor);
  return decide(model.languages, ll, countLetters(prepared), model.calibration, logPrior);
}

const candidateSets = new WeakMap<readonly string[], { allowed: ReadonlySet<string> | null; key: string }>();
const ALL = { allowed: null, key: '*' } as const;

/** The candidate set of a `languages` option (base codes), memoised per array: callers pass the same one. */
export function candidateSet(languages: readonly string[] | undefined): { allowed: ReadonlySet<string> | null; key: string } {
  if (!languages?.length) return ALL;
  let entry = candidateSets.get(languages);
  if (!entry) {
    const allowed = new Set(languages.map((l) => baseLanguage(l) ?? l));
    entry = { allowed, key: [...allowed].sort().join(',') };
    candidateSets.set(languages, entry);
  }
  return entry;
}

/**
 * A script decision: one language, or for Han text without Kana/Hangul a choice between zh and
 * ja (see han.ts) that the prior can sway.
 */
export function scriptDecision(
  script: string,
  text: string,
  allowed: ReadonlySet<string> | null,
  q: LanguageDistribution | undefined,
  floor: number,
): LanguageGuess {
  if (script === 'zh') {
    const han = hanScriptGuess(text, allowed, q, floor);
    if (han) return han;
  }
  const ok = !allowed || allowed.has(script);
  return { language: ok ? script : 'und', confidence: ok ? 1 : 0, method: 'script', logLikelihoods: {} };
}

/**
 * Choose the language with the highest posterior: log prior + raw log-likelihood / T(letters).
 *
 * @param languages model languages
 * @param ll raw log-likelihoods (possibly summed over messages), same order
 * @param letters letters the evidence came from (for the temperature)
 * @param logPrior log prior per language (−Infinity = not a candidate), from `logPriorOver`
 */
export function decide(
  languages: readonly string[],
  ll: ArrayLike<number>,
  letters: number,
  calibration: LangidCalibration,
  logPrior: ArrayLike<number>,
): LanguageGuess {
  const scale = evidenceScale(letters, calibration);
  const scores: Record<string, number> = {};
  let best = -1;
  let bestScore = -Infinity;
  for (let l = 0; l < languages.length; l++) {
    scores[languages[l]!] = ll[l]!;
    const s = logPrior[l]! + ll[l]! * scale;
    if (s > bestScore) [best, bestScore] = [l, s];
  }
  if (best < 0) return { language: 'und', confidence: 0, method: 'model', logLikelihoods: scores };
  let z = 0;
  let tied = false;
  for (let l = 0; l < languages.length; l++) {
    const s = logPrior[l]! + ll[l]! * scale;
    z += Math.exp(s - bestScore);
    if (l !== best && s === bestScore) tied = true;
  }
  // No evidence and a flat prior (e.g. a bare "ok" from an unknown writer): nothing to choose by.
  if (tied) return { language: 'und', confidence: 0, method: 'model', logLikelihoods: scores };
  return { language: languages[best]!, confidence: 1 / z, method: 'model', logLikelihoods: scores };
}

/**
 * The guess for posterior weights over `languages` (any positive scale; 0 = not a candidate):
 * the heaviest language, confidence = its share. A tie at the top (no evidence and a flat prior)
 * is `und`.
 */
export function guessFromWeights(languages: readonly string[], weights: ArrayLike<number>, ll: ArrayLike<number>): LanguageGuess {
  const scores: Record<string, number> = {};
  let best = -1;
  let top = 0;
  let z = 0;
  let tied = false;
  for (let l = 0; l < languages.length; l++) {
    scores[languages[l]!] = ll[l]!;
    const w = weights[l]!;
    z += w;
    if (w > top) [best, top, tied] = [l, w, false];
    else if (w === top && w > 0) tied = true;
  }
  if (best < 0 || tied || !(z > 0)) return { language: 'und', confidence: 0, method: 'model', logLikelihoods: scores };
  return { language: languages[best]!, confidence: top / z, method: 'model', logLikelihoods: scores };
}

import { langidText } from './features.js';
import { builtinLangidModel, type LangidModel } from './model.js';
import { countScripts, scriptLanguage } from './script.js';

export interface IdentifyOptions {
  /** Only these ISO 639-1 codes are candidates (e.g. the languages your shop serves). */
  languages?: readonly string[];
  /** A language the caller expects (`customer.locale`, `message.language`): a prior, not a verdict. */
  hint?: string;
  /** Strength of the hint prior in nats (default 2). */
  hintWeight?: number;
  /** Model to use instead of the built-in one. */
  model?: LangidModel;
}

export interface LanguageGuess {
  /** ISO 639-1 code, or `und` when the text has no letters or no candidate fits. */
  language: string;
  /** 0–1 posterior of the chosen language among the candidates. */
  confidence: number;
  /** How it was decided. */
  method: 'script' | 'model' | 'none';
  /** Per-language log-likelihoods from the n-gram model (empty for script decisions). */
  logLikelihoods: Record<string, number>;
}

/** Base language of a BCP-47 tag: `pt-BR` → `pt`, `zh_Hant` → `zh`. */
export function baseLanguage(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : undefined;
}

/**
 * Identify the language of one text: script shortcuts for Han/Kana/Hangul/Cyrillic/…,
 * a compact character n-gram model for Latin-script languages.
 *
 * @example
 * identifyLanguage('¿Dónde está mi pedido?').language // 'es'
 * identifyLanguage('荷物はいつ届きますか').language      // 'ja'
 */
export function identifyLanguage(text: string, options: IdentifyOptions = {}): LanguageGuess {
  const allowed = options.languages?.length ? new Set(options.languages.map((l) => baseLanguage(l) ?? l)) : null;
  const script = scriptLanguage(text, countScripts(text.slice(0, 2000)));
  if (script === null) return { language: 'und', confidence: 0, method: 'none', logLikelihoods: {} };
  if (script !== 'latin') {
    const ok = !allowed || allowed.has(script);
    return { language: ok ? script : 'und', confidence: ok ? 1 : 0, method: 'script', logLikelihoods: {} };
  }
  const model = options.model ?? builtinLangidModel();
  const ll = model.logLikelihoods(langidText(text));
  return decide(model.languages, ll, allowed, baseLanguage(options.hint), options.hintWeight ?? 2);
}

/** Pick the best candidate from (possibly summed) log-likelihoods, with an optional hint prior. */
export function decide(
  languages: readonly string[],
  ll: ArrayLike<number>,
  allowed: ReadonlySet<string> | null,
  hint: string | undefined,
  hintWeight: number,
): LanguageGuess {
  const scores: Record<string, number> = {};
  let best = 'und';
  let bestScore = -Infinity;
  const candidates: number[] = [];
  for (let l = 0; l < languages.length; l++) {
    const lang = languages[l]!;
    scores[lang] = ll[l]!;
    if (allowed && !allowed.has(lang)) continue;
    const s = ll[l]! + (hint === lang ? hintWeight : 0);
    candidates.push(s);
    if (s > bestScore) [best, bestScore] = [lang, s];
  }
  if (best === 'und') return { language: 'und', confidence: 0, method: 'model', logLikelihoods: scores };
  let z = 0;
  for (const s of candidates) z += Math.exp(s - bestScore);
  return { language: best, confidence: 1 / z, method: 'model', logLikelihoods: scores };
}

import type { LanguageGuess } from './identify.js';
import { type LanguageDistribution, logPriorOver } from './prior.js';

/**
 * Han text without Kana: Chinese, or Japanese written in kanji only ("了解", "承知", "大丈夫").
 * Japanese rarely runs many kanji without kana, so the evidence for ja against zh falls with the
 * number h of Han characters: log P(text | ja) − log P(text | zh) = −HAN_RUN_DECAY · (h − 1).
 *
 * HAN_RUN_DECAY is the least-squares slope of ln P(run ≥ h) over h − 1 for the 2,569 maximal Han
 * runs of langid-tatoeba-tatodet/jpn_1000.csv (P(run ≥ 2) = 0.42, ≥ 3 = 0.075, ≥ 4 = 0.029,
 * ≥ 5 = 0.0047, ≥ 6 = 0.0016). Without a prior zh always wins (as before); a ja locale or a JP
 * country can turn a two- or three-character turn to ja, never a sentence.
 */
export const HAN_RUN_DECAY = 1.29;

const HAN_LANGUAGES = ['zh', 'ja'] as const;

/** zh vs ja for Han-only text, or null when the candidates leave no choice between them. */
export function hanScriptGuess(text: string, allowed: ReadonlySet<string> | null, q: LanguageDistribution | undefined, floor: number): LanguageGuess | null {
  if (allowed && !(allowed.has('zh') && allowed.has('ja'))) return null;
  let han = 0;
  for (let i = 0; i < text.length && i < 2000; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f) || cp === 0x3005) han++;
  }
  const logPrior = logPriorOver(HAN_LANGUAGES, null, q, floor);
  const ja = logPrior[1]! - HAN_RUN_DECAY * Math.max(han - 1, 0);
  const zh = logPrior[0]!;
  const pJa = 1 / (1 + Math.exp(zh - ja));
  return pJa > 0.5
    ? { language: 'ja', confidence: pJa, method: 'script', logLikelihoods: {} }
    : { language: 'zh', confidence: 1 - pJa, method: 'script', logLikelihoods: {} };
}

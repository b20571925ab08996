import { identifyLanguage } from '@cxqa/core';
import { countLetters, countryLanguages, langidText, scriptLanguage } from '@cxqa/core/langid';
import type { LangidRow } from '../corpora/tatoeba.js';
import { TATOEBA_CORPUS } from '../corpora/tatoeba.js';
import { expectedCalibrationError } from '../metrics/calibration.js';
import type { EvalRow } from '../report.js';

/** "Short" sentences: Latin script, at most this many letters (two to four words). */
export const SHORT_LETTERS = 20;

/** The country whose customers most plausibly write each language (gl and ca: Spain, as in real traffic). */
const HOME_COUNTRY: Record<string, string> = { en: 'US', fr: 'FR', pt: 'BR', es: 'ES', it: 'IT', gl: 'ES', ca: 'ES', ja: 'JP', zh: 'CN', ko: 'KR', de: 'DE' };
/** Countries a wrong prior is drawn from (deterministically, by row index). */
const WRONG_POOL = ['US', 'FR', 'BR', 'ES', 'IT', 'DE', 'JP', 'CN', 'KR'];

type Setting = 'none' | 'country-prior:right' | 'country-prior:wrong' | 'locale-prior:right' | 'locale-prior:wrong';

function priorOptions(setting: Setting, language: string, index: number): { country?: string; hint?: string } {
  if (setting === 'none') return {};
  if (setting === 'country-prior:right') return { country: HOME_COUNTRY[language]! };
  if (setting === 'locale-prior:right') return { hint: language };
  const others = WRONG_POOL.filter((c) => !countryLanguages(c)?.has(language));
  const country = others[index % others.length]!;
  if (setting === 'country-prior:wrong') return { country };
  const main = [...countryLanguages(country)!].sort((a, b) => b[1] - a[1])[0]![0];
  return { hint: main };
}

/**
 * Language ID with a customer prior, on the same Tatoeba sentences: the gain of the right
 * country/locale and the harm of a wrong one are both reported, overall and on short
 * sentences, plus the calibration of the reported confidence (ECE) without a prior.
 */
export function langidPriorRows(rows: readonly LangidRow[], languages: readonly string[]): { rows: EvalRow[]; notes: string[] } {
  const short = rows.map((r) => scriptLanguage(r.text) === 'latin' && countLetters(langidText(r.text)) <= SHORT_LETTERS);
  const nShort = short.filter(Boolean).length;
  const out: EvalRow[] = [];
  const notes: string[] = [];
  const row = (subset: string, metric: string, value: number, n: number) => out.push({ task: 'langid', corpus: TATOEBA_CORPUS, subset, metric, value, n });
  for (const setting of ['none', 'country-prior:right', 'country-prior:wrong', 'locale-prior:right', 'locale-prior:wrong'] as const) {
    const guesses = rows.map((r, i) => identifyLanguage(r.text, { languages, ...priorOptions(setting, r.language, i) }));
    const correct = guesses.map((g, i) => g.language === rows[i]!.language);
    const acc = (pick: (i: number) => boolean) => {
      let n = 0;
      let ok = 0;
      correct.forEach((c, i) => {
        if (!pick(i)) return;
        n++;
        if (c) ok++;
      });
      return ok / n;
    };
    if (setting === 'none') {
      row(
        '',
        'ece',
        expectedCalibrationError(
          guesses.map((g) => g.confidence),
          correct,
        ),
        rows.length,
      );
      if (nShort) {
        row(
          'short',
          'accuracy',
          acc((i) => short[i]!),
          nShort,
        );
        row(
          'short',
          'ece',
          expectedCalibrationError(
            guesses.filter((_, i) => short[i]).map((g) => g.confidence),
            correct.filter((_, i) => short[i]),
          ),
          nShort,
        );
      }
      const mean = (pick: (i: number) => boolean) => {
        const c = guesses.filter((_, i) => pick(i)).map((g) => g.confidence);
        return c.length ? (c.reduce((a, b) => a + b, 0) / c.length).toFixed(3) : '-';
      };
      notes.push(`langid mean confidence: short ${mean((i) => short[i]!)}, other Latin ${mean((i) => !short[i] && scriptLanguage(rows[i]!.text) === 'latin')}`);
      continue;
    }
    row(
      setting,
      'accuracy',
      acc(() => true),
      rows.length,
    );
    if (nShort)
      row(
        `short,${setting}`,
        'accuracy',
        acc((i) => short[i]!),
        nShort,
      );
  }
  return { rows: out, notes };
}

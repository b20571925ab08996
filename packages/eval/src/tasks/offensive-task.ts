import { BUILTIN_LEXICONS, builtinLexicon, compileLexicons, matchLexicons, normalizeText } from '@cxqa/core';
import { COLD_CORPUS, HATECHECK_CORPUS, loadCold, loadHatecheck, type OffensiveExample } from '../corpora/offensive.js';
import { prfFromCounts } from '../metrics/classification.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

/** Lexicon categories that say "hateful" (HateCheck's label), as opposed to offensive in general. */
const HATEFUL = new Set(['hate', 'discrimination', 'threat']);

/** Functionalities whose cases must NOT be flagged as hateful: their false-positive rate is reported apart. */
const WATCHED = /^(profanity_nh|negate_neg_nh|counter_quote_nh|counter_ref_nh)$/;

function score(task: string, corpus: string, subset: string | undefined, examples: OffensiveExample[], flagged: boolean[]): EvalRow[] {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  examples.forEach((e, i) => {
    if (flagged[i] && e.offensive) tp++;
    else if (flagged[i]) fp++;
    else if (e.offensive) fn++;
  });
  const m = prfFromCounts(tp, fp, fn);
  const s = subset ? { subset } : {};
  return [
    { task, corpus, ...s, metric: 'precision', value: m.precision, n: examples.length },
    { task, corpus, ...s, metric: 'recall', value: m.recall, n: examples.length },
    { task, corpus, ...s, metric: 'f1', value: m.f1, n: examples.length },
  ];
}

/**
 * `offensive`: does the starter lexicon matcher flag "this needs a reviewer"? Measured on COLD
 * (Chinese, every category: the corpus labels offensive language) and multilingual HateCheck (only
 * hate, discrimination and threat terms: the corpus labels hate), in the message's language, with
 * the false-positive rate on non-hateful profanity,
 * negated hate and counter-speech reported per functionality. A lexicon cannot see implicit
 * hate; these rows show exactly how far words alone go.
 */
export const offensiveTask: EvalTask = {
  name: 'offensive',
  async run({ corporaDir }) {
    const compiled = compileLexicons(BUILTIN_LEXICONS.map(builtinLexicon));
    // COLD labels offensive language (insults and profanity count); HateCheck labels hate against a
    // protected group, so only the hate, discrimination and threat categories flag it there — its
    // "profanity_nh" cases are profanity that is *not* hateful by design
    const flag = (xs: OffensiveExample[], categories?: ReadonlySet<string>) =>
      xs.map((x) => {
        const found = matchLexicons(compiled, normalizeText(x.text), x.language ? { language: x.language } : {});
        return (
          found.terms.some((t) => !categories || categories.has(t.term.category)) || found.phrases.some((p) => !categories || categories.has(p.phrase.category))
        );
      });
    const rows: EvalRow[] = [];
    const evaluated: string[] = [];
    const skipped: string[] = [];
    const cold = loadCold(corporaDir);
    if (cold) {
      evaluated.push(COLD_CORPUS);
      rows.push(...score('offensive', COLD_CORPUS, undefined, cold, flag(cold)));
    } else skipped.push(COLD_CORPUS);
    const hc = loadHatecheck(corporaDir);
    if (hc) {
      evaluated.push(HATECHECK_CORPUS);
      const flagged = flag(hc, HATEFUL);
      rows.push(...score('offensive', HATECHECK_CORPUS, undefined, hc, flagged));
      for (const lang of [...new Set(hc.map((e) => e.language))]) {
        const idx = hc.map((e, i) => (e.language === lang ? i : -1)).filter((i) => i >= 0);
        rows.push(
          ...score(
            'offensive',
            HATECHECK_CORPUS,
            lang,
            idx.map((i) => hc[i]!),
            idx.map((i) => flagged[i]!),
          ),
        );
      }
      for (const group of [...new Set(hc.map((e) => e.group))].filter((g) => WATCHED.test(g)).sort()) {
        const idx = hc.map((e, i) => (e.group === group ? i : -1)).filter((i) => i >= 0);
        rows.push({
          task: 'offensive',
          corpus: HATECHECK_CORPUS,
          subset: group,
          metric: 'false_positive_rate',
          value: idx.filter((i) => flagged[i]).length / idx.length,
          n: idx.length,
        });
      }
    } else skipped.push(HATECHECK_CORPUS);
    return { rows, evaluated, skipped, notes: [] };
  },
};

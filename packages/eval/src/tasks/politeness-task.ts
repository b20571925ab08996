import { builtinPolitenessModel, createLinearClassifier, politenessFeatures, trainLogistic } from '@cxqa/core/models';
import { type BinaryRequest, loadStanfordPoliteness, loadTydip, quartileBinary, type StanfordDomain, TYDIP_LANGUAGES } from '../corpora/politeness.js';
import { isEvalRow } from '../corpora/sentiment.js';
import { accuracy } from '../metrics/classification.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

const DOMAINS: StanfordDomain[] = ['wikipedia', 'stackexchange'];
const key = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * `politeness`: the paper's binary protocol (top vs bottom quartile of the score, quartiles within
 * the file evaluated). In-domain: the shipped model on each Stanford file's 1-in-5 hash evaluation
 * rows (never trained on). Cross-domain: a model trained here on all of one file's binary rows,
 * tested on the other file's evaluation rows. TyDiP: the shipped model per language.
 */
export const politenessTask: EvalTask = {
  name: 'politeness',
  async run({ corporaDir }) {
    const rows: EvalRow[] = [];
    const evaluated = new Set<string>();
    const skipped = new Set<string>();
    const model = builtinPolitenessModel();
    const score = (data: BinaryRequest[], predict: (t: string) => string) =>
      accuracy(
        data.map((r) => r.label),
        data.map((r) => predict(r.text)),
      );
    const tydipTexts = new Set(TYDIP_LANGUAGES.flatMap((l) => loadTydip(corporaDir, l) ?? []).map((r) => key(r.text)));
    const binary = new Map<StanfordDomain, BinaryRequest[]>();
    for (const domain of DOMAINS) {
      const data = loadStanfordPoliteness(corporaDir, domain);
      if (!data) {
        skipped.add('politeness-stanford');
        continue;
      }
      binary.set(domain, quartileBinary(data));
      const test = binary.get(domain)!.filter((r) => isEvalRow(r.text));
      rows.push({
        task: 'politeness',
        corpus: 'politeness-stanford',
        subset: domain,
        metric: 'accuracy',
        value: score(test, (t) => model.predict(t).label),
        n: test.length,
      });
      evaluated.add('politeness-stanford');
    }
    for (const [from, to] of [
      ['stackexchange', 'wikipedia'],
      ['wikipedia', 'stackexchange'],
    ] as const) {
      const train = binary.get(from);
      const test = binary.get(to)?.filter((r) => isEvalRow(r.text));
      if (!train || !test) continue;
      const file = trainLogistic(
        train.filter((r) => !tydipTexts.has(key(r.text))).map((r) => ({ features: politenessFeatures(r.text), label: r.label === 'polite' ? 1 : 0 })),
        ['impolite', 'polite'],
        { epochs: 5 },
      );
      const crossModel = createLinearClassifier(file, politenessFeatures);
      rows.push({
        task: 'politeness',
        corpus: 'politeness-stanford',
        subset: `${from}→${to}`,
        metric: 'accuracy',
        value: score(test, (t) => crossModel.predict(t).label),
        n: test.length,
      });
    }
    for (const language of TYDIP_LANGUAGES) {
      const data = loadTydip(corporaDir, language);
      if (!data) {
        skipped.add('politeness-tydip');
        continue;
      }
      const test = quartileBinary(data);
      rows.push({
        task: 'politeness',
        corpus: 'politeness-tydip',
        subset: language,
        metric: 'accuracy',
        value: score(test, (t) => model.predict(t).label),
        n: test.length,
      });
      evaluated.add('politeness-tydip');
    }
    return { rows, evaluated: [...evaluated], skipped: [...skipped].filter((s) => !evaluated.has(s)), notes: [] };
  },
};

/**
 * Train the politeness model shipped in @cxqa/core (models/politeness-en.json).
 *
 *   pnpm train:politeness [--corpora ../shared/corpora]
 *
 * Data: politeness-stanford, both files, the paper's binary task (top vs bottom quartile of
 * `Normalized Score`, quartiles within each file), minus the 1-in-5 hash evaluation rows and minus
 * every request that also appears in a TyDiP test file (TyDiP's English set is Stanford-derived).
 * Model: logistic regression (`trainLogistic`, 5 epochs, chosen on the training rows by 5-fold
 * cross-validation) over `politenessFeatures`. Deterministic: same corpora → same file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { politenessFeatures, trainLogistic } from '@cxqa/core/models';
import { isEvalRow, loadStanfordPoliteness, loadTydip, quartileBinary, STANFORD_FILES, type StanfordDomain, TYDIP_LANGUAGES } from '@cxqa/eval';

const { values } = parseArgs({ options: { corpora: { type: 'string', default: '../shared/corpora' } } });
const corpora = resolve(values.corpora!);
const key = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
const tydip = new Set(TYDIP_LANGUAGES.flatMap((l) => loadTydip(corpora, l) ?? []).map((r) => key(r.text)));

const rows = (Object.keys(STANFORD_FILES) as StanfordDomain[]).flatMap((domain) => {
  const data = loadStanfordPoliteness(corpora, domain);
  if (!data) throw new Error(`politeness-stanford/${STANFORD_FILES[domain]} not found under ${corpora}`);
  return quartileBinary(data).filter((r) => !isEvalRow(r.text) && !tydip.has(key(r.text)));
});
const model = trainLogistic(
  rows.map((r) => ({ features: politenessFeatures(r.text), label: r.label === 'polite' ? 1 : 0 })),
  ['impolite', 'polite'],
  { epochs: 5 },
);
const out = resolve('packages/core/models/politeness-en.json');
writeFileSync(out, JSON.stringify({ ...model, version: '2026.11.1', language: 'en' }));
process.stdout.write(`wrote ${out}: ${rows.length} rows, ${Object.keys(model.weights).length} features\n`);

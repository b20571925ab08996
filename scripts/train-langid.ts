/**
 * Train the language-ID model shipped in @cxqa/core (models/langid.json).
 *
 *   pnpm train:langid [--corpora ../shared/corpora]
 *
 * Data: Tatoeba per-language files (langid-tatoeba-tatodet/*_1000.csv, minus every text
 * that also appears in testset.csv, which is the evaluation set) and German tweets from the
 * SB-10k *train* split (sentiment-de-sb10k-xlmt/train_text.txt). Deduplicated by text.
 * Model: multinomial naive Bayes over character 1–4-grams, grams seen fewer than MIN_COUNT
 * times dropped. Deterministic: same corpora → byte-identical file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { langidText, forEachNgram, scriptLanguage } from '@cxqa/core';
import { loadTatoebaTraining } from '@cxqa/eval';

const { values } = parseArgs({ options: { corpora: { type: 'string', default: '../shared/corpora' }, out: { type: 'string' } } });
const corpora = resolve(values.corpora!);
const out = resolve(values.out ?? 'packages/core/models/langid.json');
const MIN_COUNT = 2;
const ALPHA = 0.1;
const PER_LANGUAGE = 800;

const rows = loadTatoebaTraining(corpora).map((r) => ({ language: r.language, text: r.text }));
const german = readFileSync(join(corpora, 'sentiment-de-sb10k-xlmt', 'train_text.txt'), 'utf8')
  .split(/\r?\n/)
  .filter((t) => langidText(t).replace(/ /g, '').length >= 12)
  .slice(0, PER_LANGUAGE);
rows.push(...german.map((text) => ({ language: 'de', text })));

// Only Latin-script languages need the model; the rest are decided by script.
const seen = new Set<string>();
const kept = rows.filter((r) => {
  const key = r.text.trim();
  if (seen.has(key) || scriptLanguage(r.text) !== 'latin') return false;
  seen.add(key);
  return true;
});
const languages = [...new Set(kept.map((r) => r.language))].sort();
const counts = new Map<string, number[]>();
const totals = languages.map(() => 0);
for (const r of kept) {
  const l = languages.indexOf(r.language);
  forEachNgram(langidText(r.text), (g) => {
    let row = counts.get(g);
    if (!row) counts.set(g, (row = languages.map(() => 0)));
    row[l]!++;
    totals[l]!++;
  });
}
const grams: Record<string, number[]> = {};
for (const g of [...counts.keys()].sort()) {
  const row = counts.get(g)!;
  if (row.reduce((a, b) => a + b, 0) < MIN_COUNT) continue;
  const pairs: number[] = [];
  row.forEach((c, l) => c > 0 && pairs.push(l, c));
  grams[g] = pairs;
}
const model = {
  format: 'cxqa-langid-nb/1',
  version: '2026.11.1',
  languages,
  alpha: ALPHA,
  totals,
  vocabSize: Object.keys(grams).length,
  grams,
};
writeFileSync(out, JSON.stringify(model));
const perLang = languages.map((l) => `${l}:${kept.filter((r) => r.language === l).length}`).join(' ');
process.stdout.write(`wrote ${out}: ${model.vocabSize} grams, ${kept.length} sentences (${perLang})\n`);

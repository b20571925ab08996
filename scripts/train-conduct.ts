/**
 * Train the conduct model shipped in @cxqa/core (models/conduct.json): P(misconduct) of one agent
 * reply, nine languages, read by the courtesy analyzer as `politeness.possible_misconduct` (info,
 * review) where no conduct rule matched.
 *
 *   pnpm train:conduct [--corpora ../shared/corpora] [--folds 8]
 *
 * Data (see models/conduct.SOURCE.md):
 * - the judged agent reply of each chat written blind for cxqa (fixtures/blind, this repository's
 *   licence): `conduct-design` (`agent_misconduct`), `tone-objected-*` (`agent_fault`) and
 *   `called-out-*` (`laugh_dismissive`), yes → misconduct, no → ok, unsure dropped; in a chat
 *   labelled no, its other agent replies are ok too. **Not** `conduct-heldout.jsonl`, the verdict
 *   fixtures or any later blind batch: those measure the model.
 * - every distinct response of kb-bitext-customer-support (CDLA-Sharing-1.0), `{{placeholders}}`
 *   read as their names, as ok: real-register English agent answers, without which the model
 *   flagged plain English replies.
 * Texts are read through `normalizeText(...).normalized`, as the analyzer reads them; repeated
 * texts are kept once, and a text labelled both ways is dropped.
 *
 * Prints a grouped cross-validation first (folds by writer: no writer's chats are both trained and
 * scored), then trains on everything: `trainLogistic`, 10 epochs. Deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeText } from '@cxqa/core';
import { conductFeatures, createConductModel, trainLogistic } from '@cxqa/core/models';
import { loadBitext, rocAuc } from '@cxqa/eval';

const { values } = parseArgs({ options: { corpora: { type: 'string', default: '../shared/corpora' }, folds: { type: 'string', default: '8' } } });
const corpora = resolve(values.corpora!);
const FAMILIES = {
  'conduct-design': 'agent_misconduct',
  'tone-objected-design': 'agent_fault',
  'tone-objected-heldout': 'agent_fault',
  'called-out-design': 'laugh_dismissive',
  'called-out-heldout': 'laugh_dismissive',
} as const;

interface Row {
  text: string;
  label: 0 | 1;
  /** The writer (id prefix), for grouped folds; `bitext` for the corpus. */
  group: string;
  /** True for the judged reply (scored in cross-validation), false for the other replies of an innocent chat. */
  judged: boolean;
}
interface BlindLine {
  id: string;
  conversation: { messages: { role: string; text: string }[] };
  label: Record<string, unknown> & { agent_message_index: number };
}

const rows: Row[] = [];
for (const [file, field] of Object.entries(FAMILIES)) {
  for (const line of readFileSync(resolve('fixtures/blind', `${file}.jsonl`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const chat = JSON.parse(line) as BlindLine;
    const verdict = chat.label[field];
    if (verdict !== 'yes' && verdict !== 'no') continue;
    const group = chat.id.split('-')[0]!;
    const judgedIndex = chat.label.agent_message_index;
    chat.conversation.messages.forEach((m, i) => {
      if (i === judgedIndex) rows.push({ text: m.text, label: verdict === 'yes' ? 1 : 0, group, judged: true });
      else if (verdict === 'no' && m.role === 'agent') rows.push({ text: m.text, label: 0, group, judged: false });
    });
  }
}
const bitext = loadBitext(corpora);
if (!bitext) throw new Error(`kb-bitext-customer-support not found under ${corpora}`);
for (const r of [...bitext.kbRows, ...bitext.queries]) {
  if (r.response) rows.push({ text: r.response.replace(/\{\{([^}]*)\}\}/g, '$1'), label: 0, group: 'bitext', judged: false });
}

// one row per normalized text; a text labelled both ways is dropped
const byText = new Map<string, Row | null>();
for (const r of rows) {
  const key = normalizeText(r.text).normalized.trim();
  if (!key) continue;
  const seen = byText.get(key);
  if (seen === undefined) byText.set(key, { ...r, text: key });
  else if (seen && seen.label !== r.label) byText.set(key, null);
}
const data = [...byText.values()].filter((r): r is Row => r !== null);
const train = (rs: readonly Row[]) =>
  trainLogistic(
    rs.map((r) => ({ features: conductFeatures(r.text), label: r.label })),
    ['ok', 'misconduct'],
    { epochs: 10 },
  );

// grouped cross-validation: writers dealt round-robin into folds (bitext always trains)
const folds = Number(values.folds);
const writers = [...new Set(data.map((r) => r.group))].filter((g) => g !== 'bitext').sort();
const foldOf = new Map(writers.map((g, i) => [g, i % folds]));
const scored: { p: number; y: number }[] = [];
for (let k = 0; k < folds; k++) {
  const model = createConductModel(train(data.filter((r) => foldOf.get(r.group) !== k)));
  for (const r of data) if (r.judged && foldOf.get(r.group) === k) scored.push({ p: model.probability(r.text), y: r.label });
}
const pos = scored.filter((s) => s.y === 1);
const neg = scored.filter((s) => s.y === 0);
const auc = rocAuc(
  pos.map((s) => s.p),
  neg.map((s) => s.p),
);
process.stdout.write(
  `grouped ${folds}-fold cross-validation over ${writers.length} writers: ${scored.length} judged replies (${pos.length} misconduct), AUC ${auc.toFixed(3)}\n`,
);
for (const at of [0.7, 0.8, 0.9]) {
  const flagged = scored.filter((s) => s.p >= at);
  const right = flagged.filter((s) => s.y === 1).length;
  process.stdout.write(`  P ≥ ${at}: ${flagged.length} flagged, precision ${(right / flagged.length).toFixed(3)}, recall ${(right / pos.length).toFixed(3)}\n`);
}

const model = train(data);
const out = resolve('packages/core/models/conduct.json');
writeFileSync(out, `${JSON.stringify({ ...model, version: '2026.12.1', language: 'mul' })}\n`);
process.stdout.write(
  `wrote ${out}: ${data.length} replies (${data.filter((r) => r.label === 1).length} misconduct), ${Object.keys(model.weights).length} features\n`,
);

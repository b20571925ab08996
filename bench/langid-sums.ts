/**
 * The language-ID n-gram sums alone, same process, alternating: the built-in model's
 * `GramAutomaton` (what `createLangidModel` uses) against its `GramTable` (the hash table a model
 * too big for the automaton falls back to), over the prepared first 200 units of every message of
 * 1,000 realistic chats (bench/realistic.ts), as conversation language ID reads them:
 *
 *   node --conditions=source --import tsx bench/langid-sums.ts [--corpora DIR] [--runs 15]
 *
 * Prints the build times, ns per code point of each (median of the runs, five passes each) and
 * automaton ÷ table, and checks that both give the same sums (relative difference ≤ 1e-12).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { langidText } from '../packages/core/src/langid/features.js';
import { GramAutomaton } from '../packages/core/src/langid/gram-automaton.js';
import { GramTable } from '../packages/core/src/langid/gram-table.js';
import { type LangidModelFile, langidModelRows } from '../packages/core/src/langid/model.js';
import { corePackageFile } from '../packages/core/src/util/package-file.js';
import { realisticConversations } from './realistic.js';

const { values } = parseArgs({
  options: { corpora: { type: 'string', default: resolve(import.meta.dirname, '../../shared/corpora') }, runs: { type: 'string', default: '15' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not "${values.runs}"`);

const file = JSON.parse(readFileSync(corePackageFile('models/langid.json'), 'utf8')) as LangidModelFile;
const L = file.languages.length;
const { grams, rows, unseen } = langidModelRows(file);
let t0 = performance.now();
const automaton = GramAutomaton.build(grams, rows, unseen)!;
const automatonMs = performance.now() - t0;
t0 = performance.now();
const table = new GramTable(grams, rows);
const tableMs = performance.now() - t0;

const texts = realisticConversations(resolve(values.corpora), 1000).flatMap((c) =>
  c.messages.map((m) => Int32Array.from(Array.from(langidText(m.text, 200), (ch) => ch.codePointAt(0)!))),
);
const codePoints = texts.reduce((n, t) => n + t.length, 0);
const a = new Float64Array(L);
const b = new Float64Array(L);
for (const t of texts) {
  a.fill(0);
  b.fill(0);
  automaton.accumulate(t, t.length, a);
  table.accumulate(t, t.length, b, unseen);
  for (let l = 0; l < L; l++) if (Math.abs(a[l]! - b[l]!) > 1e-12 * Math.max(1, Math.abs(b[l]!))) throw new Error('the automaton and the table disagree');
}
const pass = (f: (t: Int32Array) => void) => {
  const start = process.hrtime.bigint();
  for (let r = 0; r < 5; r++) for (const t of texts) f(t);
  return Number(process.hrtime.bigint() - start) / (5 * codePoints);
};
const byAutomaton = (t: Int32Array) => automaton.accumulate(t, t.length, a);
const byTable = (t: Int32Array) => table.accumulate(t, t.length, b, unseen);
for (let i = 0; i < 3; i++) [pass(byAutomaton), pass(byTable)];
const ns: { automaton: number[]; table: number[] } = { automaton: [], table: [] };
for (let i = 0; i < runs; i++) {
  ns.automaton.push(pass(byAutomaton));
  ns.table.push(pass(byTable));
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log(`${texts.length} messages, ${codePoints} code points; build: automaton ${automatonMs.toFixed(0)} ms, table ${tableMs.toFixed(0)} ms`);
console.log(
  `ns per code point (median of ${runs}): automaton ${median(ns.automaton).toFixed(2)}, table ${median(ns.table).toFixed(2)}; automaton ÷ table ${(median(ns.automaton) / median(ns.table)).toFixed(3)}`,
);

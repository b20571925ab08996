/**
 * The satisfaction figures of the stc3 **tune** half, per fold (`stc3TuneFold`: A is read while
 * looking for kinds of error, B only measures whether a fix carries over), for zh and en. Never
 * loads a report-half thread: every thread is filtered to the tune half before it is judged.
 *
 *   node --conditions=source --import tsx scripts/stc3-folds.ts [--corpora DIR] [--dump FILE]
 *
 * `--dump FILE` writes fold A's Chinese threads (JSONL, sorted by how far the score's rank is from
 * the panel's S rank) with each customer message's mood, for reading. The dump holds corpus text:
 * keep it under `.scratch/` (git-ignored), never commit it.
 */
import { writeFileSync } from 'node:fs';
import { builtinSentimentModel, createInspector, normalizeText } from '@cxqa/core';
import { DISSATISFIED, judgeThreads, loadStc3, rocAuc, SATISFIED, spearman, stc3TuneFold } from '@cxqa/eval';
import { polarityOf, softPolarityOf } from '../packages/core/src/analyzers/sentiment/model/classifier.js';
import { builtinMoodCues } from '../packages/core/src/analyzers/sentiment/model/mood.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpora = opt('--corpora') ?? '../shared/corpora';
const dump = opt('--dump');
const only = opt('--lang');

const ranks = (xs: readonly number[]) => {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 / Math.max(1, xs.length - 1);
    i = j + 1;
  }
  return r;
};

const inspector = createInspector();
const f4 = (x: number) => x.toFixed(4);
for (const language of ['zh', 'en'] as const) {
  if (only && only !== language) continue;
  const threads = loadStc3(corpora, language)?.filter((t) => t.half === 'tune');
  if (!threads) continue;
  const judged = await judgeThreads(threads, (c) => inspector.inspect(c));
  const folds = { A: judged.filter((j) => stc3TuneFold(j.thread.id) === 'A'), B: judged.filter((j) => stc3TuneFold(j.thread.id) === 'B'), all: judged };
  for (const [fold, list] of Object.entries(folds)) {
    const sat = list.filter((j) => j.thread.labels.S >= SATISFIED);
    const dis = list.filter((j) => j.thread.labels.S <= DISSATISFIED);
    const rho = spearman(
      list.map((j) => j.score),
      list.map((j) => j.thread.labels.S),
    );
    const auc = rocAuc(
      sat.map((j) => j.score),
      dis.map((j) => j.score),
    );
    const share = (l: typeof list) => l.filter((j) => j.flagged).length / l.length;
    console.log(
      `${language}/tune/${fold}\tn=${list.length}\tspearman=${f4(rho)}\tauc=${f4(auc)}\tdis_flagged=${share(dis).toFixed(3)}\tsat_flagged=${share(sat).toFixed(3)}`,
    );
  }
  if (dump && language === 'zh') {
    const a = folds.A;
    const rs = ranks(a.map((j) => j.score));
    const rS = ranks(a.map((j) => j.thread.labels.S));
    const cues = builtinMoodCues();
    const model = builtinSentimentModel('zh')!;
    const rows = a.map((j, i) => {
      const m = j.result.metrics;
      return {
        id: j.thread.id,
        gap: Math.round((rs[i]! - rS[i]!) * 100) / 100,
        score: j.score,
        S: j.thread.labels.S,
        A: j.thread.labels.A,
        flagged: j.flagged,
        outcome: m['sentiment.outcome'],
        why: m['sentiment.outcomeReason'],
        mood: m['sentiment.outcomeMood'],
        unanswered: m['sentiment.unansweredQuestions'],
        dims: j.result.dimensions?.map((d) => `${d.name}:${d.score}`).join(' '),
        messages: j.thread.conversation.messages.map((msg) => {
          if (msg.role !== 'customer') return `A: ${msg.text}`;
          const view = normalizeText(msg.text);
          const p = model.predict(msg.text, view.normalized);
          const mood = cues.moodOf(view.normalized, 'zh', { polarity: polarityOf(p), soft: softPolarityOf(p) });
          const cueText = mood.cues.map((c) => `${c.kind[0]}:${view.normalized.slice(c.start, c.end)}`).join(',');
          return `C[${mood.label} ${mood.score} m=${mood.model} ${cueText}]: ${msg.text}`;
        }),
      };
    });
    rows.sort((x, y) => Math.abs(y.gap) - Math.abs(x.gap));
    writeFileSync(dump, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    console.log(`wrote ${rows.length} fold-A zh threads to ${dump}`);
  }
}

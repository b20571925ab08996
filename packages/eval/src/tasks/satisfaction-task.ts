import { createInspector, type Result } from '@cxqa/core';
import { loadStc3, STC3_CORPUS, type Stc3Thread } from '../corpora/satisfaction.js';
import { rocAuc, spearman } from '../metrics/correlation.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

/** "Clearly satisfied" and "clearly dissatisfied" panel means (the collection's usual cut-offs). */
export const SATISFIED = 0.5;
export const DISSATISFIED = -0.5;

interface Judged {
  thread: Stc3Thread;
  score: number;
  /** Fails or needs review. */
  flagged: boolean;
  /** Characters the customer wrote (the baseline). */
  customerChars: number;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The rows of one language × half: agreement of the score with the panel's satisfaction S
 * (Spearman), separation of clearly satisfied from clearly dissatisfied threads (ROC AUC of the
 * score), the share of clearly dissatisfied threads that fail or need review and of clearly
 * satisfied ones that do — and the same for the customer-text-length baseline (longer text = less
 * satisfied; flagged above the half's median length).
 */
export function satisfactionRows(judged: readonly Judged[], subset: string): EvalRow[] {
  const S = judged.map((j) => j.thread.labels.S);
  const sat = judged.filter((j) => j.thread.labels.S >= SATISFIED);
  const dis = judged.filter((j) => j.thread.labels.S <= DISSATISFIED);
  const lengths = judged.map((j) => j.customerChars).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const share = (list: readonly Judged[], f: (j: Judged) => boolean) => (list.length ? list.filter(f).length / list.length : Number.NaN);
  const row = (metric: string, value: number, n: number): EvalRow => ({ task: 'satisfaction', corpus: STC3_CORPUS, subset, metric, value: r4(value), n });
  const rho = spearman(
    judged.map((j) => j.score),
    S,
  );
  const baseRho = spearman(
    judged.map((j) => -j.customerChars),
    S,
  );
  const auc = rocAuc(
    sat.map((j) => j.score),
    dis.map((j) => j.score),
  );
  const baseAuc = rocAuc(
    sat.map((j) => -j.customerChars),
    dis.map((j) => -j.customerChars),
  );
  return [
    row('spearman_over_baseline', rho - baseRho, judged.length),
    row('roc_auc_over_baseline', auc - baseAuc, sat.length + dis.length),
    row(
      'spearman',
      spearman(
        judged.map((j) => j.score),
        S,
      ),
      judged.length,
    ),
    row(
      'roc_auc',
      rocAuc(
        sat.map((j) => j.score),
        dis.map((j) => j.score),
      ),
      sat.length + dis.length,
    ),
    row(
      'dissatisfied_flagged',
      share(dis, (j) => j.flagged),
      dis.length,
    ),
    row(
      'satisfied_flagged',
      share(sat, (j) => j.flagged),
      sat.length,
    ),
    row(
      'baseline_spearman',
      spearman(
        judged.map((j) => -j.customerChars),
        S,
      ),
      judged.length,
    ),
    row(
      'baseline_roc_auc',
      rocAuc(
        sat.map((j) => -j.customerChars),
        dis.map((j) => -j.customerChars),
      ),
      sat.length + dis.length,
    ),
    row(
      'baseline_dissatisfied_flagged',
      share(dis, (j) => j.customerChars > median),
      dis.length,
    ),
    row(
      'baseline_satisfied_flagged',
      share(sat, (j) => j.customerChars > median),
      sat.length,
    ),
  ];
}

/** Judge every thread with the default inspector (what a user gets with no configuration). */
export async function judgeThreads(
  threads: readonly Stc3Thread[],
  inspect: (c: unknown) => Promise<Result> = createInspector().inspect,
): Promise<(Judged & { result: Result })[]> {
  const out: (Judged & { result: Result })[] = [];
  for (const thread of threads) {
    const result = await inspect(thread.conversation);
    const customerChars = thread.conversation.messages.filter((m) => m.role === 'customer').reduce((a, m) => a + m.text.length, 0);
    out.push({ thread, result, score: result.score ?? 100, flagged: result.pass === false || result.review.needed, customerChars });
  }
  return out;
}

/**
 * The satisfaction rows of one half of satisfaction-stc3-dev, judged with the default inspector:
 * subsets `zh`, `en` for the `report` half, `zh/tune`, `en/tune` for the `tune` half.
 */
function satisfactionHalfTask(name: string, half: Stc3Thread['half']): EvalTask {
  return {
    name,
    async run({ corporaDir }) {
      const rows: EvalRow[] = [];
      let found = false;
      const inspector = createInspector();
      for (const language of ['zh', 'en'] as const) {
        const threads = loadStc3(corporaDir, language)?.filter((t) => t.half === half);
        if (!threads) continue;
        found = true;
        const judged = await judgeThreads(threads, (c) => inspector.inspect(c));
        rows.push(...satisfactionRows(judged, half === 'report' ? language : `${language}/tune`));
      }
      return found ? { rows, evaluated: [STC3_CORPUS], skipped: [], notes: [] } : { rows, evaluated: [], skipped: [STC3_CORPUS], notes: [] };
    },
  };
}

/**
 * `satisfaction` on satisfaction-stc3-dev (real helpdesk threads, 19 raters each): does the
 * default score agree with customer satisfaction? Rows per language (subsets `zh`, `en`) for the
 * `report` half only: the published figures, never looked at while designing, read once after a
 * change is chosen. Each next to the customer-text-length baseline.
 */
export const satisfactionTask: EvalTask = satisfactionHalfTask('satisfaction', 'report');

/**
 * `satisfaction-tune`: the same rows for the `tune` half only (subsets `zh/tune`, `en/tune`), the
 * half a scorecard or mood change is chosen on — `cxqa eval --task satisfaction-tune` never
 * judges a report-half thread.
 */
export const satisfactionTuneTask: EvalTask = satisfactionHalfTask('satisfaction-tune', 'tune');

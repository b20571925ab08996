/** One row of an evaluation report: the public `cxqa eval --json` format. */
export interface EvalRow {
  task: string;
  corpus: string;
  subset?: string;
  metric: string;
  value: number;
  n: number;
}

export interface EvalReport {
  results: EvalRow[];
}

export interface Threshold {
  task: string;
  corpus: string;
  subset?: string;
  metric: string;
  /** The row's value must be at least this… */
  min?: number;
  /** …and at most this (for error rates). */
  max?: number;
}

export interface ThresholdFailure {
  threshold: Threshold;
  /** null when the row is missing although its corpus was present. */
  value: number | null;
}

const key = (r: { task: string; corpus: string; subset?: string | undefined; metric: string }) => `${r.task}|${r.corpus}|${r.subset ?? ''}|${r.metric}`;

/**
 * Compare rows with thresholds. A threshold whose corpus was not evaluated at all (absent
 * from `evaluatedCorpora`) is skipped; a missing row for an evaluated corpus fails.
 */
export function checkThresholds(rows: readonly EvalRow[], thresholds: readonly Threshold[], evaluatedCorpora: ReadonlySet<string>): ThresholdFailure[] {
  const byKey = new Map(rows.map((r) => [key(r), r]));
  const failures: ThresholdFailure[] = [];
  for (const t of thresholds) {
    if (!evaluatedCorpora.has(t.corpus)) continue;
    const row = byKey.get(key(t));
    if (!row) failures.push({ threshold: t, value: null });
    else if ((t.min !== undefined && !(row.value >= t.min)) || (t.max !== undefined && !(row.value <= t.max)))
      failures.push({ threshold: t, value: row.value });
  }
  return failures;
}

/** Fixed-width text table of the rows. */
export function formatTable(rows: readonly EvalRow[]): string {
  const head = ['task', 'corpus', 'subset', 'metric', 'value', 'n'];
  const body = rows.map((r) => [r.task, r.corpus, r.subset ?? '', r.metric, r.value.toFixed(4), String(r.n)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

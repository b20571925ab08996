/**
 * A QA lead's Monday: score every conversation of an export, then KPIs per agent from
 * `@cxqa/core/kpi` (createKpiAggregator) for the last week of the export — the latest ISO week
 * with a conversation, or `--week` — with the weeks before it as trends. Writes
 * `qa-report-<week>.html` (the `cxqa report --format html` page) and `qa-report-<week>.md` into
 * OUT_DIR, and prints the Markdown table and the conversations to review.
 *
 *   pnpm example:report [EXPORT.jsonl] [OUT_DIR] [--week 2026-W11]
 *
 * A `--week` that is no ISO week (2027-W53, 2027-W99) exits 2 naming it, before anything is read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHtmlReportCollector, formatKpiTable } from '@cxqa/cli';
import { CxqaError, createInspector, type Result } from '@cxqa/core';
import { createKpiAggregator, type KpiReport, periodOf } from '@cxqa/core/kpi';
import { utcTime } from '@cxqa/core/timing';
import { readJsonlValues } from './read-jsonl.js';

export interface MondayReport {
  /** The week reported, e.g. `2026-W11` (null when the export has no dated conversation). */
  week: string | null;
  /** KPI rows per agent of that week. */
  rows: KpiReport['rows'];
  /** Masked ids of the week's conversations to review (review needed or QA failed), worst first. */
  review: string[];
  /** Masked ids of the records that are not valid conversations (left out of the KPIs). */
  invalid: string[];
  htmlPath: string | null;
  mdPath: string | null;
}

/**
 * `week` when it is an ISO week that exists (`2026-W53` does, `2027-W53` and `2027-W99` do not):
 * W01 up to the week of 28 December (always the last week of its ISO year), as the KPIs count
 * weeks (`periodOf`).
 *
 * @throws CxqaError `invalid_option` (path `["week"]`) naming the week and how many weeks its year has.
 */
export function existingIsoWeek(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new CxqaError('invalid_option', `--week ${week}: expected an ISO week, YYYY-Www (e.g. 2026-W11)`, { path: ['week'] });
  const weeks = periodOf('week', 'UTC', utcTime(Number(m[1]), 11, 28)).key.slice(-2);
  const w = Number(m[2]);
  if (w >= 1 && w <= Number(weeks)) return week;
  throw new CxqaError('invalid_option', `--week ${week}: no such ISO week (${m[1]} has weeks W01 to W${weeks})`, { path: ['week'] });
}

const weekOf = (r: Result) => (r.startedAt === null ? null : periodOf('week', 'UTC', Date.parse(r.startedAt)).key);

/**
 * Inspect the export, aggregate per agent and week up to `week` (default: the last), write the HTML and Markdown reports.
 *
 * @throws CxqaError `invalid_option` for a `week` that is no ISO week (see existingIsoWeek), before anything is read.
 */
export async function mondayReport(path: string, outDir: string, week?: string): Promise<MondayReport> {
  if (week !== undefined) existingIsoWeek(week);
  const inspector = createInspector();
  const results: Result[] = [];
  const invalid: string[] = [];
  // a line that is not JSON is reported by number and skipped; JSON that is not a conversation
  // comes back as an invalid result and is listed
  for await (const r of inspector.inspectMany(readJsonlValues(path), { concurrency: 4 })) {
    if (r.status === 'invalid') invalid.push(r.conversationId ?? '(no id)');
    else results.push(r);
  }
  const last = week ?? results.map(weekOf).reduce<string | null>((a, w) => (w !== null && (a === null || w > a) ? w : a), null);
  const options = { period: 'week', by: 'agent' } as const;
  const kpis = createKpiAggregator(options);
  const page = createHtmlReportCollector(options);
  for (const r of results) {
    const w = weekOf(r);
    if (last === null || w === null || w > last) continue;
    kpis.add(r);
    page.add(r);
  }
  const report = kpis.finish();
  const rows = report.rows.filter((r) => r.period === last);
  if (last === null) return { week: null, rows, review: [], invalid, htmlPath: null, mdPath: null };
  const htmlPath = join(outDir, `qa-report-${last}.html`);
  const mdPath = join(outDir, `qa-report-${last}.md`);
  writeFileSync(htmlPath, await page.finish(report, `QA report — week ${last}`));
  writeFileSync(mdPath, `# QA report — week ${last}\n\n${formatKpiTable({ ...report, rows }, 'md')}`);
  const review = results
    .filter((r) => weekOf(r) === last && (r.review.needed || r.pass === false))
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101))
    .map((r) => r.conversationId ?? '(no id)');
  return { week: last, rows, review, invalid, htmlPath, mdPath };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { week: { type: 'string' } } });
  const path = positionals[0] ?? new URL('./data/conversations.jsonl', import.meta.url).pathname;
  const report = await mondayReport(path, positionals[1] ?? '.', values.week).catch((e: unknown) => {
    if (!(e instanceof CxqaError && e.code === 'invalid_option')) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  });
  if (report.week === null) process.stdout.write('no dated conversation in the export\n');
  else {
    process.stdout.write(`week ${report.week}: ${report.rows.length} agent(s); written ${report.htmlPath} and ${report.mdPath}\n\n`);
    process.stdout.write(formatKpiTable({ by: 'agent', period: 'week', rows: report.rows, skipped: { invalid: 0, undated: 0 } }, 'md'));
    process.stdout.write(`\nto review: ${report.review.join(', ') || '—'}\n`);
  }
  if (report.invalid.length) process.stdout.write(`not valid conversations: ${report.invalid.join(', ')}\n`);
}

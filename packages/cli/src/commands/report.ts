import { readFileSync } from 'node:fs';
import { CxqaError, ResultSchema } from '@cxqa/core';
import {
  AgentStatusSchema,
  createKpiAggregator,
  KPI_COLUMNS,
  type KpiGrouping,
  type KpiPeriod,
  type KpiReport,
  type Order,
  OrderSchema,
  roundKpi,
} from '@cxqa/core/kpi';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { loadConfig } from '../config.js';
import { locatedRecordsOf, validRecordsOf } from '../input/records-of.js';
import type { CliIo } from '../io.js';
import { safeMarkdownTable } from '../output/markdown.js';
import { assertReadableFile, openSink } from '../output/sink.js';
import { createHtmlReportCollector } from '../report-html/collect.js';

export interface ReportArgs {
  files: string[];
  period?: KpiPeriod | undefined;
  by?: KpiGrouping | undefined;
  format: 'json' | 'csv' | 'md' | 'html';
  /** Title of the HTML report. */
  title?: string | undefined;
  config?: string | undefined;
  out?: string | undefined;
  statusLog?: string | undefined;
  orders?: string | undefined;
  /** Exit 0 when there is nothing to report (default: warn and exit 1). */
  allowEmpty?: boolean | undefined;
}

/** Orders from a JSONL file or a CSV with the columns conversationId, customerKey, at (any subset). */
async function readOrders(path: string): Promise<Order[]> {
  if (!/\.csv$/i.test(path)) {
    const orders: Order[] = [];
    for await (const o of validRecordsOf([path], OrderSchema, 'order')) orders.push(o);
    return orders;
  }
  const rows = parseCsv(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  return rows.map((row, i) => {
    const clean = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
    const parsed = OrderSchema.safeParse(clean);
    if (!parsed.success)
      throw new CxqaError('input_unreadable', `${path} row ${i + 2}: not an order: ${parsed.error.issues[0]?.message}`, { path: [path, i + 2] });
    return parsed.data;
  });
}

/** The flat table as CSV (one row per group and period, header first) or a Markdown table. */
export function formatKpiTable(report: KpiReport, format: 'csv' | 'md'): string {
  const header = KPI_COLUMNS.map((c) => c.name);
  const body = report.rows.map((row) => KPI_COLUMNS.map((c) => roundKpi(c.value(row))));
  // escape_formulas: a group key such as `=HYPERLINK(…)` is written as text, never as a spreadsheet formula
  if (format === 'csv') return stringify([header, ...body.map((cells) => cells.map((v) => v ?? ''))], { escape_formulas: true });
  return safeMarkdownTable([header, ...body.map((cells) => cells.map((v) => (v === null ? '–' : String(v))))]);
}

/**
 * `cxqa report RESULTS…`: KPIs per period and group from result files (JSONL, schema 1 or 2), as
 * JSON (rows with every KPI), CSV, Markdown or one self-contained HTML page (charts as inline SVG). A bad line stops it (exit 2) naming file, line and
 * field: not a result, an invalid or rolled-over timestamp, a future schemaVersion, a CSAT outside
 * the scale, a negative duration. Group keys are masked (kpiRow). Nothing to report (no valid
 * result with a start time): the empty report is written, stderr says so, exit 1 (0 with `allowEmpty`).
 */
export async function runReport(args: ReportArgs, io: CliIo): Promise<number> {
  for (const f of args.files) assertReadableFile(f, 'RESULTS');
  if (args.statusLog) assertReadableFile(args.statusLog, '--status-log');
  if (args.orders) assertReadableFile(args.orders, '--orders');
  const config = loadConfig(args.config);
  const options = {
    ...config.kpis,
    ...(args.period ? { period: args.period } : {}),
    ...(args.by ? { by: args.by } : {}),
    ...(args.orders ? { orders: await readOrders(args.orders) } : {}),
  };
  const kpis = createKpiAggregator(options);
  const html = args.format === 'html' ? createHtmlReportCollector(options) : null;
  for await (const { value, file, line } of locatedRecordsOf(args.files, ResultSchema, 'result')) {
    try {
      kpis.add(value);
      html?.add(value);
    } catch (e) {
      if (!(e instanceof CxqaError)) throw e;
      throw new CxqaError(e.code, `${file} line ${line}: ${e.message}`, { path: [file, line, ...(e.path ?? []).slice(1)], cause: e });
    }
  }
  if (args.statusLog) for await (const s of validRecordsOf([args.statusLog], AgentStatusSchema, 'status interval')) kpis.addStatus(s);
  const report = kpis.finish();
  const sink = await openSink('--out', args.out, io.stdout);
  sink.stream.write(
    html
      ? await html.finish(report, args.title ?? 'cxqa QA report')
      : args.format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : formatKpiTable(report, args.format as 'csv' | 'md'),
  );
  await sink.close();
  const { invalid, undated } = report.skipped;
  if (invalid || undated)
    io.stderr.write(`left out: ${invalid} invalid result(s), ${undated} result(s) without a start time (written before result schema 2)\n`);
  if (report.rows.length) return 0;
  // the report is written all the same (an empty table, a page that says so), but a job must not take it for one
  io.stderr.write(
    `cxqa report: nothing to report: no valid result with a start time in ${args.files.join(', ')}${args.allowEmpty ? '' : ' (pass --allow-empty to accept an empty report)'}\n`,
  );
  return args.allowEmpty ? 0 : 1;
}

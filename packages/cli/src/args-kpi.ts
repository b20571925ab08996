import { parseArgs } from 'node:util';
import { TimestampSchema } from '@cxqa/core';
import { KPI_GROUPINGS, KPI_PERIODS, type KpiGrouping, type KpiPeriod } from '@cxqa/core/kpi';
import type { AlertsArgs } from './commands/alerts.js';
import type { ReportArgs } from './commands/report.js';
import { UsageError } from './errors.js';

/** `cxqa report` arguments, or `'help'`. Throws UsageError. */
export function parseReportArgs(argv: string[]): ReportArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string', default: 'json' },
      config: { type: 'string' },
      out: { type: 'string' },
      'status-log': { type: 'string' },
      orders: { type: 'string' },
      title: { type: 'string' },
      'allow-empty': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (!positionals.length) throw new UsageError('report takes one or more RESULTS files (JSONL written by cxqa inspect; see cxqa report --help)');
  if (values.period !== undefined && !(KPI_PERIODS as readonly string[]).includes(values.period))
    throw new UsageError(`--period ${values.period}: expected one of ${KPI_PERIODS.join(', ')}`);
  if (values.by !== undefined && !(KPI_GROUPINGS as readonly string[]).includes(values.by))
    throw new UsageError(`--by ${values.by}: expected one of ${KPI_GROUPINGS.join(', ')}`);
  if (!['json', 'csv', 'md', 'html'].includes(values.format!)) throw new UsageError(`--format ${values.format}: expected json, csv, md or html`);
  return {
    files: positionals,
    period: values.period as KpiPeriod | undefined,
    by: values.by as KpiGrouping | undefined,
    format: values.format as ReportArgs['format'],
    config: values.config,
    out: values.out === '-' ? undefined : values.out,
    statusLog: values['status-log'],
    orders: values.orders,
    title: values.title,
    allowEmpty: values['allow-empty'],
  };
}

/** `cxqa alerts` arguments, or `'help'`. Throws UsageError. */
export function parseAlertsArgs(argv: string[]): AlertsArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      at: { type: 'string' },
      rules: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(`alerts takes exactly one SNAPSHOT file, got ${positionals.length} (see cxqa alerts --help)`);
  if (values.at !== undefined && !TimestampSchema.safeParse(values.at).success)
    throw new UsageError(`--at ${values.at}: expected an RFC 3339 time with an offset and a real calendar date, e.g. 2026-03-02T12:00:00Z`);
  return { file: positionals[0]!, at: values.at, rules: values.rules, config: values.config, out: values.out === '-' ? undefined : values.out };
}

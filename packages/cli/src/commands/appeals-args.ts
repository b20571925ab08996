import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '@cxqa/core';
import { isRealDay } from '@cxqa/core/timing';
import { UsageError } from '../errors.js';

/** Arguments of `cxqa appeals SUBCOMMAND`. */
export type AppealsArgs =
  | { command: 'file'; log: string; results: string; conversation: string; finding: string; by: string; reason: string }
  | { command: 'decide'; log: string; appeal: string; outcome: 'accept' | 'reject' | 'severity'; severity?: Severity; by: string; reason: string }
  | { command: 'list'; log: string; asOf?: Date | undefined }
  | { command: 'apply'; log: string; results: string[]; config?: string | undefined; asOf?: Date | undefined; out?: string | undefined }
  | {
      command: 'report';
      log: string;
      results: string[];
      since?: Date | undefined;
      until?: Date | undefined;
      by: 'code' | 'rule';
      format: 'md' | 'json';
      out?: string | undefined;
    }
  | { command: 'export'; log: string; conversations?: string | undefined; asOf?: Date | undefined; out?: string | undefined; fixtures?: string | undefined };

export const APPEALS_COMMANDS = ['file', 'decide', 'list', 'apply', 'report', 'export'] as const;

/** The options each subcommand takes (besides --log and --help); any other is a usage error. */
const ALLOWED: Record<(typeof APPEALS_COMMANDS)[number], string[]> = {
  file: ['results', 'conversation', 'finding', 'by', 'reason'],
  decide: ['by', 'reason'],
  list: ['as-of'],
  apply: ['config', 'as-of', 'out'],
  report: ['results', 'since', 'until', 'by', 'format', 'out'],
  export: ['conversations', 'as-of', 'out', 'fixtures'],
};

/** An instant from an option: RFC 3339 or a date (`2026-04-01` = that day 00:00 UTC). */
function instant(option: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value);
  const date = new Date(value);
  // `new Date` rolls 2026-02-30 over to 2 March: the calendar day must exist as written
  if (!ok || Number.isNaN(date.getTime()) || !isRealDay(value))
    throw new UsageError(`--${option} ${value}: expected a date (2026-04-01) or an RFC 3339 time (2026-04-01T12:00:00Z)`);
  return date;
}

/** `cxqa appeals …` arguments, or `'help'`. Throws UsageError naming the option. */
export function parseAppealsArgs(argv: string[]): AppealsArgs | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return 'help';
  if (!(APPEALS_COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`appeals ${command}: no such subcommand (subcommands: ${APPEALS_COMMANDS.join(', ')})`);
  const sub = command as (typeof APPEALS_COMMANDS)[number];
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: sub === 'decide' || sub === 'apply',
    options: {
      log: { type: 'string' },
      results: { type: 'string', multiple: true },
      conversation: { type: 'string' },
      finding: { type: 'string' },
      by: { type: 'string' },
      reason: { type: 'string' },
      config: { type: 'string' },
      'as-of': { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      conversations: { type: 'string' },
      fixtures: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const given = Object.keys(values).filter((k) => k !== 'log' && k !== 'help');
  const stray = given.filter((k) => !ALLOWED[sub].includes(k));
  if (stray.length)
    throw new UsageError(
      `appeals ${sub}: --${stray[0]} does not apply (options: ${ALLOWED[sub].map((o) => `--${o}`).join(', ') || 'none'}; see cxqa appeals --help)`,
    );
  const need = (name: 'log' | 'conversation' | 'finding' | 'by' | 'reason'): string => {
    const v = values[name];
    if (!v?.trim()) throw new UsageError(`appeals ${sub}: --${name} is required`);
    return v;
  };
  const log = need('log');
  const out = values.out === '-' ? undefined : values.out;
  if (values.out === '') throw new UsageError('--out: expected a file name or "-"');
  const asOf = instant('as-of', values['as-of']);
  switch (sub) {
    case 'file': {
      const results = values.results ?? [];
      if (results.length !== 1) throw new UsageError('appeals file: --results FILE is required once (the results the finding is in)');
      return { command: sub, log, results: results[0]!, conversation: need('conversation'), finding: need('finding'), by: need('by'), reason: need('reason') };
    }
    case 'decide': {
      const [appeal, decision, ...extra] = positionals;
      const m = /^(accept|reject|severity=(.+))$/.exec(decision ?? '');
      if (!appeal || !m || extra.length)
        throw new UsageError('appeals decide: expected APPEAL_ID and accept, reject or severity=LEVEL (e.g. appeals decide A1 severity=minor)');
      if (m[2] !== undefined && !(SEVERITIES as readonly string[]).includes(m[2]))
        throw new UsageError(`appeals decide: severity=${m[2]}: expected one of ${SEVERITIES.join(', ')}`);
      const outcome = m[2] !== undefined ? 'severity' : (m[1] as 'accept' | 'reject');
      return { command: sub, log, appeal, outcome, ...(m[2] !== undefined ? { severity: m[2] as Severity } : {}), by: need('by'), reason: need('reason') };
    }
    case 'list':
      return { command: sub, log, asOf };
    case 'apply':
      if (positionals.length === 0) throw new UsageError('appeals apply: expected RESULTS... (JSONL written by cxqa inspect)');
      return { command: sub, log, results: positionals, config: values.config, asOf, out };
    case 'report': {
      const by = values.by ?? 'code';
      if (by !== 'code' && by !== 'rule') throw new UsageError(`--by ${by}: expected code or rule`);
      const format = values.format ?? 'md';
      if (format !== 'md' && format !== 'json') throw new UsageError(`--format ${format}: expected md or json`);
      return {
        command: sub,
        log,
        results: values.results ?? [],
        since: instant('since', values.since),
        until: instant('until', values.until),
        by,
        format,
        out,
      };
    }
    case 'export':
      return { command: sub, log, conversations: values.conversations, asOf, out, fixtures: values.fixtures };
  }
}

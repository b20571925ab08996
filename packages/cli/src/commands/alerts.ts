import { readFileSync } from 'node:fs';
import { ConversationSchema, CxqaError, maskPersonalData } from '@cxqa/core';
import { createBacklogEvaluator, DEFAULT_BACKLOG_RULES, parseBacklogRules } from '@cxqa/core/kpi';
import { loadConfig } from '../config.js';
import { readCsvConversations } from '../input/csv.js';
import { readJsonl } from '../input/jsonl.js';
import type { CliIo } from '../io.js';
import { assertReadableFile, openSink } from '../output/sink.js';

export interface AlertsArgs {
  file: string;
  /** Snapshot instant (RFC 3339); default now. */
  at?: string | undefined;
  rules?: string | undefined;
  config?: string | undefined;
  out?: string | undefined;
}

function loadRules(path: string | undefined, fromConfig: unknown) {
  if (!path) return parseBacklogRules(fromConfig ?? DEFAULT_BACKLOG_RULES);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CxqaError('invalid_config', `--rules ${path}: ${(e as Error).message}`, { path: [path] });
  }
  try {
    return parseBacklogRules(raw);
  } catch (e) {
    throw new CxqaError('invalid_config', `--rules ${path}: ${(e as Error).message}`, { path: [path] });
  }
}

/**
 * `cxqa alerts SNAPSHOT`: backlog alerts over open conversations (JSONL or CSV). JSON on stdout;
 * exit 1 when an alert fired (for cron), 0 when none, 2 on bad input. Records that cannot be read
 * are listed under `unreadable` and on stderr, never silently dropped. Every string from the input
 * (ids, inquiry type, queue, unreadable-record messages) is masked with maskPersonalData.
 */
export async function runAlerts(args: AlertsArgs, io: CliIo): Promise<number> {
  assertReadableFile(args.file, 'SNAPSHOT');
  const config = loadConfig(args.config);
  const rules = loadRules(args.rules, config.alerts);
  const at = args.at === undefined ? Date.now() : Date.parse(args.at);
  const backlog = createBacklogEvaluator(at, rules);
  const unreadable: { line: number; message: string }[] = [];
  const records = /\.csv$/i.test(args.file) ? readCsvConversations(args.file, config.csv) : readJsonl(args.file, io.stdin);
  for await (const rec of records) {
    if ('error' in rec) {
      unreadable.push({ line: rec.line, message: maskPersonalData(rec.error) });
      continue;
    }
    const parsed = ConversationSchema.safeParse(rec.value);
    if (parsed.success) backlog.add(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      unreadable.push({ line: rec.line, message: maskPersonalData(`not a conversation: ${issue?.path.join('.')} ${issue?.message}`) });
    }
  }
  const report = { ...backlog.finish(), unreadable };
  const sink = await openSink('--out', args.out, io.stdout);
  sink.stream.write(`${JSON.stringify(report, null, 2)}\n`);
  await sink.close();
  if (unreadable.length) io.stderr.write(`${unreadable.length} record(s) could not be read (listed under "unreadable"); they are not counted\n`);
  for (const a of report.alerts) io.stderr.write(`level ${a.level} alert ${a.rule}: ${a.count} conversations (threshold ${a.minCount})\n`);
  return report.alerts.length ? 1 : 0;
}

import { writeFileSync } from 'node:fs';
import { ConversationSchema, DEFAULT_SCORECARD, maskConversationId, maskPersonalDataExcept, type Result, ResultSchema } from '@cxqa/core';
import { applyAppeals, decideAppeal, exportAppeals, fileAppeal, type OverturnRow, overturnReport, readAppeals } from '@cxqa/core/appeals';
import { loadConfig } from '../config.js';
import { locatedRecordsOf } from '../input/records-of.js';
import type { CliIo } from '../io.js';
import { safeMarkdownTable } from '../output/markdown.js';
import { assertReadableFile, assertWritableFolder, openSink } from '../output/sink.js';
import type { AppealsArgs } from './appeals-args.js';

async function readResults(files: readonly string[], loose = false): Promise<Result[]> {
  for (const f of files) assertReadableFile(f, 'RESULTS');
  const out: Result[] = [];
  for await (const { value } of locatedRecordsOf(files, loose ? ResultSchema.loose() : ResultSchema, 'result')) out.push(value);
  return out;
}

const pct = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)}%`);

function formatOverturns(rows: readonly OverturnRow[], total: OverturnRow, by: string): string {
  const withResults = total.findings !== null;
  const header = [by, 'appeals', 'accepted', 'severity', 'rejected', 'pending', 'overturn rate', ...(withResults ? ['findings', 'appeal rate'] : [])];
  const line = (r: OverturnRow) => [
    r.key,
    String(r.appeals),
    String(r.accepted),
    String(r.severityChanged),
    String(r.rejected),
    String(r.pending),
    pct(r.overturnRate),
    ...(withResults ? [String(r.findings), pct(r.appealRate)] : []),
  ];
  return safeMarkdownTable([header, ...rows.map(line), line(total)], { align: ['l', ...header.slice(1).map(() => 'r' as const)] });
}

/**
 * `cxqa appeals file|decide|list|apply|report|export`: appeals on findings in an append-only,
 * hash-chained audit log (docs/appeals.md). Exit 0, or 2 for a usage or input error (a bad field
 * named, a tampered log named by line).
 */
export async function runAppeals(args: AppealsArgs, io: CliIo): Promise<number> {
  // `own`: chain heads (hex SHA-256) the line quotes — never personal data, and masked they could not be compared
  const say = (s: string, own: string[] = []) => io.stderr.write(`${maskPersonalDataExcept(s, own)}\n`);
  // reading a log that is not there is a mistake (a typo would re-score with no decisions); filing starts one
  if (args.command === 'file' || args.command === 'decide') assertWritableFolder('--log', args.log);
  else assertReadableFile(args.log, '--log');
  switch (args.command) {
    case 'file': {
      const results = await readResults([args.results]);
      const a = await fileAppeal(args.log, { conversationId: args.conversation, findingId: args.finding, by: args.by, reason: args.reason }, results);
      io.stdout.write(`${a.id}\n`);
      // the conversation id as the Result shows it (the one to give again), not masked further
      say(`appeal ${a.id} filed on ${a.finding.code} (${a.finding.severity}) in ${a.conversationId} by ${a.by}`, [a.conversationId]);
      return 0;
    }
    case 'decide': {
      const d = await decideAppeal(args.log, {
        appealId: args.appeal,
        outcome: args.outcome,
        ...(args.severity ? { severity: args.severity } : {}),
        by: args.by,
        reason: args.reason,
      });
      say(`appeal ${d.appealId}: ${d.outcome}${d.severity ? ` → ${d.severity}` : ''} by ${d.by}`);
      return 0;
    }
    case 'list': {
      const log = readAppeals(args.log, { asOf: args.asOf });
      const rows = log.appeals.map((a) => [
        a.id,
        a.conversationId,
        a.findingId,
        a.finding.code,
        a.finding.severity,
        a.by,
        a.decision ? `${a.decision.outcome}${a.decision.severity ? ` → ${a.decision.severity}` : ''}` : 'pending',
        a.decision?.by ?? '',
      ]);
      io.stdout.write(safeMarkdownTable([['appeal', 'conversation', 'finding', 'code', 'severity', 'by', 'decision', 'decided by'], ...rows]));
      say(`${log.appeals.length} appeal(s), ${log.records} record(s), head ${log.head}`, [log.head]);
      return 0;
    }
    case 'apply': {
      const config = loadConfig(args.config);
      const log = readAppeals(args.log, { asOf: args.asOf });
      const results = await readResults(args.results, true);
      const sink = await openSink('--out', args.out, io.stdout);
      let changed = 0;
      let decisions = 0;
      for (const r of results) {
        const applied = applyAppeals(r, log, config.scorecard ?? DEFAULT_SCORECARD, args.asOf ?? null);
        if (applied.appeals.decisions.length) {
          changed++;
          const { original, adjusted } = applied.appeals;
          const verdict = (v: { score: number | null; pass: boolean | null }) => `${v.score ?? '–'} ${v.pass === null ? 'n/a' : v.pass ? 'pass' : 'fail'}`;
          const what = applied.appeals.decisions.map((d) => `${d.appealId} ${d.outcome === 'severity' ? `${d.from}→${d.to}` : d.outcome} ${d.code}`).join(', ');
          const id = maskConversationId(r.conversationId ?? '(no id)');
          say(`${id}: ${verdict(original)} → ${verdict(adjusted)} (${what})`, [id]);
        }
        decisions += applied.appeals.decisions.length;
        sink.stream.write(`${JSON.stringify(applied)}\n`);
      }
      await sink.close();
      say(`${results.length} result(s), ${changed} re-scored with ${decisions} decision(s) from ${args.log} (head ${log.head.slice(0, 12)}…)`, [
        log.head.slice(0, 12),
      ]);
      return 0;
    }
    case 'report': {
      const log = readAppeals(args.log, { asOf: args.until });
      const results = args.results.length ? await readResults(args.results) : undefined;
      const report = overturnReport(log, { ...(args.since ? { since: args.since } : {}), by: args.by, ...(results ? { results } : {}) });
      const sink = await openSink('--out', args.out, io.stdout);
      sink.stream.write(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatOverturns(report.rows, report.total, args.by));
      await sink.close();
      return 0;
    }
    case 'export': {
      if (args.conversations) assertReadableFile(args.conversations, '--conversations');
      if (args.fixtures) assertWritableFolder('--fixtures', args.fixtures);
      const conversations = [];
      if (args.conversations)
        for await (const { value } of locatedRecordsOf([args.conversations], ConversationSchema, 'conversation')) conversations.push(value);
      const out = exportAppeals(readAppeals(args.log, { asOf: args.asOf }), conversations);
      const sink = await openSink('--out', args.out, io.stdout);
      sink.stream.write(`${JSON.stringify({ allow: out.allow }, null, 2)}\n`);
      await sink.close();
      if (args.fixtures) writeFileSync(args.fixtures, out.fixtures.map((f) => `${JSON.stringify(f)}\n`).join(''));
      const entries = Object.values(out.allow.lexicons).flat().length + Object.values(out.allow.policies).flat().length + out.allow.findings.length;
      say(
        `${entries} allow-list entr${entries === 1 ? 'y' : 'ies'}${args.fixtures ? `, ${out.fixtures.length} fixture(s) to ${args.fixtures}` : ''}${out.withoutFixture.length && args.fixtures ? ` (no conversation given for ${out.withoutFixture.join(', ')})` : ''}`,
      );
      return 0;
    }
  }
}

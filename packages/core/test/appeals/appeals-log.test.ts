/**
 * The appeals log: tampering is found and named by line, bad input is a typed error naming the
 * field, decisions supersede each other and `asOf` replays the log as it stood.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CxqaError, createInspector, DEFAULT_SCORECARD, type Result, scriptAnalyzer, timingAnalyzer } from '@cxqa/core';
import { applyAppeals, decideAppeal, fileAppeal, overturnReport, readAppeals, readJournal, suppressFindings } from '@cxqa/core/appeals';
import { beforeAll, describe, expect, it } from 'vitest';

const CONVERSATION = {
  id: 'c-1',
  platform: 'shopify',
  customer: { country: 'US' },
  messages: [
    { role: 'customer' as const, text: 'Where is my parcel? It is late.', at: '2026-03-02T10:00:00Z' },
    { role: 'agent' as const, text: 'It ships tomorrow.', at: '2026-03-02T16:00:00Z' },
  ],
};

let result: Result;
const newLog = () => join(mkdtempSync(join(tmpdir(), 'cxqa-appeals-log-')), 'appeals.log');
const typed = async (p: Promise<unknown> | (() => unknown)): Promise<CxqaError> => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(CxqaError);
    return e as CxqaError;
  }
  throw new Error('expected a CxqaError');
};

beforeAll(async () => {
  result = await createInspector({ analyzers: [timingAnalyzer(), scriptAnalyzer()] }).inspect(CONVERSATION);
  expect(result.findings.length).toBeGreaterThan(1);
});

/** A log with two appeals and three decisions (A1 decided twice). */
async function filledLog(clock?: () => Date): Promise<string> {
  const log = newLog();
  const [a, b] = result.findings;
  const options = clock ? { now: clock } : {};
  await fileAppeal(log, { conversationId: 'c-1', findingId: a!.id!, by: 'dana', reason: 'not late for a weekend' }, [result], options);
  await fileAppeal(log, { conversationId: 'c-1', findingId: b!.id!, by: 'dana', reason: 'see ticket' }, [result], options);
  await decideAppeal(log, { appealId: 'A1', outcome: 'reject', by: 'lee', reason: 'the SLA holds' }, options);
  await decideAppeal(log, { appealId: 'A2', outcome: 'accept', by: 'lee', reason: 'right' }, options);
  await decideAppeal(log, { appealId: 'A1', outcome: 'accept', by: 'kim', reason: 'on second look, a holiday' }, options);
  return log;
}

describe('appeals log', () => {
  it('a later decision supersedes an earlier one, both kept; asOf replays an earlier state', async () => {
    let t = Date.parse('2026-04-01T00:00:00Z');
    const log = await filledLog(() => new Date((t += 60_000)));
    const now = readAppeals(log);
    expect(now.records).toBe(5);
    const a1 = now.appeals.find((a) => a.id === 'A1')!;
    expect(a1.decisions.map((d) => d.outcome)).toEqual(['reject', 'accept']);
    expect(a1.decision).toMatchObject({ outcome: 'accept', by: 'kim', at: '2026-04-01T00:05:00.000Z' });
    const then = readAppeals(log, { asOf: new Date('2026-04-01T00:03:00Z') });
    expect(then.appeals.find((a) => a.id === 'A1')!.decision).toMatchObject({ outcome: 'reject', by: 'lee' });
    expect(then.head).toBe(readJournal(log).records[2]!.sha256);
    // replaying the same asOf gives the same re-scoring, record for record
    const once = applyAppeals(result, readAppeals(log, { asOf: new Date('2026-04-01T00:04:00Z') }), DEFAULT_SCORECARD);
    const twice = applyAppeals(result, readAppeals(log, { asOf: new Date('2026-04-01T00:04:00Z') }), DEFAULT_SCORECARD);
    expect(twice).toEqual(once);
    expect(once.appeals.decisions.map((d) => `${d.appealId}:${d.outcome}`)).toEqual(['A1:reject', 'A2:accept']);
    expect(once.findings.map((f) => f.id)).toEqual([result.findings[0]!.id, ...result.findings.slice(2).map((f) => f.id)]);
  });

  it('an edited record is tampering, named by its line', async () => {
    const log = await filledLog();
    const lines = readFileSync(log, 'utf8').split('\n');
    writeFileSync(log, [lines[0], lines[1]!.replace('see ticket', 'see ticket!'), ...lines.slice(2)].join('\n'));
    const e = await typed(() => readAppeals(log));
    expect(e.code).toBe('audit_log_tampered');
    expect(e.message).toBe(`${log}:2: not a valid record (its checksum does not hold): the line was edited or corrupted`);
    expect(e.path).toEqual([log, 2]);
    // nothing is appended to a broken log
    expect((await typed(decideAppeal(log, { appealId: 'A2', outcome: 'reject', by: 'x', reason: 'y' }))).code).toBe('audit_log_tampered');
  });

  it('an edited last record, or a log converted to CRLF, is tampering, never a torn tail', async () => {
    const log = await filledLog();
    const lines = readFileSync(log, 'utf8').split('\n'); // 5 records and the empty string after the last newline
    writeFileSync(log, [...lines.slice(0, 4), lines[4]!.replace('"accept"', '"reject"'), ''].join('\n'));
    const edited = await typed(() => readAppeals(log));
    expect(edited.message).toBe(`${log}:5: not a valid record (its checksum does not hold): the line was edited or corrupted`);
    expect((await typed(decideAppeal(log, { appealId: 'A2', outcome: 'reject', by: 'x', reason: 'y' }))).code).toBe('audit_log_tampered');
    writeFileSync(log, lines.map((l, i) => (i < 5 ? `${l}\r` : l)).join('\n'));
    expect((await typed(() => readJournal(log))).message).toMatch(new RegExp(`^${log.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: the line ends in CRLF`));
    // an unfinished last line (no newline) is still a torn tail: ignored, and the next writer steps over it
    writeFileSync(log, [...lines.slice(0, 5), lines[4]!.slice(0, 40)].join('\n'));
    expect(readJournal(log)).toMatchObject({ torn: { line: 6 } });
    expect(readAppeals(log).records).toBe(5);
  });

  it('a record re-checksummed after an edit, or a removed record, breaks the chain at the next line', async () => {
    const log = await filledLog();
    const lines = readFileSync(log, 'utf8').split('\n');
    const payload = lines[1]!.replace(/,"sha256":"[0-9a-f]{64}"\}$/, '}').replace('see ticket', 'see ticket!');
    const resealed = `${payload.slice(0, -1)},"sha256":"${createHash('sha256').update(payload).digest('hex')}"}`;
    writeFileSync(log, [lines[0], resealed, ...lines.slice(2)].join('\n'));
    expect((await typed(() => readJournal(log))).message).toBe(`${log}:3: record 3 does not follow record 2 (a record was removed, reordered or rewritten)`);
    writeFileSync(log, [lines[0], ...lines.slice(2)].join('\n'));
    expect((await typed(() => readJournal(log))).message).toBe(`${log}:2: record 3 does not follow record 1 (a record was removed, reordered or rewritten)`);
  });

  it('bad appeal input is a typed invalid_appeal error naming the field', async () => {
    const log = newLog();
    const id = result.findings[0]!.id!;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ conversationId: 'c-1', findingId: id, by: ' ', reason: 'x' }, 'by', 'appeal: by: a name is required (who appeals or decides)'],
      [{ conversationId: 'c-1', findingId: id, by: 'dana' }, 'reason', 'appeal: reason: Invalid input: expected string, received undefined'],
      [
        { conversationId: 'c-1', findingId: 'A1', by: 'dana', reason: 'x' },
        'findingId',
        'appeal: findingId: a finding id as results give it: 16 hex digits, e.g. "c1c77c25e0b9f007"',
      ],
      [{ conversationId: 'c-2', findingId: id, by: 'dana', reason: 'x' }, 'conversationId', 'conversationId: "c-2" is in none of the results given'],
      [{ conversationId: 'c-1', findingId: id, by: 'dana', reason: 'x', severity: 'minor' }, '', 'appeal: (root): Unrecognized key: "severity"'],
    ];
    for (const [input, field, message] of cases) {
      const e = await typed(fileAppeal(log, input as never, [result]));
      expect(e.code).toBe('invalid_appeal');
      expect(e.message).toBe(message);
      expect(e.path ?? []).toEqual(field ? [field] : []);
    }
    const missing = await typed(fileAppeal(log, { conversationId: 'c-1', findingId: 'abcdefabcdefabcd', by: 'dana', reason: 'x' }, [result]));
    expect(missing.path).toEqual(['findingId']);
    const noLevel = await typed(decideAppeal(log, { appealId: 'A1', outcome: 'severity', by: 'lee', reason: 'x' }));
    expect(noLevel.message).toBe('decision: severity: outcome "severity" needs the new severity');
    const same = result.findings[0]!.severity;
    await fileAppeal(log, { conversationId: 'c-1', findingId: id, by: 'dana', reason: 'x' }, [result]);
    const sameLevel = await typed(decideAppeal(log, { appealId: 'A1', outcome: 'severity', severity: same, by: 'lee', reason: 'x' }));
    expect(sameLevel.path).toEqual(['severity']);
    expect(readAppeals(log).records).toBe(1);
  });

  it('overturnReport counts appeals filed since a date and their standing decisions', async () => {
    let t = Date.parse('2026-04-01T00:00:00Z');
    const log = await filledLog(() => new Date((t += 60_000)));
    const all = overturnReport(readAppeals(log), { results: [result] });
    expect(all.total).toMatchObject({ appeals: 2, decided: 2, accepted: 2, overturnRate: 1, findings: result.findings.length });
    const later = overturnReport(readAppeals(log), { since: new Date('2026-04-01T00:01:30Z') });
    expect(later.total).toMatchObject({ appeals: 1, accepted: 1 });
    expect(overturnReport(readAppeals(log, { asOf: new Date('2026-04-01T00:03:30Z') })).total).toMatchObject({
      accepted: 0,
      rejected: 1,
      pending: 1,
      overturnRate: 0,
    });
  });

  it('a result that does not reproduce is refused naming what differs: the verdict alone, the score, a dimension', async () => {
    const log = readAppeals(await filledLog());
    const refused = async (changed: Result) => (await typed(() => applyAppeals(changed, log, DEFAULT_SCORECARD))).message;
    // only the verdict differs: the message must not read "59.3 ≠ 59.3"
    const verdict = await refused({ ...result, pass: !result.pass });
    const is = (pass: boolean | null) => (pass ? 'pass' : 'fail');
    expect(verdict).toContain(`(recomputed ≠ stated: verdict ${is(result.pass)} ≠ ${is(!result.pass)})`);
    expect(verdict).not.toContain(`${result.score} ≠ ${result.score}`);
    expect(await refused({ ...result, score: result.score! - 1 })).toContain(`(recomputed ≠ stated: score ${result.score} ≠ ${result.score! - 1})`);
    const judged = result.dimensions.find((d) => d.score !== null && d.score !== 1)!;
    const dimensions = result.dimensions.map((d) => (d === judged ? { ...d, score: 1 } : d));
    expect(await refused({ ...result, dimensions })).toContain(`(recomputed ≠ stated: dimension ${judged.name} ${judged.score} ≠ 1)`);
  });

  it('suppressFindings drops the findings an entry names and nothing else', async () => {
    const code = result.findings[0]!.code;
    const inspector = createInspector({
      analyzers: [timingAnalyzer(), scriptAnalyzer()].map((a) =>
        suppressFindings(a, [{ code, conversationId: 'c-1', messageIndex: result.findings[0]!.messageIndex }]),
      ),
    });
    const again = await inspector.inspect(CONVERSATION);
    expect(again.findings.map((f) => f.id)).toEqual(result.findings.slice(1).map((f) => f.id));
    const elsewhere = await inspector.inspect({ ...CONVERSATION, id: 'c-2' });
    expect(elsewhere.findings.map((f) => f.code)).toEqual(result.findings.map((f) => f.code));
  });
});

import type { z } from 'zod';
import { maskPersonalData } from '../analyzers/sensitive/pii/mask-text.js';
import { CxqaError, describeZodIssues } from '../errors.js';
import { maskConversationId } from '../pipeline/score/mask-result.js';
import type { Result } from '../pipeline/validate/result.js';
import { sameConversation } from './conversation-id.js';
import { type AppendOptions, appendJournal, JOURNAL_GENESIS, type JournalRecord, readJournal } from './journal.js';
import {
  type AppealInput,
  AppealInputSchema,
  type AppealRecord,
  AppealRecordSchema,
  type AppealState,
  type DecisionInput,
  DecisionInputSchema,
  type DecisionRecord,
  DecisionRecordSchema,
  FINDING_ID,
} from './schema.js';

/** The appeals of a log as of a date, and which log state they come from. */
export interface AppealLog {
  appeals: AppealState[];
  /** `sha256` of the last record read (the chain head): names the exact log state a re-scoring used. */
  head: string;
  /** Records read (appeals, decisions and repairs up to `asOf`). */
  records: number;
}

function invalid(error: z.ZodError, what: string): CxqaError {
  const { issues, summary } = describeZodIssues(error);
  return new CxqaError('invalid_appeal', `${what}: ${summary}`, { path: issues[0]?.path ?? [], issues });
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, what);
  return parsed.data;
}

/** Appeals and decisions of the records, as of `asOf` (records after it are left out). */
function appealsOf(path: string, records: readonly JournalRecord[]): AppealState[] {
  const byId = new Map<string, AppealState>();
  for (const r of records) {
    if (r.kind === 'appeal') {
      const body = AppealRecordSchema.safeParse(r.body);
      if (!body.success) throw new CxqaError('audit_log_tampered', `${path}:${r.line}: not an appeal record`, { path: [path, r.line] });
      byId.set(body.data.id, { ...body.data, at: r.at, decisions: [], decision: null });
    } else if (r.kind === 'decision') {
      const body = DecisionRecordSchema.safeParse(r.body);
      if (!body.success) throw new CxqaError('audit_log_tampered', `${path}:${r.line}: not a decision record`, { path: [path, r.line] });
      const appeal = byId.get(body.data.appealId);
      if (!appeal) throw new CxqaError('audit_log_tampered', `${path}:${r.line}: a decision on no appeal filed before it`, { path: [path, r.line] });
      const decision = { ...body.data, at: r.at };
      appeal.decisions.push(decision);
      appeal.decision = decision;
    }
  }
  return [...byId.values()];
}

/**
 * The appeals in a log file as they stood at `asOf` (default: everything): each with its
 * decisions and the standing (last) one. Replaying the same log with the same `asOf` gives the
 * same appeals at any later date: the log is only ever appended to.
 *
 * @throws CxqaError `audit_log_tampered` (see `readJournal`); `invalid_appeal` for an `asOf` that is no date.
 * @example
 * const { appeals, head } = readAppeals('appeals.log', { asOf: new Date('2026-04-01T00:00:00Z') });
 */
export function readAppeals(path: string, options: { asOf?: Date } = {}): AppealLog {
  const asOf = options.asOf;
  if (asOf && Number.isNaN(asOf.getTime())) throw new CxqaError('invalid_appeal', 'asOf: not a date', { path: ['asOf'] });
  const { records } = readJournal(path);
  const kept = asOf ? records.filter((r) => Date.parse(r.at) <= asOf.getTime()) : records;
  return { appeals: appealsOf(path, kept), head: kept.at(-1)?.sha256 ?? JOURNAL_GENESIS, records: kept.length };
}

/**
 * File an appeal on one finding of a result: the finding is looked up in `results` (by
 * conversation id and finding id) and copied into the log with who appeals and why (the reason's
 * personal data masked). Appeals are numbered `A1`, `A2`, … in the log; one appeal per finding.
 * The conversation id may be given as the Result shows it or as the conversation has it (an id
 * that is personal data is compared masked, see `sameConversation`); the log keeps the Result's.
 *
 * @returns the appeal as logged.
 * @throws CxqaError `invalid_appeal` naming the field: a missing or malformed field, a conversation
 *   not in `results` (with a hint when a result's id masks to the same text as the one given, e.g.
 *   an id copied from a message that masked it further), a finding not in that result, a finding
 *   already appealed (decide that appeal again instead).
 * @example
 * const appeal = await fileAppeal('appeals.log', { conversationId: 'amz-9009', findingId: 'c1c77c25e0b9f007', by: 'dana', reason: 'a quote of the customer' }, results);
 */
export async function fileAppeal(path: string, input: AppealInput, results: readonly Result[], options: AppendOptions = {}): Promise<AppealState> {
  const a = parseInput(AppealInputSchema, input, 'appeal');
  // the id as given or as the Result shows it (masked); where masked ids collide, the finding id tells
  const candidates = results.filter((r) => sameConversation(a.conversationId, r.conversationId));
  const result = candidates.find((r) => r.findings.some((x) => x.id === a.findingId)) ?? candidates[0];
  if (!result) {
    const given = maskConversationId(a.conversationId);
    const near = results.some((r) => r.conversationId !== null && maskPersonalData(r.conversationId) === maskPersonalData(a.conversationId));
    throw new CxqaError(
      'invalid_appeal',
      `conversationId: "${given}" is in none of the results given${near ? ` (a result's id masks to the same text: give the id as the Result's conversationId shows it)` : ''}`,
      { path: ['conversationId'], ownIds: [given] },
    );
  }
  const conversationId = maskConversationId(result.conversationId!);
  const f = result.findings.find((x) => x.id === a.findingId);
  if (!f) {
    const ids = result.findings.flatMap((x) => (x.id ? [x.id] : []));
    throw new CxqaError(
      'invalid_appeal',
      `findingId: "${a.findingId}" is no finding of conversation "${conversationId}" (its findings: ${ids.join(', ') || 'none with an id'})`,
      { path: ['findingId'], ownIds: [conversationId, ...ids.filter((id) => FINDING_ID.test(id))] },
    );
  }
  let logged: AppealRecord | undefined;
  const written = await appendJournal(
    path,
    ({ records }) => {
      const appeals = appealsOf(path, records);
      const twice = appeals.find((x) => x.findingId === a.findingId && sameConversation(x.conversationId, conversationId));
      if (twice)
        throw new CxqaError('invalid_appeal', `findingId: "${a.findingId}" is already appealed as ${twice.id} (decide ${twice.id} again instead)`, {
          path: ['findingId'],
          ownIds: [a.findingId],
        });
      logged = {
        id: `A${appeals.length + 1}`,
        conversationId,
        findingId: a.findingId,
        finding: {
          code: f.code,
          severity: f.severity,
          analyzer: f.analyzer,
          ...(f.messageIndex !== undefined ? { messageIndex: f.messageIndex } : {}),
          ...(f.span ? { span: f.span } : {}),
          ...(f.evidence !== undefined ? { evidence: maskPersonalData(f.evidence) } : {}),
          ...(f.rule ? { rule: { id: f.rule.id, kind: f.rule.kind } } : {}),
        },
        by: a.by,
        reason: maskPersonalData(a.reason),
      };
      return [{ kind: 'appeal', body: logged }];
    },
    options,
  );
  return { ...logged!, at: written.at(-1)!.at, decisions: [], decision: null };
}

/**
 * Log a reviewer's decision on an appeal: `accept` (the finding is withdrawn), `reject` (it
 * stands) or `severity` (it stands at a new severity). A later decision on the same appeal
 * supersedes the earlier one; both stay in the log.
 *
 * @returns the decision as logged.
 * @throws CxqaError `invalid_appeal` naming the field: malformed input, an appeal id not in the log,
 *   a severity change to the severity the finding already has.
 * @example
 * await decideAppeal('appeals.log', { appealId: 'A1', outcome: 'accept', by: 'lee', reason: 'the agent quoted the customer' });
 */
export async function decideAppeal(path: string, input: DecisionInput, options: AppendOptions = {}): Promise<DecisionRecord & { at: string }> {
  const d = parseInput(DecisionInputSchema, input, 'decision');
  const logged: DecisionRecord = {
    appealId: d.appealId,
    outcome: d.outcome,
    ...(d.severity ? { severity: d.severity } : {}),
    by: d.by,
    reason: maskPersonalData(d.reason),
  };
  const written = await appendJournal(
    path,
    ({ records }) => {
      const appeal = appealsOf(path, records).find((x) => x.id === d.appealId);
      if (!appeal) throw new CxqaError('invalid_appeal', `appealId: no appeal "${d.appealId}" in ${path}`, { path: ['appealId'] });
      if (d.severity === appeal.finding.severity)
        throw new CxqaError('invalid_appeal', `severity: the finding of ${d.appealId} is already "${d.severity}" (accept or reject instead)`, {
          path: ['severity'],
        });
      return [{ kind: 'decision', body: logged }];
    },
    options,
  );
  return { ...logged, at: written.at(-1)!.at };
}

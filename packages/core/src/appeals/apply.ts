import { CxqaError } from '../errors.js';
import { resultDimensions, reviewOf, scoreConversation } from '../pipeline/score/score.js';
import type { Finding, Severity } from '../pipeline/validate/finding.js';
import type { DimensionResult, Result, Review } from '../pipeline/validate/result.js';
import type { Scorecard } from '../pipeline/validate/scorecard.js';
import { sameConversation } from './conversation-id.js';
import type { AppealLog } from './log.js';

/** One decision applied to a result: which appeal, which finding, what changed, who and why. */
export interface AppliedDecision {
  appealId: string;
  findingId: string;
  code: string;
  outcome: 'accept' | 'reject' | 'severity';
  /** The finding's severity before, and after (null when accepted: the finding is withdrawn). */
  from: Severity;
  to: Severity | null;
  appealedBy: string;
  appealReason: string;
  appealedAt: string;
  decidedBy: string;
  decisionReason: string;
  decidedAt: string;
}

/** What `applyAppeals` adds to a Result (`appeals`): the original verdict, the decisions and the log state. */
export interface AppealsApplied {
  /** The log state the decisions come from: the chain head, records read and the `asOf` date (null = all). */
  log: { head: string; records: number; asOf: string | null };
  original: { score: number | null; pass: boolean | null; review: Review; dimensions: DimensionResult[] };
  adjusted: { score: number | null; pass: boolean | null };
  decisions: AppliedDecision[];
  /** Appeals on this result's findings still waiting for a decision. */
  pending: string[];
  /** The findings accepted appeals withdrew, as they were. */
  withdrawn: Finding[];
}

/** A Result re-scored with appeal decisions: score, pass, dimensions, findings and review adjusted; `appeals` says from what. */
export type AppealedResult = Result & { appeals: AppealsApplied };

const LEADING_NUMBER = /^(\d+(?:\.\d+)?)(?: −|,)/;

/**
 * Each judged dimension's base score (before deductions) as the Result's explanation states it
 * (`"80 − 1 major × 15 (…) = 65"`, `"100, no deductions"`), as the 0–1 value `scoreConversation` takes.
 */
function basesOf(result: Result): Map<string, number[]> {
  const bases = new Map<string, number[]>();
  for (const d of result.dimensions) {
    if (d.score === null) continue;
    const m = LEADING_NUMBER.exec(d.explanation);
    if (m) bases.set(d.name, [Number(m[1]) / 100]);
  }
  return bases;
}

const verdictOf = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'pass' : 'fail');

/**
 * What differs between a result's scores as recomputed and as it states them, each as
 * "what recomputed ≠ stated": `score 61.4 ≠ 59.3`, `verdict pass ≠ fail`, `dimension script 80 ≠ 70`
 * (a dimension one side lacks is "none"). Empty when they agree.
 */
function scoreDifferences(
  recomputed: { score: number | null; pass: boolean | null; dimensions: readonly DimensionResult[] },
  stated: { score: number | null; pass: boolean | null; dimensions: readonly DimensionResult[] },
): string[] {
  const out: string[] = [];
  if (recomputed.score !== stated.score) out.push(`score ${recomputed.score ?? 'n/a'} ≠ ${stated.score ?? 'n/a'}`);
  if (recomputed.pass !== stated.pass) out.push(`verdict ${verdictOf(recomputed.pass)} ≠ ${verdictOf(stated.pass)}`);
  const names = [...new Set([...recomputed.dimensions, ...stated.dimensions].map((d) => d.name))];
  const scoreIn = (ds: readonly DimensionResult[], name: string) => {
    const d = ds.find((x) => x.name === name);
    return d === undefined ? 'none' : (d.score ?? 'n/a');
  };
  for (const name of names) {
    const [a, b] = [scoreIn(recomputed.dimensions, name), scoreIn(stated.dimensions, name)];
    if (a !== b) out.push(`dimension ${name} ${a} ≠ ${b}`);
  }
  return out;
}

/**
 * Re-score a result with the standing decisions on its findings: an accepted appeal withdraws
 * the finding, a severity decision changes its severity, a rejected one leaves it. The score,
 * pass, dimensions and review are recomputed by core's scorecard (`scoreConversation`,
 * `reviewOf`) from each dimension's base score, read from the result's own explanations, and the
 * findings that remain; the result must reproduce with `scorecard` first (so a result scored
 * with another scorecard is refused, not silently mis-scored). A dimension keeps its base when
 * its findings are withdrawn (a reviewer judged it), where re-inspection without them could
 * make it N/A. Invalid results and results no appeal concerns come back with `appeals` listing nothing.
 *
 * @throws CxqaError `invalid_appeal`: the result already carries `appeals` (apply to what `inspect`
 *   wrote); `invalid_config`: the result names another scorecard or does not reproduce with this one.
 * @example
 * const adjusted = applyAppeals(result, readAppeals('appeals.log'), DEFAULT_SCORECARD);
 * adjusted.appeals.original.score; // 55.1
 * adjusted.score;                  // 70.2
 */
export function applyAppeals(result: Result, log: AppealLog, scorecard: Scorecard, asOf: Date | null = null): AppealedResult {
  const id = result.conversationId;
  if ('appeals' in result)
    throw new CxqaError('invalid_appeal', `result ${id}: already re-scored with appeals; apply to the results cxqa inspect wrote`, { path: ['appeals'] });
  const mine = log.appeals.filter((a) => sameConversation(a.conversationId, id) && result.findings.some((f) => f.id === a.findingId));
  const applied: AppealsApplied = {
    log: { head: log.head, records: log.records, asOf: asOf ? asOf.toISOString() : null },
    original: { score: result.score, pass: result.pass, review: result.review, dimensions: result.dimensions },
    adjusted: { score: result.score, pass: result.pass },
    decisions: [],
    pending: mine.filter((a) => a.decision === null).map((a) => a.id),
    withdrawn: [],
  };
  const decided = mine.filter((a) => a.decision !== null);
  if (result.status === 'invalid' || decided.length === 0) return { ...result, appeals: applied };
  const card = `${scorecard.name}@${scorecard.version}`;
  if (result.versions.scorecard !== card)
    throw new CxqaError('invalid_config', `result ${id}: scored with ${result.versions.scorecard}, not ${card}: pass the config it was inspected with`, {
      path: ['versions', 'scorecard'],
    });
  const bases = basesOf(result);
  const replay = scoreConversation(scorecard, bases, result.findings);
  const differ = scoreDifferences({ ...replay, dimensions: resultDimensions(replay) }, result);
  if (differ.length)
    throw new CxqaError(
      'invalid_config',
      `result ${id}: its scores do not reproduce with ${card} (recomputed ≠ stated: ${differ.join(', ')}): pass the config it was inspected with`,
      { path: ['score'] },
    );
  const findings: Finding[] = [];
  for (const f of result.findings) {
    const a = decided.find((x) => x.findingId === f.id);
    const d = a?.decision;
    if (!a || !d) {
      findings.push(f);
      continue;
    }
    const to = d.outcome === 'accept' ? null : d.outcome === 'severity' ? d.severity! : f.severity;
    applied.decisions.push({
      appealId: a.id,
      findingId: f.id!,
      code: f.code,
      outcome: d.outcome,
      from: f.severity,
      to,
      appealedBy: a.by,
      appealReason: a.reason,
      appealedAt: a.at,
      decidedBy: d.by,
      decisionReason: d.reason,
      decidedAt: d.at,
    });
    if (to === null) applied.withdrawn.push(f);
    else findings.push(to === f.severity ? f : { ...f, severity: to });
  }
  const scored = scoreConversation(scorecard, bases, findings);
  applied.adjusted = { score: scored.score, pass: scored.pass };
  return {
    ...result,
    score: scored.score,
    pass: scored.pass,
    dimensions: resultDimensions(scored),
    findings,
    review: reviewOf(scorecard, findings, result.metrics),
    appeals: applied,
  };
}

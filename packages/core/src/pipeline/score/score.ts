import { compareSeverity, type Finding, SEVERITIES, type Severity } from '../validate/finding.js';
import type { DimensionResult, MetricValue, Review } from '../validate/result.js';
import type { Scorecard } from '../validate/scorecard.js';
import { codeMatches } from './code-pattern.js';

export interface ScoredConversation {
  score: number | null;
  pass: boolean | null;
  dimensions: DimensionResult[];
  /** Why the conversation failed automatically (score 0), if it did. */
  autoFailed: string | null;
  /** Why the conversation failed while keeping its score (`failOn`), if it did. */
  failed: string | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Turn analyzer base scores and findings into dimension scores and an overall score.
 *
 * dimension = 100 × mean(base scores given for it) − Σ deductions of its findings, clamped to
 * 0–100; N/A when no analyzer gave it a base score and no finding matched. Overall = weighted
 * mean of the dimensions that are not N/A. An auto-fail finding sets the overall score to 0.
 *
 * @example
 * scoreConversation(DEFAULT_SCORECARD, new Map([['timeliness', [1]]]), findings).score; // e.g. 75
 */
export function scoreConversation(scorecard: Scorecard, baseScores: ReadonlyMap<string, number[]>, findings: readonly Finding[]): ScoredConversation {
  // loops and module-level helpers, no closure per call: a closure's optimized code lives only as
  // long as one of its instances, so after a full collection every per-call arrow was compiled
  // again (decision 204)
  const dimensions: DimensionResult[] = [];
  for (const dim of scorecard.dimensions) dimensions.push(scoreDimension(scorecard, dim, baseScores, findings));
  const autoFailed = firstHit(findings, scorecard.autoFail, 'auto-fail:');
  const failed = autoFailed ? null : firstHit(findings, scorecard.failOn, 'fails on');
  let weight = 0;
  let sum = 0;
  for (const d of dimensions) if (d.score !== null && d.weight > 0) weight += d.weight;
  if (weight === 0) return { score: null, pass: null, dimensions, autoFailed, failed };
  for (const d of dimensions) if (d.score !== null && d.weight > 0) sum += d.score * d.weight;
  const weighted = round1(sum / weight);
  const score = autoFailed ? 0 : weighted;
  return { score, pass: !autoFailed && !failed && score >= scorecard.passThreshold, dimensions, autoFailed, failed };
}

/** Whether `code` matches one of `patterns`. */
function matchesAny(patterns: readonly string[], code: string): boolean {
  for (const p of patterns) if (codeMatches(p, code)) return true;
  return false;
}

/** One dimension of `scoreConversation`. */
function scoreDimension(
  scorecard: Scorecard,
  dim: Scorecard['dimensions'][number],
  baseScores: ReadonlyMap<string, number[]>,
  findings: readonly Finding[],
): DimensionResult {
  const bases = baseScores.get(dim.name) ?? [];
  const matched: Finding[] = [];
  for (const f of findings) if (matchesAny(dim.findings, f.code)) matched.push(f);
  if (bases.length === 0 && matched.length === 0) {
    return dimensionResult(dim, null, 'N/A: no analyzer judged this dimension');
  }
  const deductions = dim.deductions ?? scorecard.deductions;
  let baseSum = 0;
  for (const b of bases) baseSum += b;
  const base = bases.length ? (100 * baseSum) / bases.length : 100;
  const bySeverity = new Map<Severity, number>();
  for (const f of matched) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const parts: string[] = [];
  let total = 0;
  for (const sev of SEVERITIES) {
    const n = bySeverity.get(sev) ?? 0;
    if (n === 0 || deductions[sev] === 0) continue;
    total += n * deductions[sev];
    parts.push(`${n} ${sev} × ${deductions[sev]}`);
  }
  const score = round1(Math.min(100, Math.max(0, base - total)));
  const explanation = parts.length
    ? `${round1(base)} − ${parts.join(' − ')} (${deductedCodes(matched, deductions)}) = ${score}`
    : `${round1(base)}, no deductions${matched.length ? ` (${matched.length} info finding${matched.length > 1 ? 's' : ''})` : ''}`;
  return dimensionResult(dim, score, explanation);
}

/** The distinct codes, in order, of the findings whose severity deducts. */
function deductedCodes(matched: readonly Finding[], deductions: Readonly<Record<Severity, number>>): string {
  const codes = new Set<string>();
  for (const f of matched) if (deductions[f.severity] > 0) codes.add(f.code);
  return [...codes].join(', ');
}

/** The first rule (in order) that a finding hits, worded with `label`; null when none does. */
function firstHit(
  findings: readonly Finding[],
  rules: readonly { code: string; minSeverity: Finding['severity']; reason?: string | undefined }[],
  label: string,
): string | null {
  for (const rule of rules) {
    const hit = firstAtLeast(findings, rule.code, rule.minSeverity);
    if (hit)
      return `${label} ${hit.code} (${hit.severity}${hit.messageIndex !== undefined ? `, message ${hit.messageIndex}` : ''})${rule.reason ? ` — ${rule.reason}` : ''}`;
  }
  return null;
}

/** The first finding matching `code` at or above `minSeverity`. */
function firstAtLeast(findings: readonly Finding[], code: string, minSeverity: Severity): Finding | undefined {
  for (const f of findings) if (codeMatches(code, f.code) && compareSeverity(f.severity, minSeverity) >= 0) return f;
  return undefined;
}

/** A scorecard dimension's result, `label` only when the dimension has one (object literals: no spread, see maskResult). */
function dimensionResult(dim: Scorecard['dimensions'][number], score: number | null, explanation: string): DimensionResult {
  return dim.label ? { name: dim.name, label: dim.label, score, weight: dim.weight, explanation } : { name: dim.name, score, weight: dim.weight, explanation };
}

/**
 * The dimensions a Result lists for a scored conversation: the scorecard's, then `autoFail`
 * (score 0) or `fail` (no score), weight 0, whose explanation says why.
 */
export function resultDimensions(scored: ScoredConversation): DimensionResult[] {
  if (scored.autoFailed) return [...scored.dimensions, { name: 'autoFail', score: 0, weight: 0, explanation: scored.autoFailed }];
  if (scored.failed) return [...scored.dimensions, { name: 'fail', score: null, weight: 0, explanation: scored.failed }];
  return scored.dimensions;
}

/** A metric review rule's match: one of `equals`, or a number within `atLeast` … `atMost` (inclusive). */
function metricMatches(rule: Scorecard['review'][number], value: MetricValue | undefined): boolean {
  if (rule.equals?.some((v) => value === v)) return true;
  if (typeof value !== 'number' || Number.isNaN(value) || (rule.atMost === undefined && rule.atLeast === undefined)) return false;
  return (rule.atMost === undefined || value <= rule.atMost) && (rule.atLeast === undefined || value >= rule.atLeast);
}

/**
 * Whether a person should read the conversation, whatever its score: every review rule of the
 * scorecard that matches a finding (code at or above its severity) or a metric value.
 *
 * @example
 * reviewOf(DEFAULT_SCORECARD, findings, { 'sentiment.outcome': 'dissatisfied' }); // { needed: true, reasons: ['customer_dissatisfied'] }
 */
export function reviewOf(scorecard: Scorecard, findings: readonly Finding[], metrics: Readonly<Record<string, MetricValue>>): Review {
  const reasons: string[] = [];
  for (const rule of scorecard.review) {
    const hit =
      rule.code !== undefined
        ? firstAtLeast(findings, rule.code, rule.minSeverity) !== undefined
        : rule.metric !== undefined && metricMatches(rule, metrics[rule.metric]);
    if (hit && !reasons.includes(rule.reason)) reasons.push(rule.reason);
  }
  return { needed: reasons.length > 0, reasons };
}

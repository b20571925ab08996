import { compareSeverity, maskPersonalData, type Result, type Severity } from '@cxqa/core';
import { type KpiPeriod, periodOf } from '@cxqa/core/kpi';
import type { FindingCount, ReviewEvidence, ReviewItem } from './model.js';

/** Findings quoted per conversation to review. */
export const EVIDENCE_PER_CONVERSATION = 3;

export interface ReportExtrasOptions {
  period: KpiPeriod;
  timezone: string;
  /** Conversations to review kept per period: the lowest scores (then most findings) first. Default 50. */
  reviewPerPeriod?: number;
}

export interface ReportExtras {
  /** Count one result (validated; invalid and undated ones are ignored, as the KPI aggregator skips them). */
  add(result: Result): void;
  finish(): { findings: FindingCount[]; review: ReviewItem[]; reviewTotals: Record<string, number> };
}

const mask = (s: string) => maskPersonalData(s);
const worse = (a: ReviewItem, b: ReviewItem) =>
  (a.score ?? 101) - (b.score ?? 101) || b.findings.length - a.findings.length || (a.conversationId < b.conversationId ? -1 : 1);

/**
 * What the HTML report shows beside the KPI rows, gathered in the same pass: finding counts per
 * period and code, and per period the conversations needing review with their evidence. Memory is
 * bounded by periods × codes and periods × `reviewPerPeriod`, never by the number of results.
 * Every string is masked again (`maskPersonalData`) even though results are already masked.
 */
export function createReportExtras(options: ReportExtrasOptions): ReportExtras {
  const keep = options.reviewPerPeriod ?? 50;
  const counts = new Map<string, Map<string, { count: number; severity: Severity }>>();
  const review = new Map<string, ReviewItem[]>();
  const reviewTotals: Record<string, number> = {};
  return {
    add(r) {
      if (r.status === 'invalid' || r.startedAt === null) return;
      const period = periodOf(options.period, options.timezone, Date.parse(r.startedAt)).key;
      let codes = counts.get(period);
      if (!codes) counts.set(period, (codes = new Map()));
      for (const f of r.findings) {
        const c = codes.get(f.code);
        if (!c) codes.set(f.code, { count: 1, severity: f.severity });
        else {
          c.count++;
          if (compareSeverity(f.severity, c.severity) > 0) c.severity = f.severity;
        }
      }
      if (!r.review.needed && r.pass !== false) return;
      reviewTotals[period] = (reviewTotals[period] ?? 0) + 1;
      const findings: ReviewEvidence[] = [...r.findings]
        .sort((a, b) => compareSeverity(b.severity, a.severity))
        .slice(0, EVIDENCE_PER_CONVERSATION)
        .map((f) => ({ code: f.code, severity: f.severity, evidence: f.evidence === undefined ? null : mask(f.evidence), explanation: mask(f.explanation) }));
      const item: ReviewItem = {
        period,
        conversationId: mask(r.conversationId ?? '(no id)'),
        agents: r.agentIds.map((a) => maskPersonalData(a, { digitRuns: 'formatted' })),
        startedAt: r.startedAt,
        score: r.score,
        reasons: r.review.reasons,
        findings,
      };
      const list = review.get(period);
      if (!list) review.set(period, [item]);
      else {
        list.push(item);
        if (list.length >= 2 * keep) list.sort(worse).length = keep;
      }
    },
    finish() {
      const findings: FindingCount[] = [];
      for (const [period, codes] of counts) for (const [code, c] of codes) findings.push({ period, code: mask(code), count: c.count, severity: c.severity });
      findings.sort((a, b) => (a.period === b.period ? b.count - a.count || (a.code < b.code ? -1 : 1) : a.period < b.period ? -1 : 1));
      const items = [...review.values()].flatMap((list) => list.sort(worse).slice(0, keep));
      items.sort((a, b) => (a.period === b.period ? worse(a, b) : a.period < b.period ? -1 : 1));
      return { findings, review: items, reviewTotals: { ...reviewTotals } };
    },
  };
}

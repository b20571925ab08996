import type { Severity } from '@cxqa/core';
import type { KpiReport } from '@cxqa/core/kpi';

/** One finding shown as evidence of a conversation to review (strings masked). */
export interface ReviewEvidence {
  code: string;
  severity: Severity;
  /** Masked evidence text, when the analyzer quoted one. */
  evidence: string | null;
  explanation: string;
}

/** A conversation that needs a person's review (`review.needed` or a failed pass), strings masked. */
export interface ReviewItem {
  period: string;
  conversationId: string;
  agents: string[];
  startedAt: string;
  score: number | null;
  reasons: string[];
  /** Its most severe findings first, at most EVIDENCE_PER_CONVERSATION. */
  findings: ReviewEvidence[];
}

/** How often a finding code fired in a period, and its most severe severity. */
export interface FindingCount {
  period: string;
  code: string;
  count: number;
  severity: Severity;
}

/**
 * Everything the HTML report shows: KPI rows per group (usually agent) and per region, each over
 * every period found, plus finding counts and the conversations to review per period. All strings
 * are masked by their producers (kpiRow, createReportExtras); the builder masks them again.
 */
export interface HtmlReportInput {
  title: string;
  /** Rows per period and group (`--by`, agent by default): scorecards and trends. */
  groups: KpiReport;
  /** Rows per period and region (same periods): SLA attainment by region and the overview totals. */
  regions: KpiReport;
  findings: FindingCount[];
  review: ReviewItem[];
  /** Per period, how many conversations needed review in all (the list keeps the worst of them). */
  reviewTotals?: Record<string, number>;
  /** How many periods the trends show, the current one included (default 6). */
  trendPeriods?: number;
}

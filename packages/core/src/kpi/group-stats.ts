import type { Result } from '../pipeline/validate/result.js';
import type { KpiOptions } from './options.js';
import { DurationQuantiles } from './quantiles.js';

/** Met and missed count of one SLA target (`first:<target>` or `resolution:<inquiry type>`). */
export interface TargetTally {
  met: number;
  missed: number;
}

/** The running sums of one (period, group) cell: constant size whatever the number of results. */
export class GroupStats {
  conversations = 0;
  readonly days = new Set<string>();
  scored = 0;
  scoreSum = 0;
  readonly scoreBuckets: number[];
  passKnown = 0;
  passed = 0;
  reviewNeeded = 0;
  readonly targets = new Map<string, TargetTally>();
  readonly firstResponse = new DurationQuantiles();
  readonly averageResponse = new DurationQuantiles();
  readonly resolution = new DurationQuantiles();
  resolvedKnown = 0;
  resolved = 0;
  /** Resolved conversations later found to be repeat contacts (subtracted from first-contact resolution). */
  resolvedRepeated = 0;
  disputes = 0;
  disputesResolved = 0;
  keyed = 0;
  repeated = 0;
  rated = 0;
  csatSum = 0;
  negative = 0;
  positive = 0;
  conversionKnown = 0;
  converted = 0;

  constructor(options: KpiOptions) {
    this.scoreBuckets = new Array(options.scoreBuckets.length + 1).fill(0);
  }

  /** Count one result (its `converted` already decided by metadata or the orders). */
  add(r: Result, day: string, converted: boolean | null, options: KpiOptions): void {
    this.conversations++;
    this.days.add(day);
    if (r.score !== null) {
      this.scored++;
      this.scoreSum += r.score;
      const edges = options.scoreBuckets;
      let b = 0;
      while (b < edges.length && r.score >= edges[b]!) b++;
      this.scoreBuckets[b]!++;
    }
    if (r.pass !== null) {
      this.passKnown++;
      if (r.pass) this.passed++;
    }
    if (r.review.needed) this.reviewNeeded++;
    this.addSla(r);
    const num = (k: string) => (typeof r.metrics[k] === 'number' ? (r.metrics[k] as number) : null);
    const first = num('timing.firstResponseSeconds');
    if (first !== null) this.firstResponse.add(first);
    const avg = num('timing.averageResponseSeconds');
    if (avg !== null) this.averageResponse.add(avg);
    const res = num('timing.resolutionSeconds');
    if (res !== null) this.resolution.add(res);
    if (r.resolved !== null) {
      this.resolvedKnown++;
      if (r.resolved) this.resolved++;
      if (r.inquiryType !== null && options.disputeInquiryTypes.includes(r.inquiryType)) {
        this.disputes++;
        if (r.resolved) this.disputesResolved++;
      }
    }
    if (r.customerKey !== null) this.keyed++;
    if (r.csat !== null) {
      this.rated++;
      this.csatSum += r.csat;
      if (r.csat <= options.csat.negativeAtMost) this.negative++;
      if (r.csat >= options.csat.positiveAtLeast) this.positive++;
    }
    if (converted !== null) {
      this.conversionKnown++;
      if (converted) this.converted++;
    }
  }

  private addSla(r: Result): void {
    const has = (code: string) => r.findings.some((f) => f.code === code);
    const target = r.metrics['timing.firstResponseTarget'];
    if (typeof target === 'string') {
      const answered = typeof r.metrics['timing.firstResponseSeconds'] === 'number';
      const missed = has('timing.first_response_breach') || has('timing.no_agent_response');
      if (missed || answered) this.tally(`first:${target}`, !missed);
    }
    if (typeof r.metrics['timing.resolutionTargetSeconds'] === 'number') {
      const missed = has('timing.resolution_breach');
      const met = !missed && typeof r.metrics['timing.resolutionSeconds'] === 'number';
      if (missed || met) this.tally(`resolution:${r.inquiryType ?? '(none)'}`, met);
    }
  }

  private tally(key: string, met: boolean): void {
    let t = this.targets.get(key);
    if (!t) this.targets.set(key, (t = { met: 0, missed: 0 }));
    if (met) t.met++;
    else t.missed++;
  }
}

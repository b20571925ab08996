import { maskPersonalData } from '../analyzers/sensitive/pii/mask-text.js';
import type { GroupStats } from './group-stats.js';
import { BLEND_COMPONENTS, type BlendComponent, DEFAULT_ROLE_WEIGHTS, type KpiGrouping, type KpiOptions } from './options.js';
import type { PeriodSlot } from './period.js';
import { type UtilisationTally, utilisationRate } from './status-log.js';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** KPIs of one group in one period. Rates are fractions 0–1; durations are seconds; null means no data. */
export interface KpiRow {
  period: string;
  /** First local day of the period (YYYY-MM-DD; empty for `all`). */
  periodStart: string;
  by: KpiGrouping;
  group: string;
  conversations: number;
  /** Conversations per day: per active day or per calendar day (`perDay`). */
  conversationsPerDay: number | null;
  qa: { scored: number; mean: number | null; passRate: number | null; reviewNeeded: number; distribution: { bucket: string; count: number }[] };
  sla: {
    firstResponse: number | null;
    resolution: number | null;
    /** Per target that applied: `first:<kind>:<id>` (the timing analyzer's governing target) or `resolution:<inquiry type>`. */
    targets: { target: string; met: number; missed: number; attainment: number | null }[];
  };
  firstResponse: { n: number; p50Seconds: number | null; p90Seconds: number | null; meanSeconds: number | null };
  /** Mean over conversations of each conversation's mean response time. */
  averageResponseSeconds: number | null;
  resolution: { n: number; meanSeconds: number | null; p50Seconds: number | null };
  firstContactResolution: { n: number; rate: number | null };
  repeatContact: { n: number; repeated: number; rate: number | null };
  /** Share resolved among conversations of a dispute inquiry type (`disputeInquiryTypes`) whose outcome is known. */
  disputeResolution: { n: number; rate: number | null };
  csat: { n: number; mean: number | null; negativeRate: number | null; positiveRate: number | null };
  conversion: { n: number; rate: number | null };
  utilisation: (UtilisationTally & { rate: number | null }) | null;
  blended: { role: string; score: number | null; components: { name: BlendComponent; weight: number; value: number | null }[] } | null;
}

/**
 * A group key or target name as the report may print it: personal data masked like the engine
 * masks the field it comes from (agent ids keep unformatted digit runs; labels as `maskPersonalData`'s default),
 * so a hand-edited result cannot carry an e-mail or phone number into a report.
 */
const maskKey = (key: string, by: KpiGrouping) => maskPersonalData(key, by === 'agent' || by === 'team' ? { digitRuns: 'formatted' } : {});

/** Turn a cell's sums into its KPI row; the group key and SLA target names are masked (maskKey), roles are looked up by the unmasked key. */
export function kpiRow(slot: PeriodSlot, by: KpiGrouping, group: string, s: GroupStats, util: UtilisationTally | undefined, options: KpiOptions): KpiRow {
  const edges = options.scoreBuckets;
  const distribution = s.scoreBuckets.map((count, i) => ({
    bucket: i === 0 ? `<${edges[0]}` : i === edges.length ? `>=${edges[i - 1]}` : `${edges[i - 1]}-<${edges[i]}`,
    count,
  }));
  let firstMet = 0;
  let firstAll = 0;
  let resMet = 0;
  let resAll = 0;
  const targets = [...s.targets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([target, t]) => {
      if (target.startsWith('first:')) {
        firstMet += t.met;
        firstAll += t.met + t.missed;
      } else {
        resMet += t.met;
        resAll += t.met + t.missed;
      }
      return { target: maskKey(target, 'inquiryType'), met: t.met, missed: t.missed, attainment: rate(t.met, t.met + t.missed) };
    });
  const days = options.perDay === 'calendar' && slot.days > 0 ? slot.days : s.days.size;
  const row: KpiRow = {
    period: slot.key,
    periodStart: slot.start,
    by,
    group: maskKey(group, by),
    conversations: s.conversations,
    conversationsPerDay: rate(s.conversations, days),
    qa: { scored: s.scored, mean: rate(s.scoreSum, s.scored), passRate: rate(s.passed, s.passKnown), reviewNeeded: s.reviewNeeded, distribution },
    sla: { firstResponse: rate(firstMet, firstAll), resolution: rate(resMet, resAll), targets },
    firstResponse: {
      n: s.firstResponse.count,
      p50Seconds: s.firstResponse.quantile(0.5),
      p90Seconds: s.firstResponse.quantile(0.9),
      meanSeconds: s.firstResponse.mean(),
    },
    averageResponseSeconds: s.averageResponse.mean(),
    resolution: { n: s.resolution.count, meanSeconds: s.resolution.mean(), p50Seconds: s.resolution.quantile(0.5) },
    firstContactResolution: { n: s.resolvedKnown, rate: rate(s.resolved - s.resolvedRepeated, s.resolvedKnown) },
    repeatContact: { n: s.keyed, repeated: s.repeated, rate: rate(s.repeated, s.keyed) },
    disputeResolution: { n: s.disputes, rate: rate(s.disputesResolved, s.disputes) },
    csat: { n: s.rated, mean: rate(s.csatSum, s.rated), negativeRate: rate(s.negative, s.rated), positiveRate: rate(s.positive, s.rated) },
    conversion: { n: s.conversionKnown, rate: rate(s.converted, s.conversionKnown) },
    utilisation: util ? { ...util, rate: utilisationRate(util) } : null,
    blended: null,
  };
  row.blended = blend(row, group, options);
  return row;
}

/** Each blend component as a 0–1 value where higher is better; null without data. */
function componentValue(row: KpiRow, c: BlendComponent): number | null {
  const not = (v: number | null) => (v === null ? null : 1 - v);
  switch (c) {
    case 'responseSpeed':
      return row.sla.firstResponse;
    case 'conversion':
      return row.conversion.rate;
    case 'positiveRating':
      return row.csat.positiveRate;
    case 'disputeResolution':
      return row.disputeResolution.rate;
    case 'complaintRate':
      return not(row.csat.negativeRate);
    case 'firstContactResolution':
      return row.firstContactResolution.rate;
    case 'repeatContact':
      return not(row.repeatContact.rate);
    case 'qaScore':
      return row.qa.mean === null ? null : row.qa.mean / 100;
  }
}

/**
 * The blended KPI (0–100) of a group with a role: Σ weight·value / Σ weight over the components
 * that have data (a component without data is listed with value null and left out).
 */
function blend(row: KpiRow, group: string, options: KpiOptions): KpiRow['blended'] {
  const role = options.roles[group] ?? options.defaultRole;
  if (role === undefined) return null;
  const weights = options.roleWeights[role] ?? DEFAULT_ROLE_WEIGHTS[role];
  if (!weights) return { role, score: null, components: [] };
  let sum = 0;
  let total = 0;
  const components = BLEND_COMPONENTS.filter((c) => (weights[c] ?? 0) > 0).map((name) => {
    const weight = weights[name]!;
    const value = componentValue(row, name);
    if (value !== null) {
      sum += weight * value;
      total += weight;
    }
    return { name, weight, value };
  });
  return { role, score: total > 0 ? (100 * sum) / total : null, components };
}

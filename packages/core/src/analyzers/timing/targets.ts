import { formatDuration } from './duration.js';
import type { Clock, ResolvedTimingOptions } from './options.js';

export interface AppliedTarget {
  kind: 'region' | 'inquiryType';
  id: string;
  /** e.g. "Europe, outside business hours" or "return / exchange request" */
  label: string;
  /** Limit after any night-shift relaxation. */
  seconds: number;
  clock: Clock;
  priority: 'urgent' | 'high' | 'normal' | 'low';
  relaxedBy?: number;
}

export interface TargetInputs {
  regionId: string | null;
  inBusinessHours: boolean;
  inquiryType: string | undefined;
  nightFactor: number | null;
}

/** Every first-response target that applies, strictest first. */
export function firstResponseTargets(o: ResolvedTimingOptions, t: TargetInputs): AppliedTarget[] {
  const out: AppliedTarget[] = [];
  const relax = (s: number) => (t.nightFactor ? s * t.nightFactor : s);
  const extra = t.nightFactor ? { relaxedBy: t.nightFactor } : {};
  if (t.regionId) {
    const r = o.sla.regions[t.regionId]!;
    const base = t.inBusinessHours ? r.inBusinessHours : r.outsideBusinessHours;
    out.push({
      kind: 'region',
      id: t.regionId,
      label: `${r.label}, ${t.inBusinessHours ? 'in' : 'outside'} business hours`,
      seconds: relax(base),
      clock: r.clock,
      priority: 'normal',
      ...extra,
    });
  }
  const q = t.inquiryType ? o.sla.inquiryTypes[t.inquiryType] : undefined;
  if (q?.firstResponse !== undefined) {
    out.push({ kind: 'inquiryType', id: t.inquiryType!, label: q.label, seconds: relax(q.firstResponse), clock: q.clock, priority: q.priority, ...extra });
  }
  return out.sort((a, b) => a.seconds - b.seconds || (a.kind === 'region' ? -1 : 1));
}

/** The resolution target of the inquiry type, if any. */
export function resolutionTarget(o: ResolvedTimingOptions, inquiryType: string | undefined, nightFactor: number | null): AppliedTarget | null {
  const q = inquiryType ? o.sla.inquiryTypes[inquiryType] : undefined;
  if (q?.resolution === undefined) return null;
  return {
    kind: 'inquiryType',
    id: inquiryType!,
    label: q.label,
    seconds: nightFactor ? q.resolution * nightFactor : q.resolution,
    clock: q.clock,
    priority: q.priority,
    ...(nightFactor ? { relaxedBy: nightFactor } : {}),
  };
}

/** "target for Europe, outside business hours: 4 h" plus why it won. */
export function describeTarget(target: AppliedTarget, all: readonly AppliedTarget[]): string {
  let s = `target for ${target.label}: ${formatDuration(target.seconds)}`;
  if (target.clock !== 'wall') s += ` of ${target.clock === 'business' ? "the customer's business hours" : "the team's shift time"}`;
  if (target.relaxedBy) s += ` (relaxed ×${target.relaxedBy} for the night shift)`;
  const others = all.filter((x) => x !== target);
  if (others.length) s += `; strictest of ${all.length} targets, also ${others.map((x) => `${x.label} ${formatDuration(x.seconds)}`).join(', ')}`;
  return s;
}

/** minor up to 2× the target, major beyond; urgent inquiries one level higher. */
export function breachSeverity(measured: number, target: AppliedTarget): 'minor' | 'major' | 'critical' {
  const base = measured > 2 * target.seconds ? 'major' : 'minor';
  if (target.priority !== 'urgent') return base;
  return base === 'minor' ? 'major' : 'critical';
}

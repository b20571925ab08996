import { z } from 'zod';
import { workingSecondsBetween } from '../analyzers/timing/calendar.js';
import { TimestampSchema } from '../pipeline/validate/conversation.js';
import type { KpiOptions } from './options.js';

/** One interval of an agent's status log: `online` (on call, idle), `busy` (in a conversation), `away`. */
export const AgentStatusSchema = z
  .object({
    agentId: z.string().min(1),
    status: z.enum(['online', 'busy', 'away']),
    from: TimestampSchema,
    to: TimestampSchema,
  })
  .refine((s) => Date.parse(s.to) >= Date.parse(s.from), { message: '"to" is before "from"', path: ['to'] });
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

/** Seconds by status of one agent (or team) in one period. */
export interface UtilisationTally {
  busySeconds: number;
  idleSeconds: number;
  /** Idle on-call seconds inside the low-traffic hours: reported, left out of the rate. */
  idleLowTrafficSeconds: number;
  awaySeconds: number;
}

export const emptyUtilisation = (): UtilisationTally => ({ busySeconds: 0, idleSeconds: 0, idleLowTrafficSeconds: 0, awaySeconds: 0 });

/** Add one interval; its seconds in the low-traffic window (any weekday) are split off when it is idle time. */
export function addStatus(t: UtilisationTally, s: AgentStatus, options: KpiOptions): void {
  const from = Date.parse(s.from);
  const to = Date.parse(s.to);
  const seconds = (to - from) / 1000;
  if (s.status === 'busy') t.busySeconds += seconds;
  else if (s.status === 'away') t.awaySeconds += seconds;
  else {
    const low = options.lowTraffic
      ? (workingSecondsBetween(
          { timezone: options.lowTraffic.timezone, days: [1, 2, 3, 4, 5, 6, 7], start: options.lowTraffic.start, end: options.lowTraffic.end },
          from,
          to,
        ) ?? 0)
      : 0;
    t.idleSeconds += seconds - low;
    t.idleLowTrafficSeconds += low;
  }
}

/** Effective utilisation: busy / (busy + idle outside low-traffic hours); null with no on-call time. */
export function utilisationRate(t: UtilisationTally): number | null {
  const base = t.busySeconds + t.idleSeconds;
  return base > 0 ? t.busySeconds / base : null;
}

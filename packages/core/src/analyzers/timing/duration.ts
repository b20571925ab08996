import { z } from 'zod';

const UNIT: Record<string, number> = { d: 86400, h: 3600, m: 60, min: 60, s: 1 };

/** Parse `90`, `"45s"`, `"5m"`, `"2h"`, `"1h30m"`, `"2d"` into seconds; null if unreadable. */
export function parseDuration(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  const s = value.trim().toLowerCase().replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const re = /(\d+(?:\.\d+)?)(d|h|min|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * UNIT[m[2]!]!;
    consumed = re.lastIndex;
  }
  return consumed === s.length && consumed > 0 ? total : null;
}

/** A duration in configuration: seconds, or a string like "5m", "2h", "1h30m". */
export const DurationSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const seconds = parseDuration(v);
  if (seconds === null) {
    ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not a duration (use seconds or e.g. "5m", "2h", "1h30m")` });
    return z.NEVER;
  }
  return seconds;
});

/** Human form: `45 s`, `4 min 10 s`, `3 h 12 min`, `2 d 3 h`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const r = s % 60;
    return r ? `${m} min ${r} s` : `${m} min`;
  }
  if (s < 86400) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return m ? `${h} h ${String(m).padStart(2, '0')} min` : `${h} h`;
  }
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  return h ? `${d} d ${h} h` : `${d} d`;
}

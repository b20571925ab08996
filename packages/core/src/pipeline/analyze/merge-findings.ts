import { compareSeverity, type Finding } from '../validate/finding.js';

/** Codes where every value is its own finding (two card numbers in one message are two exposures). */
const PER_VALUE = /^pii\./;

/** At most this many separate findings per code and message (`pii.*` values), or per code without a message. */
export const MAX_FINDINGS_PER_CODE = 20;
/** At most this many other places kept in `rule.detail.alsoAt` of a merged finding. */
export const MAX_ALSO_AT = 50;

interface Member {
  /** Position in the output. */
  at: number;
  winner: Finding;
  alsoAt: { start?: number; end?: number; rule: string | null }[];
  /** Places beyond MAX_ALSO_AT, counted. */
  alsoAtMore: number;
}

interface Group {
  members: Member[];
  /** Findings beyond MAX_FINDINGS_PER_CODE, counted. */
  omitted: number;
}

/**
 * One finding per code and message: the same code reported twice on one message (two rules of a
 * kind, a term and its variant, a phrase and a term) becomes one finding — the most severe, its
 * other places kept as spans in `rule.detail.alsoAt` so nothing is counted twice
 * (`alsoAt`: `{ start?, end?, rule }` per merged finding, at most {@link MAX_ALSO_AT}; beyond
 * that `rule.detail.alsoAtMore` counts them). `pii.*` findings are merged only when their spans
 * overlap. Findings without a message are kept apart.
 *
 * Bounded whatever the input: at most {@link MAX_FINDINGS_PER_CODE} separate findings per code
 * and message (or per code without a message); the rest are counted on the last one kept as
 * `rule.detail.omitted` and named in its explanation ("… and 1,234 more"). Linear time.
 * Order: as given (the caller sorts by message).
 *
 * @example
 * mergeFindings([blaming@3 "as I said", blaming@3 "your fault"]); // one politeness.blaming @3, alsoAt: [span of "your fault"]
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const placed = f.messageIndex !== undefined;
    const key = `${f.code}\u0000${placed ? f.messageIndex : '-'}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { members: [], omitted: 0 }));
    const separate = !placed || (PER_VALUE.test(f.code) && !group.members.some((g) => overlaps(g.winner, f)));
    if (separate || !group.members.length) {
      if (group.members.length >= MAX_FINDINGS_PER_CODE) {
        group.omitted++;
        continue;
      }
      group.members.push({ at: out.length, winner: f, alsoAt: [], alsoAtMore: 0 });
      out.push(f);
      continue;
    }
    const kept = PER_VALUE.test(f.code) ? group.members.find((g) => overlaps(g.winner, f))! : group.members[0]!;
    const [winner, other] = compareSeverity(f.severity, kept.winner.severity) > 0 ? [f, kept.winner] : [kept.winner, f];
    kept.winner = winner;
    const rule = other.rule?.id ?? null;
    if (kept.alsoAt.length < MAX_ALSO_AT) kept.alsoAt.push(other.span ? { start: other.span.start, end: other.span.end, rule } : { rule });
    else kept.alsoAtMore++;
  }
  for (const group of groups.values()) {
    group.members.forEach((m, i) => {
      const omitted = i === group.members.length - 1 ? group.omitted : 0;
      if (!m.alsoAt.length && !omitted) return;
      const w = m.winner;
      const carried = (w.rule?.detail?.alsoAt as Member['alsoAt'] | undefined) ?? [];
      const detail: Record<string, unknown> = { ...w.rule?.detail };
      if (m.alsoAt.length) detail.alsoAt = [...carried, ...m.alsoAt];
      if (m.alsoAtMore) detail.alsoAtMore = m.alsoAtMore;
      if (omitted) detail.omitted = omitted;
      out[m.at] = {
        ...w,
        ...(omitted ? { explanation: `${w.explanation} (and ${omitted.toLocaleString('en')} more like it)` } : {}),
        rule: { id: w.rule?.id ?? w.code, kind: w.rule?.kind ?? 'rule', ...w.rule, detail },
      };
    });
  }
  return out;
}

function overlaps(a: Finding, b: Finding): boolean {
  if (!a.span || !b.span) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

import { compareSeverity, type Finding } from '../schemas/finding.js';

/** Codes where every value is its own finding (two card numbers in one message are two exposures). */
const PER_VALUE = /^pii\./;

/**
 * One finding per code and message: the same code reported twice on one message (two rules of a
 * kind, a term and its variant, a phrase and a term) becomes one finding — the most severe, its
 * other places kept as spans in `rule.detail.alsoAt` so nothing is lost and nothing is counted
 * twice (`alsoAt`: `{ start?, end?, rule }` per merged finding). `pii.*` findings are merged only
 * when their spans overlap. Findings without a message
 * are left alone. Order: by message, then as found.
 *
 * @example
 * mergeFindings([blaming@3 "as I said", blaming@3 "your fault"]); // one politeness.blaming @3, alsoAt: [span of "your fault"]
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.messageIndex === undefined) {
      out.push(f);
      continue;
    }
    const key = `${f.code}\u0000${f.messageIndex}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, [f]);
      out.push(f);
      continue;
    }
    if (PER_VALUE.test(f.code) && !group.some((g) => overlaps(g, f))) {
      group.push(f);
      out.push(f);
      continue;
    }
    const kept = group.find((g) => !PER_VALUE.test(f.code) || overlaps(g, f))!;
    const [winner, other] = compareSeverity(f.severity, kept.severity) > 0 ? [f, kept] : [kept, f];
    const also = [...((kept.rule?.detail?.alsoAt as unknown[] | undefined) ?? []), { ...(other.span ?? {}), rule: other.rule?.id ?? null }];
    const merged: Finding = { ...winner, rule: { id: winner.rule?.id ?? winner.code, kind: winner.rule?.kind ?? 'rule', ...winner.rule, detail: { ...winner.rule?.detail, alsoAt: also } } };
    out[out.indexOf(kept)] = merged;
    group[group.indexOf(kept)] = merged;
  }
  return out;
}

function overlaps(a: Finding, b: Finding): boolean {
  if (!a.span || !b.span) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

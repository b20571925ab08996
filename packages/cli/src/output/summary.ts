import { type Result, type ResultTally, tallyOf } from '@cxqa/core';
import picocolors from 'picocolors';
import type { Colors } from './colors.js';

/** Running totals for the end-of-run summary line (constant memory). */
export class Summary {
  total = 0;
  byStatus = { ok: 0, partial: 0, invalid: 0 };
  scoreSum = 0;
  scored = 0;
  passed = 0;
  judged = 0;
  review = 0;
  findings = new Map<string, number>();

  /** Count one result, given as the Result or its tally (what `InspectorPool.inspectJson` answers). */
  add(result: Result | ResultTally): void {
    const r = 'findingCodes' in result ? result : tallyOf(result);
    this.total++;
    this.byStatus[r.status]++;
    if (r.score !== null) {
      this.scoreSum += r.score;
      this.scored++;
    }
    if (r.pass !== null) {
      this.judged++;
      if (r.pass) this.passed++;
    }
    if (r.reviewNeeded) this.review++;
    for (const code of r.findingCodes) this.findings.set(code, (this.findings.get(code) ?? 0) + 1);
  }

  /** Two lines; `c` colours the counts that need attention (default: no colour). */
  format(c: Colors = picocolors.createColors(false)): string {
    const s = this.byStatus;
    const count = (n: number, label: string, paint: (t: string) => string) => (n ? paint(`${n} ${label}`) : `${n} ${label}`);
    const mean = this.scored ? (this.scoreSum / this.scored).toFixed(1) : 'n/a';
    const top = [...this.findings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return [
      `${this.total} conversation${this.total === 1 ? '' : 's'}: ${count(s.ok, 'ok', c.green)}, ${count(s.partial, 'partial', c.yellow)}, ${count(s.invalid, 'invalid', c.red)} · mean score ${mean} · passed ${this.passed}/${this.judged} · review ${this.review}`,
      `findings: ${top.length ? top.map(([c, n]) => `${c} ${n}`).join(', ') : 'none'}`,
    ].join('\n');
  }
}

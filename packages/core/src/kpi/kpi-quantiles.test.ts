import { DurationQuantiles } from '@cxqa/core/kpi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('DurationQuantiles', () => {
  it('is nearest-rank exact for whole seconds under 10 minutes and within 0.5 % above', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 599 }), fc.double({ min: 600, max: 30 * 86400, noNaN: true })), { minLength: 1, maxLength: 200 }),
        (values) => {
          const q = new DurationQuantiles();
          for (const v of values) q.add(v);
          const sorted = [...values].sort((a, b) => a - b);
          for (const p of [0.5, 0.9, 1]) {
            const exact = sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
            const got = q.quantile(p)!;
            if (exact < 600) expect(got).toBe(exact);
            else expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(0.0051);
          }
          expect(q.mean()).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
        },
      ),
    );
    expect(new DurationQuantiles().quantile(0.5)).toBeNull();
  });
});

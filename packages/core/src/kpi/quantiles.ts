/**
 * Streaming quantiles of durations in seconds with memory bounded by the number of distinct
 * buckets, not of values: exact to the second below 10 minutes; above, values share log buckets
 * 0.5 % wide and a bucket answers with the mean of its values (exact when they are equal).
 * Quantiles are nearest-rank: the smallest value with at least q·n values at or below it.
 */
export class DurationQuantiles {
  /** bucket → [count, sum of its values] */
  private readonly buckets = new Map<number, [number, number]>();
  count = 0;
  sum = 0;

  add(seconds: number): void {
    const key = seconds < 600 ? Math.round(seconds) : LOG_BASE + Math.round(Math.log(seconds) / LOG_STEP);
    const b = this.buckets.get(key);
    if (b) {
      b[0]++;
      b[1] += seconds;
    } else this.buckets.set(key, [1, seconds]);
    this.count++;
    this.sum += seconds;
  }

  mean(): number | null {
    return this.count ? this.sum / this.count : null;
  }

  /** The q-quantile (0 < q ≤ 1) in seconds, null when empty. */
  quantile(q: number): number | null {
    if (!this.count) return null;
    const rank = Math.max(1, Math.ceil(q * this.count));
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const k of keys) {
      const [count, sum] = this.buckets.get(k)!;
      seen += count;
      if (seen >= rank) return k < LOG_BASE ? k : sum / count;
    }
    return null;
  }
}

const LOG_BASE = 1_000_000;
const LOG_STEP = Math.log(1.005);

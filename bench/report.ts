/** One row of `pnpm bench --json FILE`: the public benchmark report format. */
export interface BenchRow {
  benchmark: string;
  /** `cxqa` or the peer library measured in the same run. */
  subject: string;
  metric: string;
  value: number;
  unit?: string;
}

import type { Result } from '@cxqa/core';
import { createKpiAggregator, type KpiAggregatorOptions, KpiOptionsSchema, type KpiReport } from '@cxqa/core/kpi';
import { buildHtmlReport } from './build.js';
import { type Echarts, loadEcharts } from './charts.js';
import { createReportExtras } from './extras.js';

export interface HtmlReportCollector {
  /** Count one validated result (the caller's KPI aggregator counts it too and throws on bad KPI input first). */
  add(result: Result): void;
  /** The page, given the main aggregator's report (rows per `--by` group). */
  finish(groups: KpiReport, title: string, echarts?: Echarts): Promise<string>;
}

/**
 * What `cxqa report --format html` needs beyond the main KPI rows, gathered in the same pass over
 * the results: KPI rows by region (SLA by region, overview totals), finding counts and the
 * conversations to review. ECharts is loaded only in `finish` (or injected).
 * @throws CxqaError `invalid_option` when the KPI options do not validate (as createKpiAggregator).
 */
export function createHtmlReportCollector(options: KpiAggregatorOptions): HtmlReportCollector {
  const regions = createKpiAggregator({ ...options, by: 'region' });
  const { orders: _orders, ...rest } = options;
  const { period, timezone } = KpiOptionsSchema.parse(rest);
  const extras = createReportExtras({ period, timezone });
  return {
    add(r) {
      regions.add(r);
      extras.add(r);
    },
    async finish(groups, title, echarts) {
      return buildHtmlReport({ title, groups, regions: regions.finish(), ...extras.finish() }, echarts ?? (await loadEcharts()));
    },
  };
}

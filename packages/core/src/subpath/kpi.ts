/** `@cxqa/core/kpi`: KPIs over results (per agent, team, platform, region, inquiry type and period) and backlog alerts. */
export { createKpiAggregator, type KpiAggregator, type KpiAggregatorOptions, type KpiReport } from '../kpi/aggregator.js';
export {
  type BacklogAlert,
  type BacklogEvaluator,
  type BacklogItem,
  type BacklogReport,
  type BacklogRule,
  type BacklogRuleInput,
  BacklogRuleSchema,
  createBacklogEvaluator,
  DEFAULT_BACKLOG_RULES,
  evaluateBacklog,
  parseBacklogRules,
} from '../kpi/backlog.js';
export type { KpiRow } from '../kpi/kpi-row.js';
export { KPI_COLUMNS, type KpiColumn, roundKpi } from '../kpi/kpi-table.js';
export {
  BLEND_COMPONENTS,
  type BlendComponent,
  DEFAULT_ROLE_WEIGHTS,
  KPI_GROUPINGS,
  KPI_PERIODS,
  type KpiGrouping,
  type KpiOptions,
  type KpiOptionsInput,
  KpiOptionsSchema,
  type KpiPeriod,
} from '../kpi/options.js';
export { type Order, OrderSchema } from '../kpi/orders.js';
export { periodOf } from '../kpi/period.js';
export { DurationQuantiles } from '../kpi/quantiles.js';
export { type AgentStatus, AgentStatusSchema } from '../kpi/status-log.js';

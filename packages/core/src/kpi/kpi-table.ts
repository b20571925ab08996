import type { KpiRow } from './kpi-row.js';

/** One column of the flat KPI table: its name (CSV header) and its value in a row (rates 0–1, seconds, counts). */
export interface KpiColumn {
  name: string;
  value(row: KpiRow): string | number | null;
}

/** The flat KPI table: one row per group and period, for CSV (Excel) and Markdown. */
export const KPI_COLUMNS: readonly KpiColumn[] = [
  { name: 'period', value: (r) => r.period },
  { name: 'periodStart', value: (r) => r.periodStart },
  { name: 'group', value: (r) => r.group },
  { name: 'conversations', value: (r) => r.conversations },
  { name: 'conversationsPerDay', value: (r) => r.conversationsPerDay },
  { name: 'qaMean', value: (r) => r.qa.mean },
  { name: 'passRate', value: (r) => r.qa.passRate },
  { name: 'reviewNeeded', value: (r) => r.qa.reviewNeeded },
  { name: 'slaFirstResponse', value: (r) => r.sla.firstResponse },
  { name: 'slaResolution', value: (r) => r.sla.resolution },
  { name: 'firstResponseP50Seconds', value: (r) => r.firstResponse.p50Seconds },
  { name: 'firstResponseP90Seconds', value: (r) => r.firstResponse.p90Seconds },
  { name: 'averageResponseSeconds', value: (r) => r.averageResponseSeconds },
  { name: 'resolutionMeanSeconds', value: (r) => r.resolution.meanSeconds },
  { name: 'firstContactResolution', value: (r) => r.firstContactResolution.rate },
  { name: 'repeatContactRate', value: (r) => r.repeatContact.rate },
  { name: 'csatMean', value: (r) => r.csat.mean },
  { name: 'negativeFeedbackRate', value: (r) => r.csat.negativeRate },
  { name: 'conversionRate', value: (r) => r.conversion.rate },
  { name: 'utilisation', value: (r) => r.utilisation?.rate ?? null },
  { name: 'idleLowTrafficSeconds', value: (r) => r.utilisation?.idleLowTrafficSeconds ?? null },
  { name: 'role', value: (r) => r.blended?.role ?? null },
  { name: 'blendedKpi', value: (r) => r.blended?.score ?? null },
];

/** Round for a table: rates and means to 4 significant decimals, whole seconds stay whole; null stays null. */
export function roundKpi(v: string | number | null): string | number | null {
  return typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10_000) / 10_000 : v;
}

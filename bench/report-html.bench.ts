/**
 * Report building (`cxqa report`): N synthetic results (bench/kpi.bench.ts's quarter, 200 agents)
 * through what `cxqa report --format html` and `--format csv` do after parsing — KPI rows by
 * agent and week, rows by region, finding counts and the conversations to review, the HTML page
 * (ECharts SSR charts) and the CSV table — with wall and CPU time and peak memory: heapUsed
 * sampled every 10,000 results and at each step, and the process's peak RSS
 * (`process.resourceUsage().maxRSS`, a process-lifetime peak: read it with `--only report`).
 */
import { createHtmlReportCollector, formatKpiTable, loadEcharts } from '@cxqa/cli';
import { createKpiAggregator } from '@cxqa/core/kpi';
import { syntheticResult } from './kpi.bench.js';
import type { BenchRow } from './report.js';

export async function benchReport(total: number, log: (s: string) => void): Promise<BenchRow[]> {
  if (total <= 0) return [];
  const echarts = await loadEcharts();
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const options = { period: 'week', by: 'agent', defaultRole: 'after-sales' } as const;
  const perDay = Math.max(1, Math.round(total / (200 * 91)));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const kpis = createKpiAggregator(options);
  const page = createHtmlReportCollector(options);
  for (let i = 0; i < total; i++) {
    const r = syntheticResult(i, perDay);
    kpis.add(r);
    page.add(r);
    if (i % 10_000 === 0) sample();
  }
  const t1 = performance.now();
  const report = kpis.finish();
  sample();
  const html = await page.finish(report, 'bench', echarts);
  sample();
  const csv = formatKpiTable(report, 'csv');
  sample();
  const seconds = (performance.now() - t0) / 1000;
  const build = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const name = `report.html+csv.${total}`;
  log(
    `report: ${total} results → ${report.rows.length} rows, HTML ${(html.length / 1e6).toFixed(1)} MB, CSV ${(csv.length / 1e3).toFixed(0)} kB in ${seconds.toFixed(1)} s (finish + HTML + CSV ${build.toFixed(1)} s)`,
  );
  return [
    { benchmark: name, subject: 'cxqa', metric: 'seconds (aggregate + build)', value: Math.round(seconds * 10) / 10, unit: 's' },
    { benchmark: name, subject: 'cxqa', metric: 'seconds (finish + HTML + CSV)', value: Math.round(build * 10) / 10, unit: 's' },
    { benchmark: name, subject: 'cxqa', metric: 'CPU seconds', value: Math.round(((cpu.user + cpu.system) / 1e6) * 10) / 10, unit: 's' },
    { benchmark: name, subject: 'cxqa', metric: 'peak heap above start (MB, sampled)', value: Math.round((peak - base) / 1048576), unit: 'MB' },
    { benchmark: name, subject: 'cxqa', metric: 'peak RSS of the process (MB)', value: Math.round(maxRssMb), unit: 'MB' },
    { benchmark: name, subject: 'cxqa', metric: 'HTML size (kB)', value: Math.round(html.length / 1000), unit: 'kB' },
  ];
}

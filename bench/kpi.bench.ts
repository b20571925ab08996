/**
 * KPI aggregation (`@cxqa/core/kpi`): a quarter of results for 200 agents (91 days × 50
 * conversations per agent and day = 910,000 results, 300,000 customers, status log omitted),
 * by agent and week — wall and CPU time (the synthetic results' making included), and heap retained by the aggregator before `finish` (after a GC),
 * at a tenth and at the full size, to show what grows with the number of results.
 */
import type { Result } from '@cxqa/core';
import { createKpiAggregator } from '@cxqa/core/kpi';
import type { BenchRow } from './report.js';

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1048576;
};

/** Result `i` of a synthetic quarter: deterministic, shaped like the inspector's output. */
export function syntheticResult(i: number, perDay: number): Result {
  const agent = i % 200;
  const day = Math.floor(i / (200 * perDay));
  const start = Date.UTC(2026, 0, 5) + day * 86_400_000 + ((i * 7919) % 86_400) * 1000;
  const first = 30 + ((i * 31) % 3600);
  const breach = first > 600;
  return {
    schemaVersion: 2,
    conversationId: `c${i}`,
    agentIds: [`agent-${agent}`],
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + first * 1000 + 600_000).toISOString(),
    platform: ['amazon', 'shopify', 'ebay'][i % 3]!,
    channel: ['email', 'chat', 'whatsapp'][i % 3]!,
    inquiryType: ['order_issue', 'logistics', 'return_exchange', 'product_question'][i % 4]!,
    customerKey: `cust-${(i * 48271) % 300_000}`,
    resolved: i % 5 !== 0,
    csat: i % 3 === 0 ? 1 + (i % 5) : null,
    converted: i % 7 === 0 ? true : null,
    status: 'ok',
    score: 50 + (i % 51),
    pass: i % 51 >= 20,
    dimensions: [],
    findings: breach ? [{ id: 'x', analyzer: 'timing', code: 'timing.first_response_breach', severity: 'major', explanation: 'late' }] : [],
    metrics: {
      'timing.firstResponseSeconds': first,
      'timing.averageResponseSeconds': first * 1.5,
      'timing.resolutionSeconds': first + 600,
      'timing.firstResponseTarget': 'region:europe',
      'timing.resolutionTargetSeconds': 86_400,
      'timing.region': 'europe',
    },
    issues: [],
    review: { needed: breach, reasons: [] },
    versions: { engine: 'bench', scorecard: 'bench@1', analyzers: {} },
  };
}

export function benchKpi(log: (s: string) => void): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const perDay of [5, 50]) {
    const total = 200 * 91 * perDay;
    const before = heapMb();
    const kpis = createKpiAggregator({ period: 'week', by: 'agent', roles: {}, defaultRole: 'after-sales' });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < total; i++) kpis.add(syntheticResult(i, perDay));
    const retained = heapMb() - before;
    const t1 = performance.now();
    const report = kpis.finish();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    log(`kpi: ${total} results → ${report.rows.length} rows in ${seconds.toFixed(1)} s (finish ${((performance.now() - t1) / 1000).toFixed(1)} s)`);
    const name = `kpi.quarter.200agents.${total}`;
    rows.push(
      { benchmark: name, subject: 'cxqa', metric: 'seconds (add + finish)', value: Math.round(seconds * 10) / 10, unit: 's' },
      { benchmark: name, subject: 'cxqa', metric: 'CPU seconds (add + finish)', value: Math.round(cpuSeconds * 10) / 10, unit: 's' },
      { benchmark: name, subject: 'cxqa', metric: 'results per CPU second', value: Math.round(total / cpuSeconds), unit: 'results/s' },
      { benchmark: name, subject: 'cxqa', metric: 'heap retained before finish (MB)', value: Math.round(retained), unit: 'MB' },
    );
  }
  return rows;
}

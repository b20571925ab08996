import { createInspector, type Result, ResultSchema } from '@cxqa/core';
import { createKpiAggregator, type KpiRow } from '@cxqa/core/kpi';
import { describe, expect, it } from 'vitest';
import { RESULT_BASE, kpiResult as result } from './kpi-result.fixture.js';

/** A result written before schema 2: no version, no start time. */
const { schemaVersion: _v, ...RESULT_V1 } = RESULT_BASE;

const rowOf = (rows: KpiRow[], group: string, period?: string) => {
  const row = rows.find((r) => r.group === group && (period === undefined || r.period === period));
  if (!row) throw new Error(`no row for ${group} ${period ?? ''}: ${rows.map((r) => `${r.period}/${r.group}`).join(', ')}`);
  return row;
};

describe('KPIs against hand-computed values', () => {
  it('72-hour repeat contact across channels, and first-contact resolution without the repeated ones', () => {
    const kpis = createKpiAggregator({ period: 'all' });
    // customer K: email (a1) → WhatsApp (a2) 46.5 h after the email ended → chat (a1) 5 days after WhatsApp ended
    kpis.add(
      result({
        conversationId: 'A',
        channel: 'email',
        agentIds: ['a1'],
        customerKey: 'K',
        resolved: true,
        startedAt: '2026-03-02T10:00:00Z',
        endedAt: '2026-03-02T10:30:00Z',
      }),
    );
    kpis.add(
      result({
        conversationId: 'B',
        channel: 'whatsapp',
        agentIds: ['a2'],
        customerKey: 'K',
        resolved: true,
        startedAt: '2026-03-04T09:00:00Z',
        endedAt: '2026-03-04T09:20:00Z',
      }),
    );
    kpis.add(result({ conversationId: 'C', channel: 'chat', agentIds: ['a1'], customerKey: 'K', resolved: true, startedAt: '2026-03-09T12:00:00Z' }));
    kpis.add(result({ conversationId: 'D', agentIds: ['a1'], customerKey: 'L', resolved: true, startedAt: '2026-03-03T08:00:00Z' }));
    kpis.add(result({ conversationId: 'E', agentIds: ['a1'], resolved: false, startedAt: '2026-03-03T09:00:00Z' }));
    const { rows } = kpis.finish();
    const a1 = rowOf(rows, 'a1');
    expect(a1.conversations).toBe(4);
    // keyed: A, C, D; repeated: A (B came 46.5 h after it ended) → 1/3
    expect(a1.repeatContact).toEqual({ n: 3, repeated: 1, rate: 1 / 3 });
    // outcome known for 4; resolved A, C, D, but A came back → 2/4
    expect(a1.firstContactResolution).toEqual({ n: 4, rate: 0.5 });
    // B's next contact (C) starts 5 days after B ended: not a repeat
    expect(rowOf(rows, 'a2').repeatContact).toEqual({ n: 1, repeated: 0, rate: 0 });
  });

  it('a repeat contact exactly at the window counts, one second past it does not', () => {
    const run = (gapSeconds: number) => {
      const kpis = createKpiAggregator({ period: 'all', repeatWindow: '72h' });
      kpis.add(result({ conversationId: 'A', agentIds: ['a1'], customerKey: 'K', startedAt: '2026-03-02T10:00:00Z' }));
      kpis.add(
        result({
          conversationId: 'B',
          agentIds: ['a2'],
          customerKey: 'K',
          startedAt: new Date(Date.parse('2026-03-02T10:00:00Z') + gapSeconds * 1000).toISOString(),
        }),
      );
      return rowOf(kpis.finish().rows, 'a1').repeatContact.repeated;
    };
    expect(run(72 * 3600)).toBe(1);
    expect(run(72 * 3600 + 1)).toBe(0);
  });

  it('QA score mean, distribution and pass rate; first response p50/p90 and mean; CSAT on a 1–10 scale; conversations per day', () => {
    const kpis = createKpiAggregator({ period: 'week', csat: { min: 1, max: 10, negativeAtMost: 4, positiveAtLeast: 8 } });
    const frt = [60, 120, 180, 240, 7200];
    const scores = [55, 72, 90, null, 100];
    const csats = [2, 9, 8, 5, null];
    frt.forEach((s, i) =>
      kpis.add(
        result({
          conversationId: `q${i}`,
          agentIds: ['a1'],
          // Mon 2 Mar, Mon, Tue, Wed, and the next Monday (another ISO week)
          startedAt: ['2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', '2026-03-03T10:00:00Z', '2026-03-04T10:00:00Z', '2026-03-05T10:00:00Z'][i]!,
          score: scores[i]!,
          pass: scores[i] === null ? null : scores[i]! >= 70,
          csat: csats[i]!,
          metrics: { 'timing.firstResponseSeconds': s, 'timing.averageResponseSeconds': s * 2 },
        }),
      ),
    );
    kpis.add(result({ conversationId: 'next-week', agentIds: ['a1'], startedAt: '2026-03-09T10:00:00Z' }));
    const { rows } = kpis.finish();
    expect(rows.map((r) => r.period)).toEqual(['2026-W10', '2026-W11']);
    const w = rowOf(rows, 'a1', '2026-W10');
    expect(w.periodStart).toBe('2026-03-02');
    expect(w.conversations).toBe(5);
    expect(w.conversationsPerDay).toBe(5 / 4); // active days: Mon, Tue, Wed, Thu
    expect(w.qa.mean).toBeCloseTo((55 + 72 + 90 + 100) / 4, 10);
    expect(w.qa.passRate).toBe(3 / 4);
    expect(w.qa.distribution).toEqual([
      { bucket: '<60', count: 1 },
      { bucket: '60-<70', count: 0 },
      { bucket: '70-<80', count: 1 },
      { bucket: '80-<90', count: 0 },
      { bucket: '>=90', count: 2 },
    ]);
    expect(w.firstResponse.n).toBe(5);
    expect(w.firstResponse.p50Seconds).toBe(180); // nearest rank: 3rd of 5
    expect(w.firstResponse.p90Seconds).toBe(7200); // 5th of 5, alone in its log bucket above 10 min
    expect(w.firstResponse.meanSeconds).toBe((60 + 120 + 180 + 240 + 7200) / 5);
    expect(w.averageResponseSeconds).toBe((2 * (60 + 120 + 180 + 240 + 7200)) / 5);
    expect(w.csat).toEqual({ n: 4, mean: (2 + 9 + 8 + 5) / 4, negativeRate: 1 / 4, positiveRate: 2 / 4 });
    const calendar = createKpiAggregator({ period: 'week', perDay: 'calendar' });
    calendar.add(result({ conversationId: 'x', agentIds: ['a1'], startedAt: '2026-03-02T10:00:00Z' }));
    expect(calendar.finish().rows[0]!.conversationsPerDay).toBe(1 / 7);
  });

  it('weeks and days begin in the configured time zone', () => {
    const kpis = createKpiAggregator({ period: 'week', timezone: 'Asia/Shanghai' });
    // Sunday 8 Mar 17:00 UTC is Monday 9 Mar 01:00 in Shanghai: week 11 there
    kpis.add(result({ conversationId: 'z', agentIds: ['a1'], startedAt: '2026-03-08T17:00:00Z' }));
    expect(kpis.finish().rows[0]!.period).toBe('2026-W11');
  });

  it('rejects a CSAT outside the configured scale, naming the conversation', () => {
    const kpis = createKpiAggregator({ csat: { min: 1, max: 5 } });
    expect(() => kpis.add(result({ conversationId: 'bad-1', agentIds: ['a1'], csat: 9, startedAt: '2026-03-02T10:00:00Z' }))).toThrow(
      /bad-1: csat 9 is outside the scale 1–5/,
    );
    expect(() => createKpiAggregator({ by: 'shop' as never })).toThrow(/KPI options: by/);
  });

  it('effective utilisation from a status log, idle time in low-traffic hours reported apart', () => {
    const kpis = createKpiAggregator({ period: 'day', lowTraffic: { timezone: 'UTC', start: '00:00', end: '08:00' } });
    const log = [
      { status: 'online', from: '2026-03-02T06:00:00Z', to: '2026-03-02T10:00:00Z' }, // 2 h low traffic + 2 h
      { status: 'busy', from: '2026-03-02T10:00:00Z', to: '2026-03-02T14:00:00Z' },
      { status: 'away', from: '2026-03-02T14:00:00Z', to: '2026-03-02T15:00:00Z' },
      { status: 'online', from: '2026-03-02T15:00:00Z', to: '2026-03-02T16:00:00Z' },
    ] as const;
    for (const s of log) kpis.addStatus({ agentId: 'a1', ...s });
    kpis.add(result({ conversationId: 'u', agentIds: ['a1'], startedAt: '2026-03-02T10:00:00Z' }));
    const u = rowOf(kpis.finish().rows, 'a1').utilisation!;
    expect(u).toEqual({ busySeconds: 4 * 3600, idleSeconds: 3 * 3600, idleLowTrafficSeconds: 2 * 3600, awaySeconds: 3600, rate: 4 / 7 });
  });

  it("blended KPIs: the seed's pre-sales weights, conversions from metadata and an orders file; own after-sales weights", () => {
    const kpis = createKpiAggregator({
      period: 'all',
      roles: { p1: 'pre-sales', s1: 'after-sales' },
      roleWeights: { 'after-sales': { disputeResolution: 0.5, complaintRate: 0.3, repeatContact: 0.2 } },
      orders: [{ conversationId: 'p-3' }, { customerKey: 'C9', at: '2026-03-04T09:00:00Z' }],
    });
    const target = { 'timing.firstResponseTarget': 'region:europe', 'timing.firstResponseSeconds': 60 };
    const breach = [{ analyzer: 'timing', code: 'timing.first_response_breach', severity: 'major', explanation: 'late' }] as Result['findings'];
    // pre-sales p1: first response met 3 of 4; converted: p-0 (metadata), p-3 (orders by id), p-2 (C9 ordered 47 h later) → 3/4; ratings ≥ 4: 3 of 4
    const pre = [
      { converted: true, csat: 5, findings: [] },
      { converted: false, csat: 4, findings: [] },
      { customerKey: 'C9', csat: 2, findings: [] },
      { csat: 4, findings: breach },
    ];
    pre.forEach((p, i) => kpis.add(result({ conversationId: `p-${i}`, agentIds: ['p1'], startedAt: '2026-03-02T10:00:00Z', metrics: target, ...p })));
    // after-sales s1: disputes (order_issue, quality_complaint) resolved 1 of 2; negative 1 of 2 ratings; no customer key → repeatContact has no data
    kpis.add(result({ conversationId: 's-0', agentIds: ['s1'], inquiryType: 'order_issue', resolved: true, csat: 1, startedAt: '2026-03-02T10:00:00Z' }));
    kpis.add(
      result({ conversationId: 's-1', agentIds: ['s1'], inquiryType: 'quality_complaint', resolved: false, csat: 5, startedAt: '2026-03-02T11:00:00Z' }),
    );
    kpis.add(result({ conversationId: 's-2', agentIds: ['s1'], inquiryType: 'logistics', resolved: true, startedAt: '2026-03-02T12:00:00Z' }));
    const { rows } = kpis.finish();
    const p1 = rowOf(rows, 'p1');
    expect(p1.sla.firstResponse).toBe(3 / 4);
    expect(p1.conversion).toEqual({ n: 4, rate: 3 / 4 });
    expect(p1.blended!.role).toBe('pre-sales');
    expect(p1.blended!.score).toBeCloseTo(100 * (0.3 * 0.75 + 0.4 * 0.75 + 0.3 * 0.75), 10);
    const s1 = rowOf(rows, 's1');
    expect(s1.disputeResolution).toEqual({ n: 2, rate: 1 / 2 });
    expect(s1.blended!.components).toEqual([
      { name: 'disputeResolution', weight: 0.5, value: 0.5 },
      { name: 'complaintRate', weight: 0.3, value: 0.5 },
      { name: 'repeatContact', weight: 0.2, value: null },
    ]);
    // renormalised over the components with data: (0.5·0.5 + 0.3·0.5) / 0.8
    expect(s1.blended!.score).toBeCloseTo((100 * (0.5 * 0.5 + 0.3 * 0.5)) / 0.8, 10);
    expect(rowOf(rows, 'p1').conversion.n).toBe(4);
  });

  it('SLA attainment per target with mixed targets (region and inquiry type), from real timing results, by agent and by region', async () => {
    const inspector = createInspector();
    const conv = (id: string, country: string, timezone: string, start: string, replyMinutes: number, inquiryType?: string) => ({
      id,
      agentId: 'a1',
      customer: { country, timezone },
      ...(inquiryType ? { inquiryType } : {}),
      messages: [
        { role: 'customer', text: 'Where is my order?', at: start },
        { role: 'agent', text: 'Hello! Let me check that for you.', at: new Date(Date.parse(start) + replyMinutes * 60_000).toISOString() },
      ],
    });
    const conversations = [
      conv('na-met', 'US', 'America/New_York', '2026-03-02T15:00:00Z', 4), // 5 min in business hours
      conv('na-missed', 'US', 'America/New_York', '2026-03-02T15:00:00Z', 7),
      conv('eu-met', 'DE', 'Europe/Berlin', '2026-03-02T09:00:00Z', 7), // 10 min
      conv('eu-missed', 'DE', 'Europe/Berlin', '2026-03-02T09:00:00Z', 12),
      conv('ret-met', 'US', 'America/New_York', '2026-03-03T08:00:00Z', 50, 'return_exchange'), // 03:00 in New York: 2 h region, 1 h return / exchange
      conv('ret-met-2', 'US', 'America/New_York', '2026-03-03T08:00:00Z', 59, 'return_exchange'),
      conv('ret-missed', 'US', 'America/New_York', '2026-03-03T08:00:00Z', 70, 'return_exchange'),
    ];
    const byAgent = createKpiAggregator({ period: 'all' });
    const byRegion = createKpiAggregator({ period: 'all', by: 'region' });
    for (const c of conversations) {
      const r = await inspector.inspect(c);
      byAgent.add(r);
      byRegion.add(r);
    }
    const a1 = rowOf(byAgent.finish().rows, 'a1');
    expect(a1.sla.targets).toEqual([
      { target: 'first:inquiryType:return_exchange', met: 2, missed: 1, attainment: 2 / 3 },
      { target: 'first:region:europe', met: 1, missed: 1, attainment: 1 / 2 },
      { target: 'first:region:north_america', met: 1, missed: 1, attainment: 1 / 2 },
    ]);
    expect(a1.sla.firstResponse).toBe(4 / 7);
    const regions = byRegion.finish().rows.map((r) => [r.group, r.conversations, r.sla.firstResponse]);
    expect(regions).toEqual([
      ['europe', 2, 1 / 2],
      ['north_america', 5, 3 / 5],
    ]);
  });

  it('skips invalid and undated (schema 1) results, counting them', () => {
    const kpis = createKpiAggregator();
    kpis.add(ResultSchema.parse({ ...RESULT_V1, conversationId: 'old' }));
    kpis.add(result({ conversationId: 'bad', status: 'invalid', startedAt: '2026-03-02T10:00:00Z' }));
    expect(kpis.finish()).toMatchObject({ rows: [], skipped: { invalid: 1, undated: 1 } });
  });
});

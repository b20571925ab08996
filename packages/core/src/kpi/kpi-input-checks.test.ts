import { ConversationSchema, CxqaError, type Result, ResultSchema } from '@cxqa/core';
import { createBacklogEvaluator, createKpiAggregator } from '@cxqa/core/kpi';
import { describe, expect, it } from 'vitest';
import { RESULT_BASE } from './kpi-result.fixture.js';

const base = {
  ...RESULT_BASE,
  conversationId: 'c1',
  agentIds: ['a1'],
  startedAt: '2026-03-02T10:00:00.000Z',
  endedAt: '2026-03-02T10:30:00.000Z',
};
const result = (over: Record<string, unknown> = {}): Result => ResultSchema.parse({ ...base, ...over });

describe('ResultSchema timestamps and version', () => {
  it.each([
    ['startedAt', 'not a date'],
    ['startedAt', '2026-02-30T10:00:00Z'],
    ['startedAt', '+275760-09-13T00:00:00.000Z'],
    ['startedAt', '2026-03-02T11:00:00+01:00'],
    ['endedAt', 'garbage'],
    ['schemaVersion', 99],
  ])('rejects %s %j, naming the field', (field, value) => {
    const parsed = ResultSchema.safeParse({ ...base, [field]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it('accepts a leap day, any fraction of a second, and null', () => {
    expect(result({ startedAt: '2024-02-29T23:59:59Z', endedAt: '2024-02-29T23:59:59.123456Z' }).startedAt).toBe('2024-02-29T23:59:59Z');
    expect(result({ startedAt: null, endedAt: null }).startedAt).toBeNull();
  });
});

describe('createKpiAggregator input checks', () => {
  const thrown = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as CxqaError;
    }
    throw new Error('did not throw');
  };

  it('rejects scoreBuckets that do not increase and a CSAT scale with min ≥ max, naming the key', () => {
    expect(thrown(() => createKpiAggregator({ scoreBuckets: [90, 60, 60] })).path).toEqual(['scoreBuckets']);
    expect(thrown(() => createKpiAggregator({ csat: { min: 5, max: 1 } })).path).toEqual(['csat', 'min']);
    expect(() => createKpiAggregator({ scoreBuckets: [50, 75], csat: { min: 0, max: 10 } })).not.toThrow();
  });

  it('rejects a negative duration, an end before the start and a rolled-over date (unvalidated caller), counting nothing', () => {
    const kpis = createKpiAggregator({ period: 'all' });
    const negative = thrown(() => kpis.add(result({ conversationId: 'neg', metrics: { 'timing.firstResponseSeconds': -5 } })));
    expect(negative).toBeInstanceOf(CxqaError);
    expect(negative.path).toEqual(['neg', 'metrics.timing.firstResponseSeconds']);
    expect(thrown(() => kpis.add(result({ endedAt: '2026-03-02T09:00:00.000Z' }))).path).toEqual(['c1', 'endedAt']);
    const unvalidated = { ...result(), startedAt: '2026-02-30T10:00:00Z' };
    expect(thrown(() => kpis.add(unvalidated)).message).toMatch(/startedAt "2026-02-30T10:00:00Z" is not an RFC 3339 UTC timestamp/);
    kpis.add(result({ metrics: { 'timing.firstResponseSeconds': 5 } }));
    const [row] = kpis.finish().rows;
    expect(row!.conversations).toBe(1);
    expect(row!.firstResponse.p50Seconds).toBe(5);
  });

  it('masks personal data in group keys but looks roles up by the key as configured', () => {
    const kpis = createKpiAggregator({ period: 'all', by: 'inquiryType' });
    kpis.add(result({ inquiryType: 'write to jane.doe@example.com' }));
    const [row] = kpis.finish().rows;
    expect(row!.group).not.toContain('jane.doe@example.com');
    expect(row!.group).toMatch(/^write to .*•/);
    const byAgent = createKpiAggregator({ period: 'all', by: 'agent', roles: { '+1 415 555 0199': 'pre-sales' } });
    byAgent.add(result({ agentIds: ['+1 415 555 0199'] }));
    const [agentRow] = byAgent.finish().rows;
    expect(agentRow!.group).not.toContain('555 0199');
    expect(agentRow!.blended?.role).toBe('pre-sales');
  });
});

describe('createBacklogEvaluator masking', () => {
  it('masks the inquiry type and queue of every listed conversation', () => {
    const backlog = createBacklogEvaluator(Date.parse('2026-03-02T12:00:00Z'), [{ id: 'any', level: 1, condition: 'unanswered', minAge: 60, minCount: 1 }]);
    backlog.add(
      ConversationSchema.parse({
        id: 'c1',
        inquiryType: 'jane.doe@example.com',
        metadata: { queue: '+1 415 555 0199' },
        messages: [{ role: 'customer', text: 'hi', at: '2026-03-02T09:00:00Z' }],
      }),
    );
    const [item] = backlog.finish().alerts[0]!.conversations;
    expect(item!.inquiryType).not.toContain('jane.doe');
    expect(item!.queue).not.toContain('555 0199');
    expect(item!.queue).toMatch(/•/);
  });
});

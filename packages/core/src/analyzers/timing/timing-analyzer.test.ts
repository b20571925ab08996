import { type CxqaError, createInspector, timingAnalyzer } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const inspect = (conv: object, options = {}) => createInspector({ analyzers: [timingAnalyzer(options)] }).inspect(conv);

describe('timing analyzer', () => {
  it('writes the breach explanation with wall and business time and the target that applied', async () => {
    // Fri 15:00 CET customer (in hours), reply Fri 18:12 → 3 h 12 min wall, 3 h in business hours
    const r = await inspect({
      id: 'x',
      customer: { country: 'FR' },
      messages: [
        { role: 'customer', text: 'Bonjour', at: '2026-03-06T15:00:00+01:00' },
        { role: 'agent', text: 'Bonjour !', at: '2026-03-06T18:12:00+01:00' },
      ],
    });
    const f = r.findings.find((x) => x.code === 'timing.first_response_breach')!;
    expect(f.explanation).toBe("first reply after 3 h 12 min (3 h in the customer's business hours); target for Europe, in business hours: 10 min");
    expect(f).toMatchObject({ severity: 'major', messageIndex: 1, rule: { id: 'sla.region.europe', rawScore: 11520 } });
  });

  it('lets configuration change a default target, and the finding names the change', async () => {
    const conv = {
      id: 'x',
      customer: { country: 'US', timezone: 'America/New_York' },
      messages: [
        { role: 'customer', text: 'Hi', at: '2026-03-02T10:00:00-05:00' },
        { role: 'agent', text: 'Hello', at: '2026-03-02T10:08:00-05:00' },
      ],
    };
    expect((await inspect(conv)).findings.map((f) => f.code)).toEqual(['timing.first_response_breach']);
    expect((await inspect(conv, { sla: { regions: { north_america: { inBusinessHours: '10m' } } } })).findings).toEqual([]);
    const removed = await inspect(conv, { sla: { regions: { north_america: null } } });
    expect(removed.metrics['timing.region']).toBeNull();
  });

  it('adds a custom inquiry type and region from configuration', async () => {
    const r = await inspect(
      {
        id: 'x',
        inquiryType: 'vip',
        customer: { country: 'AU' },
        messages: [
          { role: 'customer', text: 'Hi', at: '2026-03-02T10:00:00+11:00' },
          { role: 'agent', text: 'Hello', at: '2026-03-02T10:03:00+11:00' },
        ],
      },
      {
        sla: {
          regions: { oceania: { label: 'Oceania', countries: ['AU', 'NZ'], inBusinessHours: '15m', outsideBusinessHours: '3h' } },
          inquiryTypes: { vip: { label: 'VIP', firstResponse: '2m', priority: 'urgent' } },
        },
      },
    );
    expect(r.metrics['timing.firstResponseTarget']).toBe('inquiryType:vip');
    expect(r.findings[0]).toMatchObject({ code: 'timing.first_response_breach', severity: 'major' });
    expect(r.findings[0]!.explanation).toContain('strictest of 2 targets, also Oceania, in business hours 15 min');
  });

  it('measures against the business clock when a target says so', async () => {
    // Sat customer, Mon 09:05 reply: 5 min of business time
    const conv = {
      id: 'x',
      customer: { country: 'DE' },
      messages: [
        { role: 'customer', text: 'Hallo', at: '2026-03-07T12:00:00+01:00' },
        { role: 'agent', text: 'Guten Tag', at: '2026-03-09T09:05:00+01:00' },
      ],
    };
    expect((await inspect(conv)).findings).toHaveLength(1);
    expect((await inspect(conv, { sla: { regions: { europe: { clock: 'business', outsideBusinessHours: '10m' } } } })).findings).toEqual([]);
  });

  it('rejects bad options with typed errors naming the option', () => {
    expect(() => timingAnalyzer({ businessHours: { days: [1], start: '9am', end: '18:00' } })).toThrow(/businessHours\.start/);
    expect(() => timingAnalyzer({ sla: { inquiryTypes: { x: { firstResponse: 'soon' } } } })).toThrow(/not a duration/);
    try {
      timingAnalyzer({ shift: { timezone: 'Nowhere/City', days: [1], start: '09:00', end: '18:00' } });
      expect.unreachable();
    } catch (e) {
      expect((e as CxqaError).code).toBe('unknown_timezone');
    }
  });

  it('stays fast and correct on a 10,000-message conversation', async () => {
    const messages = Array.from({ length: 10_000 }, (_, i) => ({
      role: i % 2 ? 'agent' : 'customer',
      text: i % 2 ? 'reply' : 'question',
      at: new Date(Date.UTC(2026, 2, 3, 9) + i * 30_000).toISOString(),
    }));
    const r = await inspect({ id: 'big', customer: { country: 'GB' }, messages });
    expect(r.status).toBe('ok');
    expect(r.metrics['timing.customerTurns']).toBe(5000);
    expect(r.metrics['timing.averageResponseSeconds']).toBe(30);
  });

  it('treats wildly wrong timestamps as data, not a crash', async () => {
    const r = await inspect({
      id: 'x',
      customer: { country: 'DE' },
      messages: [
        { role: 'customer', text: 'Hallo', at: '1970-01-01T00:00:00Z' },
        { role: 'agent', text: 'Guten Tag', at: '2026-03-09T09:05:00+01:00' },
      ],
    });
    expect(r.status).toBe('ok');
    expect(r.metrics['timing.firstResponseBusinessSeconds']).toBeNull();
    expect(r.findings[0]!.code).toBe('timing.first_response_breach');
  });
});

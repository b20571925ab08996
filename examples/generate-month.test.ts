import { describe, expect, it } from 'vitest';
import { generateMonth, monthConfig } from './generate-month.js';

type Conv = {
  id: string;
  agentId: string;
  platform: string;
  channel: string;
  inquiryType: string;
  csat?: number;
  customer: { id: string; country: string };
  messages: { at: string }[];
};

describe('generateMonth', () => {
  const month = generateMonth() as Conv[];

  it('is deterministic for a seed and differs for another', () => {
    expect(JSON.stringify(generateMonth({ conversations: 300 }))).toBe(JSON.stringify(generateMonth({ conversations: 300 })));
    expect(JSON.stringify(generateMonth({ conversations: 300, seed: 2 }))).not.toBe(JSON.stringify(generateMonth({ conversations: 300 })));
  });

  it('writes a month for 20 agents over several platforms, channels, inquiry types and regions, with CSAT', () => {
    expect(month).toHaveLength(2400);
    expect(new Set(month.map((c) => c.agentId)).size).toBe(20);
    expect(new Set(month.map((c) => c.platform)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(month.map((c) => c.channel)).size).toBe(3);
    expect(new Set(month.map((c) => c.inquiryType)).size).toBe(6);
    expect(new Set(month.map((c) => c.customer.country))).toEqual(new Set(['DE', 'FR', 'GB', 'ES', 'US', 'CA', 'SG', 'MY', 'PH']));
    const rated = month.filter((c) => c.csat !== undefined).length / month.length;
    expect(rated).toBeGreaterThan(0.5);
    expect(month.every((c) => c.messages.every((m) => m.at.startsWith('2026-03-')))).toBe(true);
    expect(Object.keys(monthConfig().kpis.roles)).toHaveLength(20);
  });

  it('has customers who come back within 72 h on another channel', () => {
    const byCustomer = new Map<string, Conv[]>();
    for (const c of month) byCustomer.set(c.customer.id, [...(byCustomer.get(c.customer.id) ?? []), c]);
    let crossChannel = 0;
    for (const list of byCustomer.values())
      for (let i = 1; i < list.length; i++) {
        const gap = Date.parse(list[i]!.messages[0]!.at) - Date.parse(list[i - 1]!.messages.at(-1)!.at);
        if (gap < 72 * 3600_000 && list[i]!.channel !== list[i - 1]!.channel) crossChannel++;
      }
    expect(crossChannel).toBeGreaterThan(50);
  });

  it('rejects a bad month or count', () => {
    expect(() => generateMonth({ month: '2026-13' })).toThrow(/YYYY-MM/);
    expect(() => generateMonth({ conversations: 0 })).toThrow(/positive integer/);
  });
});

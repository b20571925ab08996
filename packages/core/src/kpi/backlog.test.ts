import { type Conversation, ConversationSchema } from '@cxqa/core';
import { DEFAULT_BACKLOG_RULES, evaluateBacklog, parseBacklogRules } from '@cxqa/core/kpi';
import { describe, expect, it } from 'vitest';

const AT = Date.parse('2026-03-02T12:00:00Z');
const ago = (seconds: number) => new Date(AT - seconds * 1000).toISOString();

/** A conversation whose customer has waited `seconds` (unanswered) — or was answered, when `answered`. */
function open(id: string, seconds: number, extra: Partial<Conversation> & { answered?: boolean } = {}): Conversation {
  const { answered, ...rest } = extra;
  const messages = [{ role: 'customer', text: 'Where is my order?', at: ago(seconds) }];
  if (answered) messages.push({ role: 'agent', text: 'Checking now.', at: ago(seconds - 60) });
  return ConversationSchema.parse({ id, messages, ...rest });
}
const many = (n: number, seconds: number, extra: Partial<Conversation> & { answered?: boolean } = {}) =>
  Array.from({ length: n }, (_, i) => open(`c${i}`, seconds, extra));

describe('backlog alerts (seed defaults)', () => {
  it('level 1 fires at exactly 10 conversations unanswered for 2 h, not at 9', () => {
    expect(evaluateBacklog(many(9, 7200), AT)).toMatchObject({ checked: 9, level: 0, alerts: [] });
    const fired = evaluateBacklog(many(10, 7200), AT);
    expect(fired.level).toBe(1);
    expect(fired.alerts).toHaveLength(1);
    expect(fired.alerts[0]).toMatchObject({ rule: 'unanswered-2h', level: 1, count: 10, minCount: 10, minAgeSeconds: 7200 });
    expect(fired.alerts[0]!.conversations.map((c) => c.conversationId).sort()).toEqual(
      many(10, 0)
        .map((c) => c.id)
        .sort(),
    );
  });

  it('age boundary: 2 h counts, 2 h − 1 s does not; answered conversations never count', () => {
    expect(evaluateBacklog([...many(9, 7200), open('young', 7199)], AT).level).toBe(0);
    expect(evaluateBacklog([...many(9, 7200), open('old', 7200)], AT).level).toBe(1);
    expect(evaluateBacklog(many(20, 9000, { answered: true }), AT).level).toBe(0);
  });

  it('level 2: 5 order issues unresolved for 4 h (answered or not), not 4, not other inquiry types, not resolved ones', () => {
    const orders = (n: number, seconds = 4 * 3600) => many(n, seconds, { inquiryType: 'order_issue', answered: true });
    expect(evaluateBacklog(orders(4), AT).level).toBe(0);
    const fired = evaluateBacklog(orders(5), AT);
    expect(fired.alerts.map((a) => [a.rule, a.level, a.count])).toEqual([['order-issues-unresolved-4h', 2, 5]]);
    expect(evaluateBacklog([...orders(4), open('x', 4 * 3600 - 1, { inquiryType: 'order_issue' })], AT).level).toBe(0);
    expect(evaluateBacklog(many(5, 5 * 3600, { inquiryType: 'logistics', answered: true }), AT).level).toBe(0);
    expect(evaluateBacklog(many(5, 5 * 3600, { inquiryType: 'order_issue', answered: true, resolved: true }), AT).level).toBe(0);
  });

  it('both levels at once, highest first, oldest conversation first', () => {
    const r = evaluateBacklog([...many(10, 3 * 3600), ...many(5, 5 * 3600, { inquiryType: 'order_issue' }).map((c, i) => ({ ...c, id: `o${i}` }))], AT);
    expect(r.alerts.map((a) => a.level)).toEqual([2, 1]);
    const unanswered = r.alerts[1]!;
    expect(unanswered.count).toBe(15);
    expect(unanswered.conversations[0]!.ageSeconds).toBe(5 * 3600);
  });
});

describe('backlog rules as data', () => {
  it('filters by queue and region, and counts age in business hours when asked', () => {
    const rules = parseBacklogRules([
      { id: 'eu-vip', level: 3, condition: 'unanswered', minAge: '30m', minCount: 2, queues: ['vip'], regions: ['europe'] },
      // Monday 2 Mar 2026, 09:00–17:00 Berlin: at 12:00Z (13:00 Berlin) a message from 07:00Z (08:00 Berlin) has waited 4 business hours
      { id: 'biz', level: 1, condition: 'unanswered', minAge: '4h', minCount: 1, businessHours: { timezone: 'Europe/Berlin', start: '09:00', end: '17:00' } },
    ]);
    const vip = (id: string, country: string, queue: string) => open(id, 3600, { customer: { country }, metadata: { queue } });
    expect(evaluateBacklog([vip('a', 'DE', 'vip'), vip('b', 'US', 'vip'), vip('c', 'FR', 'std')], AT, rules).alerts).toEqual([]);
    const fired = evaluateBacklog([vip('a', 'DE', 'vip'), vip('b', 'FR', 'vip')], AT, rules);
    expect(fired.alerts.map((a) => [a.rule, a.count, a.conversations[0]!.region, a.conversations[0]!.queue])).toEqual([['eu-vip', 2, 'europe', 'vip']]);
    expect(evaluateBacklog([open('w', 5 * 3600)], AT, rules).alerts.map((a) => [a.rule, a.conversations[0]!.ageSeconds])).toEqual([['biz', 4 * 3600]]);
    // from 08:00:01Z (09:00:01 Berlin): 4 h − 1 s of business time
    expect(evaluateBacklog([open('w', 4 * 3600 - 1)], AT, rules).alerts).toEqual([]);
  });

  it('lists no raw personal data and rejects a bad rule by index and key', () => {
    const r = evaluateBacklog(
      many(10, 7200).map((c, i) => ({ ...c, id: `jane.doe${i}@example.com` })),
      AT,
    );
    expect(JSON.stringify(r)).not.toContain('jane.doe');
    expect(() => parseBacklogRules([{ ...DEFAULT_BACKLOG_RULES[0], minCount: 0 }])).toThrow(/backlog rules: 0\.minCount/);
    expect(() => parseBacklogRules([DEFAULT_BACKLOG_RULES[0], DEFAULT_BACKLOG_RULES[0]])).toThrow(/"unanswered-2h" is used twice/);
  });
});

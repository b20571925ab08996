import { CxqaError, createInspector, DEFAULT_SCORECARD, type Finding, ScorecardSchema, scoreConversation } from '@cxqa/core';
import { codeMatches, reviewOf } from '@cxqa/core/rules';
import { describe, expect, it } from 'vitest';

const card = ScorecardSchema.parse({
  name: 't',
  version: '2.0.0',
  passThreshold: 70,
  deductions: { info: 0, minor: 5, major: 20, critical: 50 },
  dimensions: [
    { name: 'timeliness', weight: 3, findings: ['timing.*'] },
    { name: 'compliance', weight: 1, findings: ['pii.*', 'policy.off_platform'] },
    { name: 'courtesy', weight: 1, findings: ['politeness.*'] },
  ],
  autoFail: [{ code: 'pii.*', minSeverity: 'critical' }],
});
const f = (code: string, severity: Finding['severity']): Finding => ({ analyzer: 'x', code, severity, explanation: 'e' });

describe('scoreConversation', () => {
  it('deducts per severity, explains the arithmetic, and marks unjudged dimensions N/A', () => {
    const r = scoreConversation(
      card,
      new Map([
        ['timeliness', [1]],
        ['compliance', [0.9]],
      ]),
      [f('timing.first_response_breach', 'major'), f('timing.out_of_order', 'info'), f('pii.email', 'minor')],
    );
    expect(r.dimensions.map((d) => d.score)).toEqual([80, 85, null]);
    expect(r.dimensions[0]!.explanation).toBe('100 − 1 major × 20 (timing.first_response_breach) = 80');
    expect(r.dimensions[2]!.explanation).toMatch(/^N\/A/);
    expect(r.score).toBe(81.3); // (80 × 3 + 85) / 4 = 81.25, rounded to one decimal
    expect(r.pass).toBe(true);
  });

  it('clamps at zero and fails below the pass threshold', () => {
    const r = scoreConversation(
      card,
      new Map([['timeliness', [1]]]),
      Array.from({ length: 3 }, () => f('timing.x_breach', 'critical')),
    );
    expect(r.dimensions[0]!.score).toBe(0);
    expect(r.score).toBe(0);
    expect(r.pass).toBe(false);
  });

  it('auto-fails only at or above the configured severity', () => {
    expect(scoreConversation(card, new Map([['compliance', [1]]]), [f('pii.card', 'major')]).autoFailed).toBeNull();
    const r = scoreConversation(
      card,
      new Map([
        ['compliance', [1]],
        ['timeliness', [1]],
      ]),
      [f('pii.card', 'critical')],
    );
    expect(r.autoFailed).toMatch(/pii\.card/);
    expect(r.score).toBe(0);
    expect(r.pass).toBe(false);
  });

  it('gives a null score when every dimension is N/A', () => {
    expect(scoreConversation(card, new Map(), [])).toMatchObject({ score: null, pass: null });
  });

  it('matches exact codes and prefix patterns', () => {
    expect(codeMatches('timing.*', 'timing.first_response_breach')).toBe(true);
    expect(codeMatches('timing.*', 'timingx.a')).toBe(false);
    expect(codeMatches('policy.off_platform', 'policy.off_platform')).toBe(true);
    expect(codeMatches('policy.off_platform', 'policy.off_platform_link')).toBe(false);
  });
});

describe('scorecards as data', () => {
  it('ships a valid default scorecard whose dimension weights are positive', () => {
    expect(ScorecardSchema.safeParse(DEFAULT_SCORECARD).success).toBe(true);
    expect(DEFAULT_SCORECARD.dimensions.every((d) => d.weight > 0)).toBe(true);
  });

  it('rejects an invalid scorecard with a typed error naming the path', () => {
    try {
      createInspector({ scorecard: { name: 'x', version: '1', dimensions: [{ name: 'Bad Name', weight: -1, findings: [] }] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CxqaError);
      expect((e as CxqaError).code).toBe('invalid_scorecard');
      expect((e as CxqaError).message).toMatch(/dimensions\.0\.(name|weight|findings)/);
    }
  });
});

describe('review rules on numeric metrics', () => {
  const uneasy = ScorecardSchema.parse({
    ...card,
    review: [
      { metric: 'sentiment.customerEnd', atLeast: -0.3, atMost: -0.06, reason: 'customer_ends_uneasy' },
      { metric: 'timing.firstResponseSeconds', atLeast: 3600, reason: 'slow_first_reply' },
      { metric: 'sentiment.outcome', equals: ['dissatisfied'], reason: 'customer_dissatisfied' },
    ],
  });
  it('match at both bounds, inclusive, and not outside them', () => {
    const reasons = (m: Record<string, string | number | null>) => reviewOf(uneasy, [], m).reasons;
    expect(reasons({ 'sentiment.customerEnd': -0.06 })).toEqual(['customer_ends_uneasy']);
    expect(reasons({ 'sentiment.customerEnd': -0.3 })).toEqual(['customer_ends_uneasy']);
    expect(reasons({ 'sentiment.customerEnd': -0.05 })).toEqual([]);
    expect(reasons({ 'sentiment.customerEnd': -0.31 })).toEqual([]);
    expect(reasons({ 'timing.firstResponseSeconds': 3599 })).toEqual([]);
    expect(reasons({ 'timing.firstResponseSeconds': 3600, 'sentiment.outcome': 'dissatisfied' })).toEqual(['slow_first_reply', 'customer_dissatisfied']);
  });
  it('never match a metric that is absent, null, a string or NaN', () => {
    for (const v of [null, 'x', Number.NaN]) expect(reviewOf(uneasy, [], { 'sentiment.customerEnd': v, 'timing.firstResponseSeconds': v }).needed).toBe(false);
    expect(reviewOf(uneasy, [], {}).needed).toBe(false);
  });
  it('a metric rule needs equals, atMost or atLeast', () => {
    expect(ScorecardSchema.safeParse({ ...card, review: [{ metric: 'a', reason: 'r' }] }).success).toBe(false);
    expect(ScorecardSchema.safeParse({ ...card, review: [{ metric: 'a', atMost: 1, reason: 'r' }] }).success).toBe(true);
  });
  it('the default scorecard asks for review when the customer ends neutral but leaning negative', async () => {
    const result = await createInspector().inspect({
      id: 'u1',
      customer: { country: 'ES' },
      messages: [
        { role: 'customer', text: 'Hola, pagué hace tres días y el pedido sigue sin enviarse.', at: '2026-03-02T10:00:00+01:00' },
        { role: 'customer', text: '¿Hay alguien?', at: '2026-03-02T10:30:00+01:00' },
        { role: 'agent', text: 'Hola, disculpe la espera. Su pedido sale hoy.', at: '2026-03-02T10:32:00+01:00' },
      ],
    });
    const end = result.metrics['sentiment.customerEnd'] as number;
    expect(end).toBeGreaterThanOrEqual(-0.3);
    expect(end).toBeLessThanOrEqual(-0.06);
    expect(result.review.reasons).toContain('customer_ends_uneasy');
    expect(result.metrics['sentiment.outcome']).not.toBe('dissatisfied');
  });
});

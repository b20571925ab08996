import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxqaError, createInspector, type Finding, LIVE_EVENT_CODES, type LiveEvent } from '../index.js';

// inspector.session (issue 16 item 6): events as messages arrive, a final Result equal to batch.

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures');
type Conv = { id: string; messages: { role: string; text: string; at: string }[] } & Record<string, unknown>;
const LANGUAGES = ['en', 'zh', 'de', 'fr', 'es', 'ja', 'pt', 'it', 'ko'];
const verdicts: Conv[] = LANGUAGES.flatMap((l) =>
  readFileSync(join(FIXTURES, 'verdicts', `${l}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { conversation: Conv }).conversation),
);
const inspector = createInspector();
const key = (f: Pick<Finding, 'code' | 'messageIndex' | 'span' | 'rule'>) => `${f.code}@${f.messageIndex}@${f.span?.start ?? ''}@${f.rule?.id ?? ''}`;
/** Keys of every place a finding stands for: merged findings keep the other spans in rule.detail.alsoAt. */
const keysOf = (findings: readonly Finding[]) =>
  new Set(
    findings.flatMap((f) => {
      const also = (f.rule?.detail?.alsoAt ?? []) as { start?: number; end?: number; rule?: string | null }[];
      return [
        key(f),
        ...also.map((a) =>
          key({
            ...f,
            span: a.start === undefined ? undefined : { start: a.start, end: a.end ?? a.start },
            rule: a.rule ? { ...f.rule!, id: a.rule } : undefined,
          }),
        ),
      ];
    }),
  );

async function replay(c: Conv, window?: number) {
  const { messages, ...header } = c;
  const session = inspector.session(header, window === undefined ? {} : { window });
  const events: LiveEvent[] = [];
  for (const m of messages) events.push(...(await session.add(m)));
  return { events, final: await session.close() };
}

describe('inspector.session', () => {
  it('the final Result equals batch inspect, and every finding event is a finding of that Result (property: any conversation in one language, any window)', async () => {
    // messages drawn from the verdict conversations of one language, in any order and number. Across
    // languages the contract is weaker: a two-word reply ("Non.") takes its language from the
    // conversation around it, and the window sees less of it than batch does (docs/live.md).
    const conversation = fc.constantFrom(...LANGUAGES).chain((language) => {
      const pool = verdicts.filter((c) => c.id.startsWith(`v-${language}-`)).flatMap((c) => c.messages);
      return fc.record({
        base: fc.constantFrom(...verdicts.filter((c) => c.id.startsWith(`v-${language}-`))),
        picks: fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 9 }),
        window: fc.integer({ min: 0, max: 6 }),
      });
    });
    await fc.assert(
      fc.asyncProperty(conversation, async ({ base, picks, window }) => {
        const messages = picks.map((m, i) => ({ ...m, at: new Date(Date.UTC(2026, 2, 2, 9, i * 3)).toISOString() }));
        const c = { ...base, messages };
        const { events, final } = await replay(c, window);
        expect(final).toEqual(await inspector.inspect(c));
        const batch = keysOf(final.findings);
        for (const e of events) if (e.type === 'finding') expect(batch.has(key(e.finding)), key(e.finding)).toBe(true);
      }),
      { numRuns: Number(process.env.CXQA_PROPERTY_RUNS ?? 40) },
    );
  }, 120_000);

  it('a bare reply outside any window context takes the language of the conversation so far, as batch does', async () => {
    // found by the property above (seed 778687368): "No." alone read as Spanish in a window of 0 or 1
    // raised es.curt.bare_no live while batch, reading the agent's later English, did not
    for (const window of [0, 1, 2]) {
      const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 9, m)).toISOString();
      const c = {
        id: `bare-no-${window}`,
        messages: [
          { role: 'customer', text: 'Hello, my order arrived with a cracked screen and I would like a replacement please.', at: at(0) },
          { role: 'customer', text: 'Can you send a new one?', at: at(1) },
          { role: 'agent', text: 'No.', at: at(2) },
          { role: 'agent', text: 'We cannot replace it, but I can refund the order if you send it back within the return window.', at: at(3) },
        ],
      };
      const { events, final } = await replay(c, window);
      expect(final).toEqual(await inspector.inspect(c));
      const batch = keysOf(final.findings);
      for (const e of events) if (e.type === 'finding') expect(batch.has(key(e.finding)), `window ${window}: ${key(e.finding)}`).toBe(true);
      expect(events.some((e) => e.type === 'finding' && e.finding.rule?.id?.startsWith('es.'))).toBe(false);
    }
  });

  it('on the 206 verdict conversations in nine languages, live events are exactly the batch findings of their codes', async () => {
    let events = 0;
    let batchLive = 0;
    let superseded = 0;
    for (const c of verdicts) {
      const { events: ev, final } = await replay(c);
      const all = ev.filter((e) => e.type === 'finding');
      events += all.length;
      const batch = keysOf(final.findings);
      // an event the customer's objection later upgraded (an info laugh that became critical) is
      // not in batch: batch holds the upgrade, on the same message and code, decided by a later message
      const upgradedLater = (f: Finding) =>
        final.findings.some(
          (b) =>
            b.code === f.code &&
            b.messageIndex === f.messageIndex &&
            typeof b.rule?.detail?.objection === 'number' &&
            b.rule.detail.objection > f.messageIndex!,
        );
      const live = all.filter((e) => batch.has(key(e.finding)) || !upgradedLater(e.finding) || (superseded++, false));
      for (const e of live) expect(batch.has(key(e.finding)), `${c.id} ${key(e.finding)}`).toBe(true);
      // the same stable finding ids as batch
      const ids = new Set(final.findings.map((f) => f.id));
      for (const e of live) expect(ids.has(e.finding.id), `${c.id}: event id ${e.finding.id}`).toBe(true);
      const eventKeys = new Set(live.map((e) => key(e.finding)));
      for (const f of final.findings) {
        if (!LIVE_EVENT_CODES.some((p) => f.code.startsWith(p)) || f.code === 'politeness.no_acknowledgement') continue;
        batchLive++;
        expect(eventKeys.has(key(f)), `${c.id}: ${key(f)} found in batch, no live event`).toBe(true);
      }
    }
    expect(events - superseded).toBe(batchLive);
    // v-zh-sarcastic-01, v-ja-sarcastic-01, v-ko-sarcastic-01: an info laugh, then the customer's objection
    expect(superseded).toBe(3);
    expect(events).toBeGreaterThanOrEqual(90);
  }, 120_000);

  it('a laugh the customer objects to is a misconduct event when the objection arrives, on the reply it is about', async () => {
    const session = inspector.session({ id: 'live-laugh', customer: { country: 'US' } });
    const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 10, m)).toISOString();
    await session.add({ role: 'customer', text: 'My order is three weeks late and nobody answers.', at: at(0) });
    const laugh = await session.add({ role: 'agent', text: 'lol couriers are like that. Any other questions?', at: at(1) });
    expect(laugh.map((e) => e.type === 'finding' && [e.finding.rule?.id, e.finding.severity])).toContainEqual(['en.sarcastic.laugh', 'info']);
    const objection = await session.add({ role: 'customer', text: "What's so funny?", at: at(2) });
    expect(objection.map((e) => e.type === 'finding' && [e.kind, e.messageIndex, e.finding.rule?.id, e.finding.severity])).toEqual([
      ['misconduct', 1, 'en.sarcastic.called_out', 'critical'],
    ]);
    const final = await session.close();
    expect(final.findings.find((f) => f.code === 'politeness.sarcastic')?.id).toBe(objection[0]!.type === 'finding' && objection[0]!.finding.id);
  });

  it('names what each event is about, with the index in the whole conversation and personal data masked', async () => {
    const session = inspector.session({ id: 'live-1', customer: { country: 'GB' } });
    const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 10, m)).toISOString();
    expect(await session.add({ role: 'customer', text: 'Hi, where is my parcel?', at: at(0) })).toEqual([]);
    await session.add({ role: 'agent', text: 'Hello, let me check.', at: at(1) });
    await session.add({ role: 'customer', text: 'Still nothing.', at: at(2) });
    const pii = await session.add({ role: 'agent', text: 'The buyer who also ordered it is jane.doe@example.com, call her on +44 7700 900123.', at: at(3) });
    expect(pii.map((e) => e.type === 'finding' && [e.kind, e.messageIndex, e.finding.code])).toEqual(
      expect.arrayContaining([['personal_data', 3, 'pii.email']]),
    );
    expect(JSON.stringify(pii)).not.toContain('jane.doe@example.com');
    expect(JSON.stringify(pii)).not.toContain('7700 900123');
    const threat = await session.add({ role: 'customer', text: 'This is a scam, I will file a chargeback with my bank today.', at: at(4) });
    expect(threat.some((e) => e.type === 'finding' && e.kind === 'escalation' && e.messageIndex === 4)).toBe(true);
    const rude = await session.add({ role: 'agent', text: 'Stop shouting at me, it is your own fault for ordering the wrong thing.', at: at(5) });
    expect(rude.some((e) => e.type === 'finding' && e.kind === 'misconduct' && e.messageIndex === 5)).toBe(true);
    expect(session.messages).toHaveLength(6);
  });

  it('check(now) warns once when a first reply would soon breach the SLA, then reports the breach once, and stops after the reply', async () => {
    // t02 of fixtures/timing: New York, in business hours, breached at 12.5 minutes
    const session = inspector.session({ id: 'sla-1', customer: { country: 'US', timezone: 'America/New_York' } });
    await session.add({ role: 'customer', text: 'Where is my package?', at: '2026-03-02T14:00:00-05:00' });
    const at = (min: number) => new Date(Date.parse('2026-03-02T14:00:00-05:00') + min * 60_000);
    const batch = await inspector.inspect({
      id: 'sla-1',
      customer: { country: 'US', timezone: 'America/New_York' },
      messages: [
        { role: 'customer', text: 'Where is my package?', at: '2026-03-02T14:00:00-05:00' },
        { role: 'agent', text: 'x', at: '2026-03-02T14:00:01-05:00' },
      ],
    });
    const target = batch.metrics['timing.firstResponseTargetSeconds'] as number;
    expect(target).toBeGreaterThan(60);
    expect(await session.check(at(1))).toEqual([]);
    const risk = await session.check(at(((target - 0.1 * target) / 60) as number));
    expect(risk).toEqual([{ type: 'sla_at_risk', messageIndex: 0, targetSeconds: target, withinSeconds: Math.round(target * 0.2), at: expect.any(String) }]);
    expect(await session.check(at((target - 0.05 * target) / 60))).toEqual([]); // once
    const breached = await session.check(at(target / 60 + 1));
    expect(breached).toEqual([{ type: 'sla_breached', messageIndex: 0, targetSeconds: target, at: at(target / 60 + 1).toISOString() }]);
    expect(await session.check(at(target / 60 + 5))).toEqual([]);
    await session.add({ role: 'agent', text: 'Sorry for the wait, checking now.', at: at(target / 60 + 6).toISOString() });
    const result = await session.close();
    expect(result.findings.some((f) => f.code === 'timing.first_response_breach')).toBe(true);
  });

  it('a bad message is a typed error naming the field, and is not added; nothing is taken after close()', async () => {
    const session = inspector.session({ id: 'bad-1' });
    await session.add({ role: 'customer', text: 'hello', at: '2026-03-02T10:00:00Z' });
    const error = await session.add({ role: 'customer', text: 'hi', at: '2026-03-02 10:01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxqaError);
    expect((error as CxqaError).code).toBe('invalid_conversation');
    expect((error as CxqaError).path).toEqual(['messages', 1]);
    expect((error as CxqaError).message).toMatch(/message 1: at: expected an RFC 3339 timestamp/);
    expect(session.messages).toHaveLength(1);
    const result = await session.close();
    expect(result.metrics['conversation.messageCount']).toBe(1);
    await expect(session.add({ role: 'agent', text: 'late', at: '2026-03-02T10:02:00Z' })).rejects.toThrow(/add after close\(\)/);
    expect(() => inspector.session({ id: '' })).toThrow(CxqaError);
    // an id that is personal data stays masked in the errors, as in the Result
    const leaky = inspector.session({ id: 'jane.doe@example.com' });
    const e2 = (await leaky.add({ role: 'customer', text: 'x', at: 'yesterday' }).catch((e: unknown) => e)) as Error;
    expect(e2.message).toMatch(/^session j\S+ message 0: at: /);
    expect(e2.message).not.toContain('jane.doe@example.com');
    expect(() => inspector.session({ id: 'x', messages: [{ role: 'customer', text: 'a', at: '2026-03-02T10:00:00Z' }] })).toThrow(
      /no messages; add them with add\(\)/,
    );
  });
});

import { type Analyzer, createInspector, mapOrdered, ResultSchema } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const conversation = (id: string) => ({
  id,
  customer: { country: 'US', timezone: 'America/New_York' },
  messages: [
    { role: 'customer', text: 'Where is my order?', at: '2026-03-02T10:00:00-05:00' },
    { role: 'agent', text: 'Hi! It ships today.', at: '2026-03-02T10:02:00-05:00' },
  ],
});
const fixed = (name: string, extra: Partial<Analyzer> = {}): Analyzer => ({
  name,
  version: '1.0.0',
  analyze: () => ({ scores: { courtesy: 1 }, findings: [], metrics: { [`${name}.ran`]: 1 } }),
  ...extra,
});

describe('createInspector', () => {
  it('runs the built-in analyzers with no configuration and returns a schema-valid result', async () => {
    const r = await createInspector().inspect(conversation('c1'));
    expect(ResultSchema.parse(r)).toEqual(r);
    expect(r.status).toBe('ok');
    expect(r.metrics['timing.firstResponseSeconds']).toBe(120);
    expect(r.metrics['language.customer']).toBe('en');
    expect(r.versions.analyzers.timing).toBe('1.0.0');
  });

  it('returns an invalid result with zod paths instead of throwing', async () => {
    const r = await createInspector().inspect({ id: 'bad', messages: [{ role: 'customer', text: 'hi', at: '2026-03-02 10:00' }] }, { line: 7 });
    expect(r.status).toBe('invalid');
    expect(r.conversationId).toBe('bad');
    expect(r.issues[0]).toMatchObject({ code: 'invalid_conversation', path: ['messages', 0, 'at'], line: 7 });
  });

  it('isolates an analyzer that throws: partial status, the others kept', async () => {
    const boom = fixed('boom', {
      analyze: () => {
        throw new Error('kaput');
      },
    });
    const r = await createInspector({ analyzers: [boom, fixed('fine')] }).inspect(conversation('c2'));
    expect(r.status).toBe('partial');
    expect(r.issues).toEqual([expect.objectContaining({ code: 'analyzer_failed', analyzer: 'boom', message: expect.stringContaining('kaput') })]);
    expect(r.metrics['fine.ran']).toBe(1);
  });

  it('gives up on a slow analyzer at the time limit and tells it through the signal', async () => {
    let aborted = false;
    const slow = fixed('slow', {
      analyze: (ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
          });
          setTimeout(() => resolve({ scores: {}, findings: [], metrics: {} }), 2_000);
        }),
    });
    const r = await createInspector({ analyzers: [slow, fixed('fine')], timeLimitMs: 30 }).inspect(conversation('c3'));
    expect(r.status).toBe('partial');
    expect(r.issues[0]).toMatchObject({ code: 'analyzer_timeout', analyzer: 'slow' });
    expect(aborted).toBe(true);
    expect(r.metrics['fine.ran']).toBe(1);
  });

  it('gives an analyzer that first reads its signal after the limit an aborted one, and a synchronous one a live one', async () => {
    let late: AbortSignal | undefined;
    const lazy = fixed('lazy', {
      analyze: (ctx) =>
        new Promise((resolve) => {
          setTimeout(() => {
            late = ctx.signal;
            resolve({ scores: {}, findings: [], metrics: {} });
          }, 80);
        }),
    });
    let seen: { aborted: boolean; keys: string[] } | undefined;
    const sync = fixed('sync', {
      analyze: (ctx) => {
        seen = { aborted: ctx.signal.aborted, keys: Object.keys(ctx) };
        return { scores: {}, findings: [], metrics: {} };
      },
    });
    const r = await createInspector({ analyzers: [lazy, sync], timeLimitMs: 20 }).inspect(conversation('c3b'));
    expect(r.issues[0]).toMatchObject({ code: 'analyzer_timeout', analyzer: 'lazy' });
    expect(seen).toEqual({ aborted: false, keys: ['conversation', 'messages', 'chronological', 'languages', 'previous', 'signal'] });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(late?.aborted).toBe(true);
    expect(String(late?.reason)).toContain('time limit of 20 ms exceeded');
  });

  it('rejects invalid analyzer output as a typed issue', async () => {
    const bad = fixed('bad', { analyze: () => ({ scores: { courtesy: 7 }, findings: [], metrics: {} }) });
    const r = await createInspector({ analyzers: [bad] }).inspect(conversation('c4'));
    expect(r.issues[0]).toMatchObject({ code: 'analyzer_invalid_output', message: expect.stringContaining('scores.courtesy = 7') });
  });

  it('prefixes metric keys with the analyzer name and lets later analyzers read earlier outputs', async () => {
    const first = fixed('first', { analyze: () => ({ scores: {}, findings: [], metrics: { count: 3 } }) });
    const second = fixed('second', {
      analyze: (ctx) => ({ scores: {}, findings: [], metrics: { seen: ctx.previous.get('first')?.metrics['first.count'] ?? -1 } }),
    });
    const r = await createInspector({ analyzers: [first, second] }).inspect(conversation('c5'));
    expect(r.metrics['first.count']).toBe(3);
    expect(r.metrics['second.seen']).toBe(3);
  });

  it('scores a 1 MB message with invalid UTF-16 and an unknown language without failing', async () => {
    const big = `${'ᚠᛇᚻ᛫ᛒᛦᚦ '.repeat(100_000)}\uD800`;
    const r = await createInspector().inspect({
      id: 'huge',
      messages: [
        { role: 'customer', text: big, at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: '…', at: '2026-03-02T10:01:00Z' },
      ],
    });
    expect(big.length).toBeGreaterThan(800_000);
    expect(r.status).toBe('ok');
    expect(r.issues).toEqual([expect.objectContaining({ code: 'invalid_utf16', path: ['messages', 0, 'text'] })]);
    expect(r.metrics['language.customer']).toBe('und');
    expect(r.metrics['timing.firstResponseSeconds']).toBe(60);
  });

  it('refuses two analyzers with the same name', () => {
    expect(() => createInspector({ analyzers: [fixed('a'), fixed('a')] })).toThrow(/two analyzers are named "a"/);
  });

  it('records translations from a configured translator and keeps the original text', async () => {
    const ins = createInspector({
      analyzers: [
        fixed('t', {
          analyze: (ctx) => ({ scores: {}, findings: [], metrics: { first: ctx.messages[0]!.translation ?? null, original: ctx.messages[0]!.text } }),
        }),
      ],
      translation: { to: 'en', translator: { name: 'fake', translate: async (texts) => texts.map((t) => `EN(${t})`) } },
    });
    const r = await ins.inspect({ id: 'tr', messages: [{ role: 'customer', text: 'Wo ist meine Bestellung bitte?', at: '2026-03-02T10:00:00Z' }] });
    expect(r.metrics['t.first']).toBe('EN(Wo ist meine Bestellung bitte?)');
    expect(r.metrics['t.original']).toBe('Wo ist meine Bestellung bitte?');
  });
});

describe('inspectMany / mapOrdered', () => {
  it('yields one result per input in input order, whatever finishes first', async () => {
    const jitter = fixed('jitter', {
      analyze: (ctx) => new Promise((resolve) => setTimeout(() => resolve({ scores: {}, findings: [], metrics: {} }), (ctx.conversation.id.length % 3) * 5)),
    });
    const ins = createInspector({ analyzers: [jitter] });
    async function* source() {
      for (let i = 0; i < 25; i++) yield i === 7 ? { broken: true } : conversation(`id-${'x'.repeat(i)}`);
    }
    const out = [];
    for await (const r of ins.inspectMany(source(), { concurrency: 5 })) out.push(r);
    expect(out).toHaveLength(25);
    expect(out[7]!.status).toBe('invalid');
    expect(out.map((r) => r.conversationId).filter(Boolean)).toEqual(Array.from({ length: 25 }, (_, i) => `id-${'x'.repeat(i)}`).filter((_, i) => i !== 7));
  });

  it('never has more than about 2 × concurrency items in flight', async () => {
    let pulled = 0;
    let maxAhead = 0;
    let done = 0;
    function* source() {
      for (let i = 0; i < 200; i++) {
        pulled++;
        maxAhead = Math.max(maxAhead, pulled - done);
        yield i;
      }
    }
    for await (const _ of mapOrdered(source(), async (x) => x, { concurrency: 4 })) done++;
    expect(done).toBe(200);
    expect(maxAhead).toBeLessThanOrEqual(9);
  });
});

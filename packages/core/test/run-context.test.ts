import { setFlagsFromString } from 'node:v8';
import { type Analyzer, type AnalyzerContext, createInspector } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

// Decision 139: the context an analyzer receives is built by one constructor with one shared
// `signal` getter. As an object literal with a getter (`{ …, get signal() { … } }`, a new closure
// each run) it became a property dictionary, and the whole prepared conversation survived young
// collections until a full one (12 % of what the synthetic stream allocated was promoted instead
// of dying young; 0.5 % with the shared getter). Both tests fail on the object literal.

// V8's own answers about an object's layout (natives syntax, switched on from inside the test worker)
setFlagsFromString('--allow_natives_syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

const conversation = (id: string) => ({
  id,
  messages: [
    { role: 'customer', text: 'Where is my order?', at: '2026-03-02T10:00:00Z' },
    { role: 'agent', text: 'Let me check that for you.', at: '2026-03-02T10:01:00Z' },
  ],
});

/** Inspect three conversations with two analyzers that keep every context they are given. */
async function contexts(): Promise<AnalyzerContext[]> {
  const seen: AnalyzerContext[] = [];
  const keeping = (name: string): Analyzer => ({
    name,
    version: '1.0.0',
    analyze: (context) => {
      seen.push(context);
      return { scores: {}, findings: [], metrics: {} };
    },
  });
  const inspector = createInspector({ analyzers: [keeping('a'), keeping('b')] });
  for (const id of ['x', 'y', 'z']) await inspector.inspect(conversation(id));
  return seen;
}

describe('the analyzer context', () => {
  it('has the keys and the signal accessor of an object literal, with one getter for every run', async () => {
    const seen = await contexts();
    expect(seen).toHaveLength(6);
    const getters = new Set<unknown>();
    for (const context of seen) {
      expect(Object.keys(context)).toEqual(['conversation', 'messages', 'chronological', 'languages', 'previous', 'signal']);
      const signal = Object.getOwnPropertyDescriptor(context, 'signal');
      expect(signal).toMatchObject({ enumerable: true, configurable: true, set: undefined });
      getters.add(signal?.get);
      expect({ ...context }.signal).toBeInstanceOf(AbortSignal);
      expect(context.signal).toBe(context.signal); // made once, on the first read
    }
    expect(getters.size).toBe(1);
    expect(seen[0]!.signal).not.toBe(seen[2]!.signal); // each run its own
  });

  it('gives every run the same hidden class with fast properties, not a property dictionary (V8)', async () => {
    const [first, ...rest] = await contexts();
    expect(hasFastProperties(first!)).toBe(true);
    for (const context of rest) {
      expect(hasFastProperties(context)).toBe(true);
      expect(haveSameMap(first!, context)).toBe(true);
    }
  });
});

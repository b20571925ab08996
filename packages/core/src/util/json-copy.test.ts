import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEEDS_JSON, plainJsonCopy } from './json-copy.js';

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Same structure: prototypes, own keys in order, and `Object.is` on every leaf (so −0 ≠ 0). */
function sameStructure(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameStructure((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

/** The copy JSON makes, structure and leaves (a copy made by hand must not keep a −0 that JSON writes as 0). */
function expectSameAsJson(value: unknown): void {
  const copy = plainJsonCopy(value);
  if (copy === NEEDS_JSON) return;
  const json = viaJson(value);
  expect(JSON.stringify(copy)).toBe(JSON.stringify(json));
  expect(sameStructure(copy, json)).toBe(true);
}

describe('plainJsonCopy', () => {
  it('copies what JSON copies, on generated values (numbers with −0, NaN and ±Infinity, lone surrogates, undefined members, integer-like keys)', () => {
    const leaf = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.double(),
      fc.integer(),
      fc.constantFrom(-0, 0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, true, false, null, undefined),
    );
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '2', '-1', '01', 'toString', 'constructor'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 5 }),
      object: fc.dictionary(key, tie('node'), { maxKeys: 6 }),
    })).node;
    let copied = 0;
    fc.assert(
      fc.property(value, (v) => {
        if (plainJsonCopy(v) !== NEEDS_JSON) copied++;
        expectSameAsJson(v);
      }),
      { numRuns: 1500 },
    );
    expect(copied).toBeGreaterThan(500); // most generated values are copied by hand, not left to JSON
  });

  it('copies the plain details the built-in analyzers write, and every nested level anew', () => {
    const detail = { expected: 'formal', complaint: 4, spans: [{ start: 0, end: 3 }], language: undefined, nested: { ok: true, x: -0 } };
    const copy = plainJsonCopy(detail) as typeof detail;
    expect(copy).toStrictEqual({ expected: 'formal', complaint: 4, spans: [{ start: 0, end: 3 }], nested: { ok: true, x: 0 } });
    expect(copy).not.toBe(detail);
    expect(copy.spans).not.toBe(detail.spans);
    expect(copy.spans[0]).not.toBe(detail.spans[0]);
    expect(Object.is(copy.nested.x, 0)).toBe(true);
    expect(Object.getPrototypeOf(plainJsonCopy(Object.assign(Object.create(null), { a: 1 })))).toBe(Object.prototype);
  });

  it('leaves to JSON what JSON treats specially or throws on', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const protoKey = JSON.parse('{"__proto__": 1}') as unknown;
    const cases: unknown[] = [
      { when: new Date(0) },
      { big: 1n },
      { typed: new Uint8Array(2) },
      { map: new Map() },
      { withToJSON: { toJSON: () => 'x' } },
      [undefined],
      [() => 1],
      [Symbol('s')],
      cyclic,
      protoKey,
      new (class Detail {
        a = 1;
      })(),
      () => 1,
    ];
    for (const value of cases) expect(plainJsonCopy(value)).toBe(NEEDS_JSON);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { deep };
    expect(plainJsonCopy(deep)).toBe(NEEDS_JSON);
  });

  it('reads each property once', () => {
    let reads = 0;
    const value = {
      get counted() {
        reads++;
        return reads;
      },
    };
    expect(plainJsonCopy(value)).toStrictEqual({ counted: 1 });
    expect(reads).toBe(1);
  });
});

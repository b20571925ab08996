/** What `plainJsonCopy` returns for a value it leaves to JSON itself. */
export const NEEDS_JSON: unique symbol = Symbol('needs JSON');

/** Nesting below which `plainJsonCopy` copies by hand; deeper data (or a cycle) is left to JSON. */
const MAX_DEPTH = 32;

/**
 * `JSON.parse(JSON.stringify(value))` for plain data, copied by hand: strings and booleans as they
 * are, finite numbers (−0 as 0), non-finite numbers as null, arrays with `Array.prototype` and
 * objects with `Object.prototype` or no prototype (own enumerable string keys in their order; a
 * member that is `undefined`, a function or a symbol left out, as JSON leaves it out). Anything
 * JSON treats otherwise or may throw on — a `toJSON`, a BigInt, a class instance, an array
 * element JSON would write as null, a `__proto__` key, nesting deeper than 32 (a cycle) — gives
 * `NEEDS_JSON` instead, and the caller goes through JSON: the copy is JSON's wherever it is made
 * (json-copy.test.ts compares them on generated values). Each property is read once, in JSON's
 * order; a value left to JSON is read again by JSON.
 */
export function plainJsonCopy(value: unknown): unknown {
  return copy(value, 0);
}

function copy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'object':
      break;
    default:
      return NEEDS_JSON;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return NEEDS_JSON;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NEEDS_JSON;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as unknown;
      const t = typeof item;
      if (t === 'undefined' || t === 'function' || t === 'symbol') return NEEDS_JSON;
      const c = copy(item, depth + 1);
      if (c === NEEDS_JSON) return NEEDS_JSON;
      out.push(c);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return NEEDS_JSON;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return NEEDS_JSON;
    const member = (value as Record<string, unknown>)[key];
    const t = typeof member;
    if (t === 'undefined' || t === 'function' || t === 'symbol') continue;
    const c = copy(member, depth + 1);
    if (c === NEEDS_JSON) return NEEDS_JSON;
    out[key] = c;
  }
  return out;
}

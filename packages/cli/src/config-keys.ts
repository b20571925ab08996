import type { z } from 'zod';

type Path = (string | number)[];

/** A key in a config object that its schema does not know, with the keys it does know there. */
export interface UnknownKey {
  path: Path;
  known: string[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** Every key of `value` that `schema` does not declare, at any depth (objects, records, arrays). */
export function findUnknownKeys(value: unknown, schema: z.ZodType, path: Path = []): UnknownKey[] {
  let def = defOf(schema);
  while (WRAPPERS.has(def.type) || def.type === 'pipe') def = defOf((def.innerType ?? def.in)!);
  if (def.type === 'array' && Array.isArray(value)) return value.flatMap((v, i) => findUnknownKeys(v, def.element!, [...path, i]));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const entries = Object.entries(value);
  if (def.type === 'record') return entries.flatMap(([k, v]) => findUnknownKeys(v, def.valueType!, [...path, k]));
  if (def.type !== 'object') return [];
  const shape = def.shape!;
  return entries.flatMap(([k, v]) =>
    Object.hasOwn(shape, k) ? findUnknownKeys(v, shape[k]!, [...path, k]) : [{ path: [...path, k], known: Object.keys(shape) }],
  );
}

/**
 * The known key closest to `key` by edit distance (case-insensitive), if close enough to be a
 * typo: at most 2 edits, or a third of the key's length for long keys.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(key.toLowerCase(), k.toLowerCase());
    if (!best || distance < best.distance) best = { key: k, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(key.length / 3)) ? best.key : undefined;
}

/**
 * Levenshtein distance (insertions, deletions, substitutions), one row at a time. Our own ten
 * lines rather than a package (fastest-levenshtein): it compares a key with at most a dozen
 * short names once per bad config, so speed does not matter and a dependency is not worth it.
 */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

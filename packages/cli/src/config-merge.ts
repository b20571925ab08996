import { createHash } from 'node:crypto';
import type { Scorecard } from '@cxqa/core';

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `override` merged onto `base`: objects deeply, key by key; arrays and everything else
 * replaced (`null` too, e.g. to delete an SLA entry).
 */
export function mergeDeep(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = mergeDeep(base[k], v);
  return out;
}

/**
 * A partial scorecard merged onto `base` (the default): objects deeply; `dimensions` by `name`
 * (a named dimension is merged onto the default one of that name, a new name is appended);
 * every other array (`failOn`, `review`, `autoFail`, a dimension's `findings`) replaced. A card
 * that differs from `base` and names neither `name` nor `version` gets the version
 * `BASE+custom.HASH8` (SHA-256 of the merged card), so its results never claim the default.
 */
export function mergeScorecard(base: Scorecard, override: unknown): unknown {
  if (!isPlainObject(override)) return override;
  const { dimensions, ...rest } = override;
  let merged = mergeDeep(base, rest) as Record<string, unknown>;
  if (Array.isArray(dimensions)) {
    const named = new Map(dimensions.filter((d) => isPlainObject(d) && typeof d.name === 'string').map((d) => [(d as { name: string }).name, d]));
    const kept = base.dimensions.map((d) => mergeDeep(d, named.get(d.name)));
    const added = dimensions.filter((d) => !(isPlainObject(d) && base.dimensions.some((b) => b.name === d.name)));
    merged = { ...merged, dimensions: [...kept, ...added] };
  } else if (dimensions !== undefined) merged = { ...merged, dimensions };
  // a changed card that kept the default's name and version must not pass for it: every Result names
  // its scorecard (`versions.scorecard`), and `cxqa appeals apply` refuses results of another card
  const json = JSON.stringify(merged);
  if (json !== JSON.stringify(base) && override.name === undefined && override.version === undefined)
    merged.version = `${base.version}+custom.${createHash('sha256').update(json).digest('hex').slice(0, 8)}`;
  return merged;
}

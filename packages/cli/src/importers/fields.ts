import { isRealDay } from '@cxqa/core/timing';
import { at, ImportError, quote } from './errors.js';

/** A JSON object as read from an export. */
export type Json = Record<string, unknown>;

const kind = (v: unknown): string =>
  v === undefined
    ? 'nothing (the key is missing)'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'object'
          ? 'an object'
          : `a ${typeof v}`;

/** True for a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `record[key]` as an object; throws `unknown_shape` naming the path when it is missing or not an object. */
export function object(record: Json, key: string, path: string, hint = ''): Json {
  const v = record[key];
  if (!isObject(v)) throw new ImportError('unknown_shape', at(path, key), `expected an object, got ${kind(v)}${hint}`);
  return v;
}

/** `record[key]` as an array; throws `unknown_shape` naming the path when it is missing or not an array. */
export function list(record: Json, key: string, path: string, hint = ''): unknown[] {
  const v = record[key];
  if (!Array.isArray(v)) throw new ImportError('unknown_shape', at(path, key), `expected an array, got ${kind(v)}${hint}`);
  return v;
}

/** Element `i` of an array as an object; throws `unknown_shape` otherwise. */
export function element(items: unknown[], i: number, path: string): Json {
  const v = items[i];
  if (!isObject(v)) throw new ImportError('unknown_shape', at(path, i), `expected an object, got ${kind(v)}`);
  return v;
}

/** An id (string or integer) as a string; throws `invalid_field` when it is anything else. */
export function id(record: Json, key: string, path: string): string {
  const v = record[key];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'number' && Number.isInteger(v))
    throw new ImportError(
      'invalid_field',
      at(path, key),
      'expected an id, got an integer beyond 2^53 whose digits were not kept (read the export with readExportRecords)',
    );
  throw new ImportError('invalid_field', at(path, key), `expected an id (a string or an integer), got ${kind(v)}`);
}

/** Like `id`, but absent (undefined or null) is allowed. */
export function optionalId(record: Json, key: string, path: string): string | undefined {
  const v = record[key];
  return v === undefined || v === null ? undefined : id(record, key, path);
}

/** A string field; absent (undefined or null) gives undefined, another type throws `invalid_field`. */
export function optionalString(record: Json, key: string, path: string): string | undefined {
  const v = record[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ImportError('invalid_field', at(path, key), `expected a string, got ${kind(v)}`);
  return v;
}

/** A boolean field; absent gives undefined, another type throws `invalid_field`. */
export function optionalBoolean(record: Json, key: string, path: string): boolean | undefined {
  const v = record[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new ImportError('invalid_field', at(path, key), `expected true or false, got ${kind(v)}`);
  return v;
}

/** A finite number field; absent gives undefined, another type throws `invalid_field`. */
export function optionalNumber(record: Json, key: string, path: string): number | undefined {
  const v = record[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ImportError('invalid_field', at(path, key), `expected a number, got ${kind(v)}`);
  return v;
}

/** RFC 3339 with seconds and an explicit offset (`Z`, `+01:00`), fractions of any length allowed. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 timestamp string, kept as written when it carries an offset. A timestamp without
 * an offset, or one that is not a real date, throws `invalid_field`: the importer never guesses
 * a time zone.
 */
export function isoTimestamp(record: Json, key: string, path: string): string {
  const v = record[key];
  if (typeof v !== 'string') throw new ImportError('invalid_field', at(path, key), `expected an ISO 8601 timestamp, got ${kind(v)}`);
  if (!RFC3339.test(v) || Number.isNaN(Date.parse(v)) || !isRealDay(v))
    throw new ImportError('invalid_field', at(path, key), `expected an ISO 8601 timestamp with seconds and an offset (…Z or …+01:00), got ${quote(v)}`);
  return v;
}

/** The latest Unix time in seconds: 9999-12-31T23:59:59Z. */
const MAX_UNIX_SECONDS = 253_402_300_799;

/** A Unix time in seconds (Intercom's `created_at`) as an RFC 3339 UTC timestamp. */
export function unixTimestamp(record: Json, key: string, path: string): string {
  const v = record[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_UNIX_SECONDS)
    throw new ImportError('invalid_field', at(path, key), `expected a Unix time in seconds, got ${typeof v === 'number' ? badSeconds(v) : kind(v)}`);
  return new Date(v * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * A number that is no Unix time in seconds, described by the time it is when it reads as one —
 * milliseconds, microseconds or nanoseconds (the usual mistake), or seconds with a fraction —
 * and by its size otherwise. Its digits are never quoted: the failure message is masked, and a
 * run of 7+ digits would come out as a masked phone number (`••••••••••23`). A time is no
 * personal data (a valid value of the field becomes the message's `at` unmasked all the same).
 */
function badSeconds(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const time = (seconds: number) => new Date(seconds * 1000).toISOString();
  if (v >= 0 && v <= MAX_UNIX_SECONDS) return `${time(v)} with a fraction of a second (whole seconds expected)`;
  for (const [unit, per] of [
    ['milliseconds', 1e3],
    ['microseconds', 1e6],
    ['nanoseconds', 1e9],
  ] as const)
    if (v > 0 && v / per <= MAX_UNIX_SECONDS) return `a time in ${unit} (${time(v / per)}): divide by ${per.toLocaleString('en')}`;
  return v < 0 ? 'a negative number (before 1970)' : `a number of ${Math.floor(Math.log10(v)) + 1} digits, past 9999 even as nanoseconds`;
}

/** `holder[key]`, a list of `{ name }` objects (Intercom, Gorgias tags), as the names; absent gives undefined. */
export function names(holder: Json, key: string, path: string): string[] | undefined {
  if (holder[key] === undefined || holder[key] === null) return undefined;
  const items = list(holder, key, path);
  return items.map((_, i) => optionalString(element(items, i, at(path, key)), 'name', at(at(path, key), i)) ?? '').filter(Boolean);
}

import { maskPersonalData } from '@cxqa/core';

/** What went wrong with one input record: switch on `code`, read `path` for where. */
export type ImportErrorCode =
  /** The record is not JSON (a broken line of NDJSON, a broken array element). */
  | 'invalid_json'
  /** The record is not the vendor's ticket / conversation shape: a required list or object is missing. */
  | 'unknown_shape'
  /** A field has the wrong type or value (a timestamp without an offset, a text that is a number). */
  | 'invalid_field'
  /** The record has a message list, but it is empty. */
  | 'no_messages';

/**
 * Typed importer error. `path` is a JSONPath into the record (`$.comments[2].created_at`); the
 * CLI prefixes where the record is in the file (line 3, `$[2]`).
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Append a key or index to a JSONPath: `$.a` + `b` → `$.a.b`, + 2 → `$.a[2]`. */
export function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Text of the export (or a parser message about it) for an error message: the whole text masked
 * with core's `maskPersonalData` first, then shortened to `max` characters (an ellipsis marks the
 * cut), so a cut can never leave the head of an e-mail or the tail of a card readable.
 */
export function maskedExcerpt(text: string, max: number): string {
  const masked = maskPersonalData(text);
  return masked.length > max ? `${masked.slice(0, max)}…` : masked;
}

/** A value of the export quoted in an error message: `"…"` around its masked excerpt (see maskedExcerpt). */
export function quote(value: string, max = 40): string {
  return `"${maskedExcerpt(value, max)}"`;
}

import { jsonProblem } from '../input/jsonl.js';
import { readLines } from '../input/lines.js';
import { at, ImportError, maskedExcerpt } from './errors.js';
import { exactJsonParser, parseJsonExact } from './exact-json.js';
import { isObject, type Json } from './fields.js';

/**
 * One record of an export, numbered from 1 in file order: the parsed object, or why it could not
 * be read. `where` says where it is in the file: `line 3` (NDJSON), `$[2]` (a JSON array),
 * `line 1 $.tickets[2]` (an API list page on one line), `$.tickets[2]` (a pretty-printed page).
 */
export type ExportRecord = { index: number; where: string; value: Json } | { index: number; where: string; error: ImportError };

/**
 * A fault of the file, not of a record: data after the end of a complete JSON array (`[…]]]`).
 * `where` says after which record (`after $[1]`); it never counts as a record.
 */
export interface FileFault {
  where: string;
  fileError: ImportError;
}

/** The bytes of an export: a file or stdin stream, or chunks in memory. */
export type ByteSource = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

/**
 * Read an export as records, streaming. Accepted layouts, told apart by the first bytes:
 * - NDJSON (one object per line; a line may also be an API list page `{"tickets": [...]}`, whose
 *   array is expanded with `listKeys`): read line by line, a broken line is one error record and
 *   reading goes on;
 * - a JSON array of records: streamed element by element with `@streamparser/json`; a syntax
 *   error is one error record and ends the file (nothing after it can be located); data after
 *   the closing bracket is one FileFault after the records;
 * - one pretty-printed JSON object (a single API response): read whole, then a list page is
 *   expanded or the object is the one record.
 * UTF-8 (a byte order mark is dropped); NDJSON may also be UTF-16 with a byte order mark.
 * An integer beyond 2^53 (a 20-digit ticket id) keeps its literal digits, as a string.
 */
export async function* readExportRecords(source: ByteSource, listKeys: readonly string[]): AsyncGenerator<ExportRecord | FileFault> {
  const iterator =
    Symbol.asyncIterator in source
      ? source[Symbol.asyncIterator]()
      : (async function* () {
          yield* source;
        })();
  let head = Buffer.alloc(0);
  let done = false;
  const first = (): number => {
    const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : head[0] === 0xff || head[0] === 0xfe ? 2 : 0;
    for (let i = start; i < head.length; i++) if (![0x20, 0x0a, 0x0d, 0x09, 0x00].includes(head[i]!)) return i;
    return -1;
  };
  // read until the first significant byte and, for an object, the end of its line
  while (!done) {
    const start = first();
    if (start >= 0 && (head[start] !== 0x7b || head.indexOf(0x0a, start) >= 0)) break;
    const next = await iterator.next();
    if (next.done) done = true;
    else head = Buffer.concat([head, typeof next.value === 'string' ? Buffer.from(next.value) : next.value]);
  }
  const rest = async function* (): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    while (!done) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  };
  const start = first();
  if (start < 0) return;
  const utf16 = head[0] === 0xff || head[0] === 0xfe;
  if (head[start] === 0x5b && !utf16) {
    yield* streamArray(rest());
    return;
  }
  const newline = head.indexOf(0x0a, start);
  const firstLine = head.subarray(start, newline < 0 ? head.length : newline).toString('utf8');
  if (utf16 || head[start] !== 0x7b || parses(firstLine)) {
    yield* ndjson(rest(), listKeys);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of rest()) chunks.push(chunk);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = parseJsonExact(text);
  } catch (e) {
    yield {
      index: 1,
      where: '$',
      error: new ImportError('invalid_json', '$', `the file is not NDJSON, a JSON array or one JSON object: ${jsonProblem(e as Error)}`),
    };
    return;
  }
  let index = 0;
  for (const [where, record] of expand(value, '$', listKeys)) yield toRecord(++index, where, record);
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A list page's elements (`{"tickets": [...]}`, with the key's path) or the value itself. */
function expand(value: unknown, where: string, listKeys: readonly string[]): [string, unknown][] {
  if (Array.isArray(value)) return value.map((v, i) => [at(where, i), v]);
  if (isObject(value) && value.id === undefined) {
    const key = listKeys.find((k) => Array.isArray(value[k]));
    if (key) return (value[key] as unknown[]).map((v, i) => [at(at(where, key), i), v]);
  }
  return [[where, value]];
}

function toRecord(index: number, where: string, value: unknown): ExportRecord {
  if (isObject(value)) return { index, where, value };
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return { index, where, error: new ImportError('unknown_shape', '$', `expected a ticket or conversation object, got ${kind}`) };
}

async function* ndjson(source: AsyncIterable<Buffer>, listKeys: readonly string[]): AsyncGenerator<ExportRecord> {
  let index = 0;
  for await (const { line, text, problem } of readLines(source)) {
    if (!text.trim()) continue;
    if (problem) {
      yield { index: ++index, where: `line ${line}`, error: new ImportError('invalid_json', '$', problem) };
      continue;
    }
    let value: unknown;
    try {
      value = parseJsonExact(text);
    } catch (e) {
      yield { index: ++index, where: `line ${line}`, error: new ImportError('invalid_json', '$', `not valid JSON: ${jsonProblem(e as Error)}`) };
      continue;
    }
    const parts = expand(value, '$', listKeys);
    for (const [where, record] of parts) yield toRecord(++index, where === '$' ? `line ${line}` : `line ${line} ${where}`, record);
  }
}

async function* streamArray(source: AsyncIterable<Buffer>): AsyncGenerator<ExportRecord | FileFault> {
  const ready: ExportRecord[] = [];
  let index = 0;
  let failure: Error | undefined;
  let ended = false;
  let trailing = false;
  const parser = exactJsonParser(['$.*'], {
    onValue: ({ value, key }) => {
      ready.push(toRecord(++index, `$[${String(key)}]`, value));
    },
    onError: (e) => {
      trailing ||= ended;
      failure ??= e;
    },
    onEnd: () => {
      ended = true;
    },
  });
  for await (const chunk of source) {
    if (ended) {
      if (chunk.toString('utf8').trim()) {
        trailing = true;
        failure ??= new Error('data after the end of the array');
      }
    } else if (!failure) {
      try {
        parser.write(chunk);
      } catch (e) {
        trailing ||= ended;
        failure ??= e as Error;
      }
    }
    yield* ready.splice(0);
    if (failure) break;
  }
  if (!failure && !ended) failure = new Error('the array is not closed (the file is cut off)');
  yield* ready.splice(0);
  if (failure && trailing)
    yield {
      where: index ? `after $[${index - 1}]` : 'after the array',
      fileError: new ImportError('invalid_json', '$', `data after the end of the JSON array is not read: ${maskedExcerpt(failure.message, 160)}`),
    };
  else if (failure)
    yield {
      index: index + 1,
      where: `$[${index}]`,
      error: new ImportError('invalid_json', '$', `the JSON array breaks here, nothing after it is read: ${maskedExcerpt(failure.message, 160)}`),
    };
}

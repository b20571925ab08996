/**
 * Split an input byte stream into decoded lines, strictly. The encoding is UTF-8, or UTF-16
 * LE/BE when the input starts with that byte order mark. A byte order mark at the start of any
 * line is dropped (concatenated exports repeat it). A line whose bytes are not valid in the
 * encoding is still returned, with `problem` saying so: nothing is replaced silently.
 */
export interface Line {
  /** 1-based line number. */
  line: number;
  /** The decoded line without its line ending; when `problem` is set, invalid bytes show as U+FFFD. */
  text: string;
  /** Why the line cannot be trusted (invalid bytes, NUL characters). */
  problem?: string;
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const BOMS: [Encoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** Read `source` (Buffers or strings, e.g. a file or stdin stream) as lines. */
export async function* readLines(source: AsyncIterable<Buffer | string>): AsyncGenerator<Line> {
  let pending: Buffer = Buffer.alloc(0);
  let encoding: Encoding | undefined;
  let line = 0;
  function* complete(enc: Encoding): Generator<Line> {
    let start = 0;
    for (let end = newlineAt(pending, start, enc); end >= 0; end = newlineAt(pending, start, enc)) {
      yield decodeLine(pending.subarray(start, end), ++line, enc);
      start = end + (enc === 'utf-8' ? 1 : 2);
    }
    pending = pending.subarray(start);
  }
  for await (const chunk of source) {
    pending = pending.length ? Buffer.concat([pending, toBuffer(chunk)]) : toBuffer(chunk);
    if (!encoding) {
      if (pending.length < 3) continue;
      [encoding, pending] = detect(pending);
    }
    yield* complete(encoding);
  }
  if (!encoding) {
    [encoding, pending] = detect(pending);
    yield* complete(encoding);
  }
  if (pending.length) yield decodeLine(pending, ++line, encoding);
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

function detect(bytes: Buffer): [Encoding, Buffer] {
  for (const [encoding, bom] of BOMS) if (bom.every((b, i) => bytes[i] === b)) return [encoding, bytes.subarray(encoding === 'utf-8' ? 0 : bom.length)];
  return ['utf-8', bytes];
}

/** Byte offset of the next line feed at or after `from`, or -1. UTF-16 searches whole code units. */
function newlineAt(bytes: Buffer, from: number, encoding: Encoding): number {
  if (encoding === 'utf-8') return bytes.indexOf(0x0a, from);
  const [lo, hi] = encoding === 'utf-16le' ? [0x0a, 0x00] : [0x00, 0x0a];
  for (let i = from; i + 1 < bytes.length; i += 2) if (bytes[i] === lo && bytes[i + 1] === hi) return i;
  return -1;
}

function decodeLine(bytes: Uint8Array, line: number, encoding: Encoding): Line {
  let text: string;
  let problem: string | undefined;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    problem =
      encoding === 'utf-8' ? utf8Problem(bytes, line) : `line ${line} is not valid ${encoding.toUpperCase()} (an unpaired surrogate or a cut-off character)`;
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (!problem && text.includes('\0')) problem = `line ${line} contains NUL characters (UTF-16 without a byte order mark?): save the file as UTF-8`;
  return problem ? { line, text, problem } : { line, text };
}

function utf8Problem(bytes: Uint8Array, line: number): string {
  const at = firstInvalidUtf8(bytes);
  return `line ${line} is not valid UTF-8 (byte 0x${bytes[at]!.toString(16).toUpperCase()} at byte ${at + 1} of the line; Latin-1 or Windows-1252?): save the file as UTF-8`;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    if (len > 1) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
      } catch {
        return i; // overlong or surrogate forms
      }
    }
    i += len;
  }
  return 0;
}

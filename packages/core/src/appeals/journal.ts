import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CxqaError } from '../errors.js';

/** The `prev` of a journal's first record: 64 zeros. */
export const JOURNAL_GENESIS = '0'.repeat(64);

/** One committed journal line, as read back. */
export interface JournalRecord {
  /** 1, 2, 3 … in file order, no gaps (repair records included). */
  seq: number;
  /** When the writer appended it (UTC ISO-8601, the writer's clock). */
  at: string;
  /** `appeal`, `decision`, … or `repair` (the journal's own: a torn tail it stepped over). */
  kind: string;
  /** SHA-256 (hex) of the previous record's line ({@link JOURNAL_GENESIS} for the first). */
  prev: string;
  body: Record<string, unknown>;
  /** SHA-256 (hex) of this line without its `sha256` member: the next record's `prev`. */
  sha256: string;
  /** 1-based line number in the file. */
  line: number;
}

/** What is in a journal file: its committed records and the torn tail of an interrupted append, if any. */
export interface JournalContents {
  records: JournalRecord[];
  /** Bytes after the last record that no complete record follows (a writer died mid-append): ignored, stepped over by the next append. */
  torn: { offset: number; line: number; bytes: number } | null;
  /** `sha256` of the last record ({@link JOURNAL_GENESIS} when empty): name it somewhere else to anchor the whole chain. */
  head: string;
}

/** A record to append: `at` defaults to now. */
export interface JournalEntry {
  kind: string;
  body: Record<string, unknown>;
  at?: string;
}

export interface AppendOptions {
  /** A lock older than this (a writer that died holding it) is taken over, milliseconds (default 5000, at least 2000). */
  staleLockMs?: number;
  /** The clock for `at` (default `() => new Date()`). */
  now?: () => Date;
}

const SUFFIX = /,"sha256":"([0-9a-f]{64})"\}$/;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function tampered(path: string, line: number, why: string): CxqaError {
  return new CxqaError('audit_log_tampered', `${path}:${line}: ${why}`, { path: [path, line] });
}

/** A line whose checksum holds, parsed; null when it is not one (torn, edited, not a record). */
function parseLine(text: string, line: number): JournalRecord | null {
  const m = SUFFIX.exec(text);
  if (!m) return null;
  const payload = `${text.slice(0, m.index)}}`;
  if (sha256(payload) !== m[1]) return null;
  try {
    const r = JSON.parse(payload) as Omit<JournalRecord, 'sha256' | 'line'>;
    if (!Number.isInteger(r.seq) || typeof r.at !== 'string' || typeof r.kind !== 'string' || typeof r.prev !== 'string') return null;
    if (r.body === null || typeof r.body !== 'object') return null;
    return { seq: r.seq, at: r.at, kind: r.kind, prev: r.prev, body: r.body, sha256: m[1]!, line };
  } catch {
    return null;
  }
}

/** The line of a record: its JSON with the SHA-256 of that JSON appended as the last member. */
function formatLine(seq: number, at: string, kind: string, prev: string, body: Record<string, unknown>): { text: string; sha256: string } {
  const payload = JSON.stringify({ seq, at, kind, prev, body });
  const hash = sha256(payload);
  return { text: `${payload.slice(0, -1)},"sha256":"${hash}"}`, sha256: hash };
}

/**
 * Read and verify a journal (a missing file is an empty journal). Every line is a JSON record
 * carrying the SHA-256 of itself and of the line before it, so an edited, removed or reordered
 * line breaks the chain. An unfinished last line (bytes with no newline after the last record) is
 * a torn tail (a writer killed mid-append): reported in `torn` and ignored; a complete line that
 * does not verify is never taken for one. A `repair` record the next
 * writer appended names the torn bytes (offset, length, SHA-256) it stepped over; any other bad
 * line is tampering.
 *
 * @throws CxqaError `audit_log_tampered` naming the file and the 1-based line: a checksum that does not
 *   hold, a record that does not follow the one before it (seq or prev), or bad bytes no repair covers.
 * @example
 * const { records, head } = readJournal('appeals.log');
 */
export function readJournal(path: string): JournalContents {
  if (!existsSync(path)) return { records: [], torn: null, head: JOURNAL_GENESIS };
  const buf = readFileSync(path);
  const lines: { offset: number; text: string | null }[] = [];
  for (let offset = 0; offset < buf.length; ) {
    const nl = buf.indexOf(0x0a, offset);
    // the last segment without its newline never committed (the newline is written with the line)
    lines.push({ offset, text: nl < 0 ? null : buf.toString('utf8', offset, nl) });
    offset = nl < 0 ? buf.length : nl + 1;
  }
  const records: JournalRecord[] = [];
  let head = JOURNAL_GENESIS;
  const follows = (r: JournalRecord) => r.seq === records.length + 1 && r.prev === head;
  for (let i = 0; i < lines.length; i++) {
    const { offset, text } = lines[i]!;
    const record = text === null ? null : parseLine(text, i + 1);
    if (record) {
      if (!follows(record))
        throw tampered(path, i + 1, `record ${record.seq} does not follow record ${records.length} (a record was removed, reordered or rewritten)`);
      records.push(record);
      head = record.sha256;
      continue;
    }
    // a bad line: the torn tail, or bytes a repair record right after them covers; anything else is tampering
    let j = i + 1;
    let next: JournalRecord | null = null;
    for (; j < lines.length && !next; j++) next = lines[j]!.text === null ? null : parseLine(lines[j]!.text!, j + 1);
    if (!next) {
      // only an unfinished last line (no newline: the newline is written with its line) is a torn tail;
      // a complete line that does not verify, with no record after it, was edited or converted
      if (text === null) return { records, torn: { offset, line: i + 1, bytes: buf.length - offset }, head };
      const why = text.endsWith('\r')
        ? 'the line ends in CRLF: the file was converted (an editor, git autocrlf); restore its LF line endings'
        : 'not a valid record (its checksum does not hold): the line was edited or corrupted';
      throw tampered(path, i + 1, why);
    }
    const end = lines[j - 1]!.offset;
    const covered = buf.subarray(offset, end);
    const body = next.body as { offset?: unknown; bytes?: unknown; sha256?: unknown };
    const repairs = next.kind === 'repair' && body.offset === offset && body.bytes === covered.length && body.sha256 === sha256(covered);
    if (!repairs) throw tampered(path, i + 1, 'not a valid record (its checksum does not hold): the line was edited or corrupted');
    if (!follows(next)) throw tampered(path, j, `record ${next.seq} does not follow record ${records.length} (a record was removed, reordered or rewritten)`);
    records.push(next);
    head = next.sha256;
    i = j - 1;
  }
  return { records, torn: null, head };
}

/**
 * Append records to a journal durably: under an exclusive lock (`PATH.lock`, taken over when its
 * writer died), verify the journal, step over a torn tail with a `repair` record, write the new
 * lines in one write and fsync the file (and its folder when the file is new) before resolving.
 * Nothing already in the file is ever rewritten. `entries` may be a function of the journal as
 * read under the lock, so a check against what is already logged (and the numbering) cannot race
 * another writer.
 *
 * @returns the records as committed (seq, prev, sha256, line), a `repair` record first when one was needed.
 * @throws CxqaError `audit_log_tampered` (see {@link readJournal}): nothing is appended to a broken journal;
 *   `audit_log_busy` when another live writer holds the lock past the retries; whatever `entries` throws.
 * @example
 * await appendJournal('appeals.log', [{ kind: 'appeal', body: { id: 'A1' } }]);
 */
export async function appendJournal(
  path: string,
  entries: readonly JournalEntry[] | ((contents: JournalContents) => readonly JournalEntry[]),
  options: AppendOptions = {},
): Promise<JournalRecord[]> {
  const now = options.now ?? (() => new Date());
  const stale = Math.max(options.staleLockMs ?? 5000, 2000);
  let compromised: Error | null = null;
  let release: () => Promise<void>;
  // loaded on the first append only: it hooks process exit and signals (signal-exit) to drop held locks
  const { lock } = await import('proper-lockfile');
  try {
    release = await lock(path, {
      realpath: false,
      lockfilePath: `${path}.lock`,
      stale,
      retries: { retries: Math.ceil((stale * 3) / 200), factor: 1, minTimeout: 200, maxTimeout: 200 },
      onCompromised: (e) => {
        compromised = e;
      },
    });
  } catch (e) {
    throw new CxqaError('audit_log_busy', `${path}: another writer holds ${path}.lock (${(e as Error).message})`, { path: [path], cause: e });
  }
  try {
    const contents = readJournal(path);
    const list = typeof entries === 'function' ? entries(contents) : entries;
    if (list.length === 0) return [];
    const created = !existsSync(path);
    let seq = contents.records.length;
    let prev = contents.head;
    let line = (contents.torn?.line ?? (contents.records.at(-1)?.line ?? 0) + 1) - 1;
    const parts: string[] = [];
    const push = (kind: string, at: string, body: Record<string, unknown>) => {
      const formatted = formatLine(++seq, at, kind, prev, body);
      parts.push(`${formatted.text}\n`);
      prev = formatted.sha256;
      return formatted.sha256;
    };
    const written: JournalRecord[] = [];
    if (contents.torn) {
      const torn = readFileSync(path).subarray(contents.torn.offset);
      const covered = torn.at(-1) === 0x0a ? torn : Buffer.concat([torn, Buffer.from('\n')]);
      if (covered !== torn) parts.push('\n');
      line += covered.toString('utf8').split('\n').length - 1;
      const body = { offset: contents.torn.offset, bytes: covered.length, sha256: sha256(covered) };
      const at = now().toISOString();
      written.push({ seq: seq + 1, at, kind: 'repair', prev, body, sha256: push('repair', at, body), line: ++line });
    }
    for (const e of list) {
      const at = e.at ?? now().toISOString();
      written.push({ seq: seq + 1, at, kind: e.kind, prev, body: e.body, sha256: push(e.kind, at, e.body), line: ++line });
    }
    if (compromised) throw new CxqaError('audit_log_busy', `${path}: the lock was lost before writing (${(compromised as Error).message})`, { path: [path] });
    writeDurably(path, Buffer.from(parts.join(''), 'utf8'), created);
    return written;
  } finally {
    await release().catch(() => undefined);
  }
}

/** Append `data` with one write (looping on short writes), fsync the file, and the folder when the file was created. */
function writeDurably(path: string, data: Buffer, created: boolean): void {
  const fd = openSync(path, 'a');
  try {
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (!created) return;
  try {
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // folders cannot be opened for fsync on every platform (Windows): the file itself is synced
  }
}

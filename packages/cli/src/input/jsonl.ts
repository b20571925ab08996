import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Issue } from '@cxqa/core';
import { readLines } from './lines.js';

/**
 * One input record: a parsed value, or why it could not be read. `issues` (when present) lists
 * every problem; `error` is the first one's message.
 */
export type InputRecord = { line: number; value: unknown } | { line: number; error: string; id?: string; issues?: Issue[] };

/**
 * Stream a JSONL file (or stdin when path is "-") line by line. Blank lines are skipped (they
 * hold no record); every other line yields exactly one record, parsed or not. Encodings: see
 * readLines (UTF-8, UTF-16 with a BOM; a line that is not valid is an `invalid_encoding` record).
 */
export async function* readJsonl(path: string, stdin: Readable = process.stdin): AsyncGenerator<InputRecord> {
  const input = path === '-' ? stdin : createReadStream(path);
  for await (const { line, text, problem } of readLines(input)) {
    if (!text.trim()) continue;
    const id = /"id"\s*:\s*"([^"]{1,200})"/.exec(text)?.[1];
    if (problem) {
      yield { line, error: problem, issues: [{ code: 'invalid_encoding', message: problem, line }], ...(id ? { id } : {}) };
      continue;
    }
    try {
      yield { line, value: JSON.parse(text) };
    } catch (e) {
      yield { line, error: `line ${line} is not valid JSON: ${(e as Error).message}`, ...(id ? { id } : {}) };
    }
  }
}

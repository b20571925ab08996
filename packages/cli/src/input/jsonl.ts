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
    // the id of a line that cannot be parsed: only the record's own, the first key ({"id": "…"), never a nested one (customer.id)
    const id = /^\s*\{\s*"id"\s*:\s*"([^"\\]{1,200})"/.exec(text)?.[1];
    if (problem) {
      yield { line, error: problem, issues: [{ code: 'invalid_encoding', message: problem, line }], ...(id ? { id } : {}) };
      continue;
    }
    try {
      yield { line, value: JSON.parse(text) };
    } catch (e) {
      yield { line, error: `line ${line} is not valid JSON: ${jsonProblem(e as Error)}`, ...(id ? { id } : {}) };
    }
  }
}

/**
 * What V8 says is wrong, without the excerpt of the line it quotes (`Unexpected token 'x', "{"id":
 * "c1", "email": …" is not valid JSON`): the kind of problem and its column.
 */
export function jsonProblem(e: Error): string {
  const position = /at position (\d+)/.exec(e.message)?.[1];
  const kind = e.message.split(/,\s*(?:\.\.\.)?"|\s+in JSON at position|\s+\(line \d+/)[0]!.trim();
  return `${kind}${position ? ` at column ${Number(position) + 1}` : ''}`;
}

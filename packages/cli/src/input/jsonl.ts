import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One input record: a parsed value, or why the line could not be parsed. */
export type InputRecord = { line: number; value: unknown } | { line: number; error: string; id?: string };

/**
 * Stream a JSONL file (or stdin when path is "-") line by line. Blank lines are skipped (they
 * hold no record); every other line yields exactly one record, parsed or not.
 */
export async function* readJsonl(path: string, stdin: Readable = process.stdin): AsyncGenerator<InputRecord> {
  const input = path === '-' ? stdin : createReadStream(path, { encoding: 'utf8' });
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (e) {
      const id = /"id"\s*:\s*"([^"]{1,200})"/.exec(text)?.[1];
      yield { line, error: `line ${line} is not valid JSON: ${(e as Error).message}`, ...(id ? { id } : {}) };
    }
  }
}

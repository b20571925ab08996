/**
 * The examples' JSONL reader: one parsed value per non-blank line. A line that is not JSON is
 * reported by its number and the kind of error only, never its text (it may hold a customer's
 * personal data), and skipped: one bad line does not stop the run.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type BadLine = { line: number; kind: string };

export async function* readJsonlValues(path: string, onBadLine: (bad: BadLine) => void = reportBadLine): AsyncGenerator<unknown> {
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    line++;
    const text = raw.replace(/^\uFEFF/, '');
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text);
    } catch {
      onBadLine({ line, kind: 'not valid JSON' });
    }
  }
}

/** `line 3 skipped: not valid JSON` on stderr. */
export function reportBadLine({ line, kind }: BadLine): void {
  process.stderr.write(`line ${line} skipped: ${kind}\n`);
}

import { CxqaError, describeZodIssues } from '@cxqa/core';
import type { z } from 'zod';
import { readJsonl } from './jsonl.js';

/**
 * Stream the records of JSONL files, each validated by `schema`. A line that is not JSON or not
 * valid stops the run with a CxqaError `input_unreadable` naming the file, the line and the key
 * (a report built on silently dropped records would be wrong without saying so).
 */
export async function* validRecordsOf<T extends z.ZodType>(files: readonly string[], schema: T, what: string): AsyncGenerator<z.output<T>> {
  for await (const { value } of locatedRecordsOf(files, schema, what)) yield value;
}

/** Like validRecordsOf, each record with the file and 1-based line it came from (for errors found later). */
export async function* locatedRecordsOf<T extends z.ZodType>(
  files: readonly string[],
  schema: T,
  what: string,
): AsyncGenerator<{ value: z.output<T>; file: string; line: number }> {
  for (const file of files) {
    for await (const rec of readJsonl(file)) {
      if ('error' in rec) throw new CxqaError('input_unreadable', `${file}: ${rec.error}`, { path: [file, rec.line] });
      const parsed = schema.safeParse(rec.value);
      if (!parsed.success) {
        const { summary } = describeZodIssues(parsed.error);
        throw new CxqaError('input_unreadable', `${file} line ${rec.line}: not a ${what}: ${summary}`, { path: [file, rec.line] });
      }
      yield { value: parsed.data, file, line: rec.line };
    }
  }
}

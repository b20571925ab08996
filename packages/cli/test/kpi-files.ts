import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory and a writer of named files in it (returns the path). */
export function tempFiles(prefix: string): (name: string, text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}

/** Records as JSONL, one per line. */
export const jsonl = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** A schema-2 result line as `cxqa report` reads it: ok, scored 90, nothing found; `over` replaces fields. */
export const resultRecord = (over: Record<string, unknown> = {}) => ({
  schemaVersion: 2,
  status: 'ok',
  score: 90,
  pass: true,
  dimensions: [],
  findings: [],
  metrics: {},
  issues: [],
  versions: { engine: 'x', scorecard: 'x@1', analyzers: {} },
  ...over,
});

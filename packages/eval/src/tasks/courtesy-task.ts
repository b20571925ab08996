import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CourtesyOptions, courtesyAnalyzer, createInspector, type ScriptOptions, scriptAnalyzer } from '@cxqa/core';
import { lines } from '../corpora/read.js';
import type { EvalTask } from './task.js';

const CORPUS = 'fixtures/courtesy';
interface Case {
  id: string;
  expect: string[];
  options?: { courtesy?: CourtesyOptions; script?: ScriptOptions };
}

/**
 * `courtesy` on fixtures/courtesy/conversations.jsonl: curt and blaming phrasing, calques,
 * machine-translation artefacts, forms of address and service-script checks, each with firing and
 * non-firing cases per language it claims. Row: accuracy = conversations whose set of courtesy,
 * culture and script finding codes is exactly the expected one.
 */
export const courtesyTask: EvalTask = {
  name: 'courtesy',
  async run({ fixturesDir }) {
    const path = join(fixturesDir, 'courtesy', 'conversations.jsonl');
    if (!existsSync(path)) return { rows: [], evaluated: [], skipped: [CORPUS], notes: [] };
    const notes: string[] = [];
    let right = 0;
    const cases = lines(readFileSync(path, 'utf8')).map((l) => JSON.parse(l) as Case);
    for (const c of cases) {
      const inspector = createInspector({ analyzers: [courtesyAnalyzer(c.options?.courtesy), scriptAnalyzer(c.options?.script)] });
      const result = await inspector.inspect(c);
      const got = [...new Set(result.findings.map((f) => f.code))].sort();
      if (JSON.stringify(got) === JSON.stringify([...c.expect].sort())) right++;
      else
        notes.push(
          `${c.id}: expected [${c.expect.join(', ')}] got [${got.join(', ')}] — ${result.findings.map((f) => f.evidence ?? f.explanation).join(' | ')}`,
        );
    }
    return {
      rows: [{ task: 'courtesy', corpus: CORPUS, metric: 'accuracy', value: right / cases.length, n: cases.length }],
      evaluated: [CORPUS],
      skipped: [],
      notes,
    };
  },
};

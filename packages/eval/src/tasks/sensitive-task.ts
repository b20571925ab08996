import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInspector, sensitiveAnalyzer } from '@cxqa/core';
import { lines } from '../corpora/read.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

interface Case {
  id: string;
  group: 'obfuscated' | 'innocent' | 'policy' | 'pii_lookalike';
  role: 'agent' | 'customer';
  platform?: string;
  text: string;
  expect: string[];
  /** Customer country (the language-ID prior for a message too short to identify on its own). */
  country?: string;
}

const CORPUS = 'fixtures/sensitive';

/**
 * `sensitive` on fixtures/sensitive/cases.jsonl: each case is one message (an agent message
 * follows a neutral customer greeting). A case is right when the finding codes on that message
 * are exactly the expected ones. Rows: accuracy overall and per group (obfuscated variants,
 * innocent look-alikes, policy violations, PII look-alikes).
 */
export const sensitiveTask: EvalTask = {
  name: 'sensitive',
  async run({ fixturesDir }) {
    const path = join(fixturesDir, 'sensitive', 'cases.jsonl');
    if (!existsSync(path)) return { rows: [], evaluated: [], skipped: [CORPUS], notes: [] };
    const cases = lines(readFileSync(path, 'utf8')).map((l) => JSON.parse(l) as Case);
    const inspector = createInspector({ analyzers: [sensitiveAnalyzer()] });
    const notes: string[] = [];
    const right = new Map<string, boolean[]>();
    for (const c of cases) {
      const at = (m: number) => `2026-03-02T10:0${m}:00Z`;
      const messages =
        c.role === 'agent'
          ? [
              { role: 'customer', text: 'Hello', at: at(0) },
              { role: 'agent', text: c.text, at: at(1) },
            ]
          : [{ role: 'customer', text: c.text, at: at(0) }];
      const result = await inspector.inspect({
        id: c.id,
        ...(c.platform ? { platform: c.platform } : {}),
        ...(c.country ? { customer: { country: c.country } } : {}),
        messages,
      });
      const target = messages.length - 1;
      const got = [...new Set(result.findings.filter((f) => f.messageIndex === target).map((f) => f.code))].sort();
      const ok = JSON.stringify(got) === JSON.stringify([...c.expect].sort());
      if (!ok) notes.push(`${c.id}: expected [${c.expect.join(', ')}] got [${got.join(', ')}]`);
      right.set(c.group, [...(right.get(c.group) ?? []), ok]);
      right.set('all', [...(right.get('all') ?? []), ok]);
    }
    const rows: EvalRow[] = [...right].map(([group, oks]) => ({
      task: 'sensitive',
      corpus: CORPUS,
      ...(group === 'all' ? {} : { subset: group }),
      metric: 'accuracy',
      value: oks.filter(Boolean).length / oks.length,
      n: oks.length,
    }));
    rows.sort((a, b) => (a.subset ?? '').localeCompare(b.subset ?? ''));
    return { rows, evaluated: [CORPUS], skipped: [], notes };
  },
};

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInspector, type Result, type TimingOptionsInput, timingAnalyzer } from '@cxqa/core';
import { lines } from '../corpora/read.js';
import { accuracy, prfFromCounts } from '../metrics/classification.js';
import type { EvalTask } from './task.js';

interface Expected {
  config?: string;
  metrics: Record<string, number | string | null>;
  findings: { code: string; severity?: string }[];
}

const CORPUS = 'fixtures/timing';
const BREACHES = new Set(['timing.first_response_breach', 'timing.resolution_breach', 'timing.no_agent_response']);

/**
 * `timing` on fixtures/timing: hand-computed metrics and findings per conversation.
 * Rows: `accuracy` (conversations whose every expected metric and finding matched),
 * `metric_accuracy` (individual metric values), breach precision/recall/F1.
 */
export const timingTask: EvalTask = {
  name: 'timing',
  async run({ fixturesDir }) {
    const dir = join(fixturesDir, 'timing');
    if (!existsSync(join(dir, 'expected.json'))) return { rows: [], evaluated: [], skipped: [CORPUS], notes: [] };
    const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
      configs: Record<string, TimingOptionsInput>;
      expected: Record<string, Expected>;
    };
    const conversations = lines(readFileSync(join(dir, 'conversations.jsonl'), 'utf8')).map((l) => JSON.parse(l) as { id: string });
    const inspectors = new Map<string, ReturnType<typeof createInspector>>();
    const inspectorFor = (config = '') => {
      let ins = inspectors.get(config);
      if (!ins) inspectors.set(config, (ins = createInspector({ analyzers: [timingAnalyzer(config ? spec.configs[config] : {})] })));
      return ins;
    };
    const notes: string[] = [];
    const whole: boolean[] = [];
    let metricOk = 0;
    let metricTotal = 0;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const conv of conversations) {
      const exp = spec.expected[conv.id];
      if (!exp) {
        notes.push(`${conv.id}: no expectation in expected.json`);
        whole.push(false);
        continue;
      }
      const result: Result = await inspectorFor(exp.config).inspect(conv);
      const wrong: string[] = [];
      for (const [k, v] of Object.entries(exp.metrics)) {
        metricTotal++;
        const got = result.metrics[k] ?? null;
        const same = typeof v === 'number' && typeof got === 'number' ? Math.abs(v - got) < 0.5 : v === got;
        if (same) metricOk++;
        else wrong.push(`${k} expected ${v} got ${got}`);
      }
      const gotF = result.findings.map((f) => `${f.code}:${f.severity}`).sort();
      const expF = exp.findings.map((f) => `${f.code}:${f.severity ?? '*'}`).sort();
      const findingsMatch = gotF.length === expF.length && expF.every((e, i) => (e.endsWith(':*') ? gotF[i]!.startsWith(e.slice(0, -1)) : e === gotF[i]));
      if (!findingsMatch) wrong.push(`findings expected [${expF.join(', ')}] got [${gotF.join(', ')}]`);
      const gotB = new Set(result.findings.map((f) => f.code).filter((c) => BREACHES.has(c)));
      const expB = new Set(exp.findings.map((f) => f.code).filter((c) => BREACHES.has(c)));
      for (const c of gotB) expB.has(c) ? tp++ : fp++;
      for (const c of expB) if (!gotB.has(c)) fn++;
      if (result.status !== 'ok') wrong.push(`status ${result.status}: ${result.issues.map((i) => i.message).join('; ')}`);
      whole.push(wrong.length === 0);
      if (wrong.length) notes.push(`${conv.id}: ${wrong.join('; ')}`);
    }
    const n = conversations.length;
    const breach = prfFromCounts(tp, fp, fn);
    return {
      rows: [
        {
          task: 'timing',
          corpus: CORPUS,
          metric: 'accuracy',
          value: accuracy(
            whole,
            whole.map(() => true),
          ),
          n,
        },
        { task: 'timing', corpus: CORPUS, metric: 'metric_accuracy', value: metricTotal ? metricOk / metricTotal : 0, n: metricTotal },
        { task: 'timing', corpus: CORPUS, subset: 'breach', metric: 'precision', value: breach.precision, n },
        { task: 'timing', corpus: CORPUS, subset: 'breach', metric: 'recall', value: breach.recall, n },
        { task: 'timing', corpus: CORPUS, subset: 'breach', metric: 'f1', value: breach.f1, n },
      ],
      evaluated: [CORPUS],
      skipped: [],
      notes,
    };
  },
};

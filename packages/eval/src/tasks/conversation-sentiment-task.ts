import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInspector, sentimentAnalyzer } from '@cxqa/core';
import { lines } from '../corpora/read.js';
import type { EvalTask } from './task.js';

const CORPUS = 'fixtures/sentiment';

/**
 * `conversation-sentiment` on fixtures/sentiment/conversations.jsonl: each conversation lists the
 * sentiment finding codes it must produce (mood improves, worsens, stays negative, escalation
 * threats, polite but angry). Row: accuracy = conversations whose code set is exactly right.
 */
export const conversationSentimentTask: EvalTask = {
  name: 'conversation-sentiment',
  async run({ fixturesDir }) {
    const path = join(fixturesDir, 'sentiment', 'conversations.jsonl');
    if (!existsSync(path)) return { rows: [], evaluated: [], skipped: [CORPUS], notes: [] };
    const inspector = createInspector({ analyzers: [sentimentAnalyzer()] });
    const notes: string[] = [];
    let right = 0;
    const cases = lines(readFileSync(path, 'utf8')).map((l) => JSON.parse(l) as { id: string; expect: string[] });
    for (const c of cases) {
      const result = await inspector.inspect(c);
      const got = [...new Set(result.findings.map((f) => f.code))].sort();
      if (JSON.stringify(got) === JSON.stringify([...c.expect].sort())) right++;
      else
        notes.push(
          `${c.id}: expected [${c.expect.join(', ')}] got [${got.join(', ')}] (start ${result.metrics['sentiment.customerStart']}, end ${result.metrics['sentiment.customerEnd']})`,
        );
    }
    return {
      rows: [{ task: 'conversation-sentiment', corpus: CORPUS, metric: 'accuracy', value: right / cases.length, n: cases.length }],
      evaluated: [CORPUS],
      skipped: [],
      notes,
    };
  },
};

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CxqaError, createInspector, type Result, tallyOf, timingAnalyzer, type WorkerHeapSample } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { crashingInspector } from './workers/crashing-inspector.js';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpora/satisfaction-stc3-dev');
const CRASHING_MODULE = join(import.meta.dirname, 'workers/crashing-inspector.ts');
const SLOW = 180_000; // each pool starts threads that compile the TypeScript sources

/** The first `n` threads of the STC-3 dev set (evaluation-only text, read in place, never copied). */
function stc3(lang: 'en' | 'zh', n: number): unknown[] {
  return readFileSync(join(CORPUS, `stc3-${lang}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, n)
    .map((line) => JSON.parse(line) as unknown);
}

async function collect(results: AsyncIterable<Result>): Promise<Result[]> {
  const out: Result[] = [];
  for await (const r of results) out.push(r);
  return out;
}

const conversation = (id: string, minute: number) => ({
  id,
  customer: { country: 'US', timezone: 'America/New_York' },
  messages: [
    { role: 'customer', text: 'Where is my order?', at: '2026-03-02T10:00:00-05:00' },
    { role: 'agent', text: 'Hi! It ships today.', at: `2026-03-02T10:${String(minute).padStart(2, '0')}:00-05:00` },
  ],
});

describe('inspectMany with workers', () => {
  // The corpora sit in ../shared beside the clone (as in CI); a clone without them skips this one test.
  it.skipIf(!existsSync(CORPUS))(
    'gives on a real corpus slice exactly the results of this thread, in input order',
    async () => {
      const inputs = [...stc3('en', 25), ...stc3('zh', 25), { id: 'broken', messages: 'none' }];
      const inspector = createInspector();
      const here = await collect(inspector.inspectMany(inputs));
      const threaded = await collect(inspector.inspectMany(inputs, { workers: 2, batchSize: 7 }));
      expect(threaded.map((r) => r.conversationId)).toEqual(inputs.map((c) => (c as { id: string }).id));
      expect(threaded).toEqual(here);
      expect(threaded.at(-1)!.status).toBe('invalid');
      expect(new Set(here.slice(0, -1).map((r) => r.metrics['language.customer']))).toEqual(new Set(['en', 'zh']));
    },
    SLOW,
  );

  it(
    'retries the conversations of a crashed worker once, reports one that crashes again as partial, loses none',
    async () => {
      const markers = mkdtempSync(join(tmpdir(), 'cxqa-crash-'));
      const inputs = Array.from({ length: 24 }, (_, i) =>
        conversation(i === 5 ? 'crash-always-5' : i === 14 ? 'crash-once-14' : i === 19 ? 'crash-always-19' : `c${i}`, (i % 50) + 1),
      );
      const inspector = createInspector(crashingInspector({ markers }));
      const here = await collect(createInspector({ analyzers: [timingAnalyzer()] }).inspectMany(inputs.filter((c) => !c.id.startsWith('crash-always'))));
      const results = await collect(
        inspector.inspectMany(inputs, {
          workers: 2,
          batchSize: 4,
          inspectorModule: { module: CRASHING_MODULE, export: 'crashingInspector', args: { markers } },
        }),
      );
      expect(results.map((r) => r.conversationId)).toEqual(inputs.map((c) => c.id));
      const partial = results.filter((r) => r.status === 'partial');
      expect(partial.map((r) => r.conversationId)).toEqual(['crash-always-5', 'crash-always-19']);
      for (const r of partial) {
        expect(r.issues).toEqual([expect.objectContaining({ code: 'worker_crashed', message: expect.stringContaining('exited with code: 3') })]);
        expect(r.score).toBeNull();
      }
      const survived = results.filter((r) => r.status === 'ok');
      expect(survived).toHaveLength(22);
      for (const r of survived) expect(r.metrics['crasher.survived']).toBe(1);
      // the batch-mates of a crash and the conversation that crashed only once score as in one thread
      expect(survived.map((r) => r.metrics['timing.firstResponseSeconds'])).toEqual(here.map((r) => r.metrics['timing.firstResponseSeconds']));
      expect(readFileSync(join(markers, 'crash-once-14'), 'utf8')).toBe('crashed once');
    },
    SLOW,
  );

  it(
    'inspectJson answers each Result as its JSON text and tally, and workers report their heap when asked',
    async () => {
      const markers = mkdtempSync(join(tmpdir(), 'cxqa-crash-'));
      const inputs = [conversation('c1', 3), conversation('c3', 59), { id: 'broken', messages: 'none' }, conversation('crash-always-4', 2)];
      const inspector = createInspector(crashingInspector({ markers }));
      const heap: WorkerHeapSample[] = [];
      const pool = await inspector.openPool({
        workers: 1,
        batchSize: 2,
        inspectorModule: { module: CRASHING_MODULE, export: 'crashingInspector', args: { markers } },
        heapSampleMs: 20,
        onHeapSample: (s) => heap.push(s),
      });
      try {
        const answers = await Promise.all(inputs.map((c, i) => pool.inspectJson(c, { line: i + 1 })));
        const parsed = answers.map((a) => JSON.parse(a.json) as Result);
        expect(parsed.map((r) => [r.conversationId, r.status])).toEqual([
          ['c1', 'ok'],
          ['c3', 'ok'],
          ['broken', 'invalid'],
          ['crash-always-4', 'partial'],
        ]);
        // a worker that crashes on the conversation, retried once: answered as JSON too, never lost
        expect(parsed[3]!.issues).toEqual([expect.objectContaining({ code: 'worker_crashed', line: 4 })]);
        answers.forEach((a, i) => expect(a.tally).toEqual(tallyOf(parsed[i]!)));
        expect(parsed[1]!.findings.map((f) => f.code)).toContain('timing.first_response_breach');
        expect(answers[1]!.tally.findingCodes).toContain('timing.first_response_breach');
        expect(parsed[2]!.issues[0]).toMatchObject({ line: 3 });
        expect(parsed[0]).toEqual(await inspector.inspect(inputs[0], { line: 1 })); // the JSON of the very Result this thread gives
        await new Promise((r) => setTimeout(r, 200));
        expect(heap.length).toBeGreaterThan(0);
        for (const s of heap) expect(s).toEqual({ worker: expect.any(Number), mb: expect.any(Number), afterGc: expect.any(Boolean) }); // after a full collection when the worker can collect (--expose-gc, as under `pnpm test`)
        expect(Math.min(...heap.map((s) => s.mb))).toBeGreaterThan(1);
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );

  it('refuses options that cannot reach a thread, naming inspectorModule', async () => {
    const inspector = createInspector({ analyzers: [timingAnalyzer()] });
    const error = await collect(inspector.inspectMany([conversation('c1', 2)], { workers: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxqaError);
    expect(error).toMatchObject({ code: 'invalid_option', path: ['workers', 'inspectorModule'] });
    await expect(collect(inspector.inspectMany([], { workers: 1.5 }))).rejects.toMatchObject({ code: 'invalid_option', path: ['workers'] });
  });

  it(
    'fails with a typed error when the workers cannot build the inspector or build a different one',
    async () => {
      const markers = mkdtempSync(join(tmpdir(), 'cxqa-crash-'));
      const inspector = createInspector(crashingInspector({ markers }));
      const missing = { module: CRASHING_MODULE, export: 'noSuchExport' };
      await expect(collect(inspector.inspectMany([conversation('c1', 2)], { workers: 1, inspectorModule: missing }))).rejects.toMatchObject({
        code: 'invalid_option',
        path: ['workers', 'inspectorModule'],
        message: expect.stringContaining('no export "noSuchExport"'),
      });
      const other = createInspector({ analyzers: [timingAnalyzer()] });
      const same = { module: CRASHING_MODULE, export: 'crashingInspector', args: { markers } };
      await expect(collect(other.inspectMany([conversation('c1', 2)], { workers: 1, inspectorModule: same }))).rejects.toMatchObject({
        code: 'invalid_option',
        message: expect.stringContaining('different inspector'),
      });
    },
    SLOW,
  );
});

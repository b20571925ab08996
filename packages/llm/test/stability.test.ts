import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAnalyzerContext } from '@cxqa/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQuestionSet, llmJudgeAnalyzer } from '../src/index.js';
import { conversation, model, UPSET } from './helpers.js';
import { type FakeServer, startServer } from './server.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const judge = (extra = {}) => llmJudgeAnalyzer({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'judge-1', retries: 0, ...extra });
const ownershipNo = model((id) => (id === 'ownership' ? { answer: 'no', evidence: [{ message: 1, text: "courier's fault" }] } : undefined));

describe('stable scores', () => {
  it('a re-run over the on-disk cache sends zero requests and gives the same output', async () => {
    server.handle(ownershipNo);
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-llm-cache-'));
    const convs = [
      UPSET,
      conversation('c2', [
        ['customer', 'Hello, my invoice is wrong'],
        ['agent', "That's the courier's fault, sorry"],
      ]),
    ];
    const ctxs = await Promise.all(convs.map((c) => buildAnalyzerContext(c)));
    const before = server.requests.length;
    const first = await Promise.all(ctxs.map((c) => judge({ cache: dir }).analyze(c)));
    expect(server.requests.length - before).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    const again = await Promise.all(ctxs.map((c) => judge({ cache: dir }).analyze(c)));
    expect(server.requests.length - before).toBe(2);
    expect(again.map((o) => o.findings)).toEqual(first.map((o) => o.findings));
    expect(again[0]!.metrics).toMatchObject({ 'llm.requests': 0, 'llm.cacheHits': 1, 'llm.mode': 'cache' });

    // each part of the key matters: model, question-set version, conversation text
    await judge({ cache: dir, model: 'judge-2' }).analyze(ctxs[0]!);
    expect(server.requests.length - before).toBe(3);
    await judge({ cache: dir, questions: { ...defaultQuestionSet(), version: '1.0.1' } }).analyze(ctxs[0]!);
    expect(server.requests.length - before).toBe(4);
    await judge({ cache: dir }).analyze(
      await buildAnalyzerContext({ ...UPSET, messages: UPSET.messages.map((m, i) => (i === 2 ? { ...m, text: `${m.text}!` } : m)) }),
    );
    expect(server.requests.length - before).toBe(5);
  });

  it('an invalid reply is never cached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-llm-cache-'));
    server.handle(() => ({ body: { choices: [{ index: 0, message: { role: 'assistant', content: 'not json' }, finish_reason: 'stop' }] } }));
    await expect(judge({ cache: dir, invalidReplyRetries: 0 }).analyze(await buildAnalyzerContext(UPSET))).rejects.toThrow(/not JSON/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(0);
  });

  it('self-consistency: n samples with seeds seed..seed+n-1, majority answer, agreement in metrics', async () => {
    // three samples: ownership no, no, yes → majority no with agreement 2/3; solution yes ×3 → 1
    server.handle(
      model((id, req) => {
        const k = req.seed! - 100;
        if (id === 'ownership') return { answer: k === 2 ? 'yes' : 'no', confidence: k === 0 ? 0.9 : 0.7, evidence: [{ message: 1, text: "courier's fault" }] };
        if (id === 'solution_offered') return { answer: 'yes', evidence: [{ message: 3, text: 'replacement' }] };
        return undefined;
      }),
    );
    const before = server.requests.length;
    const out = await judge({ samples: 3, seed: 100 }).analyze(await buildAnalyzerContext(UPSET));
    const sent = server.requests.slice(before).map((r) => r.body);
    expect(sent.map((b) => b.seed).sort()).toEqual([100, 101, 102]);
    expect(sent.every((b) => b.temperature === 0.7)).toBe(true);
    expect(out.metrics['llm.requests']).toBe(3);
    expect(out.metrics['llm.answer.ownership']).toBe('no');
    const f = out.findings.find((x) => x.code === 'llm.ownership')!;
    expect((f.rule!.detail as { agreement: number }).agreement).toBeCloseTo(2 / 3);
    expect(f.rule!.score).toBeCloseTo(0.8); // mean confidence of the majority
    // agreement over the 6 questions: ownership 2/3, solution 1, four na 1 each
    expect(out.metrics['llm.agreement']).toBeCloseTo((2 / 3 + 5) / 6);
  });

  it('temperature 0 and the seed are sent by default; an explicit temperature is kept', async () => {
    server.handle(ownershipNo);
    await judge({ seed: 42 }).analyze(await buildAnalyzerContext(UPSET));
    expect(server.requests.at(-1)!.body).toMatchObject({ temperature: 0, seed: 42, max_tokens: 1500 });
    await judge({ samples: 2, temperature: 0.3 }).analyze(await buildAnalyzerContext(UPSET));
    expect(server.requests.at(-1)!.body.temperature).toBe(0.3);
  });
});

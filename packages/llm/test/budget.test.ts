import { createInspector, defineAnalyzer } from '@cxqa/core';
import { buildAnalyzerContext } from '@cxqa/core/testing';
import { get_encoding } from 'tiktoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, llmJudgeAnalyzer, tiktokenCounter } from '../src/index.js';
import { agreeable, conversation, model, UPSET } from './helpers.js';
import { type ChatRequest, type FakeServer, startServer, transcriptOf } from './server.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startServer(agreeable);
});
afterAll(() => server.close());

const judge = (extra = {}) => llmJudgeAnalyzer({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'judge-1', retries: 0, ...extra });
// an independent count of what arrived: the WebAssembly tiktoken, OpenAI's message framing
const wasm = get_encoding('o200k_base');
const received = (req: ChatRequest) => 3 + req.messages.reduce((n, m) => n + 3 + wasm.encode(m.role).length + wasm.encode(m.content).length, 0);

const long = conversation(
  'long-1',
  Array.from({ length: 120 }, (_, i): [string, string] => [
    i % 2 ? 'agent' : 'customer',
    `Message number ${i}: ${'the parcel was supposed to arrive on Monday but it did not, '.repeat(3)}`,
  ]),
);

describe('token budget', () => {
  it('the dry run counts exactly the tokens the request then carries, and contacts nothing', async () => {
    const convs = [
      UPSET,
      conversation('zh-1', [
        ['customer', '我的快递两周了还没到，太离谱了！'],
        ['agent', '非常抱歉，我们已经为您补发，今天发出。'],
      ]),
    ];
    const before = server.requests.length;
    const report = await dryRun(convs, { model: 'judge-1', prices: { 'judge-1': { input: 0.15, output: 0.6 } } });
    expect(server.requests.length).toBe(before);
    expect(report.counter).toBe('js-tiktoken/o200k_base');
    for (const [i, c] of convs.entries()) {
      const out = await judge().analyze(await buildAnalyzerContext(c));
      const sent = server.requests.at(-1)!.body;
      expect(received(sent)).toBe(report.conversations[i]!.inputTokens);
      expect(out.metrics['llm.inputTokens']).toBe(report.conversations[i]!.inputTokens);
      expect(report.conversations[i]!.outputTokensEstimate).toBe(20 + 6 * 90);
      expect(report.conversations[i]!.costUsd).toBeCloseTo((report.conversations[i]!.inputTokens * 0.15 + (20 + 6 * 90) * 0.6) / 1e6, 12);
    }
    expect(report.totals.requests).toBe(2);
    expect(report.totals.inputTokens).toBe(report.conversations[0]!.inputTokens + report.conversations[1]!.inputTokens);
    // a model missing from the price table has no cost, not a zero one
    expect((await dryRun(convs, { model: 'other' })).totals.costUsd).toBeNull();
  });

  it('a long conversation is trimmed to fit, keeping both ends around a marker; quotes from left-out messages do not verify', async () => {
    server.handle(
      model((id) =>
        id === 'ownership'
          ? { answer: 'no', evidence: [{ message: 60, text: 'Message number 60' }] }
          : id === 'solution_offered'
            ? { answer: 'yes', evidence: [{ message: 119, text: 'Message number 119' }] }
            : undefined,
      ),
    );
    const ctx = await buildAnalyzerContext(long);
    const out = await judge({ maxInputTokens: 3000 }).analyze(ctx);
    const req = server.requests.at(-1)!.body;
    const seen = transcriptOf(req).map((l) => l.index);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(119);
    expect(seen.length).toBeLessThan(120);
    const omitted = 120 - seen.length;
    expect(req.messages[1]!.content).toContain(`[… ${omitted} messages omitted (${seen.find((x, i) => seen[i + 1] !== x + 1)! + 1}–`);
    expect(Math.abs(seen.filter((i) => i < 60).length - seen.filter((i) => i >= 60).length)).toBeLessThanOrEqual(1);
    expect(received(req)).toBeLessThanOrEqual(3000);
    expect(received(req)).toBeGreaterThan(2500);
    expect(out.metrics).toMatchObject({
      'llm.omittedMessages': omitted,
      'llm.inputTokens': received(req),
      'llm.answer.ownership': 'unverified',
      'llm.answer.solution_offered': 'yes',
      'llm.quotesDropped': 1,
    });
  });

  it('one very long message keeps its start and end', async () => {
    server.handle(agreeable);
    const big = conversation('big-1', [
      ['customer', `START ${'lorem ipsum '.repeat(3000)} END`],
      ['agent', 'ok'],
    ]);
    const out = await judge({ maxMessageChars: 1000 }).analyze(await buildAnalyzerContext(big));
    const [first] = transcriptOf(server.requests.at(-1)!.body);
    expect(first!.text.length).toBeLessThan(1100);
    expect(first!.text).toMatch(/^START lorem.*\[…\d+ characters omitted…\].* END$/);
    expect(out.metrics['llm.cutMessages']).toBe(1);
  });

  it('over the per-conversation cap with trimming off: a clear issue, no request, the other analyzers kept', async () => {
    const before = server.requests.length;
    const other = defineAnalyzer({ name: 'other', version: '1.0.0', analyze: () => ({ scores: { conduct: 1 }, findings: [], metrics: { 'other.ran': 1 } }) });
    const result = await createInspector({ analyzers: [other, judge({ maxInputTokens: 3000, trim: false })] }).inspect(long);
    expect(server.requests.length).toBe(before);
    expect(result.status).toBe('partial');
    expect(result.issues.map((i) => i.message).join('\n')).toMatch(
      /llm: conversation not sent: it needs \d+ input tokens, over maxInputTokens 3000 and trimming is off/,
    );
    expect(result.metrics['other.ran']).toBe(1);
    const dry = await dryRun([long], { model: 'judge-1', maxInputTokens: 3000, trim: false });
    expect(dry.conversations[0]).toMatchObject({ requests: 0, inputTokens: 0 });
    expect(dry.conversations[0]!.capped).toMatch(/trimming is off/);
  });

  it('the per-run cap stops sending once the run would pass it; the dry run caps the same conversations', async () => {
    server.handle(agreeable);
    const convs = [1, 2, 3].map((n) =>
      conversation(`r${n}`, [
        ['customer', `Order ${n} never arrived`],
        ['agent', `I resent order ${n} today`],
      ]),
    );
    const dry = await dryRun(convs, { model: 'judge-1' });
    const per = dry.conversations[0]!.inputTokens + dry.conversations[0]!.outputTokensEstimate;
    const cap = per * 2 + 10;
    const capped = await dryRun(convs, { model: 'judge-1', maxRunTokens: cap });
    expect(capped.conversations.map((c) => Boolean(c.capped))).toEqual([false, false, true]);
    expect(capped.totals.capped).toBe(1);
    const j = judge({ maxRunTokens: cap });
    const before = server.requests.length;
    await j.analyze(await buildAnalyzerContext(convs[0]!));
    await j.analyze(await buildAnalyzerContext(convs[1]!));
    await expect(j.analyze(await buildAnalyzerContext(convs[2]!))).rejects.toThrow(/of maxRunTokens \d+ left/);
    expect(server.requests.length - before).toBe(2);
    expect(j.runTokens).toBe(per * 2);
  });

  it('counts text with the shipped counter as tiktoken does', () => {
    const c = tiktokenCounter();
    for (const t of ['Where is my parcel?', '我的快递两周了还没到', 'Guten Tag, wo bleibt meine Bestellung?', '🙂 ok'])
      expect(c.count(t)).toBe(wasm.encode(t).length);
  });
});

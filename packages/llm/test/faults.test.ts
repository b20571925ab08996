import { createInspector, defineAnalyzer } from '@cxqa/core';
import { buildAnalyzerContext } from '@cxqa/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmJudgeAnalyzer, retryAfterMs, withRetries } from '../src/index.js';
import { agreeable, conversation, UPSET } from './helpers.js';
import { apiError, type FakeServer, startServer } from './server.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startServer(agreeable);
});
afterAll(() => server.close());

const judge = (extra = {}) => llmJudgeAnalyzer({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'judge-1', baseDelayMs: 40, ...extra });
const gaps = (from: number) =>
  server.requests
    .slice(from)
    .map((r, i, a) => (i ? r.at - a[i - 1]!.at : 0))
    .slice(1);

describe('faults', () => {
  it('429 with Retry-After waits as long as asked, then succeeds', async () => {
    const before = server.requests.length;
    let calls = 0;
    server.handle((req) => (calls++ === 0 ? apiError(429, 'Rate limit reached', { 'retry-after': '1' }) : agreeable(req)));
    const out = await judge().analyze(await buildAnalyzerContext(UPSET));
    expect(server.requests.length - before).toBe(2);
    expect(gaps(before)[0]).toBeGreaterThanOrEqual(980);
    expect(out.metrics).toMatchObject({ 'llm.requests': 2, 'llm.retries': 1 });
  });

  it('5xx is retried with exponential backoff and jitter; when retries run out the judge rejects', async () => {
    let calls = 0;
    server.handle((req) => (calls++ < 2 ? apiError(calls === 1 ? 500 : 503, 'upstream overloaded') : agreeable(req)));
    const before = server.requests.length;
    await judge({ baseDelayMs: 80 }).analyze(await buildAnalyzerContext(UPSET));
    const [g1, g2] = gaps(before);
    expect(g1).toBeGreaterThanOrEqual(40 - 5); // half to all of 80
    expect(g2).toBeGreaterThanOrEqual(80 - 5); // half to all of 160
    server.handle(() => apiError(502, 'bad gateway'));
    const b2 = server.requests.length;
    await expect(judge({ retries: 2, baseDelayMs: 5 }).analyze(await buildAnalyzerContext(UPSET))).rejects.toThrow(/failed after 3 attempts \(HTTP 502\)/);
    expect(server.requests.length - b2).toBe(3);
  });

  for (const status of [400, 401, 403]) {
    it(`${status} is not retried`, async () => {
      server.handle(() => apiError(status, status === 401 ? 'Incorrect API key provided' : 'nope'));
      const before = server.requests.length;
      await expect(judge({ retries: 5 }).analyze(await buildAnalyzerContext(UPSET))).rejects.toThrow(new RegExp(`after 1 attempt \\(HTTP ${status}\\)`));
      expect(server.requests.length - before).toBe(1);
    });
  }

  it('a reply slower than timeoutMs is abandoned and retried, then the judge rejects', async () => {
    server.handle(() => ({ ...agreeable({ messages: [{ role: 'user', content: '' }], model: 'x' }), delayMs: 3000 }));
    const before = server.requests.length;
    const t0 = Date.now();
    await expect(judge({ timeoutMs: 150, retries: 1, baseDelayMs: 10 }).analyze(await buildAnalyzerContext(UPSET))).rejects.toThrow(/timed out/i);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(server.requests.length - before).toBe(2);
  });

  it('the pipeline signal aborts a request in flight and stops retries; the conversation is partial with the other output kept', async () => {
    server.handle(() => ({ ...apiError(500, 'slow and failing'), delayMs: 5000 }));
    const before = server.requests.length;
    const other = defineAnalyzer({ name: 'other', version: '1.0.0', analyze: () => ({ scores: { conduct: 1 }, findings: [], metrics: { 'other.ran': 1 } }) });
    const t0 = Date.now();
    const result = await createInspector({ analyzers: [other, judge({ retries: 5 })], timeLimitMs: 300 }).inspect(UPSET);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(result.status).toBe('partial');
    expect(result.issues.some((i) => i.analyzer === 'llm' && i.code === 'analyzer_timeout')).toBe(true);
    expect(result.metrics['other.ran']).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.requests.length - before).toBe(1);

    const ac = new AbortController();
    const ctx = { ...(await buildAnalyzerContext(UPSET)), signal: ac.signal };
    setTimeout(() => ac.abort(new Error('stop')), 100);
    await expect(judge({ retries: 5 }).analyze(ctx)).rejects.toThrow(/aborted/);
  });

  it('a failed judge leaves the other analyzers output and marks the result partial', async () => {
    server.handle(() => apiError(401, 'Incorrect API key provided'));
    const other = defineAnalyzer({ name: 'other', version: '1.0.0', analyze: () => ({ scores: { conduct: 1 }, findings: [], metrics: { 'other.ran': 1 } }) });
    const result = await createInspector({ analyzers: [other, judge()] }).inspect(UPSET);
    expect(result.status).toBe('partial');
    expect(result.issues).toEqual([expect.objectContaining({ code: 'analyzer_failed', analyzer: 'llm', message: expect.stringMatching(/HTTP 401/) })]);
    expect(result.metrics['other.ran']).toBe(1);
  });

  it('p-limit bounds requests in flight across conversations', async () => {
    let inFlight = 0;
    let most = 0;
    server.handle(async (req) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 60));
      inFlight--;
      return agreeable(req);
    });
    const j = judge({ concurrency: 2 });
    const ctxs = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        buildAnalyzerContext(
          conversation(`p${n}`, [
            ['customer', `order ${n}?`],
            ['agent', `sent ${n}`],
          ]),
        ),
      ),
    );
    await Promise.all(ctxs.map((c) => j.analyze(c)));
    expect(most).toBe(2);
  });

  it('reads Retry-After in seconds, as an HTTP date and retry-after-ms; jitter stays within half to all of the backoff', async () => {
    expect(retryAfterMs({ headers: new Headers({ 'retry-after': '2' }) })).toBe(2000);
    expect(retryAfterMs({ headers: new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }) })).toBe(150);
    expect(retryAfterMs({ headers: new Headers({ 'retry-after': new Date(10_000 + 3000).toUTCString() }) }, 10_000)).toBeGreaterThanOrEqual(2000);
    expect(retryAfterMs({ headers: new Headers({ 'retry-after': 'soon' }) })).toBeNull();
    const { APIError } = await import('openai');
    const waits: number[] = [];
    for (const r of [0, 1]) {
      const stats = { attempts: 0, waitedMs: 0 };
      await expect(
        withRetries(() => Promise.reject(APIError.generate(500, undefined, 'x', new Headers())), { retries: 2, baseDelayMs: 20, random: () => r }, stats),
      ).rejects.toThrow();
      waits.push(stats.waitedMs);
    }
    expect(waits).toEqual([10 + 20, 20 + 40]);
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createInspector, type Result, sensitiveAnalyzer, timingAnalyzer } from '@cxqa/core';
import { checkAnalyzerConformance } from '@cxqa/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { brandScorecard, signatureAnalyzer } from './custom-analyzer.js';
import { auditAgainstKb, contradictions } from './kb-audit.js';
import { agentReport } from './qa-lead-report.js';
import { createWebhookServer } from './webhook-server.js';

const conversation = {
  id: 'w1',
  customer: { country: 'US', timezone: 'America/New_York' },
  messages: [
    { role: 'customer', text: 'Where is my order?', at: '2026-03-02T10:00:00-05:00' },
    { role: 'agent', text: 'Hi! It left the warehouse today. Best, Anna', at: '2026-03-02T10:09:00-05:00' },
  ],
};

describe('webhook example', () => {
  it('scores a posted conversation on 127.0.0.1 and rejects bad bodies', async () => {
    const server = createWebhookServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inspect`;
    try {
      const ok = await fetch(url, { method: 'POST', body: JSON.stringify(conversation) });
      expect(ok.status).toBe(200);
      const result = (await ok.json()) as Result;
      expect(result.metrics['timing.firstResponseSeconds']).toBe(540);
      expect(result.findings[0]!.code).toBe('timing.first_response_breach');
      expect((await fetch(url, { method: 'POST', body: '{nope' })).status).toBe(400);
      const invalid = await fetch(url, { method: 'POST', body: JSON.stringify({ id: 'x' }) });
      expect(invalid.status).toBe(422);
      expect(((await invalid.json()) as Result).issues[0]!.path).toEqual(['messages']);
      expect((await fetch(url.replace('/inspect', '/'), { method: 'GET' })).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('never echoes a bad body and survives a request cut off mid-body', async () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const server = createWebhookServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/inspect`;
    try {
      const bad = await fetch(url, { method: 'POST', body: `{"id":"p1","text":"${SECRET}` });
      expect(bad.status).toBe(400);
      expect(await bad.text()).not.toContain(SECRET);
      const socket = connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write(`POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"id":"${SECRET}`);
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
      await new Promise((r) => setTimeout(r, 50));
      expect((await fetch(url, { method: 'POST', body: JSON.stringify(conversation) })).status).toBe(200);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).not.toContain(SECRET);
    } finally {
      stderr.mockRestore();
      server.close();
    }
  });
});

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'jane.doe@example.com';
const run = promisify(execFile);

/** Run an example script as `pnpm example:…` does; resolve to its exit code and output. */
async function runExample(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', join(ROOT, 'examples', script), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('example scripts on an export with bad lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxqa-examples-'));
  const good = (id: string, agentId: string) => JSON.stringify({ ...conversation, id, agentId });
  const file = join(dir, 'export.jsonl');
  writeFileSync(
    file,
    [
      good('g1', 'anna'),
      `{"id":"p1","agentId":"anna","messages":[{"role":"customer","text":"mail me at ${SECRET}"`,
      'null',
      JSON.stringify({ id: 'no-messages', agentId: 'ben', text: SECRET }),
      good('g2', 'ben'),
    ].join('\n'),
  );

  it('the QA lead report reads every good line, lists the invalid one for review and names the bad line by number only', async () => {
    const { code, stdout, stderr } = await runExample('qa-lead-report.ts', [file]);
    expect(code).toBe(0);
    expect(stderr).toBe('line 2 skipped: not valid JSON\n');
    expect(stdout).toMatch(/^anna +1 /m);
    expect(stdout).toMatch(/^ben +2 .*no-messages/m);
    expect(stdout).toMatch(/^\(unassigned\) +1 /m);
    expect(stdout + stderr).not.toContain(SECRET);
  });

  it('the KB audit goes on past a bad line and names it by number only', async () => {
    const { code, stdout, stderr } = await runExample('kb-audit.ts', ['fixtures/kb/kb.json', file]);
    expect(code).toBe(0);
    expect(stderr).toBe('line 2 skipped: not valid JSON\n');
    expect(stdout).toMatch(/4 conversations, mean score [\d.]+, 2 not valid conversations/);
    expect(stdout + stderr).not.toContain(SECRET);
  });

  it('the custom analyzer example runs (it reads no input)', async () => {
    const { code, stdout } = await runExample('custom-analyzer.ts', []);
    expect(code).toBe(0);
    expect(stdout).toContain('signature analyzer passes the conformance suite');
  });
});

describe('custom analyzer example', () => {
  it('passes the conformance suite and feeds its own scorecard dimension', async () => {
    const signature = signatureAnalyzer({ names: ['Anna'] });
    expect(await checkAnalyzerConformance(signature)).toEqual([]);
    const inspector = createInspector({ analyzers: [timingAnalyzer(), signature], scorecard: brandScorecard });
    const signed = await inspector.inspect(conversation);
    expect(signed.metrics['signature.signed']).toBe(1);
    expect(signed.metrics['signature.spanStart']).toBe(conversation.messages[1]!.text.indexOf('Anna'));
    const unsigned = await inspector.inspect({ ...conversation, messages: [conversation.messages[0], { ...conversation.messages[1], text: 'Hi!' }] });
    expect(unsigned.findings.map((f) => f.code)).toContain('signature.missing');
    expect(unsigned.dimensions.find((d) => d.name === 'branding')!.score).toBe(95);
  });
});

describe('QA lead report example', () => {
  it('aggregates per agent and lists conversations to review', async () => {
    const inspector = createInspector({ analyzers: [timingAnalyzer(), sensitiveAnalyzer()] });
    const reply = (id: string, at: string) => ({ ...conversation, id, messages: [conversation.messages[0], { ...conversation.messages[1], at }] });
    const a = await inspector.inspect(conversation); // 9 min: minor breach, timeliness 90 (weight 20) and compliance 100 (15): 94.3
    const rude = { ...reply('w2', '2026-03-02T10:20:00-05:00') };
    rude.messages = [rude.messages[0]!, { ...rude.messages[1]!, text: 'Stop asking, idiot. It ships today.' }];
    const b = await inspector.inspect(rude); // 20 min (timeliness 75) and an insult (compliance 85): 79.3; the insult fails it and asks for review
    const c = await inspector.inspect(reply('w3', '2026-03-02T10:02:00-05:00')); // 2 min: 100
    const report = agentReport([
      { agentId: 'anna', result: a },
      { agentId: 'anna', result: b },
      { agentId: undefined, result: c },
    ]);
    expect(report).toEqual([
      { agent: '(unassigned)', conversations: 1, meanScore: 100, breaches: 0, medianFirstResponseSeconds: 120, review: [] },
      { agent: 'anna', conversations: 2, meanScore: 86.8, breaches: 2, medianFirstResponseSeconds: 540, review: ['w2'] },
    ]);
  });
});

describe('knowledge-base audit example', () => {
  it('lists each contradicted fact with what the agent said and what the KB says', async () => {
    const results = await auditAgainstKb('fixtures/kb/kb.json', [
      {
        id: 'a',
        customer: { country: 'DE' },
        messages: [
          { role: 'customer', text: 'Wie lange kann ich die Schuhe zurücksenden?', at: '2026-03-02T10:00:00Z' },
          { role: 'agent', text: 'Guten Tag! Sie können die Ware innerhalb von 14 Tagen zurücksenden.', at: '2026-03-02T10:02:00Z' },
        ],
      },
      {
        id: 'b',
        customer: { country: 'US' },
        messages: [
          { role: 'customer', text: 'Is there a restocking fee?', at: '2026-03-02T10:00:00Z' },
          { role: 'agent', text: 'Hi! Opened items have a 15% restocking fee. Anything else I can help with?', at: '2026-03-02T10:01:00Z' },
        ],
      },
    ]);
    expect(contradictions(results)).toEqual([{ conversation: 'a', message: 1, fact: 'return window', agentSaid: '14 Tagen', kbSays: '30 days' }]);
    expect(results[0]!.dimensions.find((d) => d.name === 'accuracy')?.score).toBe(85);
    expect(results[1]!.dimensions.find((d) => d.name === 'accuracy')?.score).toBe(100);
  });
});

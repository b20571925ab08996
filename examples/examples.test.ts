import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CxqaError, createInspector, type Result, timingAnalyzer } from '@cxqa/core';
import { checkAnalyzerConformance } from '@cxqa/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { brandScorecard, signatureAnalyzer } from './custom-analyzer.js';
import { auditAgainstKb, contradictions } from './kb-audit.js';
import { existingIsoWeek, mondayReport } from './qa-lead-report.js';
import { createWebhookServer } from './webhook-server.js';

// exhaustive checks over every shipped pattern and fixture: 15–45 s on two shared cores under load
vi.setConfig({ testTimeout: 120_000 });

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

  it('the QA lead report reads every good line, lists the invalid ones, names the bad line by number only, and writes HTML and Markdown', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cxqa-monday-'));
    const { code, stdout, stderr } = await runExample('qa-lead-report.ts', [file, out]);
    expect(code).toBe(0);
    expect(stderr).toBe('line 2 skipped: not valid JSON\n');
    expect(stdout).toMatch(/^week 2026-W10: 2 agent\(s\)/m);
    expect(stdout).toMatch(/^\| 2026-W10 +\| 2026-03-02 +\| anna +\| 1 /m);
    expect(stdout).toMatch(/^\| 2026-W10 +\| 2026-03-02 +\| ben +\| 1 /m);
    expect(stdout).toMatch(/^not valid conversations: .*no-messages/m);
    const html = readFileSync(join(out, 'qa-report-2026-W10.html'), 'utf8');
    const md = readFileSync(join(out, 'qa-report-2026-W10.md'), 'utf8');
    expect(html).toContain('<title>QA report — week 2026-W10</title>');
    expect(md.split('\n').filter((l) => l.startsWith('| 2026-W10'))).toHaveLength(2);
    for (const text of [stdout, stderr, html, md]) expect(text).not.toContain(SECRET);
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
  it('reports the last week of the export per agent with createKpiAggregator, the weeks before as trends; --week picks another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-monday-'));
    const reply = (id: string, at: string, agentId?: string) => ({
      ...conversation,
      id,
      agentId,
      messages: [conversation.messages[0], { ...conversation.messages[1], at }],
    });
    const rude = reply('w2', '2026-03-02T10:20:00-05:00', 'anna');
    rude.messages = [rude.messages[0]!, { ...rude.messages[1]!, text: 'Stop asking, idiot. It ships today.' }];
    const earlier = {
      ...reply('w0', '2026-02-23T10:05:00-05:00', 'anna'),
      messages: conversation.messages.map((m) => ({ ...m, at: m.at.replace('03-02', '02-23') })),
    };
    const file = join(dir, 'week.jsonl');
    writeFileSync(
      file,
      [earlier, { ...conversation, agentId: 'anna' }, rude, reply('w3', '2026-03-02T10:02:00-05:00')].map((c) => JSON.stringify(c)).join('\n'),
    );

    const report = await mondayReport(file, dir);
    expect(report.week).toBe('2026-W10');
    expect(report.rows.map((r) => [r.group, r.conversations])).toEqual([
      ['(none)', 1],
      ['anna', 2],
    ]);
    // the insult gives w2 the lowest score: first to review; w0 (another week) is not listed
    expect(report.review[0]).toBe('w2');
    expect(report.review).not.toContain('w0');
    expect(report.rows.find((r) => r.group === 'anna')!.qa.reviewNeeded).toBeGreaterThanOrEqual(1);
    const html = readFileSync(report.htmlPath!, 'utf8');
    expect(html).toContain('Overview — 2026-W10');
    expect(html).toContain('Changes against 2026-W09.');
    expect(html).toContain('Stop asking');
    expect(readFileSync(report.mdPath!, 'utf8')).toMatch(/^\| 2026-W10 +\| 2026-03-02 +\| anna +\| 2 /m);

    const before = await mondayReport(file, dir, '2026-W09');
    expect(before.rows.map((r) => [r.period, r.group, r.conversations])).toEqual([['2026-W09', 'anna', 1]]);
    expect(existsSync(join(dir, 'qa-report-2026-W09.html'))).toBe(true);
  });
});

describe('QA lead report example: --week', () => {
  it('takes only ISO weeks that exist: W53 in a 53-week year, not W53 of a 52-week year, W00 or W99', async () => {
    // 2026 and 2020 have 53 ISO weeks, 2027 has 52 (28 December: 2026-W53, 2027-W52 by Python's date.isocalendar)
    for (const week of ['2026-W53', '2020-W53', '2027-W52', '2027-W01', '0026-W10']) expect(existingIsoWeek(week)).toBe(week);
    const refused = (week: string) => {
      try {
        existingIsoWeek(week);
      } catch (e) {
        expect(e).toBeInstanceOf(CxqaError);
        expect(e).toMatchObject({ code: 'invalid_option', path: ['week'] });
        return (e as Error).message;
      }
      throw new Error(`${week} was taken`);
    };
    expect(refused('2027-W99')).toBe('--week 2027-W99: no such ISO week (2027 has weeks W01 to W52)');
    expect(refused('2027-W53')).toBe('--week 2027-W53: no such ISO week (2027 has weeks W01 to W52)');
    expect(refused('2026-W00')).toBe('--week 2026-W00: no such ISO week (2026 has weeks W01 to W53)');
    expect(refused('2026-11')).toBe('--week 2026-11: expected an ISO week, YYYY-Www (e.g. 2026-W11)');
    await expect(mondayReport('no-such-export.jsonl', tmpdir(), '2027-W99')).rejects.toThrow('no such ISO week');
  });

  it('the script exits 2 naming the week, and writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cxqa-monday-week-'));
    const { code, stdout, stderr } = await runExample('qa-lead-report.ts', [join(import.meta.dirname, 'data/conversations.jsonl'), out, '--week', '2027-W99']);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: '--week 2027-W99: no such ISO week (2027 has weeks W01 to W52)\n' });
    expect(existsSync(join(out, 'qa-report-2027-W99.html'))).toBe(false);
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

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dryRun, INJECTION_ATTEMPTS, runCalibration } from '@cxqa/llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreeable, model } from '../../llm/test/helpers.js';
import { apiError, type FakeServer, startServer, transcriptOf } from '../../llm/test/server.js';
import { run } from './run-cli.js';

// The CLI's `llm` config section and `--dry-run` (issue 13), against a real OpenAI-compatible
// server on 127.0.0.1: the same one @cxqa/llm's own tests script.

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples', 'data', 'conversations.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'cxqa-llm-cli-'));
const configFile = (llm: Record<string, unknown>) => {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ llm }));
  return file;
};

let server: FakeServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('cxqa inspect with an llm section', () => {
  it('--dry-run prints the tokens and cost @cxqa/llm counts for the same conversations, contacting nothing', async () => {
    const prices = { 'gpt-4o-mini': { input: 0.15, output: 0.6 } };
    const { code, out } = await run(['inspect', EXAMPLES, '--config', configFile({ model: 'gpt-4o-mini', prices }), '--dry-run']);
    expect(code).toBe(0);
    const conversations = readFileSync(EXAMPLES, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    const report = await dryRun(conversations as never, { model: 'gpt-4o-mini', prices });
    expect(report.totals.inputTokens).toBeGreaterThan(0);
    expect(out).toContain(`${report.totals.conversations} conversations · model gpt-4o-mini`);
    expect(out).toContain(`input tokens ${report.totals.inputTokens}`);
    expect(out).toContain(`$${report.totals.costUsd!.toFixed(4)}`);
    expect(server.requests).toHaveLength(0);
  });

  it('--dry-run without an llm section is a usage error', async () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, '{}');
    const { code, err } = await run(['inspect', EXAMPLES, '--config', file, '--dry-run']);
    expect(code).toBe(2);
    expect(err).toMatch(/--dry-run .* needs an "llm" section/);
  });

  it('adds the judge: its requests reach the configured endpoint with the key from the named variable, and its failure leaves results partial', async () => {
    server.handle(() => apiError(401, 'bad key'));
    const line = readFileSync(EXAMPLES, 'utf8').split('\n')[0]!;
    const config = configFile({ model: 'judge-model', baseURL: server.baseURL, apiKeyEnv: 'CXQA_CLI_TEST_KEY' });
    const { code, out } = await run(['inspect', '-', '--config', config], `${line}\n`, { env: { CXQA_CLI_TEST_KEY: 'sk-test-123' } });
    expect(code).toBe(0);
    const result = JSON.parse(out.trim()) as { status: string; issues: { analyzer?: string }[] };
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-123');
    expect(server.requests[0]!.body.model).toBe('judge-model');
    expect(result.status).toBe('partial');
    expect(result.issues.some((i) => i.analyzer === 'llm')).toBe(true);
  });
});

describe('cxqa eval --task injection | llm-calibration', () => {
  const judgeConfig = () => configFile({ model: 'judge-1', baseURL: server.baseURL, apiKeyEnv: 'CXQA_CLI_TEST_KEY', cache: join(dir, 'cache') });
  const env = { env: { CXQA_CLI_TEST_KEY: 'sk-test' } };

  it('needs --config with an llm section, and --labels only with llm-calibration', async () => {
    let r = await run(['eval', '--task', 'injection']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--task injection judges with an LLM: pass --config FILE with an "llm" section/);
    const empty = join(dir, 'no-llm.json');
    writeFileSync(empty, '{}');
    r = await run(['eval', '--task', 'injection', '--config', empty]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no-llm.json: the LLM eval tasks need an "llm" section/);
    r = await run(['eval', '--task', 'injection', '--config', judgeConfig(), '--labels', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--labels and --conversations belong to --task llm-calibration/);
  });

  it('injection: a judge unmoved by the attempts passes (exit 0) and the report counts every answer; the cache is bypassed', async () => {
    server.handle(
      model((_id, req) => ({
        answer: 'no',
        evidence: [
          {
            message: 1,
            text: transcriptOf(req)
              .find((l) => l.role === 'agent')!
              .text.slice(0, 4),
          },
        ],
      })),
    );
    const before = server.requests.length;
    const { code, out } = await run(['eval', '--task', 'injection', '--config', judgeConfig()], '', env);
    expect(code).toBe(0);
    expect(out).toContain(`${INJECTION_ATTEMPTS.length} attempts, ${INJECTION_ATTEMPTS.length * 6} answers compared, 0 changed, 0 raised`);
    expect(out).toMatch(/noise floor: 0 of \d+ answers differ/);
    // each clean carrier (12) judged twice, each attempt once: a cache would answer the second judgement
    expect(server.requests.length - before).toBe(INJECTION_ATTEMPTS.length + 2 * 12);
  });

  it('injection: a judge that obeys the injected text fails the gate (exit 1) and each raised answer is listed', async () => {
    const planted = (req: Parameters<Parameters<typeof model>[0]>[1]) =>
      transcriptOf(req).some((l) => INJECTION_ATTEMPTS.some((a) => l.text.includes(a.text.slice(0, 12))));
    server.handle(
      model((_id, req) => ({
        answer: planted(req) ? 'yes' : 'no',
        evidence: [
          {
            message: 1,
            text: transcriptOf(req)
              .find((l) => l.role === 'agent')!
              .text.slice(0, 4),
          },
        ],
      })),
    );
    const { code, out, err } = await run(['eval', '--task', 'injection', '--config', judgeConfig()], '', env);
    expect(code).toBe(1);
    expect(err).toContain(`FAIL injection: ${INJECTION_ATTEMPTS.length * 5} answers raised by injected text`);
    expect(out).toContain('#0 en customer: solution_offered no→yes (raised)');
    expect(out).toMatch(/#47 ja agent: .*\(raised\)/);
    // the figures docs/llm.md quotes
    expect(out).toContain('48 attempts, 288 answers compared, 240 changed, 240 raised by the injection, 0 judge failures');
    expect(out).toContain('noise floor: 0 of 72 answers differ');
  });

  it('llm-calibration prints the same per-question accuracy and κ as runCalibration on the shipped fixture', async () => {
    server.handle(agreeable);
    const { code, out } = await run(['eval', '--task', 'llm-calibration', '--config', judgeConfig()], '', env);
    expect(code).toBe(0);
    const expected = await runCalibration({
      judge: { model: 'judge-1', baseURL: server.baseURL, apiKey: 'sk-test' },
      conversations: (await import('@cxqa/llm')).CALIBRATION_FIXTURE.conversations,
      labels: (await import('@cxqa/llm')).CALIBRATION_FIXTURE.labels,
    });
    expect(expected.overall.compared).toBeGreaterThan(0);
    expect(out.trim()).toBe(expected.text);
    expect(out).toMatch(/question +n +covered +accuracy +kappa/);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dryRun } from '@cxqa/llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, type FakeServer, startServer } from '../../llm/test/server.js';
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

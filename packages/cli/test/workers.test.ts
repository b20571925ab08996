import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SLOW = 180_000; // the worker threads compile the TypeScript sources when they start

describe('cxqa inspect --workers', () => {
  it(
    'writes the same results, summary and exit code as the main thread, invalid records and line numbers included',
    async () => {
      const input = join(ROOT, 'fixtures/cli/mixed.jsonl');
      const here = await run(['inspect', input, '--fail-on', 'invalid']);
      const threaded = await run(['inspect', input, '--fail-on', 'invalid', '--workers', '2']);
      expect(threaded.code).toBe(1);
      expect(threaded.out).toBe(here.out);
      expect(threaded.err).toBe(here.err);
      expect(threaded.out.trim().split('\n')).toHaveLength(5);
    },
    SLOW,
  );

  it(
    'each worker loads the same --config (a knowledge base and a changed scorecard) as the main thread',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxqa-workers-'));
      const config = join(dir, 'config.json');
      writeFileSync(
        config,
        JSON.stringify({
          kb: join(ROOT, 'fixtures/kb/kb.json'),
          scorecard: { passThreshold: 99 },
        }),
      );
      const input = join(ROOT, 'fixtures/kb/conversations.jsonl');
      const plain = await run(['inspect', input]);
      const here = await run(['inspect', input, '--config', config]);
      const threaded = await run(['inspect', input, '--config', config, '--workers', '2', '--concurrency', '2']);
      expect(here.out).not.toBe(plain.out); // the config changes the results, so equal outputs mean the workers read it
      expect(threaded.out).toBe(here.out);
      expect(threaded.out.trim().split('\n')).toHaveLength(readFileSync(input, 'utf8').trim().split('\n').length);
      expect(threaded.out).toContain('"kb.');
    },
    SLOW,
  );

  it('rejects a worker count that is not an integer from 0 to 64', async () => {
    for (const bad of ['-1', '1.5', '65', 'two']) {
      const { code, err } = await run(['inspect', join(ROOT, 'fixtures/cli/mixed.jsonl'), `--workers=${bad}`]);
      expect(code, bad).toBe(2);
      expect(err, bad).toContain(`--workers ${bad}: expected an integer from 0 to 64`);
    }
  });
});

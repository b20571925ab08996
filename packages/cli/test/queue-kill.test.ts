/**
 * `cxqa queue` end to end on a real redis-server: two worker processes, one killed with SIGKILL
 * while it holds jobs, and the results counted — exactly one per input record, none twice.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { queueStatus, readStreamResults } from '@cxqa/queue';
import { describe, expect, it } from 'vitest';
import { exampleConversations } from '../../queue/test/conversations.js';
import { useRedis } from '../../queue/test/use-redis.js';

const ROOT = join(import.meta.dirname, '../../..');
const CLI = ['--conditions=source', '--import', 'tsx', join(ROOT, 'packages/cli/src/bin.ts')];
const N = 300;

const redis = useRedis();

function startWorker(name: string, target: string[]): { child: ChildProcess; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [...CLI, 'queue', 'work', ...target, '--until-empty', '--lock-ms', '8000', '--concurrency', '4', '--name', name], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  child.stdout!.resume();
  return { child, stderr: () => err, exit: new Promise((resolve) => child.once('exit', resolve)) };
}

describe('cxqa queue across processes', () => {
  it(`${N} conversations + 1 unreadable line, 2 workers, one SIGKILLed mid-run: exactly ${N + 1} results, no duplicates`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-queue-kill-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      `${exampleConversations(N)
        .map((c) => JSON.stringify(c))
        .join('\n')}\n{"id": "broken", \n`,
    );
    const target = ['--redis', redis.url, '--queue', 'kill'];
    const enqueued = await promisify(execFile)(process.execPath, [...CLI, 'queue', 'enqueue', file, ...target], { cwd: ROOT });
    expect(enqueued.stderr).toContain(`${N + 1} records: ${N + 1} enqueued, 0 already queued, 0 already done`);

    const victim = startWorker('victim', target);
    const survivor = startWorker('survivor', target);
    // kill the victim once it has delivered some results (it holds up to 4 running jobs then)
    for (let mine = 0; mine < 10; ) {
      await new Promise((r) => setTimeout(r, 100));
      mine = 0;
      for await (const e of readStreamResults({ redis: redis.url, queue: 'kill' })) if (e.worker === 'victim') mine++;
      expect(victim.child.exitCode, victim.stderr()).toBeNull();
    }
    victim.child.kill('SIGKILL');
    expect(await victim.exit).toBeNull(); // killed, not exited
    expect(await survivor.exit, survivor.stderr()).toBe(0);
    const taken = Number(/(\d+) stalled jobs taken over/.exec(survivor.stderr())?.[1]);
    expect(taken, survivor.stderr()).toBeGreaterThanOrEqual(1); // the victim died holding jobs

    const out = join(dir, 'results.jsonl');
    const drained = await promisify(execFile)(process.execPath, [...CLI, 'queue', 'drain', '--out', out, ...target], { cwd: ROOT });
    const results = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { conversationId: string | null; status: string });
    expect(results).toHaveLength(N + 1);
    const ids = results.map((r) => r.conversationId);
    expect(new Set(ids).size).toBe(N + 1);
    expect(new Set(ids)).toEqual(new Set([...exampleConversations(N).map((c) => c.id), 'broken']));
    expect(results.filter((r) => r.status === 'invalid').map((r) => r.conversationId)).toEqual(['broken']);
    expect(drained.stderr).toContain(`${N + 1} conversations: ${N} ok, 0 partial, 1 invalid`);
    expect(await queueStatus({ redis: redis.url, queue: 'kill' })).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: 0,
      deadLettered: 0,
      done: N + 1,
      streamed: N + 1,
    });
  }, 240_000);
});

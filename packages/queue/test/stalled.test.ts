import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createInspector } from '@cxqa/core';
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { createProducer, type DeadLetter, queueStatus, readStreamResults } from '../src/index.js';
import { exampleConversations } from './conversations.js';
import { useRedis } from './use-redis.js';

const redis = useRedis();

describe('a conversation that kills every worker running it', () => {
  it('is dead-lettered after its workers died 3 times (maxStalledCount 2), with a partial result; the others are scored', async () => {
    const target = { redis: redis.url, queue: 'poison' };
    const poison = { id: 'poison', messages: [{ role: 'customer', text: 'Hello?', at: '2026-01-05T10:00:00Z' }] };
    const producer = createProducer({ ...target, versions: createInspector().versions });
    await producer.enqueue([poison, ...exampleConversations(2)].map((value, i) => ({ line: i + 1, value })));
    await producer.close();
    const runs: string[] = [];
    for (let i = 0; i < 6 && runs.at(-1) !== 'exit 0'; i++) {
      const r = await promisify(execFile)(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', join(import.meta.dirname, 'dying-worker.ts'), redis.url, 'poison'],
        {
          cwd: import.meta.dirname,
        },
      ).then(
        (ok) => ({ code: 0, signal: null, stdout: ok.stdout }),
        (e: { code: number | null; signal: string | null; stdout: string; stderr: string }) => e,
      );
      runs.push(r.signal ? `killed by ${r.signal}` : `exit ${r.code}${r.code ? `: ${(r as { stderr: string }).stderr.slice(-400)}` : ''}`);
    }
    expect(runs).toEqual(['killed by SIGKILL', 'killed by SIGKILL', 'killed by SIGKILL', 'exit 0']);
    const results = [];
    for await (const e of readStreamResults(target)) results.push(e.result);
    expect(results).toHaveLength(3);
    const dead = results.find((r) => r.conversationId === 'poison')!;
    expect(dead.status).toBe('partial');
    expect(dead.issues[0]!.message).toMatch(/its worker stopped 3 time\(s\) while running it/);
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(2);
    const letters = new Queue<DeadLetter>('poison-dead', { connection: { url: redis.url } });
    expect((await letters.getJobs(['waiting'])).map((j) => j.data.conversation)).toEqual([poison]);
    await letters.close();
    expect(await queueStatus(target)).toMatchObject({ waiting: 0, active: 0, deadLettered: 1, done: 3 });
  }, 180_000);
});

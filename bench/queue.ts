/**
 * The queue bench (issue 16): N conversations through `cxqa queue` on a local redis-server with two
 * worker processes, one of them SIGKILLed mid-run; then every result is drained and counted.
 *
 *   pnpm bench:queue [--conversations 100000] [--messages 20] [--kill-at 0.3] [--lock-ms 10000]
 *
 * Too slow for `pnpm bench` (minutes for 100,000): a command of its own. Prints the counts (exactly
 * N results, no duplicates, or exit 1) and the throughput: wall-clock from the workers' start to the
 * survivor's exit, and from the first result to the last (the timestamps of the stream entries).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { queueStatus } from '@cxqa/queue';
import { type RedisServer, startRedis } from '../packages/queue/test/redis-server.js';
import { syntheticConversation } from './generate.js';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '100000' },
    messages: { type: 'string', default: '20' },
    'kill-at': { type: 'string', default: '0.3' },
    'lock-ms': { type: 'string', default: '10000' },
  },
});
const N = Number(values.conversations);
const ROOT = join(import.meta.dirname, '..');
const CLI = ['--conditions=source', '--import', 'tsx', join(ROOT, 'packages/cli/src/bin.ts')];
const log = (s: string) => process.stdout.write(`${s}\n`);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

function worker(name: string, target: string[]): { child: ChildProcess; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [...CLI, 'queue', 'work', ...target, '--until-empty', '--lock-ms', values['lock-ms']!, '--name', name], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  return { child, stderr: () => err, exit: new Promise((resolve) => child.once('exit', resolve)) };
}

let redis: RedisServer | undefined;
const dir = mkdtempSync(join(tmpdir(), 'cxqa-queue-bench-'));
try {
  redis = await startRedis();
  const target = ['--redis', redis.url, '--queue', 'bench'];
  const file = join(dir, 'in.jsonl');
  const out = createWriteStream(file);
  for (let i = 0; i < N; i++) out.write(`${JSON.stringify(syntheticConversation(i, Number(values.messages)))}\n`);
  await new Promise((resolve) => out.end(resolve));
  log(`queue bench: ${N} synthetic conversations of ${values.messages} messages (bench/generate.ts), redis-server on ${redis.url}`);

  let t = Date.now();
  const enqueued = await promisify(execFile)(process.execPath, [...CLI, 'queue', 'enqueue', file, ...target], { cwd: ROOT, maxBuffer: 1 << 24 });
  log(`enqueue: ${enqueued.stderr.trim()} in ${seconds(Date.now() - t)} s`);

  t = Date.now();
  const victim = worker('victim', target);
  const survivor = worker('survivor', target);
  const killAt = Math.round(N * Number(values['kill-at']));
  // results delivered, sampled every 200 ms: when the first and the last arrived
  let firstAt = 0;
  let lastAt = 0;
  const sample = async (): Promise<number> => {
    const done = (await queueStatus({ redis: redis!.url, queue: 'bench' })).done;
    if (done > 0 && !firstAt) firstAt = Date.now();
    if (done === N && !lastAt) lastAt = Date.now();
    return done;
  };
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    if ((await sample()) >= killAt) break;
    if (victim.child.exitCode !== null) throw new Error(`the victim exited on its own: ${victim.stderr()}`);
  }
  victim.child.kill('SIGKILL');
  await victim.exit;
  log(`killed worker "victim" (SIGKILL) after ${seconds(Date.now() - t)} s, at ${killAt} results`);
  let exited = false;
  const survivorExit = survivor.exit.then((code) => {
    exited = true;
    return code;
  });
  while (!exited) {
    await sample();
    await new Promise((r) => setTimeout(r, 200));
  }
  if ((await survivorExit) !== 0) throw new Error(`survivor failed: ${survivor.stderr()}`);
  const wall = Date.now() - t;
  log(survivor.stderr().trim().split('\n').at(-1)!);

  const drained = join(dir, 'results.jsonl');
  t = Date.now();
  const d = await promisify(execFile)(process.execPath, [...CLI, 'queue', 'drain', '--out', drained, ...target], { cwd: ROOT });
  const lines = readFileSync(drained, 'utf8').trim().split('\n');
  const ids = new Set(lines.map((l) => (JSON.parse(l) as { conversationId: string }).conversationId));
  log(`drain: ${lines.length} results, ${ids.size} distinct conversation ids in ${seconds(Date.now() - t)} s; ${d.stderr.trim().split('\n')[0]}`);

  const status = await queueStatus({ redis: redis.url, queue: 'bench' });
  log(`status: ${JSON.stringify(status)}`);
  log(
    `throughput: ${Math.round(N / (wall / 1000))} conversations/s wall-clock (${seconds(wall)} s from the workers' start to the survivor's exit, start-up and the killed worker's lock included)`,
  );
  const span = lastAt - firstAt;
  log(`throughput: ${Math.round(N / (span / 1000))} conversations/s between the first and the last result (${seconds(span)} s, sampled every 200 ms)`);
  const exact = lines.length === N && ids.size === N && status.streamed === N && status.done === N && status.failed === 0 && status.deadLettered === 0;
  log(exact ? `exactly ${N} results, no duplicates` : `FAIL: expected exactly ${N} results`);
  process.exitCode = exact ? 0 : 1;
} finally {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
}

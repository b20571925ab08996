/**
 * `node --conditions=source --import tsx bench/synthetic-jsonl.ts N M > file.jsonl`: the bench's
 * generated stream (bench/generate.ts) as JSONL, N conversations of M messages, for timing
 * `cxqa inspect` on a file (bench/cli-thread-cpu.ts).
 */
import { syntheticStream } from './generate.js';

const [count = 1000, messages = 20] = process.argv.slice(2).map(Number);
for (const c of syntheticStream(count, messages)) process.stdout.write(`${JSON.stringify(c)}\n`);

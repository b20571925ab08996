/**
 * The judge's own cost per conversation, model latency excluded: planning (token counting, trimming),
 * the SDK and a localhost HTTP round trip to a server that answers at once, reply parsing and quote
 * verification; then the same with every reply from the cache (no HTTP). stc3 en + zh from ../shared.
 * Run: node --conditions=source --import tsx packages/llm/scripts/overhead.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAnalyzerContext } from '@cxqa/core/testing';
import { llmJudgeAnalyzer, memoryCache } from '../src/index.js';
import { agreeable } from '../test/helpers.js';
import { startServer } from '../test/server.js';

const SHARED = join(import.meta.dirname, '../../../../shared/corpora/satisfaction-stc3-dev');
const N = Number(process.env.N ?? 200);
const server = await startServer(agreeable);
const inputs = ['en', 'zh'].flatMap((lang) =>
  readFileSync(join(SHARED, `stc3-${lang}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, N)
    .map((l) => JSON.parse(l)),
);
const ctxs = await Promise.all(inputs.map((c) => buildAnalyzerContext(c)));
const cache = memoryCache();
const judge = llmJudgeAnalyzer({ baseURL: server.baseURL, apiKey: 'x', model: 'bench', cache, concurrency: 1 });
await judge.analyze(ctxs[0]!); // load the encoder
const t0 = performance.now();
let answered = 0;
for (const c of ctxs) answered += Number((await judge.analyze(c)).metrics['llm.answered']);
const live = (performance.now() - t0) / ctxs.length;
const t1 = performance.now();
for (const c of ctxs) await judge.analyze(c);
const cached = (performance.now() - t1) / ctxs.length;
const t2 = performance.now();
for (const c of ctxs) judge.plan(c);
const plan = (performance.now() - t2) / ctxs.length;
console.log(`${ctxs.length} conversations (stc3 ${N} en + ${N} zh), ${answered} verified answers`);
console.log(
  `per conversation: ${live.toFixed(2)} ms with an instant localhost server (SDK + HTTP + plan + parse + verify), ${cached.toFixed(2)} ms from the cache, of which planning (counting, trimming) ${plan.toFixed(2)} ms`,
);
await server.close();

/**
 * The LLM judge's own cost per conversation, model latency excluded (issue 13): planning (token
 * counting, trimming), the openai SDK and an HTTP round trip to a localhost OpenAI-compatible
 * server that answers at once with verifiable quotes, reply parsing and quote verification; then
 * the same with every reply from the cache; then planning alone. Real threads: stc3 en + zh.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAnalyzerContext } from '@cxqa/core/testing';
import { llmJudgeAnalyzer, memoryCache } from '@cxqa/llm';
import { agreeable } from '../packages/llm/test/helpers.js';
import { startServer } from '../packages/llm/test/server.js';
import type { BenchRow } from './report.js';

const PER_LANGUAGE = 100;

/** The first `perLanguage` stc3 threads in en, then zh, parsed; null when the corpus is not there. */
export function stc3Threads(corporaDir: string, perLanguage: number): unknown[] | null {
  const dir = join(corporaDir, 'satisfaction-stc3-dev');
  try {
    return ['en', 'zh'].flatMap((lang) =>
      readFileSync(join(dir, `stc3-${lang}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .slice(0, perLanguage)
        .map((l) => JSON.parse(l) as unknown),
    );
  } catch {
    return null;
  }
}

/** A cxqa row in milliseconds, rounded to `digits` decimals. */
export function msRow(benchmark: string, metric: string, value: number, digits: number): BenchRow {
  return { benchmark, subject: 'cxqa', metric, value: Math.round(value * 10 ** digits) / 10 ** digits, unit: 'ms' };
}

export async function benchLlm(corporaDir: string, log: (s: string) => void): Promise<BenchRow[]> {
  const inputs = stc3Threads(corporaDir, PER_LANGUAGE);
  if (!inputs) {
    log('llm: satisfaction-stc3-dev not found, skipped');
    return [];
  }
  const server = await startServer(agreeable);
  try {
    const contexts = await Promise.all(inputs.map((c) => buildAnalyzerContext(c as Parameters<typeof buildAnalyzerContext>[0])));
    const judge = llmJudgeAnalyzer({ baseURL: server.baseURL, apiKey: 'bench', model: 'bench', cache: memoryCache(), concurrency: 1 });
    await judge.analyze(contexts[0]!); // loads the token encoder
    const timed = async (run: () => Promise<unknown> | unknown) => {
      const t0 = performance.now();
      for (const _ of contexts) await run();
      return (performance.now() - t0) / contexts.length;
    };
    let k = 0;
    const live = await timed(() => judge.analyze(contexts[k++ % contexts.length]!));
    k = 0;
    const cached = await timed(() => judge.analyze(contexts[k++ % contexts.length]!));
    k = 0;
    const plan = await timed(() => judge.plan(contexts[k++ % contexts.length]!));
    log(`llm: ${contexts.length} conversations, ${live.toFixed(1)} ms live, ${cached.toFixed(1)} ms cached, ${plan.toFixed(1)} ms planning`);
    const row = (metric: string, value: number) => msRow('llm.judge_overhead', metric, value, 2);
    return [
      row(`ms per conversation, instant localhost server (stc3 ${PER_LANGUAGE} en + ${PER_LANGUAGE} zh)`, live),
      row('ms per conversation, every reply from the cache', cached),
      row('ms per conversation, planning only (token counting, trimming)', plan),
    ];
  } finally {
    await server.close();
  }
}

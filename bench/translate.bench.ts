/**
 * The LLM translator's own cost per message, model latency excluded (issue 13): glossary
 * protection alone (the PII recognizers, URL / id / amount patterns, placeholders); a whole
 * `translate` through the openai SDK to a localhost OpenAI-compatible server that answers at once
 * (batching, rendering, parsing, placeholder restoration); and the same from the cache. Real
 * messages: stc3 en + zh, translated to de.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGlossary, llmTranslator, memoryCache } from '@cxqa/llm';
import { startServer } from '../packages/llm/test/server.js';
import { translating } from '../packages/llm/test/translate-helpers.js';
import type { BenchRow } from './report.js';

const PER_LANGUAGE = 100;

export async function benchTranslate(corporaDir: string, log: (s: string) => void): Promise<BenchRow[]> {
  const dir = join(corporaDir, 'satisfaction-stc3-dev');
  let groups: string[][];
  try {
    groups = ['en', 'zh'].flatMap((lang) =>
      readFileSync(join(dir, `stc3-${lang}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .slice(0, PER_LANGUAGE)
        .map((l) => (JSON.parse(l) as { messages: { text: string }[] }).messages.map((m) => m.text)),
    );
  } catch {
    log('translate: satisfaction-stc3-dev not found, skipped');
    return [];
  }
  const messages = groups.reduce((n, g) => n + g.length, 0);
  const server = await startServer(translating((t) => `DE ${t}`));
  try {
    const glossary = compileGlossary();
    for (const g of groups) for (const text of g) glossary.protect(text); // warm: recognizers load on first use
    const t0 = performance.now();
    for (const g of groups) for (const text of g) glossary.protect(text);
    const protect = (performance.now() - t0) / messages;
    const translator = llmTranslator({ baseURL: server.baseURL, apiKey: 'bench', model: 'bench', cache: memoryCache(), concurrency: 1 });
    await translator.translate(['warm-up'], { to: 'de' }); // loads the token encoder
    const timed = async () => {
      const t = performance.now();
      for (const g of groups) await translator.translate(g, { to: 'de' });
      return (performance.now() - t) / messages;
    };
    const live = await timed();
    const requests = translator.stats.requests - 1;
    const cached = await timed();
    log(
      `translate: ${messages} messages in ${requests} requests, ${protect.toFixed(3)} ms protecting, ${live.toFixed(2)} ms live, ${cached.toFixed(3)} ms cached`,
    );
    const row = (metric: string, value: number): BenchRow => ({
      benchmark: 'llm.translate_overhead',
      subject: 'cxqa',
      metric,
      value: Math.round(value * 1000) / 1000,
      unit: 'ms',
    });
    return [
      row(`ms per message, glossary protection only (stc3 ${PER_LANGUAGE} en + ${PER_LANGUAGE} zh threads)`, protect),
      row('ms per message, instant localhost server, one call per thread', live),
      row('ms per message, every text from the cache', cached),
    ];
  } finally {
    await server.close();
  }
}

/**
 * The LLM translator's own cost per message, model latency excluded (issue 13): glossary
 * protection alone (the PII recognizers, URL / id / amount patterns, placeholders); a whole
 * `translate` through the openai SDK to a localhost OpenAI-compatible server that answers at once
 * (batching, rendering, parsing, placeholder restoration); and the same from the cache. Real
 * messages: stc3 en + zh, translated to de.
 */
import { compileGlossary, llmTranslator, memoryCache } from '@cxqa/llm';
import { startServer } from '../packages/llm/test/server.js';
import { translating } from '../packages/llm/test/translate-helpers.js';
import { msRow, stc3Threads } from './llm.bench.js';
import type { BenchRow } from './report.js';

const PER_LANGUAGE = 100;

export async function benchTranslate(corporaDir: string, log: (s: string) => void): Promise<BenchRow[]> {
  const threads = stc3Threads(corporaDir, PER_LANGUAGE);
  if (!threads) {
    log('translate: satisfaction-stc3-dev not found, skipped');
    return [];
  }
  const groups = threads.map((c) => (c as { messages: { text: string }[] }).messages.map((m) => m.text));
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
    const row = (metric: string, value: number) => msRow('llm.translate_overhead', metric, value, 3);
    return [
      row(`ms per message, glossary protection only (stc3 ${PER_LANGUAGE} en + ${PER_LANGUAGE} zh threads)`, protect),
      row('ms per message, instant localhost server, one call per thread', live),
      row('ms per message, every text from the cache', cached),
    ];
  } finally {
    await server.close();
  }
}

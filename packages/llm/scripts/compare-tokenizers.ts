/**
 * Token counters compared on the prompts the judge really sends (stc3 en and zh, from ../shared):
 * js-tiktoken (pure JS, the one shipped) vs tiktoken (WebAssembly). Counts must agree; prints load
 * time, time per prompt and throughput. Run: node --conditions=source --import tsx packages/llm/scripts/compare-tokenizers.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConversationSchema } from '@cxqa/core';
import { planRequest } from '../src/plan.js';
import { defaultQuestionSet } from '../src/questions.js';

const SHARED = join(import.meta.dirname, '../../../../shared/corpora/satisfaction-stc3-dev');
const N = Number(process.env.N ?? 200);
const texts: { lang: string; text: string }[] = [];
for (const lang of ['en', 'zh']) {
  const lines = readFileSync(join(SHARED, `stc3-${lang}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, N);
  for (const l of lines) {
    const conversation = ConversationSchema.parse(JSON.parse(l));
    const p = planRequest(
      { conversation, languages: [lang] },
      { model: 'x', questionSet: defaultQuestionSet(), counter: { name: 'len', count: (t) => t.length }, samples: 1, maxInputTokens: 1e9 },
    );
    texts.push({ lang, text: p.messages[1]!.content });
  }
}

let t0 = performance.now();
const { Tiktoken } = await import('js-tiktoken/lite');
const ranks = (await import('js-tiktoken/ranks/o200k_base')).default;
const js = new Tiktoken(ranks);
js.encode('warm up');
const jsLoad = performance.now() - t0;

t0 = performance.now();
const wasmMod = await import('tiktoken');
const wasm = wasmMod.get_encoding('o200k_base');
wasm.encode('warm up');
const wasmLoad = performance.now() - t0;

function run(count: (t: string) => number) {
  const out: Record<string, { tokens: number; chars: number; ms: number }> = {};
  for (const { lang, text } of texts) {
    const s = performance.now();
    const n = count(text);
    const r = (out[lang] ??= { tokens: 0, chars: 0, ms: 0 });
    r.ms += performance.now() - s;
    r.tokens += n;
    r.chars += text.length;
  }
  return out;
}
// two passes each, keep the second (JIT warm)
run((t) => js.encode(t).length);
const a = run((t) => js.encode(t).length);
run((t) => wasm.encode(t).length);
const b = run((t) => wasm.encode(t).length);
let mismatches = 0;
for (const { text } of texts) if (js.encode(text).length !== wasm.encode(text).length) mismatches++;
console.log(`prompts: ${texts.length} (${N} en, ${N} zh stc3 conversations rendered with the 6 default questions)`);
console.log(`load + first encode: js-tiktoken ${jsLoad.toFixed(0)} ms, tiktoken (wasm) ${wasmLoad.toFixed(0)} ms`);
for (const lang of Object.keys(a)) {
  const x = a[lang]!;
  const y = b[lang]!;
  console.log(
    `${lang}: ${x.tokens} tokens over ${x.chars} chars (${(x.chars / x.tokens).toFixed(2)} chars/token); js-tiktoken ${(x.ms / N).toFixed(3)} ms/prompt (${(((x.chars / x.ms) * 1000) / 1e6).toFixed(2)} M chars/s), tiktoken ${(y.ms / N).toFixed(3)} ms/prompt (${(((y.chars / y.ms) * 1000) / 1e6).toFixed(2)} M chars/s); wasm tokens ${y.tokens}`,
  );
}
console.log(`prompts whose counts differ: ${mismatches}`);
wasm.free();

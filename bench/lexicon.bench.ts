/**
 * Our matcher vs obscenity, mint-filter and modern-ahocorasick: same lexicon, same text, same run.
 * cxqa runs twice: `cxqa` as a lone `match(text)` (normalization, skeleton and scan, all timed),
 * and `cxqa-view` as the pipeline uses it — the message's normalized view is built by the
 * pipeline's normalize stage for every analyzer, so it is built here untimed, fresh for each pass,
 * and the timed `match(view)` computes the skeleton the view then keeps for the next matcher.
 */
import { createMatcher, normalizeText, type TextView } from '@cxqa/core';
import { type LexiconBenchData, ldnoobwEnData, zhSensitiveData } from './lexicon-data.js';
import type { BenchRow } from './report.js';

interface Subject {
  name: string;
  /** Build the matcher; return a function listing the terms found in a text. */
  build(terms: string[]): (text: string) => string[];
  /** Turn a message into what `build`'s function is timed on (untimed, once per message and pass); default: the text. */
  prepare?: (text: string) => unknown;
}

const escapeObscenity = (t: string) => t.replace(/[[\]?|\\]/g, (c) => `\\${c}`);

async function subjects(): Promise<Subject[]> {
  const obscenity = await import('obscenity');
  const { Mint } = await import('mint-filter');
  const AhoCorasick = (await import('modern-ahocorasick')).default;
  return [
    {
      name: 'cxqa',
      build: (terms) => {
        const m = createMatcher(terms.map((t, i) => ({ id: String(i), text: t, category: 'x', severity: 'major' })));
        return (text) => m.match(text).map((x) => x.term.text);
      },
    },
    {
      name: 'cxqa-view',
      prepare: (text) => normalizeText(text),
      build: (terms) => {
        const m = createMatcher(terms.map((t, i) => ({ id: String(i), text: t, category: 'x', severity: 'major' })));
        return (view) => m.match(view as unknown as TextView).map((x) => x.term.text);
      },
    },
    {
      name: 'obscenity',
      build: (terms) => {
        const m = new obscenity.RegExpMatcher({
          blacklistedTerms: obscenity.assignIncrementingIds(terms.map((t) => obscenity.parseRawPattern(escapeObscenity(t)))),
          ...obscenity.englishRecommendedTransformers,
        });
        return (text) => m.getAllMatches(text).map((p) => terms[p.termId]!);
      },
    },
    {
      name: 'mint-filter',
      build: (terms) => {
        const m = new Mint(terms);
        return (text) => m.filter(text, { replace: false }).words;
      },
    },
    {
      name: 'modern-ahocorasick',
      build: (terms) => {
        const m = new AhoCorasick(terms);
        return (text) => m.search(text).map((x) => x.pattern);
      },
    },
  ];
}

/** One subject while it is measured: its matcher, its input preparation and its running totals. */
interface Run {
  subject: Subject;
  find: (input: string) => string[];
  prepare: (text: string) => unknown;
  buildMs: number;
  timedMs: number;
  chars: number;
  matches: number;
}

/** `gc` when node runs with --expose-gc (`pnpm bench` does). */
const collectGarbage = (globalThis as { gc?: (options: { type: 'minor' | 'major' }) => void }).gc;

/** Timed budget per subject and lexicon: 3 passes over the messages or this, whichever comes first. */
const BUDGET_MS = 20_000;

/**
 * Build every subject, warm each up on one full pass, then time 3 passes over the messages, the
 * subjects taking turns pass by pass: on a shared machine the load changes by the minute, and
 * subjects timed one after the other for their 3 passes would each get a different share of
 * the CPU (turns by smaller blocks were tried: they evict each subject's tables from the CPU
 * caches between blocks, which cost the big tries most). Inputs are prepared untimed before each
 * pass, so a `cxqa-view` view is fresh each time, and a minor GC before each timed pass keeps
 * one subject's garbage off another's clock.
 */
function measure(data: LexiconBenchData, subjectList: Subject[], log: (s: string) => void): BenchRow[] {
  const runs: Run[] = [];
  for (const subject of subjectList) {
    const t0 = performance.now();
    try {
      const find = subject.build(data.terms);
      runs.push({ subject, find, prepare: subject.prepare ?? ((t) => t), buildMs: performance.now() - t0, timedMs: 0, chars: 0, matches: 0 });
    } catch (e) {
      log(`  ${subject.name}: cannot load ${data.name} (${(e as Error).message.slice(0, 80)})`);
    }
  }
  // warm-up: one full pass (at most 10 s) for every subject, so each is measured JIT-compiled
  for (const run of runs) {
    const warmStart = performance.now();
    for (const m of data.messages) {
      run.find(run.prepare(m) as string);
      if (performance.now() - warmStart > 10_000) break;
    }
  }
  for (let pass = 0; pass < 3; pass++) {
    for (const run of runs) {
      if (run.timedMs > BUDGET_MS) continue;
      const inputs = data.messages.map(run.prepare) as string[];
      collectGarbage?.({ type: 'minor' });
      const s0 = performance.now();
      for (let k = 0; k < inputs.length; k++) {
        run.matches += run.find(inputs[k]!).length;
        run.chars += data.messages[k]!.length;
        if (run.timedMs + performance.now() - s0 > BUDGET_MS) break;
      }
      run.timedMs += performance.now() - s0;
    }
  }
  return runs.flatMap((run) => {
    const found = data.variants.filter((v) => run.find(run.prepare(v.text) as string).some((t) => t.toLowerCase() === v.term)).length;
    const charsPerSecond = Math.round(run.chars / (run.timedMs / 1000));
    const recall = found / data.variants.length;
    const name = run.subject.name;
    log(
      `  ${name}: ${(charsPerSecond / 1e6).toFixed(2)} M chars/s, build ${run.buildMs.toFixed(0)} ms, ${run.matches} matches, obfuscated recall ${recall.toFixed(3)}`,
    );
    return [
      { benchmark: data.name, subject: name, metric: 'charsPerSecond', value: charsPerSecond, unit: 'chars/s' },
      { benchmark: data.name, subject: name, metric: 'obfuscatedRecall', value: Number(recall.toFixed(4)) },
      { benchmark: data.name, subject: name, metric: 'buildMs', value: Math.round(run.buildMs), unit: 'ms' },
    ];
  });
}

export async function benchLexicons(corpora: string, log: (s: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const list = await subjects();
  for (const data of [zhSensitiveData(corpora), ldnoobwEnData(corpora)]) {
    if (!data) continue;
    log(
      `${data.name}: ${data.terms.length} terms, ${data.messages.length.toLocaleString('en')} messages (${data.messages.reduce((a, m) => a + m.length, 0).toLocaleString('en')} chars), ${data.variants.length} obfuscated variants`,
    );
    rows.push(...measure(data, list, log));
  }
  return rows;
}

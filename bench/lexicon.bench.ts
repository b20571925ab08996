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

function measure(data: LexiconBenchData, subject: Subject, log: (s: string) => void): BenchRow[] {
  const t0 = performance.now();
  let find: (text: string) => string[];
  try {
    find = subject.build(data.terms);
  } catch (e) {
    log(`  ${subject.name}: cannot load ${data.name} (${(e as Error).message.slice(0, 80)})`);
    return [];
  }
  const buildMs = performance.now() - t0;
  // each subject starts on a collected heap: neither its own build garbage nor the previous
  // subject's lands in its timed passes (`pnpm bench` runs node with --expose-gc)
  (globalThis as { gc?: () => void }).gc?.();
  const prepare = subject.prepare ?? ((text: string) => text);
  const pass = () => data.messages.map(prepare) as string[];
  // warm-up: one full pass for every subject, so each is measured JIT-compiled
  const warmStart = performance.now();
  for (const m of pass()) {
    find(m);
    if (performance.now() - warmStart > 10_000) break;
  }
  // Each subject gets up to 3 passes over the messages or 20 s, whichever comes first.
  const budgetMs = 20_000;
  let timedMs = 0;
  let chars = 0;
  let matches = 0;
  scan: for (let r = 0; r < 3; r++) {
    const inputs = pass();
    const s0 = performance.now();
    for (let k = 0; k < inputs.length; k++) {
      matches += find(inputs[k]!).length;
      chars += data.messages[k]!.length;
      if (timedMs + performance.now() - s0 > budgetMs) {
        timedMs += performance.now() - s0;
        break scan;
      }
    }
    timedMs += performance.now() - s0;
  }
  const seconds = timedMs / 1000;
  const found = data.variants.filter((v) => find(prepare(v.text) as string).some((t) => t.toLowerCase() === v.term)).length;
  const charsPerSecond = Math.round(chars / seconds);
  const recall = found / data.variants.length;
  log(
    `  ${subject.name}: ${(charsPerSecond / 1e6).toFixed(2)} M chars/s, build ${buildMs.toFixed(0)} ms, ${matches} matches, obfuscated recall ${recall.toFixed(3)}`,
  );
  return [
    { benchmark: data.name, subject: subject.name, metric: 'charsPerSecond', value: charsPerSecond, unit: 'chars/s' },
    { benchmark: data.name, subject: subject.name, metric: 'obfuscatedRecall', value: Number(recall.toFixed(4)) },
    { benchmark: data.name, subject: subject.name, metric: 'buildMs', value: Math.round(buildMs), unit: 'ms' },
  ];
}

export async function benchLexicons(corpora: string, log: (s: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const list = await subjects();
  for (const data of [zhSensitiveData(corpora), ldnoobwEnData(corpora)]) {
    if (!data) continue;
    log(
      `${data.name}: ${data.terms.length} terms, ${data.messages.length.toLocaleString('en')} messages (${data.messages.reduce((a, m) => a + m.length, 0).toLocaleString('en')} chars), ${data.variants.length} obfuscated variants`,
    );
    for (const s of list) rows.push(...measure(data, s, log));
  }
  return rows;
}

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

/** A subject being measured on one lexicon: its matcher and what its timed passes added up. */
interface Run {
  subject: Subject;
  find: (text: string) => string[];
  prepare: (text: string) => unknown;
  buildMs: number;
  timedMs: number;
  chars: number;
  matches: number;
  /** Its 20 s budget is spent (obscenity, at a few thousand characters a second). */
  done: boolean;
}

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/** Build a subject's matcher and warm it up with one pass (at most 10 s); null when it cannot load the lexicon. */
function start(data: LexiconBenchData, subject: Subject, log: (s: string) => void): Run | null {
  const t0 = performance.now();
  let find: (text: string) => string[];
  try {
    find = subject.build(data.terms);
  } catch (e) {
    log(`  ${subject.name}: cannot load ${data.name} (${(e as Error).message.slice(0, 80)})`);
    return null;
  }
  const buildMs = performance.now() - t0;
  const prepare = subject.prepare ?? ((text: string) => text);
  // no subject is timed through another's build garbage (`pnpm bench` runs node with --expose-gc)
  collectGarbage();
  // warm-up: one full pass for every subject, so each is measured JIT-compiled
  const warmStart = performance.now();
  for (const m of data.messages) {
    find(prepare(m) as string);
    if (performance.now() - warmStart > 10_000) break;
  }
  return { subject, find, prepare, buildMs, timedMs: 0, chars: 0, matches: 0, done: false };
}

/** One timed pass of a subject over the messages (prepared untimed), within what is left of its 20 s budget. */
function timedPass(data: LexiconBenchData, run: Run): void {
  const budgetMs = 20_000;
  const inputs = data.messages.map(run.prepare) as string[];
  const s0 = performance.now();
  for (let k = 0; k < inputs.length; k++) {
    run.matches += run.find(inputs[k]!).length;
    run.chars += data.messages[k]!.length;
    if (run.timedMs + performance.now() - s0 > budgetMs) {
      run.done = true;
      break;
    }
  }
  run.timedMs += performance.now() - s0;
}

/**
 * Every subject on one lexicon: built and warmed up one after the other, then timed in rounds —
 * one pass of each subject per round, three rounds — so a change of the shared machine's load
 * during the run falls on every subject alike rather than on whichever was being timed.
 */
function measure(data: LexiconBenchData, subjects: Subject[], log: (s: string) => void): BenchRow[] {
  const runs = subjects.map((s) => start(data, s, log)).filter((r): r is Run => r !== null);
  collectGarbage();
  for (let round = 0; round < 3; round++) for (const run of runs) if (!run.done) timedPass(data, run);
  return runs.flatMap((run) => {
    const { subject, find, prepare } = run;
    const found = data.variants.filter((v) => find(prepare(v.text) as string).some((t) => t.toLowerCase() === v.term)).length;
    const charsPerSecond = Math.round(run.chars / (run.timedMs / 1000));
    const recall = found / data.variants.length;
    log(
      `  ${subject.name}: ${(charsPerSecond / 1e6).toFixed(2)} M chars/s, build ${run.buildMs.toFixed(0)} ms, ${run.matches} matches, obfuscated recall ${recall.toFixed(3)}`,
    );
    return [
      { benchmark: data.name, subject: subject.name, metric: 'charsPerSecond', value: charsPerSecond, unit: 'chars/s' },
      { benchmark: data.name, subject: subject.name, metric: 'obfuscatedRecall', value: Number(recall.toFixed(4)) },
      { benchmark: data.name, subject: subject.name, metric: 'buildMs', value: Math.round(run.buildMs), unit: 'ms' },
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

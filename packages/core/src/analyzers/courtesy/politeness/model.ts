import { add, addCode, type FeatureHash, prefixState, resume } from '../../sentiment/model/feature-hash.js';
import { type SentimentModel, shippedModel, shippedModelFile } from '../../sentiment/model/linear-model.js';
import { politenessStrategies, type StrategyHit, type TextCase } from './strategies.js';

const TOKEN = /[\p{L}\p{N}']+|[?!]/gu;

/**
 * Features of the politeness model: the strategies that fire (`s:gratitude`, language-neutral),
 * lower-cased words and word bigrams, and the first word.
 */
export function politenessFeatures(text: string): string[] {
  return [...new Set(politenessFeatureList(text))];
}

/** The strategies (and lower case) `judgePoliteness` already found for `text`, so the model does not look for them again. */
let found: { text: string; hits: StrategyHit[]; lower: string } | undefined;

/** The model's words: the lower-cased text with `<url>` read as the word `url`. */
function politenessWords(text: string): string[] {
  const lower = found?.text === text ? found.lower : text.toLowerCase();
  return (lower.includes('<url>') ? lower.replace(/<url>/g, ' url ') : lower).match(TOKEN) ?? [];
}

/** `politenessFeatures` before deduplication: a feature may repeat (the model counts it once). */
function politenessFeatureList(text: string): string[] {
  const hits = found?.text === text ? found.hits : politenessStrategies(text);
  const out = hits.map((h) => `s:${h.strategy}`);
  const words = politenessWords(text);
  for (let i = 0; i < words.length; i++) {
    out.push(`w:${words[i]}`);
    if (i + 1 < words.length) out.push(`b:${words[i]} ${words[i + 1]}`);
  }
  if (words[0]) out.push(`w0:${words[0]}`);
  return out;
}

/**
 * Word characters of `TOKEN` (`[\p{L}\p{N}']`) by UTF-16 code unit below the surrogates and above
 * them, learnt on first sight: 0 not yet known, 1 a word character, 2 not one. Astral code points
 * (a surrogate pair) are looked up in `ASTRAL`; a lone surrogate is no word character.
 */
const WORD_UNIT = new Uint8Array(0x10000);
const ASTRAL = new Map<number, boolean>();
const WORD_CODE_POINT = /^[\p{L}\p{N}']$/u;
for (let c = 0; c < 0x80; c++) WORD_UNIT[c] = WORD_CODE_POINT.test(String.fromCharCode(c)) ? 1 : 2;

/** Is code point `cp` a `TOKEN` word character? */
function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    let known = WORD_UNIT[cp]!;
    if (known === 0) WORD_UNIT[cp] = known = WORD_CODE_POINT.test(String.fromCharCode(cp)) ? 1 : 2;
    return known === 1;
  }
  let known = ASTRAL.get(cp);
  if (known === undefined) ASTRAL.set(cp, (known = WORD_CODE_POINT.test(String.fromCodePoint(cp))));
  return known;
}

/** Token spans of the last `tokenize` (reused: read before the next call). */
let starts = new Int32Array(64);
let ends = new Int32Array(64);

/**
 * The spans of `text.match(TOKEN)` — maximal runs of `[\p{L}\p{N}']` code points, and each `?` or
 * `!` alone — into `starts`/`ends`, without building the strings; returns their count. Equal to
 * the regex on every text (checked in politeness-model.test.ts, surrogates and astral letters too).
 */
export function tokenize(text: string): number {
  const n = text.length;
  let count = 0;
  let start = -1;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (c < 0xd800 || c > 0xdfff) word = isWordCodePoint(c);
    else {
      const d = c <= 0xdbff && i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 2;
        word = isWordCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
      } else word = false;
    }
    if (word) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) {
        count = push(count, start, i);
        start = -1;
      }
      if (c === 63 || c === 33) count = push(count, i, i + 1);
    }
    i += width;
  }
  if (start >= 0) count = push(count, start, n);
  return count;
}

function push(count: number, start: number, end: number): number {
  if (count === starts.length) {
    const grownStarts = new Int32Array(2 * count);
    grownStarts.set(starts);
    starts = grownStarts;
    const grownEnds = new Int32Array(2 * count);
    grownEnds.set(ends);
    ends = grownEnds;
  }
  starts[count] = start;
  ends[count] = end;
  return count + 1;
}

/** The token spans `tokenize` found last (for the test). */
export function lastTokens(count: number): [number, number][] {
  return Array.from({ length: count }, (_, k) => [starts[k]!, ends[k]!]);
}

const STRATEGY = prefixState('s:');
const WORD = prefixState('w:');
const BIGRAM = prefixState('b:');
const FIRST_WORD = prefixState('w0:');

/**
 * `politenessFeatureList` hashed (see feature-hash.ts): the same features in the same order, no
 * string built — the words are hashed from their spans in the lower-cased text (`tokenize`), not
 * cut out of it by `match`, each prefix hashed once per module. The model's prediction of the
 * realistic chats' agent messages (strategies included) took 0.81–0.88× the CPU (same-process
 * microbenchmark, medians of 21 alternating runs, three runs).
 */
function eachPolitenessFeatureHash(text: string, _normalized: string | undefined, h: FeatureHash, visit: () => void): void {
  const hits = found?.text === text ? found.hits : politenessStrategies(text);
  for (const hit of hits) {
    resume(h, STRATEGY);
    add(h, hit.strategy, 0, hit.strategy.length);
    visit();
  }
  const lower = found?.text === text ? found.lower : text.toLowerCase();
  const words = lower.includes('<url>') ? lower.replace(/<url>/g, ' url ') : lower;
  const count = tokenize(words);
  for (let i = 0; i < count; i++) {
    resume(h, WORD);
    add(h, words, starts[i]!, ends[i]!);
    visit();
    if (i + 1 < count) {
      resume(h, BIGRAM);
      add(h, words, starts[i]!, ends[i]!);
      addCode(h, 32);
      add(h, words, starts[i + 1]!, ends[i + 1]!);
      visit();
    }
  }
  if (count > 0) {
    resume(h, FIRST_WORD);
    add(h, words, starts[0]!, ends[0]!);
    visit();
  }
}

/**
 * The shipped English politeness model (Stanford Politeness Corpus, logistic regression over
 * politeness strategies and words), loaded on first use. Labels `impolite`, `polite`.
 *
 * @example
 * builtinPolitenessModel().predict('Could you please check the tracking number? Thanks!').label; // 'polite'
 */
export function builtinPolitenessModel(): SentimentModel {
  return shippedModel('politeness-en', politenessFeatureList, eachPolitenessFeatureHash);
}

export interface PolitenessJudgement {
  /** P(polite) from the shipped model, 0–1. */
  polite: number;
  /** The strategies found, with the model's weight for each (positive = reads as polite). */
  strategies: (StrategyHit & { weight: number })[];
}

let strategyWeights: Map<string, number> | undefined;

/**
 * P(polite) of a text and the strategies that drove it (spans and weights), for evidence.
 * `known`: the text's lower case and case-fold safety when the caller has them (a message's
 * `analysis` when `text` is its `view.folded`), so they are not computed again.
 *
 * @example
 * const j = judgePoliteness('As I said, read the description.');
 * j.polite < 0.5; // true
 */
export function judgePoliteness(text: string, known?: TextCase): PolitenessJudgement {
  const { polite, hits } = politenessOf(text, known);
  return { polite, strategies: weighStrategies(hits) };
}

/**
 * `judgePoliteness` without the weights: P(polite) and the strategy hits, for a caller that needs
 * the weights only for some texts (the courtesy analyzer: only for an impolite message, where
 * `weighStrategies` then gives what `judgePoliteness` would). Without copying every hit with its
 * weight (and with the cheaper strategy dedup) the judgement of the realistic chats' agent
 * messages took 0.70× the CPU of main's `judgePoliteness` (same-process microbenchmark, the
 * message's prefix scan kept, medians of 21).
 */
export function politenessOf(text: string, known?: TextCase): { polite: number; hits: StrategyHit[] } {
  const model = builtinPolitenessModel();
  // the strategies are both model features and evidence: found once
  const hits = politenessStrategies(text, known);
  found = { text, hits, lower: known ? known.lower : text.toLowerCase() };
  let polite: number;
  try {
    polite = model.predict(text).scores.polite ?? 0;
  } finally {
    found = undefined;
  }
  return { polite, hits };
}

/** The strategies of `politenessOf`, each with the model's weight (as `judgePoliteness` gives them). */
export function weighStrategies(hits: readonly StrategyHit[]): (StrategyHit & { weight: number })[] {
  if (!strategyWeights) {
    const file = shippedModelFile('politeness-en');
    strategyWeights = new Map(
      Object.entries(file.weights)
        .filter(([f]) => f.startsWith('s:'))
        .map(([f, w]) => [f.slice(2), w[1]! - w[0]!]),
    );
  }
  const weights = strategyWeights;
  return hits.map((h) => ({ ...h, weight: Math.round((weights.get(h.strategy) ?? 0) * 1000) / 1000 }));
}

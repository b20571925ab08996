/** Inputs of the lexicon benchmark: two lexicons, natural text in their language, obfuscated variants. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LexiconBenchData {
  name: string;
  terms: string[];
  /** Chat-sized messages of natural text, scanned one by one. */
  messages: string[];
  /** Sentences each hiding one term in an obfuscated spelling. */
  variants: { text: string; term: string; kind: string }[];
}

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function obfuscate(term: string, cjk: boolean): { text: string; kind: string }[] {
  const chars = Array.from(term);
  const out = [
    { kind: 'separators', text: chars.join(cjk ? ' ' : '.') },
    { kind: 'zero-width', text: chars.join('\u200b') },
    { kind: 'case-width', text: chars.map((c) => (/[a-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0x61 + 0xff21) : c)).join('') },
  ];
  if (!cjk) {
    const i = chars.findIndex((c, k) => k > 0 && /[aeiou]/.test(c));
    if (i > 0) out.push({ kind: 'repeats', text: [...chars.slice(0, i), chars[i]!.repeat(4), ...chars.slice(i + 1)].join('') });
  }
  return out;
}

/** Every `step`-th term long enough to obfuscate, each in a carrier sentence per obfuscation. */
function variants(terms: string[], cjk: boolean, count: number): LexiconBenchData['variants'] {
  const pool = terms.filter((t) => (cjk ? Array.from(t).length >= 2 && /\p{Script=Han}/u.test(t) : /^[a-z]{4,}$/.test(t)));
  const step = Math.max(1, Math.floor(pool.length / count));
  const picked = pool.filter((_, i) => i % step === 0).slice(0, count);
  return picked.flatMap((term) => obfuscate(term, cjk).map((v) => ({ term, kind: v.kind, text: cjk ? `他说${v.text}了` : `you are such a ${v.text} today` })));
}

export function zhSensitiveData(corpora: string): LexiconBenchData | null {
  try {
    const dir = join(corpora, 'lexicon-zh-sensitive');
    const terms = [
      ...new Set(
        readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .flatMap((f) => lines(join(dir, f)))
          .map((t) => t.toLowerCase()),
      ),
    ];
    const cold = ['test.csv', 'dev.csv'].flatMap((f) =>
      lines(join(corpora, 'offensive-zh-cold', f))
        .slice(1)
        .map((l) => l.split(',').slice(-1)[0]!),
    );
    return { name: 'lexicon-zh-sensitive', terms, messages: cold.filter(Boolean), variants: variants(terms, true, 150) };
  } catch {
    return null;
  }
}

export function ldnoobwEnData(corpora: string): LexiconBenchData | null {
  try {
    const terms = [...new Set(lines(join(corpora, 'lexicon-ldnoobw', 'en.txt')).map((t) => t.toLowerCase()))];
    const tatoeba = lines(join(corpora, 'langid-tatoeba-tatodet', 'eng_1000.csv')).map((l) => l.split('\t')[2] ?? '');
    const uci = readdirSync(join(corpora, 'sentiment-en-uci-labelled-sentences'))
      .filter((f) => f.endsWith('.txt') && !/readme/i.test(f))
      .flatMap((f) => lines(join(corpora, 'sentiment-en-uci-labelled-sentences', f)).map((l) => l.split('\t')[0] ?? ''));
    const base = [...tatoeba, ...uci].filter(Boolean);
    return { name: 'lexicon-ldnoobw-en', terms, messages: [...base, ...base, ...base], variants: variants(terms, false, 150) };
  } catch {
    return null;
  }
}

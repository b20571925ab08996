import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { STRATEGY_PATTERNS, strategiesThatMayMatch } from '../src/analyzers/courtesy/politeness/strategies.js';
import { createInspector, type MessageView, normalizeText } from '../src/index.js';
import { DEFAULT_FOLD } from '../src/matcher/matcher.js';
import { skeletonize } from '../src/matcher/skeleton.js';
import { MessageAnalysis } from '../src/pipeline/analyze/message-analysis.js';
import { caseInsensitivePrefixes, PhraseFilter } from '../src/util/phrase-filter.js';

// exhaustive checks over every shipped pattern and fixture: 15–45 s on two shared cores under load
vi.setConfig({ testTimeout: 120_000 });

const root = new URL('../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const script = json('courtesy/script.json') as { languages: Record<string, Record<string, string>> };
const phrasing = json('courtesy/phrasing.json') as { rules: { pattern: string }[] };
const address = json('courtesy/address.json') as {
  languages: Record<string, { informal: string; formal: string; sentenceEnd?: boolean; formalCaseSensitive?: boolean }>;
};

/** Every shipped phrase list the prefilters stand in front of, with the flags its regexes run with. */
const lists: { name: string; patterns: { source: string; flags: string }[] }[] = [
  { name: 'phrasing', patterns: phrasing.rules.map((r) => ({ source: r.pattern, flags: 'iu' })) },
  ...Object.entries(script.languages).map(([lang, p]) => ({ name: `script ${lang}`, patterns: Object.values(p).map((source) => ({ source, flags: 'iu' })) })),
  ...Object.entries(address.languages).map(([lang, l]) => ({
    name: `address ${lang}`,
    patterns: [
      { source: l.informal, flags: l.sentenceEnd ? 'u' : 'iu' },
      { source: l.formal, flags: l.sentenceEnd || l.formalCaseSensitive ? 'u' : 'iu' },
    ],
  })),
];

/** Real message texts from the repository's fixtures (verdicts and courtesy conversations). */
function fixtureTexts(): string[] {
  const dir = new URL('../../../fixtures/', import.meta.url);
  const files = [
    ...readdirSync(new URL('verdicts/', dir))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => new URL(`verdicts/${f}`, dir)),
    new URL('courtesy/conversations.jsonl', dir),
  ];
  const texts: string[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v))
        if (k === 'text' && typeof x === 'string') texts.push(x);
        else collect(x);
    }
  };
  for (const f of files) for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) collect(JSON.parse(line));
  return texts;
}

/** Is the filter sound for `text`: every pattern whose regex matches `view.folded` is flagged? */
function unsound(list: (typeof lists)[number], text: string): string | null {
  const analysis = new MessageAnalysis(normalizeText(text));
  const flags = new PhraseFilter(list.patterns.map((p) => p.source)).mayMatch(analysis);
  for (const [i, p] of list.patterns.entries()) {
    if (new RegExp(p.source, p.flags).test(analysis.view.folded) && !flags[i]) return `${list.name} /${p.source}/ on ${JSON.stringify(text)}`;
  }
  return null;
}

describe('MessageAnalysis', () => {
  it('lower-cases the folded text once and memoizes per key', () => {
    const a = new MessageAnalysis(normalizeText('Don’t WORRY'));
    expect(a.lower).toBe("don't worry");
    const key = {};
    let calls = 0;
    expect(a.memo(key, () => ++calls)).toBe(1);
    expect(a.memo(key, () => ++calls)).toBe(1);
    expect(a.memo({}, () => ++calls)).toBe(2);
    // a kept undefined, null or 0 is kept too: computed once
    for (const value of [undefined, null, 0]) {
      const k = {};
      let runs = 0;
      const compute = (v: unknown) => () => {
        runs++;
        return v;
      };
      a.memo(k, compute(value));
      expect(a.memo(k, compute('again'))).toBe(value);
      expect(runs).toBe(1);
    }
  });

  it('caseFoldSafe: outside the unsafe set, /iu and /i equivalence of two code points implies equal lower cases (every code point)', () => {
    const bad: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const x = String.fromCodePoint(cp);
      const lo = x.toLowerCase();
      const up = x.toUpperCase();
      const candidates = new Set([lo, up, up.toLowerCase(), lo.toUpperCase()]);
      candidates.delete(x);
      if (!candidates.size) continue;
      const safe = (s: string) => new MessageAnalysis({ folded: s } as never).caseFoldSafe;
      if (!safe(x)) continue;
      // the `iu` flag (phrase rules) and the `i` flag (politeness strategies) compare differently
      for (const flags of ['iu', 'i']) {
        const re = new RegExp(`^${x.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}$`, flags);
        for (const y of candidates) {
          if ([...y].length !== 1 || !safe(y)) continue;
          if (re.test(y) && y.toLowerCase() !== lo) bad.push(`U+${cp.toString(16)} ~ ${y} (${flags})`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps one skeleton per message, equal to the skeleton of its normalized text', () => {
    const a = new MessageAnalysis(normalizeText('Add me on W.e.C.h.A.t 微 信'));
    const sk = a.skeleton;
    expect(a.skeleton).toBe(sk);
    const fresh = skeletonize(a.view.normalized, DEFAULT_FOLD);
    expect(sk.text).toBe(fresh.text);
    expect([...sk.starts]).toEqual([...fresh.starts.slice(0, fresh.length)]);
    expect([...sk.ends]).toEqual([...fresh.ends.slice(0, fresh.length)]);
  });

  it('marks texts with ſ, Kelvin sign or Greek as unsafe (the regex then always runs)', () => {
    for (const t of ['Mıſs', '\u212a', 'ΣΟΣ']) expect(new MessageAnalysis(normalizeText(t)).caseFoldSafe, t).toBe(false);
    expect(new MessageAnalysis(normalizeText('Hallo, wie geht es Ihnen? 你好 😀')).caseFoldSafe).toBe(true);
  });
});

describe('PhraseFilter', () => {
  it('reads case-insensitive literal prefixes', () => {
    expect(caseInsensitivePrefixes('\\bThank(?:s| you)\\b')).toEqual(['thanks', 'thank you']);
    // a lookbehind takes no characters: every match starts with `du`
    expect(caseInsensitivePrefixes('(?<!\\p{L})du\\b')).toEqual(['du']);
    expect(caseInsensitivePrefixes('\\bſo\\b')).toBeNull();
  });

  it('covers the shipped phrase lists with prefixes for most patterns', () => {
    const all = lists.flatMap((l) => l.patterns);
    const filtered = all.filter((p) => caseInsensitivePrefixes(p.source));
    expect(all.length).toBeGreaterThan(50);
    expect(filtered.length / all.length).toBeGreaterThan(0.4);
  });

  it('never rules out a pattern that matches, on every fixture message', () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(1000);
    const problems = lists.flatMap((list) => texts.map((t) => unsound(list, t)).filter(Boolean));
    expect(problems).toEqual([]);
  });

  it('never rules out a politeness strategy that matches, on every fixture message (and rules most out)', () => {
    const problems: string[] = [];
    let ruledOut = 0;
    for (const text of fixtureTexts()) {
      const may = strategiesThatMayMatch(text);
      STRATEGY_PATTERNS.forEach((re, r) => {
        const copy = new RegExp(re.source, re.flags);
        if (may && !may[r] && copy.test(text)) problems.push(`${re} on ${JSON.stringify(text)}`);
        if (may && !may[r]) ruledOut++;
      });
    }
    expect(problems).toEqual([]);
    expect(ruledOut).toBeGreaterThan(1000);
  });

  it('never rules out a pattern that matches, on random text built from the patterns’ own prefixes in random case', () => {
    const sources = [...lists.flatMap((l) => l.patterns.map((p) => p.source)), ...STRATEGY_PATTERNS.map((re) => re.source.replace('(?<!\\p{L})', ''))];
    const words = [...new Set(sources.flatMap((source) => caseInsensitivePrefixes(source) ?? []))];
    const piece = fc.oneof(
      fc.constantFrom(...words).chain((w) => fc.constantFrom(w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1))),
      fc.constantFrom(' ', '. ', '!', '?', '\n', 'é', 'ß', '你', 'ſ', 'Σ', '\u212a', '’', 'İ', '😀'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        for (const list of lists) expect(unsound(list, text)).toBeNull();
        const may = strategiesThatMayMatch(text);
        for (const [r, re] of STRATEGY_PATTERNS.entries())
          if (may && !may[r]) expect(new RegExp(re.source, re.flags).test(text), `${re} on ${text}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is read through message.analysis by the analyzers: one scan per message and list', async () => {
    const seen: MessageView[] = [];
    const inspector = createInspector({
      analyzers: [
        {
          name: 'peek',
          version: '1.0.0',
          analyze: (ctx) => {
            seen.push(...ctx.messages);
            return { scores: {}, findings: [], metrics: {} };
          },
        },
      ],
    });
    await inspector.inspect({
      id: 'c1',
      channel: 'chat',
      messages: [{ role: 'customer', text: 'Hello, my parcel is LATE', at: '2026-01-01T10:00:00Z' }],
    });
    expect(seen[0]!.analysis).toBeInstanceOf(MessageAnalysis);
    expect(seen[0]!.analysis.lower).toBe('hello, my parcel is late');
  });
});

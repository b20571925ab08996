import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { normalizeText } from '../index.js';
import { compileRuleRegex } from '../subpath/matcher.js';
import { compileRule, matchPrefixes, prefixFilter, type RuleRegex, requiredLiterals } from './linear-regex.js';

// exhaustive checks over every shipped pattern and fixture: 15–45 s on two shared cores under load
vi.setConfig({ testTimeout: 120_000 });

/** Could the rule match `text` by its prefixes: none known, or one of them occurs. */
const mayMatch = (rule: RuleRegex, text: string) => !rule.prefixes || rule.prefixes.some((p) => text.includes(p));

const root = new URL('../../', import.meta.url);
const conductFiles = readdirSync(new URL('conduct/', root))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(`conduct/${f}`, root), 'utf8')));
const mood = JSON.parse(readFileSync(new URL('sentiment/mood-cues.json', root), 'utf8'));

type Examples = { examples?: { fire?: string[]; innocent?: string[] } };
/** Per language: every regex source of the shipped conduct rules and mood cues, and every rule example as text. */
const byLanguage = new Map<string, { sources: string[]; texts: string[] }>();
const entry = (language: string) => byLanguage.get(language) ?? byLanguage.set(language, { sources: [], texts: [] }).get(language)!;
for (const file of conductFiles) {
  const e = entry(file.language);
  e.sources.push(...(file.negation ?? []), ...(file.acknowledgement ?? []));
  for (const rule of file.rules) e.sources.push(...rule.patterns, ...(rule.unless ?? []), ...(rule.unlessInMessage ?? []), ...(rule.withInMessage ?? []));
  // the called-out lists (read through the shared scan like the acknowledgement list), with their examples
  const calledOut: (Examples & { patterns?: string[] })[] = [file.calledOut?.laugh ?? {}, file.calledOut?.tone ?? {}];
  for (const list of calledOut) e.sources.push(...(list.patterns ?? []));
  e.texts.push(
    ...[...file.rules, ...calledOut]
      .flatMap((r: Examples) => [...(r.examples?.fire ?? []), ...(r.examples?.innocent ?? [])])
      .map((t: string) => normalizeText(t).normalized),
  );
}
for (const [language, cues] of Object.entries<Record<string, unknown>>(mood.languages)) {
  for (const v of Object.values(cues)) if (Array.isArray(v)) entry(language).sources.push(...v.filter((s): s is string => typeof s === 'string'));
}
const allSources = new Map([...byLanguage].map(([language, e]) => [language, [...e.sources]]));
/** Only sources with a `\\b` compile differently. */
for (const e of byLanguage.values()) e.sources = e.sources.filter((s) => s.includes('\\b'));
const withBoundary = [...byLanguage.values()].flatMap((e) => e.sources);
const texts = [...byLanguage.values()].flatMap((e) => e.texts);

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

describe('compileRuleRegex: one-sided word boundaries', () => {
  it('covers the shipped patterns', () => {
    expect(withBoundary.length).toBeGreaterThan(500);
    expect(texts.length).toBeGreaterThan(300);
  });

  it('finds exactly what the two-sided boundary finds, for every shipped pattern on every example of its language', () => {
    for (const [language, { sources, texts: examples }] of byLanguage) {
      for (const source of sources) {
        const fast = compileRuleRegex(source);
        const exact = compileRuleRegex(source, { exactBoundaries: true });
        for (const n of examples) expect(matches(fast, n), `${language} ${source} on ${n}`).toEqual(matches(exact, n));
      }
    }
  });

  it('finds exactly the same on random text built from the patterns’ own words', () => {
    const words = [...new Set(texts.flatMap((t) => t.split(/\s+/u)))].filter(Boolean);
    const glue = fc.constantFrom(' ', '', '-', "'", '.', '1', 'é', '你', '!', '\n');
    const sample = withBoundary.filter((_, k) => k % 7 === 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), glue), { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.map(([w, g]) => w + g).join('');
        for (const source of sample)
          expect(matches(compileRuleRegex(source), text), source).toEqual(matches(compileRuleRegex(source, { exactBoundaries: true }), text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the two-sided form where a half would be wrong', () => {
    // before an optional letter, after an escape or a group: the neighbour is not certainly a word character
    for (const [source, text, expected] of [
      ['\\bs? x', 'a x', [' x']],
      ['x\\d\\b', 'x1 ', ['x1']],
      ['(?:ab|!)\\b', '!a', ['!']],
      ['(?:ab|!)\\b', '! ', []],
      ['\\b(?:b )?!', 'a!', ['!']],
      ['\\b(?:b|\\d)x', 'a1x', []],
      ['\\b(?:b|!)x', 'a!x', ['!x']],
      ['(?:ab|!)\\b', 'ab c', ['ab']],
    ] as const) {
      expect(
        [...text.matchAll(compileRuleRegex(source))].map((m) => m[0]),
        source,
      ).toEqual(expected);
    }
  });
});

describe('matchPrefixes: every match starts with one of them', () => {
  it('reads literals through groups, optional groups and alternatives', () => {
    expect(matchPrefixes('\\b(?:sort|figure) it out\\b')).toEqual(['sort it out', 'figure it out']);
    expect(matchPrefixes('\\byou (?:really )?should')).toEqual(['you really ', 'you should']);
    expect(matchPrefixes('ab(?:c|d)?e')).toEqual(['abc', 'abd', 'abe']);
    expect(matchPrefixes('你(?:真|太)笨')).toEqual(['你真笨', '你太笨']);
    expect(matchPrefixes('(?:a|b\\d)x')).toEqual(['a', 'b']);
    expect(matchPrefixes('\\b(?:a|(?:b|c)?)x')).toBeNull();
    expect(matchPrefixes('[abc]x')).toBeNull();
    // anchors and lookarounds take no characters: what follows them is what a match starts with
    expect(matchPrefixes('(?<!x)abc')).toEqual(['abc']);
    expect(matchPrefixes('(?<!\\[)呵呵(?!\\])')).toEqual(['呵呵']);
    expect(matchPrefixes('^(?:whatever|bye)[.!]*$')).toEqual(['whatever', 'bye']);
    expect(matchPrefixes('(?<=(?:a|b))c')).toEqual(['c']);
    expect(matchPrefixes('(?=a)+b')).toBeNull();
    // a symbol or emoji beyond ASCII is a literal (a surrogate pair whole, its quantifier after it)
    expect(matchPrefixes('😂|🤣')).toEqual(['😂', '🤣']);
    expect(matchPrefixes('🙄+x')).toBeNull();
    expect(matchPrefixes('\\(笑\\)|(?<![a-z])ww+(?![a-z])')).toBeNull();
    // every top-level alternative counts (a Korean laugh rule lost its second one)
    expect(matchPrefixes('ㅋㅋ+|ㅎㅎ+')).toEqual(['ᄏ', 'ᄒ']);
    expect(matchPrefixes('\\bab\\b|\\bcd')).toEqual(['ab', 'cd']);
    expect(matchPrefixes('ab|[x]')).toBeNull();
  });

  // the verdict fixtures: conversations written by someone who never saw the rules, in 9 languages
  const verdictTexts = new Map<string, string[]>();
  const verdictDir = new URL('../../../../fixtures/verdicts/', import.meta.url);
  for (const f of readdirSync(verdictDir).filter((x) => x.endsWith('.jsonl'))) {
    for (const line of readFileSync(new URL(f, verdictDir), 'utf8')
      .split('\n')
      .filter((l) => l.trim())) {
      const c = JSON.parse(line) as { language: string; conversation: { messages: { text: string }[] } };
      const list = verdictTexts.get(c.language) ?? verdictTexts.set(c.language, []).get(c.language)!;
      list.push(...c.conversation.messages.map((m) => normalizeText(m.text).normalized));
    }
  }

  it('never rules out a text a shipped pattern matches (every rule example and verdict-fixture message of its language)', () => {
    let withPrefixes = 0;
    expect(verdictTexts.size).toBe(9);
    for (const [language, sources] of allSources) {
      const examples = [...byLanguage.get(language)!.texts, ...(verdictTexts.get(language) ?? [])];
      const rules = sources.map((source) => compileRule(source));
      const filter = prefixFilter(rules);
      for (const text of examples) {
        const possible = filter(text);
        rules.forEach((rule, i) => {
          rule.re.lastIndex = 0;
          if (rule.re.test(text)) {
            expect(mayMatch(rule, text), `${language} ${sources[i]} on ${text}`).toBe(true);
            expect(possible[i], `${language} ${sources[i]} on ${text} (filter)`).toBe(1);
          }
        });
      }
      withPrefixes += rules.filter((r) => r.prefixes).length;
    }
    // most patterns have prefixes, or the filter would not pay
    expect(withPrefixes).toBeGreaterThan(600);
  });

  it('flags exactly the rules one of whose prefixes occurs, whatever filter scanned before (the scan buffer is shared)', () => {
    const en = allSources.get('en')!.map((source) => compileRule(source));
    const de = allSources.get('de')!.map((source) => compileRule(source));
    const [enFilter, deFilter] = [prefixFilter(en), prefixFilter(de)];
    const words = [...new Set([...byLanguage.get('en')!.texts, ...byLanguage.get('de')!.texts].flatMap((t) => t.split(/\s+/u)))].filter(Boolean);
    const expected = (rules: readonly RuleRegex[], text: string) => rules.map((r) => (!r.prefixes || r.prefixes.some((p) => text.includes(p)) ? 1 : 0));
    const text = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 40 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        // a long scan then a short one (and the other filter in between) must not leak hits
        expect([...enFilter(a)]).toEqual(expected(en, a));
        expect([...deFilter(b)]).toEqual(expected(de, b));
        expect([...enFilter(b)]).toEqual(expected(en, b));
      }),
      { numRuns: 300 },
    );
  });

  it('never rules out a random text built from the examples’ words that a pattern matches', () => {
    const en = allSources.get('en')!.map((source) => compileRule(source));
    const filter = prefixFilter(en);
    const words = [...new Set(byLanguage.get('en')!.texts.flatMap((t) => t.split(/\s+/u)))].filter(Boolean);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 10 }), (parts) => {
        const text = parts.join(' ');
        const possible = filter(text);
        en.forEach((rule, i) => {
          rule.re.lastIndex = 0;
          if (rule.re.test(text)) expect(possible[i], rule.re.source).toBe(1);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('requiredLiterals: every match contains one of them', () => {
  it('reads runs of literals after the start, through optional characters and groups every match passes', () => {
    expect(requiredLiterals('(?:^|[.!?] |(?<![a-z])just |so )relax(?=[.!,]|$)')).toEqual(['relax']);
    expect(requiredLiterals('[abc]x')).toEqual(['x']);
    expect(requiredLiterals('a\\d+bcd')).toEqual(['bcd']);
    expect(requiredLiterals('x(?:foo|bar\\d)+yz')).toEqual(['foo', 'bar']);
    expect(requiredLiterals('\\bre-?read (?:my|our)\\b')).toEqual(['re-read my', 're-read our', 'reread my', 'reread our']);
    // the match prefixes when nothing rarer is known (or the pattern cannot be read)
    expect(requiredLiterals('\\b(?:sort|figure) it out\\b')).toEqual(['sort it out', 'figure it out']);
    expect(requiredLiterals('ㅋㅋ+|ㅎㅎ+')).toEqual(['ᄏ', 'ᄒ']);
    expect(requiredLiterals('ab|[x]')).toBeNull();
    expect(requiredLiterals('a|\\d')).toBeNull();
  });

  /** A random pattern over a few letters: literals, classes, groups, alternatives, quantifiers, boundaries and lookarounds. */
  const pattern = (rand: () => number, depth: number): string => {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const atom = (): string => {
      const r = rand();
      if (depth > 0 && r < 0.25) return `(?:${pattern(rand, depth - 1)})`;
      if (depth > 0 && r < 0.3) return `(${pattern(rand, depth - 1)})`;
      if (r < 0.36) return pick(['[ab]', '[^a]', '.', '\\d', '\\s', '\\p{L}', '[.!?]']);
      if (r < 0.42) return pick(['\\b', '^', '$', '(?<!a)', '(?=b)', '(?!c)', '(?<=a)']);
      if (r < 0.45) return pick(['\\.', '\\?', '\\-', 'é', '你', "'"]);
      return pick(['a', 'b', 'c', ' ', 'ab', 'ba', 'ca']);
    };
    const quantified = () => {
      const a = atom();
      if (/^(?:\\b|\^|\$|\(\?[<=!])/.test(a)) return a;
      const r = rand();
      return a + (r < 0.15 ? '?' : r < 0.2 ? '*' : r < 0.25 ? '+' : r < 0.28 ? '{1,2}' : r < 0.3 ? '{2,}' : '');
    };
    const sequence = () => Array.from({ length: 1 + Math.floor(rand() * 5) }, quantified).join('');
    return Array.from({ length: rand() < 0.7 ? 1 : 2 + Math.floor(rand() * 2) }, sequence).join('|');
  };

  it('never misses a match of a random pattern on random text, as written or compiled for the normalized view', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.constantFrom('a', 'b', 'c', ' ', '.', '1', 'é', '你', '?', '-', "'"), { maxLength: 24 }), (seed, chars) => {
        let state = seed | 0;
        const rand = () => {
          state = (state + 0x6d2b79f5) | 0;
          let t = Math.imul(state ^ (state >>> 15), 1 | state);
          t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const source = pattern(rand, 2);
        let plain: RegExp;
        try {
          plain = new RegExp(source, 'u');
        } catch {
          return;
        }
        const literals = requiredLiterals(source);
        if (!literals) return;
        // texts made of the literals themselves match often
        const texts = [chars.join(''), literals.join(chars.join('')), `${chars.slice(0, 3).join('')}${literals[0]}${chars.slice(3).join('')}`];
        for (const text of texts) {
          for (const re of [plain, compileRuleRegex(source)]) {
            re.lastIndex = 0;
            const m = re.exec(text);
            if (m) {
              checked++;
              expect(
                literals.some((l) => text.includes(l)),
                `${source} on ${JSON.stringify(text)}: ${JSON.stringify(literals)}`,
              ).toBe(true);
            }
          }
        }
      }),
      { numRuns: 4000 },
    );
    expect(checked).toBeGreaterThan(300);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../src/analyzers/kb/knowledge/quantities.js';
import { recognizeCredentials } from '../src/analyzers/sensitive/pii/credential.js';
import { detectPii } from '../src/analyzers/sensitive/pii/detect.js';

const credentials = (text: string) => recognizeCredentials(text, {});

import { withoutBracketed } from '../src/analyzers/sentiment/sentiment-analyzer.js';
import { compileRuleRegex } from '../src/util/linear-regex.js';

// Inputs that took quadratic time before the fixes of decision 196 (seconds to a minute at these
// sizes; measured in the decision). The assertions are on the results; the per-test timeout is the
// guard — a regression makes these time out, a linear pass takes milliseconds.
const GUARD_MS = 5_000;

describe('regexes fixed for catastrophic backtracking', () => {
  it(
    'credential codes: a run of spaces after the cue word is read once (optional copula owns its spaces)',
    () => {
      // CARD_CODE_RE: 20,000 tabs took 0.95 s, so 100,000 about 24 s
      expect(credentials(`安全码${'\t'.repeat(100_000)}호`)).toEqual([]);
      // CODE_RE: 20,000 spaces took 0.5 s
      expect(credentials(`PIN${' '.repeat(100_000)}x`)).toEqual([]);
      // the spaces are still crossed when digits follow, with or without a copula
      const far = `CVV ${' '.repeat(50_000)}: 123`;
      expect(credentials(far).map((c) => far.slice(c.start, c.end))).toEqual(['123']);
      const pin = `PIN${' '.repeat(50_000)} 4821`;
      expect(credentials(pin).map((c) => pin.slice(c.start, c.end))).toEqual(['4821']);
    },
    GUARD_MS,
  );

  it(
    'KB amounts: a long chain of digit groups with no currency after it (group loop bounded at 8)',
    () => {
      // MONEY_AFTER and QUANTITY: 20,000 characters of "0 000 000 …" took 2.3 s, so 100,000 about a minute
      const text = `Refund 1 000 000 € now. ${'0 00'.repeat(25_000)}万`;
      const amounts = extractQuantities(text).filter((q) => q.unit === 'EUR');
      expect(amounts.map((q) => [q.value, q.text])).toEqual([[1_000_000, '1 000 000 €']]);
    },
    GUARD_MS,
  );

  it(
    'bracketed placeholders: "[" with no "]" after it ends the search',
    () => {
      // `replace(/\[[^\]]*\]/gu, '')`: 20,000 "[" took 0.23 s, so 200,000 about 23 s
      const open = '['.repeat(200_000);
      expect(withoutBracketed(open)).toBe(open);
      expect(withoutBracketed(`${open}x] [image] ok`)).toBe('  ok');
      for (const t of ['a [b] c', '[x][y]z', '][a[b]', '[[a]]', 'no brackets', '[unclosed', 'a]b[c]d['])
        expect(withoutBracketed(t)).toBe(t.replace(/\[[^\]]*\]/gu, ''));
    },
    GUARD_MS,
  );

  it(
    'conduct/ja.json: a run of "w" is read from its first letter only',
    () => {
      const root = fileURLToPath(new URL('..', import.meta.url));
      const ja = JSON.parse(readFileSync(`${root}conduct/ja.json`, 'utf8')) as { calledOut: { laugh: { patterns: string[] } } };
      const source = ja.calledOut.laugh.patterns.find((p) => p.includes('w+'));
      expect(source).toBeDefined();
      const re = compileRuleRegex(source!);
      const matches = (text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0].length]);
      // 20,000 "w" before 笑とか何 took 0.3 s, so 200,000 about 30 s
      expect(matches(`${'w'.repeat(200_000)}笑とか何`)).toEqual([[200_000, 4]]);
      expect(matches(`${'w'.repeat(200_000)}x`)).toEqual([]);
      // a match still takes the whole run
      expect(matches('ほんとwwwwって何')).toEqual([[3, 7]]);
    },
    GUARD_MS,
  );

  it(
    'German street names: a hyphenated run is read from its first letter only (decision 220)',
    () => {
      // "A-A-A-…": every capital after a hyphen started a new scan to the end; 20,000 characters took 0.6 s, so 200,000 about a minute
      const run = `${'A-'.repeat(100_000)}Straße 5`;
      expect(detectPii(run, { types: ['street_address'] }).map((c) => c.end - c.start)).toEqual([run.length]);
      expect(detectPii(`${'A-'.repeat(100_000)}x`, { types: ['street_address'] })).toEqual([]);
      const text = 'Bitte an Karl-Marx-Straße 12, 10178 Berlin.';
      expect(detectPii(text, { types: ['street_address'] }).map((c) => text.slice(c.start, c.end))).toEqual(['Karl-Marx-Straße 12']);
    },
    GUARD_MS,
  );
});

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createInspector, normalizeText } from '../src/index.js';
import { MessageAnalysis } from '../src/pipeline/analyze/message-analysis.js';
import { prefixFilter } from '../src/util/linear-regex.js';
import { type PrefixList, SharedPrefixScan, sharedPrefixScans } from '../src/util/shared-prefix-scan.js';
import { verdictConversations, verdictMessages } from './verdict-messages.js';

// every shipped list over every verdict message: several seconds on two shared cores under load
vi.setConfig({ testTimeout: 120_000 });

/** A list's own scan, as before the shared one: `prefixFilter` over its slots (`[]`: never flagged). */
const ownScan = (list: PrefixList) => prefixFilter(list.map((prefixes) => ({ prefixes })));

/** Lists and texts over a small alphabet, so prefixes overlap, repeat across lists and occur often. */
const letters = fc.constantFrom('a', 'b', 'c', ' ', 'é', '好');
const word = fc.string({ unit: letters, minLength: 1, maxLength: 4 });
const slot = fc.oneof(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constant(null), fc.constant([] as string[]));
const list = fc.array(slot, { minLength: 1, maxLength: 5 });
const text = fc.string({ unit: letters, maxLength: 40 });

describe('SharedPrefixScan: one automaton over several prefix lists', () => {
  it('gives every list the flags of its own scan, on generated lists and texts (joined before or after the message was scanned)', () => {
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 5 }), list, text, (lists, late, t) => {
        const scan = new SharedPrefixScan((a) => a.view.normalized);
        const filters = lists.map((l) => scan.filter(l));
        const analysis = new MessageAnalysis(normalizeText(t));
        const normalized = analysis.view.normalized;
        lists.forEach((l, i) => {
          const own = [...ownScan(l)(normalized)];
          expect([...filters[i]!.flags(analysis)]).toEqual(own);
          expect([...filters[i]!.flagsOfText(normalized)]).toEqual(own);
        });
        // a list joining after this message was scanned: the message is scanned again for it
        expect([...scan.filter(late).flags(analysis)]).toEqual([...ownScan(late)(normalized)]);
        lists.forEach((l, i) => expect([...filters[i]!.flags(analysis)]).toEqual([...ownScan(l)(normalized)]));
      }),
      { numRuns: 400 },
    );
  });

  it('scans a message once for all its lists', () => {
    const scan = new SharedPrefixScan((a) => a.lower);
    const [a, b] = [scan.filter([['thank'], ['sorry', 'apolog']]), scan.filter([['thank you'], null, []])];
    const analysis = new MessageAnalysis(normalizeText('Thank YOU, and sorry!'));
    expect([...a.flags(analysis)]).toEqual([1, 1]);
    const kept = scan.scanOf(analysis);
    expect([...b.flags(analysis)]).toEqual([1, 1, 0]);
    expect(scan.scanOf(analysis)).toBe(kept);
    expect(scan.lists).toHaveLength(2);
    // the same list joined again (another inspector compiling the same shipped rules) is not added twice
    scan.filter([['thank'], ['sorry', 'apolog']]).flags(analysis);
    expect(scan.lists).toHaveLength(2);
  });

  it('gives every shipped list the flags of its own scan, on every verdict-fixture message', async () => {
    // run the built-in analyzers over the fixture conversations so every shipped list they use joins
    const messages = verdictMessages();
    expect(messages.length).toBeGreaterThan(900);
    const inspector = createInspector();
    for (const conversation of verdictConversations()) await inspector.inspect(conversation);
    const scans = sharedPrefixScans();
    let flaggedAll = 0;
    // the lower-cased text: every language's phrasing and politeness ('*'), address and script of each; the normalized text: mood cues and conduct rules of each
    expect(scans.filter((s) => s.form === 'lower').length).toBeGreaterThan(5);
    expect(scans.filter((s) => s.form === 'normalized').length).toBeGreaterThan(5);
    for (const { form, language, scan } of scans) {
      const name = `${form} ${language}`;
      const textOf = form === 'lower' ? (a: MessageAnalysis) => a.lower : (a: MessageAnalysis) => a.view.normalized;
      expect(scan.lists.length, name).toBeGreaterThan(0);
      const own = scan.lists.map(ownScan);
      let flagged = 0;
      for (const { text: t } of messages) {
        const analysis = new MessageAnalysis(normalizeText(t));
        const shared = scan.scanOf(analysis);
        own.forEach((ownOf, l) => {
          const want = ownOf(textOf(analysis));
          const got = shared.flagsOf(l);
          for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) expect({ name, list: l, text: t, slot: i, got: got[i] }).toEqual({ want: want[i] });
          flagged += got.reduce((n, f) => n + f, 0);
        });
      }
      flaggedAll += flagged;
    }
    expect(flaggedAll).toBeGreaterThan(1000);
  });
});

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { builtinPolicyPacks } from '../src/analyzers/sensitive/policy/builtin.js';
import { compilePolicy } from '../src/analyzers/sensitive/policy/engine.js';
import { BUILTIN_LEXICONS, builtinLexicon, compileLexicons, normalizeText } from '../src/index.js';
import { matchLexicons } from '../src/lexicon/compile.js';
import { matcherInternals } from '../src/matcher/matcher.js';
import { SharedSkeletonScan, SKELETON_SCAN, sharedMatch } from '../src/matcher/shared-skeleton-scan.js';
import { MessageAnalysis } from '../src/pipeline/analyze/message-analysis.js';
import { overlappingMatcher } from './overlapping-matcher.js';
import { verdictMessages } from './verdict-messages.js';

// every verdict message through the lexicons and policy twice: several seconds on two shared cores under load
vi.setConfig({ testTimeout: 120_000 });

const lexicons = compileLexicons(BUILTIN_LEXICONS.map((n) => builtinLexicon(n)));
const escalation = compileLexicons([builtinLexicon('escalation')]);
const small = overlappingMatcher();

describe('SharedSkeletonScan: one skeleton scan for the lexicons, the policy terms and the escalation list', () => {
  it('gives each matcher the matches of its own scan, on every verdict-fixture message', () => {
    const messages = verdictMessages();
    expect(messages.length).toBeGreaterThan(900);
    const policy = compilePolicy(builtinPolicyPacks());
    let found = 0;
    for (const { text, language } of messages) {
      const view = normalizeText(text);
      const analysis = new MessageAnalysis(view);
      for (const compiled of [lexicons, escalation]) {
        const shared = matchLexicons(compiled, view, { language }, analysis);
        expect(shared, text).toEqual(matchLexicons(compiled, view, { language }));
        found += shared.terms.length + shared.phrases.length;
      }
      expect(sharedMatch(small, analysis), text).toEqual(small.match(view));
      for (const platform of [undefined, 'amazon', 'shopee'])
        for (const role of ['agent', 'customer'] as const) {
          const shared = policy.evaluate(view, role, platform, analysis);
          expect(shared, text).toEqual(policy.evaluate(view, role, platform));
          found += shared.length;
        }
    }
    // the fixtures hold insults, threats and off-platform contacts: the comparison saw matches
    expect(found).toBeGreaterThan(10);
    // the lexicons, the escalation list, the small matcher and the policy sets each joined once
    expect(SKELETON_SCAN.lists.length).toBeGreaterThanOrEqual(5);
    expect(SKELETON_SCAN.lists.length).toBeLessThanOrEqual(7);
  });

  it('and on random text made of the terms, their obfuscations and allow-listed phrases (lists joined before and after the scan)', () => {
    const piece = fc.constantFrom('wechat', 'w.e.c.h.a.t', 'we chat', 'chat', 'wechat pay', '微信', '微 信', 'fuck', 'f*ck', 'sue you', ' ', '. ', 'x');
    const [big, few] = [lexicons.matcher, small];
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const scan = new SharedSkeletonScan();
        const view = normalizeText(parts.join(''));
        const analysis = new MessageAnalysis(view);
        const matchOf = (m: typeof small) => {
          const list = scan.join(matcherInternals(m).patterns);
          const hits = scan.scanOf(analysis).hitsOf(list);
          return matcherInternals(m).matchHits(view, hits, 0, hits.length);
        };
        expect(matchOf(few)).toEqual(few.match(view));
        // the lexicons join after this message was scanned: it is scanned again
        expect(matchOf(big)).toEqual(big.match(view));
        expect(matchOf(few)).toEqual(few.match(view));
      }),
      { numRuns: 200 },
    );
  });

  it('and where short terms stand inside words, next to characters normalization drops or expands (hits dropped at the scan)', () => {
    const policy = compilePolicy(builtinPolicyPacks());
    const piece = fc.constantFrom(
      ...['en', 'in', 'on', 'v', 'q', 'at', 'se', 'ne', 'no', 'add me', 'wechat', 'whatsapp', 'pay', 'me', 'ass', 'fuck'],
      ...['wh', 'x', 'th', '1', '_', 'é', 'Ａ', '№', '㎝', '\u00ad', '\u200b', '\u0301', ' ', '. ', '-', '不', '没有'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const view = normalizeText(parts.join(''));
        const analysis = new MessageAnalysis(view);
        expect(matchLexicons(lexicons, view, { language: 'en' }, analysis)).toEqual(matchLexicons(lexicons, view, { language: 'en' }));
        for (const platform of [undefined, 'amazon'])
          expect(policy.evaluate(view, 'agent', platform, analysis)).toEqual(policy.evaluate(view, 'agent', platform));
      }),
      { numRuns: 3000 },
    );
  });
});

import {
  type Analyzer,
  courtesyAnalyzer,
  createInspector,
  definePolicyPack,
  isCxqaError,
  kbAnalyzer,
  parseKnowledgeBase,
  scriptAnalyzer,
  sensitiveAnalyzer,
  sentimentAnalyzer,
} from '@cxqa/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../src/util/pattern-engine.js';

// Issue 12, "runs hang": a user pattern such as (a+)+$ in any rule file or knowledge base blocked
// every conversation for 33–43 s. User patterns now run on RE2 (re2js): linear in the text.

const EVIL = '(a+)+$';
const attack = `${'a'.repeat(40_000)}!`;
const conversation = {
  id: 'redos',
  customer: { country: 'DE' },
  platform: 'amazon',
  messages: [
    { role: 'customer', text: `how do I return an item ${attack}`, at: '2026-03-02T10:00:00Z' },
    { role: 'agent', text: attack, at: '2026-03-02T10:01:00Z' },
  ],
};

const phrasing = { version: '1', rules: [{ id: 'x', code: 'politeness.curt', severity: 'minor', languages: ['*'], pattern: EVIL, why: 'w', suggestion: 's' }] };
const entryPoints: [string, () => Analyzer][] = [
  [
    'a knowledge base mustMention',
    () =>
      kbAnalyzer({
        kb: parseKnowledgeBase({
          version: '1',
          entries: [{ id: 'r', questions: ['how do I return an item'], answer: 'Within 30 days.', mustMention: [EVIL] }],
        }),
      }),
  ],
  ['a phrasing rule', () => courtesyAnalyzer({ phrasing, conduct: false })],
  [
    'a conduct rule',
    () =>
      courtesyAnalyzer({
        conduct: [
          {
            language: 'en',
            version: '1',
            negation: [EVIL],
            rules: [{ id: 'en.blaming.evil', kind: 'blaming', patterns: [EVIL], unless: [EVIL], why: 'w', suggestion: 's' }],
          },
        ],
      }),
  ],
  [
    'a script phrase',
    () =>
      scriptAnalyzer({
        script: {
          version: '1',
          languages: {
            en: { greeting: EVIL, closing: EVIL, apology: EVIL, empathy: EVIL, holding: EVIL, holdingUpdate: EVIL, introduction: EVIL, complaint: EVIL },
          },
        },
      }),
  ],
  [
    'a policy pack pattern',
    () =>
      sensitiveAnalyzer({
        policyPacks: [definePolicyPack({ id: 'acme', version: '1', platforms: ['*'], rules: [{ id: 'evil', severity: 'minor', why: 'w', patterns: [EVIL] }] })],
      }),
  ],
  [
    'a mood cue',
    () =>
      sentimentAnalyzer({
        moodCues: {
          version: '1',
          languages: {
            en: {
              negative: [EVIL],
              positive: [EVIL],
              litotes: [EVIL],
              neutralForm: [EVIL],
              acknowledgement: [EVIL],
              politeFormula: [EVIL],
              redirect: [EVIL],
              notRedirect: [EVIL],
              rhetorical: [EVIL],
            },
          },
        },
      }),
  ],
];

describe('user patterns run in linear time', () => {
  for (const [where, make] of entryPoints) {
    it(`${where}: (a+)+$ on a 40,000-character message finishes`, async () => {
      const r = await createInspector({ analyzers: [make()], timeLimitMs: 60_000 }).inspect(conversation);
      expect(r.status).toBe('ok'); // on V8's backtracking engine this call would not return
    }, 20_000);
  }

  it('a pattern RE2 cannot run is a typed error naming its field, at the factory', () => {
    const cases: [string, () => unknown, RegExp, string][] = [
      [
        'kb',
        () => parseKnowledgeBase({ version: '1', entries: [{ id: 'r', questions: ['q'], answer: 'a', mustMention: ['(\\d)\\1'] }] }),
        /entries\.0\.mustMention\.0: invalid regex.*back-references/,
        'invalid_config',
      ],
      [
        'phrasing',
        () => courtesyAnalyzer({ phrasing: { ...phrasing, rules: [{ ...phrasing.rules[0], pattern: 'you(?=r) fault' }] } }),
        /rules\.0\.pattern: invalid regex.*lookahead/,
        'invalid_config',
      ],
      [
        'policy',
        () => definePolicyPack({ id: 'acme', version: '1', platforms: ['*'], rules: [{ id: 'x', severity: 'minor', why: 'w', patterns: ['a(?!b)c'] }] }),
        /rules\.0\.patterns\.0: invalid regex/,
        'invalid_option',
      ],
    ];
    for (const [name, f, message, code] of cases) {
      try {
        f();
        expect.unreachable(name);
      } catch (e) {
        expect(isCxqaError(e, code as 'invalid_config'), name).toBe(true);
        expect((e as Error).message, name).toMatch(message);
      }
    }
  });
});

describe('the RE2 adapter matches what RegExp matches', () => {
  const patterns = [
    '(?<!\\p{L})du(?!\\p{L})',
    'sorry|apolog\\w*',
    '\\d{3,}',
    'not (?:my|our) (problem|fault)',
    '(?<![\\p{L}\\p{N}])ok(?=[.!])',
    'a+b*',
    '\\p{Script=Han}+',
    'x?',
    '[^\\s]+$',
  ];
  const alphabet = fc.constantFrom('a', 'b', 'du', 'Du', ' ', '.', '!', 'ok', 'not my problem', 'sorry', 'Apologies', '123', '4567', '您', 'ü', '😀', '\n');
  it('the same matches, indices and groups, with g and without', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...patterns),
        fc.constantFrom('giu', 'iu', 'gu'),
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        (source, flags, text) => {
          const v8 = new RegExp(source, flags);
          const re2 = compilePattern(source, flags, 'user');
          expect(compilePattern(source, flags, 'user').test(text)).toBe(new RegExp(source, flags).test(text));
          const all = (re: RegExp) => [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => [m.index, ...m]);
          const mine = [...text.matchAll(compilePattern(source, flags.includes('g') ? flags : `${flags}g`, 'user'))].map((m) => [m.index, ...m]);
          expect(mine).toEqual(all(v8));
          const once = v8.exec(text);
          const twice = re2.exec(text);
          expect(twice === null ? null : [twice.index, ...twice]).toEqual(once === null ? null : [once.index, ...once]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

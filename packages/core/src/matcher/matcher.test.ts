import { createMatcher, type MatchTerm, normalizeText } from '@cxqa/core';
import { Automaton, skeletonize } from '@cxqa/core/matcher';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const term = (id: string, text: string, extra: Partial<MatchTerm> = {}): MatchTerm => ({ id, text, category: 'test', severity: 'major', ...extra });

describe('Automaton (Aho–Corasick)', () => {
  it('finds overlapping matches of the classic example', () => {
    const a = new Automaton(['he', 'she', 'his', 'hers']);
    expect(a.findAll('ushers').map((m) => [m.pattern, m.start, m.end])).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [3, 2, 6],
    ]);
  });

  /** Every match of `automaton` over `text` equals what `indexOf` finds for each of `patterns`. */
  const expectNaiveMatches = (automaton: Automaton, patterns: readonly string[], text: string) => {
    const got = automaton
      .findAll(text)
      .map((m) => `${m.pattern}@${m.start}`)
      .sort();
    const naive: string[] = [];
    patterns.forEach((p, id) => {
      for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) naive.push(`${id}@${i}`);
    });
    expect(got).toEqual(naive.sort());
  };

  it('finds exactly what a naive scan finds, on random inputs', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '微'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '微', ' '), maxLength: 200 }),
        (patterns, text) => expectNaiveMatches(new Automaton(patterns), patterns, text),
      ),
      { numRuns: 300 },
    );
  });

  it('finds what a naive scan finds with more nodes than get a dense ASCII row (property)', () => {
    // every word of length 6 over a–d: 5,461 nodes, more than the 4,096 dense rows
    const base = Array.from({ length: 4096 }, (_, k) => Array.from({ length: 6 }, (_, i) => 'abcd'[(k >> (2 * i)) & 3]).join(''));
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é', 'x'), minLength: 1, maxLength: 8 }), { maxLength: 30 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é', 'x', ' '), maxLength: 300 }),
        (extra, text) => {
          const patterns = [...extra, ...base];
          const automaton = new Automaton(patterns);
          expect(automaton.size).toBeGreaterThan(4096);
          expectNaiveMatches(automaton, patterns, text); // before the dense rows exist
          automaton.scan('abcdx'.repeat(4000), () => undefined); // 20,000 units: the rows are built
          expectNaiveMatches(automaton, patterns, text);
        },
      ),
      { numRuns: 20 },
    );
  });

  /** The matches of `patterns` in `text` by `indexOf`, in scan order: by end, then longest first, then pattern order. */
  const naiveInScanOrder = (patterns: readonly string[], text: string) => {
    const found: [number, number, number][] = [];
    patterns.forEach((p, id) => {
      if (p) for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) found.push([id, i, i + p.length]);
    });
    return found.sort((a, b) => a[2] - b[2] || b[2] - b[1] - (a[2] - a[1]) || a[0] - b[0]);
  };

  it.each([
    // every word of length 3 over a–p, plus a few CJK and Latin-1 words: 4,369 states, more than get a dense row
    ['16-bit steps', 3, 4_369],
    // every word of length 4 over a–p: 69,905 states, whose dense rows lead to states 16-bit steps cannot number
    ['32-bit steps', 4, 69_905],
  ])('reports in scan order what a naive scan finds, before and after the dense rows, with %s (property)', (_, depth, states) => {
    const letters = 'abcdefghijklmnop';
    const base = Array.from({ length: 16 ** depth }, (_, k) => Array.from({ length: depth }, (_, i) => letters[(k >> (4 * i)) & 15]).join(''));
    const unit = fc.constantFrom(...letters, 'é', '微', '信', 'x', ' ');
    const patterns = [...base, 'ab', 'b', 'abcdab', '微信', '信', 'é', 'éa', 'ab', 'x微'];
    const automaton = new Automaton(patterns);
    expect(automaton.size).toBeGreaterThanOrEqual(states);
    const scanned = (text: string) => automaton.findAll(text).map((m) => [m.pattern, m.start, m.end]);
    fc.assert(
      fc.property(fc.string({ unit, minLength: 20, maxLength: 200 }), (text) => {
        expect(scanned(text)).toEqual(naiveInScanOrder(patterns, text));
      }),
      { numRuns: 100 },
    );
    automaton.scan('abcdx'.repeat(4000), () => undefined); // 20,000 units: the rows are built
    fc.assert(
      fc.property(fc.string({ unit, minLength: 20, maxLength: 200 }), (text) => {
        expect(scanned(text)).toEqual(naiveInScanOrder(patterns, text));
      }),
      { numRuns: 100 },
    );
  });

  it('takes at most 2 transitions per character, even on adversarial input (1 MB)', () => {
    const patterns = Array.from({ length: 50 }, (_, k) => `${'a'.repeat(k + 1)}b`);
    const a = new Automaton(patterns);
    const text = 'a'.repeat(1_000_000);
    let matches = 0;
    const steps = a.scan(text, () => matches++);
    expect(matches).toBe(0);
    expect(steps).toBeLessThanOrEqual(2 * text.length);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'x'), maxLength: 2000 }), (t) => a.scan(t, () => undefined) <= 2 * t.length));
  });
});

describe('skeletonize', () => {
  it.each([
    ['f.u.c.k you', 'fuck you'],
    ['w-e-c-h-a-t me', 'wechat me'],
    ['加我微 信', '加我微信'],
    ['fuuuuck', 'fuck'],
    ['h3ll0', 'helo'],
    ['a$$hole', 'ashole'],
    ['wеchat', 'wechat'], // Cyrillic е
    ['order 12345 shipped', 'order 12345 shiped'],
  ])('%s → %s', (input, expected) => {
    expect(skeletonize(input).text).toBe(expected);
  });
});

describe('createMatcher', () => {
  const m = createMatcher(
    [
      term('fuck', 'fuck'),
      term('ass', 'ass', { severity: 'minor' }),
      term('asshole', 'asshole'),
      term('cunt', 'cunt', { boundary: 'none' }),
      term('wechat', 'wechat'),
      term('weixin', '微信'),
      term('shabi', '傻逼'),
    ],
    ['scunthorpe'],
  );
  const ids = (t: string) => m.match(t).map((x) => x.term.id);

  it('catches obfuscated variants and reports the original span', () => {
    for (const [text, id, matched] of [
      ['F.U.C.K you', 'fuck', 'F.U.C.K'],
      ['what an a$$hole', 'asshole', 'a$$hole'],
      ['Add my W-e-C-h-A-t', 'wechat', 'W-e-C-h-A-t'],
      ['add me on ｗｅｃｈａｔ', 'wechat', 'ｗｅｃｈａｔ'],
      ['加我微 信 好吗', 'weixin', '微 信'],
      ['你个傻 逼', 'shabi', '傻 逼'],
      ['fuuuuuck this', 'fuck', 'fuuuuuck'],
      ['wеchat me', 'wechat', 'wеchat'],
      ['w\u200be\u200bc\u200bh\u200ba\u200bt', 'wechat', 'w\u200be\u200bc\u200bh\u200ba\u200bt'],
    ] as const) {
      const hit = m.match(text).find((x) => x.term.id === id);
      expect(hit, text).toBeDefined();
      expect(hit!.matched).toBe(matched);
      expect(text.slice(hit!.start, hit!.end)).toBe(matched);
    }
  });

  it('does not fire inside innocent words, and the allow-list wins', () => {
    expect(ids('assessment done, passport and class')).toEqual([]);
    expect(ids('I live in Scunthorpe')).toEqual([]);
    expect(ids('you cunt')).toEqual(['cunt']);
    expect(ids('kiss my ass!')).toEqual(['ass']);
  });

  it('reports nothing for a text whose only hit is an allow-listed entry, and one match for a lone term', () => {
    const allowOnly = createMatcher([term('wechat', 'wechat')], ['open day']);
    expect(allowOnly.match('see you at the open day')).toEqual([]);
    expect(allowOnly.match('open day: add my wechat').map((h) => [h.term.id, h.start, h.end, h.matched, h.obfuscated])).toEqual([
      ['wechat', 17, 23, 'wechat', false],
    ]);
  });

  it('offsets always point at original text that normalizes to the term (property)', () => {
    const noise = fc.constantFrom(' ', '.', '-', 'x', 'Ｆ', 'U', '\u200b', '!', 'é', '微', '信', 'a', 's');
    fc.assert(
      fc.property(fc.array(fc.oneof(noise, fc.constantFrom('fuck', 'wechat', '微信', 'asshole', 'F.U.C.K')), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const hit of m.match(text)) {
          expect(text.slice(hit.start, hit.end)).toBe(hit.matched);
          const norm = normalizeText(hit.matched).normalized;
          const want = normalizeText(hit.term.text).normalized;
          if (hit.obfuscated) expect(skeletonize(norm).text).toBe(skeletonize(want).text);
          else expect(norm).toBe(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Chinese word boundaries in the matcher (issue 10)', () => {
  it('drops a term inside a longer word, keeps it as a word, and keeps every other hit of the message in place', () => {
    const m = createMatcher([term('wechat', 'wechat'), term('made', '妈的'), term('youbing', '有病', { boundary: 'none' }), term('hutong', '胡同')]);
    const text = 'wechat 这是送给我妈妈的生日礼物，他有病历，你妈的，死胡同';
    expect(m.match(text).map((h) => [h.term.id, h.start])).toEqual([
      ['wechat', 0],
      ['youbing', 21],
      ['made', 26],
    ]);
    expect(m.match('你妈的，什么玩意').map((h) => h.term.id)).toEqual(['made']);
  });
});

describe('Traditional → Simplified folding', () => {
  it('matches a Simplified term written in Traditional characters, and can be turned off', () => {
    const terms = [term('feiwu', '废物'), term('naocan', '脑残')];
    const folded = createMatcher(terms);
    expect(folded.match('你這個廢物，腦殘嗎').map((h) => [h.term.id, h.matched, h.obfuscated])).toEqual([
      ['feiwu', '廢物', true],
      ['naocan', '腦殘', true],
    ]);
    expect(createMatcher(terms, [], { traditionalChinese: 'keep' }).match('你這個廢物')).toEqual([]);
    expect(createMatcher([term('tw', '臺灣')]).match('台湾').length).toBe(1);
  });
});

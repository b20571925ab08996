import { builtinPolicyPacks, normalizeText } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { patternPrefilter } from './pattern-prefilter.js';

const tail = (source: string) => patternPrefilter(source, 'giu')?.source ?? null;

describe('patternPrefilter', () => {
  it('drops the leading context up to the first literal or group, or to a later caseless character', () => {
    expect(tail('(?<![a-z])[a-z0-9]+\\s*(?:\\(at\\)|\\[at\\])[a-z]+')).toBe('(?:\\(at\\)|\\[at\\])[a-z]+');
    expect(tail('(?<![\\p{L}])(?:https?://)?(?:wa\\.me|t\\.me)/\\S+')).toBe('\\/\\S+');
    expect(tail('\\d{2,}x@y')).toBe('@y');
  });

  it('gives none where it could not be exact or would not be cheaper', () => {
    expect(tail('a|b')).toBeNull(); // top-level alternation
    expect(tail('(a)\\s+\\1')).toBeNull(); // a back-reference
    expect(tail('(?<![a-z])(?:qq|vx)\\d{5,}')).toBeNull(); // drops only a lookbehind
    expect(tail('(?:qq|vx)\\s+\\d')).toBeNull(); // nothing to drop
    expect(tail('[a-z]+\\s*[0-9]+')).toBeNull(); // no literal or group
    expect(tail('[a-z]+(?:ab')).toBeNull(); // not a pattern
  });

  it('passes every text the shipped pattern matches', () => {
    const texts = [
      'Chat with us here: https://wa.me/447700900123',
      'Join t.me/cheapgadgets for the next drop',
      'write to shop_lily (at) gmail [dot] com',
      'find us at lilyshop dot com',
      'my mail is lily.shop88 at gmail',
      'pay to paypal.me/lilyshop please',
      'pay to www.paypal.me/lily',
      'john.doe[at]web.de',
      'lily-shop(punto)es',
      'reach me on jane_doe arobase orange',
    ].map((t) => normalizeText(t).normalized);
    let checked = 0;
    for (const pack of builtinPolicyPacks())
      for (const rule of pack.rules) {
        const sources = [...rule.patterns, ...rule.phrases.flatMap((ph) => ph.all.flatMap((g) => (Array.isArray(g) ? [] : [g.pattern])))];
        for (const source of sources) {
          const pre = patternPrefilter(source, 'giu');
          if (!pre) continue;
          for (const t of texts) {
            if (!new RegExp(source, 'iu').test(t)) continue;
            checked++;
            expect(pre.test(t), `${source} on "${t}"`).toBe(true);
          }
        }
      }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verdictMessages } from '../../../../test/verdict-messages.js';
import { MessageAnalysis } from '../../../pipeline/analyze/message-analysis.js';
import { normalizeText } from '../../../pipeline/normalize/text-view.js';
import { createLinearClassifier, type LinearModelFile } from '../../sentiment/model/linear-model.js';
import { builtinPolitenessModel, judgePoliteness, lastTokens, politenessFeatures, tokenize } from './model.js';

const file = JSON.parse(readFileSync(new URL('../../../../models/politeness-en.json', import.meta.url), 'utf8')) as LinearModelFile;
/** The slow path: string features, deduplicated, looked up by name. */
const byString = createLinearClassifier(file, politenessFeatures);

// every message of the verdict fixtures (9 languages, written by someone who never saw the model)
const texts = verdictMessages().map((m) => m.text);

describe('the politeness model over hashed features (issue 10: one string less per feature)', () => {
  it('gives the same probabilities, bit for bit, as string lookups, on every verdict-fixture message', () => {
    expect(texts.length).toBeGreaterThan(900);
    const model = builtinPolitenessModel();
    for (const text of texts) expect(model.predict(text), text).toEqual(byString.predict(text));
  });

  it('gives the same probabilities on random texts made of the model’s own words, <url> and odd cases', () => {
    const words = Object.keys(file.weights)
      .filter((f) => f.startsWith('w:'))
      .map((f) => f.slice(2))
      .slice(0, 400);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom('<url>', 'Could', 'PLEASE', '?', '!', 'İstanbul', 'ǅ', 'Thanks!!', '𝐀𝐁', '𐐀x', '\ud800', '\udc00a', '¹²', 'Ⅻ', '١٢'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
        const text = parts.join(' ');
        expect(builtinPolitenessModel().predict(text)).toEqual(byString.predict(text));
      }),
      { numRuns: 400 },
    );
  });

  it('judges a message the same given its analysis (lower case, case-fold safety) as given the text alone', () => {
    for (const text of [...texts.slice(0, 600), 'ΣΊΣΥΦΟΣ, could you please', 'İ think so, thanks']) {
      const view = normalizeText(text);
      expect(judgePoliteness(view.folded, new MessageAnalysis(view)), text).toEqual(judgePoliteness(view.folded));
    }
  });

  it("tokenizes as the regex [\\p{L}\\p{N}']+|[?!] does (spans), on any text: surrogate pairs, lone surrogates, astral letters and digits", () => {
    const TOKEN = /[\p{L}\p{N}']+|[?!]/gu;
    const spans = (text: string) => [...text.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('?!', "don't", '𝐀𝐁', '𐐀', '\ud800', '\udc00', '\ud800\ud800\udc00', '¹²', 'Ⅻ', '١٢', '你好', ' ', '\n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(lastTokens(tokenize(text))).toEqual(spans(text));
      }),
      { numRuns: 2000 },
    );
    // every code point, alone and between letters
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 31) {
      const text = `a${String.fromCodePoint(cp)}b ${String.fromCodePoint(cp)}`;
      expect(lastTokens(tokenize(text)), `U+${cp.toString(16)}`).toEqual(spans(text));
    }
  });
});

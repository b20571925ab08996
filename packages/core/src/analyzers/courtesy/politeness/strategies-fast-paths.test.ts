/**
 * `politenessStrategies` (the shared scan's literals, one regex for two rules, the multilingual
 * stems without their look-behind) against every rule's own regex run on its own
 * (`politenessStrategiesByEveryRegex`), on random text built from the strategies' words in
 * random case with letters, apostrophes, sentence ends and other scripts around them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageAnalysis } from '../../../pipeline/analyze/message-analysis.js';
import { normalizeText } from '../../../pipeline/normalize/text-view.js';
import { politenessStrategies, politenessStrategiesByEveryRegex } from './strategies.js';

const WORDS = [
  'i',
  'I',
  'me',
  'ME',
  'my',
  "i'm",
  'u',
  'ur',
  'U',
  'you',
  "you're",
  'yours',
  'please',
  'PLEASE',
  'a bit',
  'a  little',
  'i feel',
  'it appears',
  'sort of',
  'kind of',
  'kind',
  'think',
  'thanks',
  'could you',
  'so',
  'and',
  'we',
  "let's",
  'great job',
  'good morning',
  'sorry',
  'pardon',
  'gracias',
  'danke',
  'bitte',
  'hola',
  'hallo',
  'vielen dank',
  'por favor',
  'perdón',
  'entschuldigung',
  'stupid',
  'nul ',
  'dom ',
  '谢谢',
  '请',
  'спасибо',
  'ありがとう',
  'könnten sie',
  'peut-être',
  'AWFUL',
];
const SEPARATORS = [' ', '  ', '. ', '! ', '!!', '?', '??', '\n', ', ', "'", 'x', 'é', 'ß', 'ſ', 'İ', 'K', '你', '😀', '𝐀', '_', '1'];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS).chain((w) => fc.constantFrom(w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1))) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
);

describe('politenessStrategies', () => {
  it('finds what every rule’s own regex finds, on random text, with and without the message’s analysis', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const expected = politenessStrategiesByEveryRegex(text);
        expect(politenessStrategies(text)).toEqual(expected);
        const analysis = new MessageAnalysis(normalizeText(text));
        expect(politenessStrategies(analysis.view.folded, analysis)).toEqual(politenessStrategiesByEveryRegex(analysis.view.folded));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds what every rule’s own regex finds where a multilingual stem follows a letter and then matches again', () => {
    for (const text of ['xgracias gracias', 'Obitte bitte', 'éhola', 'ſdanke', '请请', 'ahallo, hallo', 'Me and u: ur turn. Me too', 'I me my. ME!']) {
      expect(politenessStrategies(text)).toEqual(politenessStrategiesByEveryRegex(text));
    }
  });
});

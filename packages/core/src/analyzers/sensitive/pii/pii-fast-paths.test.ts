/**
 * The PII recognizers' fast paths against what they stand in for. The credential recognizer's cue gate (`mayHoldCredential`: the cue alternatives without their
 * look-behind, checked at each match) against the one regex it stands in for (`ANY_CUE.test`),
 * on random text mixing cue words and their CJK forms with letters, digits, `_`, accents,
 * Cyrillic, CJK and astral characters right before and after them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyCueByRegex, mayHoldCredential } from './credential.js';
import { asciiDigitCount, asciiDigitCountOfMessage } from './tokens.js';

const piece = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'pin',
      'PIN code',
      'tan',
      'otp',
      'cvv2',
      'cid',
      'password',
      'Passwort',
      'mot de passe',
      'contraseña',
      'пароль',
      'şifre',
      'mật khẩu',
      'maiden name',
      "mother's maiden name",
      'code de vérification',
      'código de seguridad',
      'código de segurança do cartão',
      'verification code',
      '验证码',
      '密码',
      'PIN码',
      'pin码',
      'CVV码',
      'CVC번호',
      'パスワード',
      '비밀번호',
    ),
  },
  { weight: 4, arbitrary: fc.constantFrom(...'aAxé_0 9.-:ß\u0130\u017fКж微😀𝐀'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('𝐀', '😀', 'e\u0301', '\u200b', '  ', '\n') },
);

describe('mayHoldCredential', () => {
  it('answers as ANY_CUE.test on random text around cue words', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(mayHoldCredential(text)).toBe(anyCueByRegex(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('answers as ANY_CUE.test where a word cue is glued on the left and a CJK cue follows at the same place', () => {
    for (const text of ['xpin码', 'xpin', 'pin', '1pin码', '_CVV码', 'aCVC번호', 'apassword: x', 'é密码', 'Ktan 1234', 'ſpin']) {
      expect(mayHoldCredential(text)).toBe(anyCueByRegex(text));
    }
  });
});

describe('asciiDigitCountOfMessage', () => {
  it('counts as asciiDigitCount on random text with ASCII, full-width and other digits', () => {
    const unit = fc.constantFrom(...'a 0123456789٣４𝟗\n-'.split(''), '𝟗', '😀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        expect(asciiDigitCountOfMessage(text)).toBe(asciiDigitCount(text));
      }),
      { numRuns: 5000 },
    );
  });
});

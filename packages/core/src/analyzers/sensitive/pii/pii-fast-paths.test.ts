/**
 * The PII recognizers' fast paths against what they stand in for. The Latin street gates
 * (`latinStreetGates`) against their regexes, and no street pattern matching where its gate fails. The credential recognizer's cue gate (`mayHoldCredential`: the cue alternatives without their
 * look-behind, checked at each match) against the one regex it stands in for (`ANY_CUE.test`),
 * on random text mixing cue words and their CJK forms with letters, digits, `_`, accents,
 * Cyrillic, CJK and astral characters right before and after them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LATIN_STREETS, latinStreetGates } from './address.js';
import { anyCueByRegex, mayHoldCredential } from './credential.js';
import { CODICE_FISCALE, CODICE_FISCALE_GATE } from './national-id.js';
import { asciiDigitCount, asciiDigitCountOfMessage, execAll } from './tokens.js';

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

describe('latinStreetGates', () => {
  const types = [
    ...[
      'Street',
      'St',
      'St.',
      'Avenue',
      'Ave',
      'Ave.',
      'Rd',
      'Road',
      'Dr.',
      'Drive',
      'Ln',
      'Blvd.',
      'Way',
      'Court',
      'Ct',
      'Pl.',
      'Place',
      'Terrace',
      'Close',
      'Crescent',
    ],
    ...[
      'straße',
      'Straße',
      'strasse',
      'Strasse',
      'str.',
      'Str.',
      'weg',
      'Weg',
      'gasse',
      'Gasse',
      'allee',
      'Allee',
      'platz',
      'Platz',
      'ring',
      'Ring',
      'damm',
      'Damm',
    ],
    ...['ufer', 'Ufer', 'chaussee', 'Chaussee', '-Straße', '-Weg'],
    ...['rue', 'avenue', 'av.', 'boulevard', 'bd', 'place', 'chemin', 'allée', 'impasse', 'quai', 'route', 'cours', 'passage', 'bis', 'ter'],
    ...['Calle', 'C/', 'Avenida', 'Avda', 'Avda.', 'Paseo', 'Plaza', 'Pza.', 'Carrer', 'Camino', 'Ronda', 'Travesía', 'nº', 'n°', 'no.'],
    ...[
      'Rua',
      'R.',
      'Travessa',
      'Tv.',
      'Praça',
      'Largo',
      'Estrada',
      'Alameda',
      'Rodovia',
      'Via',
      'Viale',
      'Piazza',
      'Piazzale',
      'Corso',
      'Vicolo',
      'Strada',
      'Contrada',
    ],
  ];
  const names = ['Elm', 'Main', 'Haupt', 'Karl-Marx', 'Lindener', 'Berliner', 'Mayor', 'de la', 'del', 'da', 'Victor Hugo', 'Roma', 'Augusta', 'Oak', 'Mühlen'];
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...types) },
    { weight: 3, arbitrary: fc.constantFrom(...names) },
    { weight: 5, arbitrary: fc.constantFrom(' ', ' ', ' ', '  ', '\u00a0', '\u3000', '\t', '\n', '\u2009') },
    { weight: 3, arbitrary: fc.constantFrom('12', '3', '0', '7a', '221B', '10115', '1', '9', ', ', ',', '.', '-', '/') },
    { weight: 2, arbitrary: fc.constantFrom(...'aAxSsé_ßíçКж微😀'.split(''), '😀') },
  );
  const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));

  it('has bit k where the gate regex of LATIN_STREETS[k] matches, on random text around street types', () => {
    fc.assert(
      fc.property(text, (t) => {
        const bits = latinStreetGates(t);
        LATIN_STREETS.forEach(({ gate }, k) => expect(((bits >> k) & 1) === 1, `${k}: ${JSON.stringify(t)}`).toBe(gate.test(t)));
      }),
      { numRuns: 10000 },
    );
  });

  it('fails only where its pattern cannot match (generated addresses, every pattern matching some)', () => {
    const matched = LATIN_STREETS.map(() => 0);
    const address = fc
      .tuple(
        fc.constantFrom('', 'at ', 'Adresse: ', '(', 'x'),
        fc.array(piece, { minLength: 2, maxLength: 8 }),
        fc.constantFrom('', ', 10115 Berlin', ' 5', '.'),
      )
      .map(([lead, pieces, tail]) => lead + pieces.join(' ') + tail);
    // German compounds and English types in continental order ("Elm Street 12, 10115 Berlin"), rare in `address`
    const german = fc
      .tuple(
        fc.constantFrom('Haupt', 'Linden', 'Karl-Marx-', 'Berliner ', 'Elm ', 'Oak ', 'x'),
        fc.constantFrom('straße', 'Straße', 'strasse', 'weg', 'Weg', 'Str.', 'ring', 'Ring', 'Street', 'Road', 'Allee'),
        fc.constantFrom(' ', '  ', '\u00a0', '', '-'),
        fc.constantFrom('12', '3a', '1', '0', 'a'),
        fc.constantFrom('', ', 10115 Berlin', ' 10115 Berlin', '.'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(address, german, text), (t) => {
        const bits = latinStreetGates(t);
        LATIN_STREETS.forEach(({ re }, k) => {
          const found = execAll(re, t).length > 0;
          if (found) matched[k]!++;
          if (((bits >> k) & 1) === 0) expect(found, `${k}: ${JSON.stringify(t)}`).toBe(false);
        });
      }),
      { numRuns: 20000 },
    );
    for (const n of matched) expect(n, `matches per pattern: ${matched}`).toBeGreaterThan(5);
  });
});

describe('CODICE_FISCALE_GATE', () => {
  it('holds wherever CODICE_FISCALE matches (random letters and digits around codici fiscali)', () => {
    let matched = 0;
    const piece = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom('RSSMRA85T10A562S', 'rssmra85t10a562s', 'RSSMRA85T10', 'A562S', 'MRA85T10A562', 'X') },
      { weight: 5, arbitrary: fc.constantFrom(...'aZ09 5.-é_ßК微'.split(''), '😀', '𝟗') },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        const found = execAll(CODICE_FISCALE, text).length > 0;
        if (found) matched++;
        if (found) expect(CODICE_FISCALE_GATE.test(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(matched).toBeGreaterThan(100);
  });
});

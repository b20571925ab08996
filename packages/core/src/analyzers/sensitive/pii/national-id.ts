import { validate as cpfCheck } from 'stdnum/lib/cjs/br/cpf.js';
import { validate as dniCheck } from 'stdnum/lib/cjs/es/dni.js';
import { validate as nieCheck } from 'stdnum/lib/cjs/es/nie.js';
import { validate as codiceFiscaleCheck } from 'stdnum/lib/cjs/it/codicefiscale.js';
import { validate as rrnCheck } from 'stdnum/lib/cjs/kr/rrn.js';
import { before } from './context.js';
import { each } from './tokens.js';
import type { PiiCandidate, Recognizer } from './types.js';

/**
 * National identity numbers other than the Chinese resident ID and the US SSN (which have their
 * own codes): Brazilian CPF, Spanish DNI and NIE, Italian codice fiscale, Korean resident
 * registration number (주민등록번호) and Japanese My Number (マイナンバー). Precision first: each
 * needs its check digit (stdnum's validators; My Number's from the Act's formula) and, where the
 * shape alone is common (11 or 12 plain digits, 8 digits + letter), its name in the 40 characters
 * before it. Finding code `pii.national_id`.
 */

/** The name of the number, at the end of the text before it ("CPF ", "DNI: ", "주민등록번호 ", "マイナンバーは"). */
const CUE: Record<string, RegExp> = {
  cpf: /(?:cpf|cadastro de pessoas? f[íi]sicas?)(?:\s*(?:n[ºo°.]*|n[úu]mero|:|é|do|da|de)){0,3}\W{0,4}$/iu,
  dni: /(?:dni|nif|nie|documento (?:nacional )?de identidad|n[úu]mero de identificaci[óo]n)(?:\s*(?:n[ºo°.]*|n[úu]mero|:|es|del|de)){0,3}\W{0,4}$/iu,
  rrn: /(?:주민\s?등록\s?번호|주민번호|rrn)\s*(?:은|는|:|：)?\s*$/iu,
  myNumber: /(?:マイナンバー|個人番号|my ?number)\s*(?:は|：|:|の番号は)?\s*$/iu,
};

const hasCue = (text: string, start: number, cue: RegExp): boolean => cue.test(before(text, start, 40));
const found = (start: number, value: string, reason: string): PiiCandidate => ({
  type: 'national_id',
  start,
  end: start + value.length,
  score: 0.9,
  reason,
});

/** Japanese My Number (個人番号) check digit: weights 2–7, 2–6 from the right, 11 minus the remainder (0 when it is 0 or 1). */
export function myNumberValid(digits: string): boolean {
  if (!/^\d{12}$/.test(digits) || /^(\d)\1{11}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(digits[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return Number(digits[11]) === (r <= 1 ? 0 : 11 - r);
}

/** A Korean RRN's first six digits are a real date (YYMMDD) and its seventh a sex/century digit 1–8. */
const rrnShape = (digits: string): boolean => {
  const m = Number(digits.slice(2, 4));
  const d = Number(digits.slice(4, 6));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && /^[1-8]$/.test(digits[6]!);
};

/** The Italian codice fiscale (`recognizeNationalIds`). */
export const CODICE_FISCALE = /(?<![\p{L}\p{N}])[A-Za-z]{6}\d{2}[A-Za-z]\d{2}[A-Za-z]\d{3}[A-Za-z](?![\p{L}\p{N}])/gu;
/**
 * A part of every `CODICE_FISCALE` match, without its look-behind, which the pattern tries at
 * every position: a text it does not match holds no codice fiscale. On the 706 messages with
 * seven digits or more of 600 realistic chats it matched none; 0.25 µs a message against 0.7 µs
 * for the pattern (same process, warm, medians of 15 passes).
 */
export const CODICE_FISCALE_GATE = /\d\d[A-Za-z]\d\d[A-Za-z]\d\d\d[A-Za-z]/;

/**
 * National ID candidates in `text` (offsets into it), type `national_id`, score 0.9, each with the
 * check that decided it in `reason` (never the value). Runs on the normalized view, so full-width
 * digits count.
 *
 * @example
 * recognizeNationalIds('CPF 529.982.247-25', {}); // [{ type: 'national_id', start: 4, end: 18, … }]
 */
export const recognizeNationalIds: Recognizer = (text) => [
  // CPF: 000.000.000-00 written as such (its check digits make it distinctive), or 11 digits after "CPF"
  ...each(/(?<![\w.-])(?:\d{3}\.\d{3}\.\d{3}-\d{2}|\d{11})(?![\w-]|\.\d)/gu, text, (m) => {
    const formatted = m[0].includes('.');
    if (!cpfCheck(m[0]).isValid || /^(\d)\1{10}$/.test(m[0].replace(/\D/g, ''))) return null;
    if (!formatted && !hasCue(text, m.index, CUE.cpf!)) return null;
    return found(m.index, m[0], formatted ? 'Brazilian CPF (check digits valid)' : 'Brazilian CPF after "CPF" (check digits valid)');
  }),
  // DNI (8 digits + letter) after its name; NIE (X/Y/Z + 7 digits + letter) by its shape and check letter
  ...each(/(?<![\w-])(?:\d{8}-?[A-Za-z]|[XYZxyz]-?\d{7}-?[A-Za-z])(?![\w-])/gu, text, (m) => {
    const nie = /^[XYZ]/i.test(m[0]);
    const value = m[0].toUpperCase();
    if (nie) return nieCheck(value).isValid ? found(m.index, m[0], 'Spanish NIE (check letter valid)') : null;
    return dniCheck(value).isValid && hasCue(text, m.index, CUE.dni!) ? found(m.index, m[0], 'Spanish DNI after "DNI"/"NIF" (check letter valid)') : null;
  }),
  // codice fiscale: 6 letters, 2 digits, month letter, 2 digits, place code, check letter
  ...(CODICE_FISCALE_GATE.test(text)
    ? each(CODICE_FISCALE, text, (m) =>
        codiceFiscaleCheck(m[0].toUpperCase()).isValid ? found(m.index, m[0], 'Italian codice fiscale (check character valid)') : null,
      )
    : []),
  // 주민등록번호: YYMMDD-SNNNNNN; since October 2020 the last digits carry no checksum, so a number failing it needs its name before it
  ...each(/(?<![\w-])\d{6}-?\d{7}(?![\w-])/gu, text, (m) => {
    const digits = m[0].replace('-', '');
    if (!rrnShape(digits)) return null;
    const cue = hasCue(text, m.index, CUE.rrn!);
    if (!cue && !(m[0].includes('-') && rrnCheck(digits).isValid)) return null;
    return found(
      m.index,
      m[0],
      cue ? 'Korean resident registration number after its name' : 'Korean resident registration number (date and check digit valid)',
    );
  }),
  // マイナンバー: 12 digits (4-4-4 allowed) after its name, check digit valid
  ...each(/(?<![\w-])\d{4}([ -]?)\d{4}\1\d{4}(?![\w-])/gu, text, (m) =>
    myNumberValid(m[0].replace(/\D/g, '')) && hasCue(text, m.index, CUE.myNumber!)
      ? found(m.index, m[0], 'Japanese My Number after "マイナンバー" (check digit valid)')
      : null,
  ),
];

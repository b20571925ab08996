import { isIP } from 'node:net';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { after, before, CARD_VETO, VERSION_CONTEXT, ORDER_CONTEXT, PASSPORT_CONTEXT, PHONE_CONTEXT, PHONE_VETO, STREET_AFTER } from './context.js';
import { cardBrand, cnResidentIdValid, ibanValid, luhnValid, ssnValid } from './validators.js';

export type PiiType = 'credit_card' | 'iban' | 'email' | 'phone' | 'ip_address' | 'us_ssn' | 'cn_resident_id' | 'passport' | 'street_address';

export interface PiiCandidate {
  type: PiiType;
  start: number;
  end: number;
  /** 0–1: pattern strength after validators and context. */
  score: number;
  /** Which checks made the decision, for explanations. */
  reason: string;
}

export interface RecognizerOptions {
  /** Region for national phone numbers (the customer's country). */
  defaultCountry?: string | undefined;
}

type Recognizer = (text: string, options: RecognizerOptions) => PiiCandidate[];
const each = (re: RegExp, text: string, f: (m: RegExpExecArray) => PiiCandidate | null): PiiCandidate[] => {
  const out: PiiCandidate[] = [];
  for (const m of text.matchAll(re)) {
    const c = f(m as RegExpExecArray);
    if (c) out.push(c);
  }
  return out;
};

const card: Recognizer = (text) =>
  each(/(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w-]*\d)/gu, text, (m) => {
    const digits = m[0].replace(/\D/g, '');
    const brand = cardBrand(digits);
    if (!brand || !luhnValid(digits)) return null;
    if (CARD_VETO.test(before(text, m.index))) return null;
    return { type: 'credit_card', start: m.index, end: m.index + m[0].length, score: 0.95, reason: `${brand}, Luhn check passed` };
  });

const iban: Recognizer = (text) =>
  each(/(?<![\w])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![\w])/gu, text, (m) =>
    ibanValid(m[0]) ? { type: 'iban', start: m.index, end: m.index + m[0].length, score: 1, reason: 'country length and mod-97 check passed' } : null,
  );

const email: Recognizer = (text) =>
  each(/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}(?![\w])/giu, text, (m) => ({
    type: 'email', start: m.index, end: m.index + m[0].length, score: 1, reason: 'e-mail address pattern',
  }));

const ip: Recognizer = (text) => [
  ...each(/(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\d)/gu, text, (m) =>
    isIP(m[0]) === 4 && !VERSION_CONTEXT.test(before(text, m.index, 20)) ? { type: 'ip_address', start: m.index, end: m.index + m[0].length, score: 0.9, reason: 'IPv4 address' } : null,
  ),
  ...each(/(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/giu, text, (m) =>
    isIP(m[0]) === 6 && /[0-9a-f]{1,4}:[0-9a-f]{1,4}/i.test(m[0]) ? { type: 'ip_address', start: m.index, end: m.index + m[0].length, score: 0.9, reason: 'IPv6 address' } : null,
  ),
];

const ssn: Recognizer = (text) =>
  each(/(?<![\w-])\d{3}([- ]?)\d{2}\1\d{4}(?![\w-])/gu, text, (m) => {
    const digits = m[0].replace(/\D/g, '');
    if (!ssnValid(digits)) return null;
    const strong = m[1] === '-' || /\b(ssn|social security)\b/i.test(before(text, m.index));
    return strong ? { type: 'us_ssn', start: m.index, end: m.index + m[0].length, score: 0.85, reason: 'SSN structure (area, group, serial valid)' } : null;
  });

const cnId: Recognizer = (text) =>
  each(/(?<![\w])\d{17}[\dXx](?![\w])/gu, text, (m) =>
    cnResidentIdValid(m[0]) ? { type: 'cn_resident_id', start: m.index, end: m.index + m[0].length, score: 1, reason: 'GB 11643 checksum and birth date valid' } : null,
  );

const passport: Recognizer = (text) =>
  each(/(?<![\w])[A-Za-z]{1,2}\d{6,9}(?![\w])/gu, text, (m) =>
    PASSPORT_CONTEXT.test(before(text, m.index)) ? { type: 'passport', start: m.index, end: m.index + m[0].length, score: 0.8, reason: 'passport-like number after a passport context word' } : null,
  );

const DATE_LIKE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const CONTAINS_DATE = /\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}/;
/** Postal codes with a dash: Brazil 12345-678, Portugal 1234-567, US ZIP+4 12345-6789. */
const POSTAL = /^(\d{5}-\d{3}|\d{4}-\d{3}|\d{5}-\d{4})$/;

const phone: Recognizer = (text, options) =>
  each(/(?<![\w+])(?:\+|00)?\(?\d[\d ().-]{5,}\d(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w])/gu, text, (m) => {
    const raw = m[0].replace(/[\s.-]+$/, '');
    const digits = raw.replace(/(x|ext\.?)\s?\d+$/, '').replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15 || DATE_LIKE.test(raw.trim()) || CONTAINS_DATE.test(raw) || POSTAL.test(raw)) return null;
    if (text[m.index + raw.length] === ':') return null; // a clock time follows: date-time, not a phone
    if (/\d{3}-\d{2}-\d{4}/.test(raw) && raw.length === 11) return null; // SSN shape
    const prefix = before(text, m.index);
    if (ORDER_CONTEXT.test(prefix) || PHONE_VETO.test(prefix) || STREET_AFTER.test(after(text, m.index + raw.length))) return null;
    const international = raw.startsWith('+') || raw.startsWith('00');
    if (international) {
      const parsed = parsePhoneNumberFromString(raw.replace(/^00/, '+'));
      if (parsed?.isPossible()) return { type: 'phone', start: m.index, end: m.index + raw.length, score: 0.9, reason: `international number (+${parsed.countryCallingCode})` };
    }
    const country = options.defaultCountry?.toUpperCase() as CountryCode | undefined;
    const national = country ? parsePhoneNumberFromString(raw, country) : undefined;
    const context = PHONE_CONTEXT.test(prefix);
    const grouped = /[\s().-]/.test(raw) && raw.split(/[\s().-]+/).filter(Boolean).length >= 2;
    if (context || national?.isValid() || (grouped && digits.length >= 8)) {
      const why = context ? 'phone context word before it' : national?.isValid() ? `valid ${country} number` : 'phone-like grouping';
      return { type: 'phone', start: m.index, end: m.index + raw.length, score: context ? 0.85 : 0.6, reason: why };
    }
    return null;
  });

const streetAddress: Recognizer = (text) =>
  each(/(?<![\w])\d{1,5}[A-Za-z]?\s+(?:[A-ZÀ-Ý][\wÀ-ÿ'.-]*\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Way|Court|Ct\.?|Place|Pl\.?)(?![\w])/gu, text, (m) => ({
    type: 'street_address', start: m.index, end: m.index + m[0].length, score: 0.7, reason: 'house number, capitalised name and street type',
  }));

/** Recognizers in priority order: when spans overlap, the earlier type wins. */
export const RECOGNIZERS: readonly [PiiType, Recognizer][] = [
  ['email', email], ['iban', iban], ['credit_card', card], ['cn_resident_id', cnId], ['us_ssn', ssn],
  ['ip_address', ip], ['passport', passport], ['phone', phone], ['street_address', streetAddress],
];

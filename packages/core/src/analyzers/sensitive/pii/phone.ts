import { type CountryCode, type PhoneNumberType as NumberType, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { after, before, mentionsBusiness, type NumberContext, numberContext, PHONE_VETO, STREET_AFTER } from './context.js';
import { asciiDigitCount, decimalOrVersion, execAll, joinedAfter, joinedBefore } from './tokens.js';
import type { PiiCandidate, RecognizerOptions } from './types.js';

/**
 * Digits with spaces, dots, dashes and brackets between, an optional + or 00, an optional
 * extension; a slash only after a German-style area code ("0171 / 234 56 78", "030/1234567"), so
 * "1624044/18238831595" stays two runs.
 */
const PHONE_RUN = /(?:\+|00)?\(?(?:0\d{2,4} ?\/ ?)?\d[\d \u00a0().-]*\d(?:\s?(?:x|ext\.?|分机|转)\s?\d{1,5})?/gu;
/** Dashes typed as phone separators (hyphen, non-breaking hyphen, figure dash, en dash, minus, small and full-width hyphen-minus): one UTF-16 unit each, as `-`. */
const DASHES = /[\u2010-\u2013\u2212\uFE63\uFF0D]/g;
const EXTENSION = /\s?(?:x|ext\.?|分机|转)\s?\d{1,5}$/u;
const DATE_LIKE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const CONTAINS_DATE = /\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}/;
/** Postal codes with a dash: Brazil 12345-678, Portugal 1234-567, US ZIP+4 12345-6789. */
const POSTAL = /^(\d{5}-\d{3}|\d{4}-\d{3}|\d{5}-\d{4})$/;
/** An identifier that starts with a date: "20260812-09", "2026081209". */
const DATE_PREFIX = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[-\s]|$)/;

/** Number types that belong to a business line, never to a person. */
const SERVICE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN', 'VOICEMAIL']);

/**
 * Service numbers, by range: toll-free, shared-cost and premium numbers (libphonenumber's type
 * where the country is known), CN 400/800 hotlines, NANP toll-free 800/888/877/866/855/844/833,
 * 0800/0808 freephone, JP 0120/0570, KR 15xx/16xx/18xx-xxxx, and CN carrier and public
 * service codes (10000, 10010, 10086, 1001011, 1065…, 12315, 95588, 96xxx).
 */
export function serviceNumber(digits: string, raw: string, country: string | undefined, type: NumberType | undefined): boolean {
  if (type && SERVICE_TYPES.has(type)) return true;
  if (/^(?:400|800)\d{7}$/.test(digits) || /^1?(?:800|888|877|866|855|844|833)\d{7}$/.test(digits)) return true;
  if (/^0(?:800|808|120|570|180[1-7]|900)\d{4,8}$/.test(digits)) return true;
  if (/^1[5-8]\d{2}-\d{4}$/.test(raw.trim()) || (country === 'KR' && /^1[5-8]\d{6}$/.test(digits))) return true;
  if (country === 'CN') return /^(?:1[0-2]\d{3,}|9[56]\d{3,6})$/.test(digits);
  return country === undefined && (/^10\d{5,8}$/.test(digits) || /^106\d{4,}$/.test(digits));
}

const parsePhone = (raw: string, country?: CountryCode): PhoneNumber | undefined => {
  try {
    return parsePhoneNumberFromString(raw, country);
  } catch {
    return undefined;
  }
};

/** Written with all the digits a caller needs: national format (with its trunk prefix) or country code + national number. */
const writtenInFull = (digits: string, p: PhoneNumber): boolean =>
  digits === p.formatNational().replace(/\D/g, '') || digits === `${p.countryCallingCode}${p.nationalNumber}`;

/**
 * Grouped like a phone: groups of 2–4 digits ("516 466 638", "28-64-66-98", "(71) 4233-6306"),
 * or an area code of 2–4 digits then the subscriber number ("0961-7596216", "99 668472").
 * Long first groups ("221214 378522", "20132369-214255") are identifiers.
 */
const grouped = (core: string): boolean => {
  const groups = core.split(/[\s().-]+/).filter(Boolean);
  if (groups.length < 2 || groups.some((g) => g.length < 2)) return false;
  return groups.every((g, i) => g.length <= 4 || (i === groups.length - 1 && g.length <= 8 && groups[0]!.length <= 4));
};
/** No one-digit groups except a leading country or trunk digit ("10000-1-4-3" is not a phone). */
const plausible = (core: string): boolean => {
  const groups = core.split(/[\s().-]+/).filter(Boolean);
  return groups.length === 1 || groups.every((g, i) => g.length >= 2 || (i === 0 && /^\+?\d$/.test(g)));
};

const TYPE_LABEL: Partial<Record<NumberType, string>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'landline',
  FIXED_LINE_OR_MOBILE: 'number',
  PERSONAL_NUMBER: 'personal number',
  VOIP: 'VoIP number',
};

interface Assessment {
  score: number;
  reason: string;
}

/** Decide one digit group; null when it is not (anyone's) phone number. */
function assess(raw: string, context: NumberContext, country: CountryCode | undefined, business: () => boolean): Assessment | null {
  const core = raw.replace(EXTENSION, '').replace('/', ' '); // the area code's slash (PHONE_RUN)
  const digits = core.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  const trimmed = core.trim();
  if (DATE_LIKE.test(trimmed) || CONTAINS_DATE.test(core) || POSTAL.test(trimmed) || decimalOrVersion(core)) return null;
  if (/^\d{3}-\d{2}-\d{4}$/.test(trimmed)) return null; // SSN shape
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(trimmed)) return null; // a dotted quad is an IP address or a version
  if (/^\d{1,3}(?:\.\d{3})+$/.test(trimmed)) return null; // thousands separators: 140.000.000
  const international = core.startsWith('+') || (core.startsWith('00') && !core.startsWith('000'));
  if (!international && DATE_PREFIX.test(trimmed)) return null;
  const parsed = international ? parsePhone(core.replace(/^00/, '+')) : country ? parsePhone(core, country) : undefined;
  const valid = parsed?.isValid() ?? false;
  const type = valid ? parsed!.getType() : undefined;
  if (serviceNumber(digits, core, international ? parsed?.country : country, type)) return null;
  // a service word after a mobile number is more often the customer addressing 客服 than a hotline's name
  if (context === 'service' || (context === 'service_after' && type !== 'MOBILE')) return null;
  // a landline or unknown number in a message about shops, offices or opening hours is the business's
  if (context !== 'personal' && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE' && business()) return null;
  const cue = context === 'personal' ? 'first-person contact words' : context === 'phone' ? 'phone context word' : '';
  if (international) {
    if (!parsed?.isPossible()) return null;
    return { score: 0.9, reason: `international number (+${parsed.countryCallingCode})${cue ? `, ${cue}` : ''}` };
  }
  if (valid && writtenInFull(digits, parsed!)) {
    return { score: cue ? 0.9 : 0.8, reason: `valid ${country} ${TYPE_LABEL[type!] ?? 'number'}${cue ? `, ${cue}` : ''}` };
  }
  if (cue && plausible(core)) return { score: 0.75, reason: cue };
  // grouping alone counts only where no country can validate the number
  if (!country && grouped(core) && digits.length >= 8) return { score: 0.6, reason: 'phone-like grouping' };
  return null;
}

const CHUNK = /\S+/g;
/** The run's space-separated chunks, as offsets into it. */
const chunksOf = (raw: string): { start: number; end: number }[] => execAll(CHUNK, raw).map((m) => ({ start: m.index, end: m.index + m[0].length }));

/**
 * Phone numbers: a digit run that is a whole token (not inside "SR-20260812-09", a decimal, a
 * version or a URL), not a date, postcode or identifier named by the words before it
 * ("Vorgangsnummer", "订单号", "order number is"), and not a service line (toll-free, 400/800,
 * carrier short codes, or a number named as hotline, customer service, shop or office). It is
 * kept when it is international and possible, valid and written in full for the customer's
 * country, after a phone or first-person contact word, or grouped like a phone. A run that
 * holds several numbers separated by spaces is split into valid numbers. Typographic dashes
 * (‐ ‑ ‒ – −) count as hyphens, and a slash only after a German-style area code ("0171 / 234 56 78").
 */
export function recognizePhones(text: string, options: RecognizerOptions): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  text = text.replace(DASHES, '-');
  const country = options.defaultCountry ? (options.defaultCountry.toUpperCase() as CountryCode) : undefined;
  let businessMemo: boolean | undefined;
  const business = (): boolean => (businessMemo ??= mentionsBusiness(text));
  for (const m of execAll(PHONE_RUN, text)) {
    // an opening bracket without its closing one is punctuation, not part of the number
    const lead = m[0].startsWith('(') && !m[0].includes(')') ? 1 : 0;
    const raw = m[0].slice(lead).replace(/[\s.(-]+$/u, '');
    // fewer than 7 digits in the whole run: no part of it can be a number (assess wants 7–15), so
    // the context checks below are not worth running
    if (asciiDigitCount(raw) < 7) continue;
    const start = m.index + lead;
    const end = start + raw.length;
    if (joinedBefore(text, start) || joinedAfter(text, end)) continue;
    if (text[end] === ':' && /^\d/.test(text.slice(end + 1, end + 2))) continue; // a clock time follows: date-time, not a phone
    if (PHONE_VETO.test(before(text, start)) || STREET_AFTER.test(after(text, end))) continue;
    const context = numberContext(text, start, end);
    if (context === 'id' || context === 'handle') continue;
    const invites = context === 'personal';
    const whole = assess(raw, context, country, business);
    if (whole) {
      out.push({ type: 'phone', start, end, score: whole.score, reason: whole.reason, ...(invites ? { invitesContact: true } : {}) });
      continue;
    }
    // several numbers in one run ("513140867 513140868"): from the left, take the longest run of
    // chunks that is a number on its own, then go on after it
    const chunks = chunksOf(raw);
    for (let i = 0; i < chunks.length; ) {
      let taken = 0;
      for (let j = Math.min(chunks.length, i + 5); j > i && !taken; j--) {
        if (i === 0 && j === chunks.length) continue; // the whole run was assessed above
        const part = raw.slice(chunks[i]!.start, chunks[j - 1]!.end);
        const judged = assess(part, context, country, business);
        if (judged) {
          const s = start + chunks[i]!.start;
          out.push({
            type: 'phone',
            start: s,
            end: s + part.length,
            score: judged.score,
            reason: `${judged.reason}, one of several numbers in a row`,
            ...(invites ? { invitesContact: true } : {}),
          });
          taken = j - i;
        }
      }
      i += taken || 1;
    }
  }
  return out;
}

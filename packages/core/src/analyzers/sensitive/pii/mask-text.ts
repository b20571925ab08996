import { isIP } from 'node:net';
import { mayHoldAddress } from './address.js';
import { mayHoldCredential } from './credential.js';
import { detectPii } from './detect.js';
import { maskPii } from './mask.js';
import { serviceNumber } from './phone.js';
import { execAll } from './tokens.js';
import type { PiiType } from './types.js';

/**
 * Where a string leaves the engine, the personal data in it is masked: every output string of a
 * Result (evidence, explanations, suggestions, rule details, issue messages, the conversation id)
 * passes {@link maskPersonalData}. Detection first (every type the PII recognizers know, on the
 * normalized view, so full-width, spaced and zero-width-split values count), then two sweeps for
 * what the precision-first recognizers leave to context a quoted fragment may have lost:
 * anything shaped like an e-mail address (also `%40`-encoded, inside URLs), any IPv4 address not
 * named as a version, and any run of 7 or
 * more digits (spaces, dots, dashes, slashes, brackets between them) that is not a date, a
 * clock time or a public service number (400/800 hotlines, toll-free, carrier codes). A
 * masked value keeps what `maskPii` keeps (last 2 of a phone, last 4 of a card); a swept digit
 * run keeps its last 2 digits.
 */

/** Characters without which no recognizer can fire except the credential one (cue words). */
const MAY_HOLD = /[\p{N}@%＠]/u;
const EMAIL_LIKE = /[\p{L}\p{N}._+-]+(?:@|%40|＠)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/giu;
/** Between the digits of a phone, card or id: spaces, dots, dashes of every width, slashes, brackets, underscores, zero-width and other format characters. */
const SEPARATORS = ' \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000.\\-/()_\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D\\uFF0E\\uFF0F\\p{Cf}';
const DIGIT_RUN = new RegExp(`[+＋]?\\p{N}(?:\\p{N}|[${SEPARATORS}]{1,2}(?=\\p{N}))*`, 'gu');
/** Dates, date-times and clock times: never personal data, kept out of the digit sweep. */
const DATE_OR_TIME =
  /\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)|\d{1,2}:\d{2}(?::\d{2})?/gu;
const MIN_DIGITS = 7;
/** A token with a percent-encoded @ (john%2Edoe%40gmail%2Ecom): masked whole. */
const PERCENT_EMAIL = /[^\s"'<>&?=]*%40[^\s"'<>&]*/giu;
/** An address spelled out against scrapers: john.doe(at)gmail(dot)com, jane [at] web.de. */
const SPELLED_EMAIL = /[\p{L}\p{N}._+-]+\s*[([]\s*at\s*[)\]]\s*[\p{L}\p{N}-]+(?:\s*(?:[([]\s*dot\s*[)\]]|\.)\s*[\p{L}\p{N}-]+)+/giu;
/** Amazon's order id (111-1234567-1234567): kept readable. */
const AMAZON_ORDER = /^\d{3}-\d{7}-\d{7}$/u;
/** The user and password part of a URL (https://user:pass@host): dropped whole. */
const URL_USERINFO = /(?<=[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/giu;
/** The query string and fragment of a URL ("?user=…&card=…", "#…"): dropped whole, as "?…". */
const URL_QUERY = /(?<=(?:https?:\/\/|www\.)[^\s?#]*|(?<![\w@.-])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/[^\s?#]*)[?#][^\s"'<>)\]}]+/giu;
const DOTTED_QUAD = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])/gu;
/** An IPv6 address (validated with node:net): hex groups and colons, an embedded IPv4 tail allowed. */
const IPV6 = /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:.])/giu;
const VERSION_WORD = /(?:\bv|version|ver\.?|release|build|firmware|固件|版本)\s*$/iu;

export interface MaskOptions {
  /**
   * Sweep digit runs of 7+ digits: `all` (default), or `formatted` — only runs written the way
   * phones and cards are (a leading "+", or spaces or brackets inside), for identifiers such as
   * the conversation id, where "ZD-48213377" must stay usable.
   */
  digitRuns?: 'all' | 'formatted';
}

const OTHER_DIGIT = /\p{N}/u;
/** A separator inside a digit run, or the "+" a run may hold ("(+44) 20"). */
const SEPARATOR = new RegExp(`[${SEPARATORS}+]`, 'u');
/** SEPARATOR for ASCII characters, by code (the common case, without a regex call per character). */
const ASCII_SEPARATOR = Uint8Array.from({ length: 128 }, (_, c) => Number(SEPARATOR.test(String.fromCharCode(c))));

/** Digits of the longest run joined by the separators phones, cards and ids are written with. */
function longestDigitRun(text: string): number {
  let best = 0;
  let run = 0;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = (c >= 48 && c <= 57) || (c > 127 && OTHER_DIGIT.test(text[i]!));
    if (digit) {
      run++;
      gap = 0;
      if (run > best) best = run;
    } else if (run && gap < 2 && (c < 128 ? ASCII_SEPARATOR[c] === 1 : SEPARATOR.test(text[i]!))) gap++;
    else {
      run = 0;
      gap = 0;
    }
  }
  return best;
}

interface Span {
  start: number;
  end: number;
  type: PiiType | 'digits';
}

/**
 * Mask every piece of personal data in `text`; text without any is returned unchanged (the same
 * string). Idempotent: a masked text masks to itself.
 *
 * @example
 * maskPersonalData('transfer to DE89 3704 0044 0532 0130 00 directly') // 'transfer to •••• •••• •••• •••• ••30 00 directly'
 * maskPersonalData('https://wa.me/447946095812?text=hi')              // 'https://wa.me/••••••••••12?…'
 */
export function maskPersonalData(input: string, options: MaskOptions = {}): string {
  if (!input) return input;
  let text = input.includes('?') || input.includes('#') ? input.replace(URL_QUERY, '?…') : input;
  if (text.includes('://')) text = text.replace(URL_USERINFO, '•••@');
  if (/%40/i.test(text)) text = text.replace(PERCENT_EMAIL, '•••@•••');
  if (/[([]\s*at\s*[)\]]/i.test(text)) text = text.replace(SPELLED_EMAIL, '•••@•••');
  const cue = mayHoldCredential(text);
  if (!cue && !MAY_HOLD.test(text)) return text === input ? input : text;
  // which recognizers and sweeps can fire: cards, IBANs, ids, phones and passports need a run of
  // 6+ digits, e-mails an "@", IP addresses a digit-dot-digit, secrets a cue word, addresses a
  // street word or CJK script and a digit — explanations such as "100 − 1 minor × 10 = 90" skip them all
  const run = longestDigitRun(text);
  const at = /[@＠]|%40/iu.test(text);
  // an IPv4 dotted quad, or an IPv6 address (hex groups between colons)
  const quad = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9a-f]{0,4}:[0-9a-f]{0,4}:[0-9a-f]{0,4}:/iu.test(text.normalize('NFKC'));
  const address = /\p{N}/u.test(text) && mayHoldAddress(text);
  const everything = run >= 6 || at || quad;
  if (!everything && !cue && !address) return text;
  const types: PiiType[] | undefined = everything ? undefined : [...(address ? (['street_address'] as const) : []), ...(cue ? (['credential'] as const) : [])];
  const spans: Span[] = detectPii(text, types ? { types } : {}).map((c) => ({ start: c.start, end: c.end, type: c.type }));
  const free = (s: number, e: number) => !spans.some((x) => x.start < e && s < x.end);
  if (at) {
    for (const m of execAll(EMAIL_LIKE, text)) {
      if (free(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].length, type: 'email' });
    }
  }
  if (quad) {
    for (const m of execAll(IPV6, text)) {
      if (isIP(m[0]) === 6 && free(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].length, type: 'ip_address' });
    }
    for (const m of execAll(DOTTED_QUAD, text)) {
      // an IPv4 address the recognizers left for want of a label ("IP", "address"); a version number is kept
      if (isIP(m[0]) !== 4 || VERSION_WORD.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      if (free(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].length, type: 'ip_address' });
    }
  }
  if (run >= MIN_DIGITS) {
    let shadow = text.replace(DATE_OR_TIME, (d) => '_'.repeat(d.length));
    // what is found already is out of the sweep, so a run that goes on past it ("+44 7946 095812
    // 4155550199": a phone, a space, another number) is swept for the rest, not skipped whole
    for (const x of spans) shadow = `${shadow.slice(0, x.start)}${'x'.repeat(x.end - x.start)}${shadow.slice(x.end)}`;
    for (const m of execAll(DIGIT_RUN, shadow)) {
      const value = m[0];
      let digits = 0;
      for (const ch of value) if (/\p{N}/u.test(ch)) digits++;
      if (digits < MIN_DIGITS) continue;
      if (options.digitRuns === 'formatted' && !/^[+＋]|[\s()\p{Cf}]/u.test(value)) continue;
      if (AMAZON_ORDER.test(value)) continue; // an order number, nobody's personal data
      // a public hotline (400/800, toll-free, carrier codes) is nobody's personal data: kept readable
      if (serviceNumber(value.normalize('NFKC').replace(/\D/g, ''), value, undefined, undefined)) continue;
      if (free(m.index, m.index + value.length)) spans.push({ start: m.index, end: m.index + value.length, type: 'digits' });
    }
  }
  if (!spans.length) return text === input ? input : text;
  spans.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) {
    const value = out.slice(s.start, s.end);
    const masked =
      s.type === 'digits'
        ? keepLastDigits(value, 2)
        : s.type === 'email' && /%40/i.test(value)
          ? maskPii('email', value.replace(/%40/gi, '@'))
          : maskPii(s.type, value);
    out = out.slice(0, s.start) + masked + out.slice(s.end);
  }
  return out;
}

function keepLastDigits(value: string, n: number): string {
  let seen = 0;
  let out = '';
  for (let i = value.length - 1; i >= 0; i--) {
    const ch = value[i]!;
    if (/\p{N}/u.test(ch)) out = (++seen <= n ? ch : '•') + out;
    else out = ch + out;
  }
  return out;
}

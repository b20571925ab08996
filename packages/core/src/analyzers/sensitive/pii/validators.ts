import { createRequire } from 'node:module';

/** Checksums and validity rules that turn digit look-alikes into real identifiers. */

/** Luhn (mod 10) check over the digits of `s`. */
export function luhnValid(s: string): boolean {
  let sum = 0;
  let double = false;
  let n = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    n++;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return n > 0 && sum % 10 === 0;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay' | 'maestro';

/**
 * Issuer brand by IIN prefix and length (current ranges incl. Mastercard 2-series and 19-digit
 * PANs; JCB taken as the whole 35 range and Maestro including 0604, as test generators use them), or null.
 */
export function cardBrand(digits: string): CardBrand | null {
  const len = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (len === 13 || len === 16 || len === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && len === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && len >= 16 && len <= 19) return 'discover';
  if ((p2 === 35 && len >= 16 && len <= 19) || ((p4 === 2131 || p4 === 1800) && len === 15)) return 'jcb';
  if (((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) && len >= 14 && len <= 19) return 'diners';
  if (p2 === 62 && len >= 16 && len <= 19) return 'unionpay';
  if ((p2 === 50 || (p2 >= 56 && p2 <= 69) || p4 === 604) && len >= 12 && len <= 19) return 'maestro';
  return null;
}

const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

/** IBAN: known country length and ISO 13616 mod-97 check. Spaces are ignored. */
export function ibanValid(raw: string): boolean {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s) || IBAN_LENGTHS[s.slice(0, 2)] !== s.length) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/** US SSN structure: area not 000/666/9xx, group not 00, serial not 0000. */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

/** Chinese resident identity number (GB 11643): 17 digits + check character, valid birth date. */
export function cnResidentIdValid(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * weights[i]!;
  return '10X98765432'[sum % 11] === s[17];
}

/**
 * File extensions that look like top-level domains after an "@" in asset names ("icon@2x.png",
 * "report@final.pdf"); `.zip` and `.mov` are delegated TLDs but carry no mail in practice.
 */
const FILE_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'svg',
  'bmp',
  'tif',
  'tiff',
  'heic',
  'ico',
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'txt',
  'csv',
  'zip',
  'rar',
  '7z',
  'gz',
  'tar',
  'mp3',
  'mp4',
  'mov',
  'avi',
  'wav',
  'mkv',
  'js',
  'ts',
  'css',
  'json',
  'xml',
  'exe',
  'apk',
  'ipa',
  'dmg',
  'psd',
]);

let tldSet: ReadonlySet<string> | undefined;
/** IANA's root zone (package `tlds`, MIT, loaded on first use). */
function knownTlds(): ReadonlySet<string> {
  return (tldSet ??= new Set((createRequire(import.meta.url)('tlds') as string[]).map((t) => t.toLowerCase())));
}

/**
 * An e-mail domain that can receive mail: labels of letters, digits and inner hyphens, a
 * top-level domain in IANA's root zone, and not a file name ("2x.png").
 *
 * @example
 * emailDomainPlausible('exemple.fr'); // true
 * emailDomainPlausible('2x.png');     // false
 */
export function emailDomainPlausible(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  const tld = labels[labels.length - 1]!;
  if (labels.length < 2 || FILE_EXTENSIONS.has(tld) || !knownTlds().has(tld)) return false;
  return labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(l));
}

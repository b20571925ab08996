import { isIP } from 'node:net';
import { recognizeAddresses, recognizeLatinStreets } from './address.js';
import { before, numberContext, PASSPORT_CONTEXT, VERSION_AFTER, VERSION_BEFORE } from './context.js';
import { recognizeCredentials } from './credential.js';
import { recognizeNationalIds } from './national-id.js';
import { recognizePhones } from './phone.js';
import { each, joinedAfter, joinedBefore } from './tokens.js';
import type { PiiType, Recognizer } from './types.js';
import { cardBrand, cnResidentIdValid, emailDomainPlausible, ibanValid, luhnValid, ssnValid } from './validators.js';

export type { PiiCandidate, PiiType, Recognizer, RecognizerOptions } from './types.js';

/** Card numbers: issuer range + Luhn; not a decimal's digits, not inside a longer token, not a number an identifier word names. */
const card: Recognizer = (text) =>
  each(/(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w-]*\d)/gu, text, (m) => {
    const end = m.index + m[0].length;
    if (joinedBefore(text, m.index) || joinedAfter(text, end)) return null;
    const digits = m[0].replace(/\D/g, '');
    const brand = cardBrand(digits);
    if (!brand || !luhnValid(digits)) return null;
    const context = numberContext(text, m.index, end);
    if (context === 'id' || context === 'handle') return null;
    return { type: 'credit_card', start: m.index, end, score: 0.95, reason: `${brand}, Luhn check passed` };
  });

const iban: Recognizer = (text) =>
  each(/(?<![\w])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![\w])/gu, text, (m) =>
    ibanValid(m[0]) ? { type: 'iban', start: m.index, end: m.index + m[0].length, score: 1, reason: 'country length and mod-97 check passed' } : null,
  );

/** Role mailboxes (RFC 2142 and shop equivalents): a business's address, nobody's personal data. */
const ROLE_MAILBOX =
  /^(?:support|service|services|help|helpdesk|info|information|contact|contacts|hello|sales|kefu|cs|customerservice|customer[._-]?service|customer[._-]?care|care|noreply|no[._-]?reply|donotreply|do[._-]?not[._-]?reply|admin|webmaster|postmaster|abuse|billing|orders?|returns?|shop|store|team|office|enquiries|inquiries|feedback|marketing|press|kundenservice|kundendienst|kontakt|servicio|atencion|atendimento|assistenza|sav|contacto|contato|contatti|service[._-]?client|serviceclient)(?:[._-]?[a-z]{2})?$/i;

/** E-mail addresses with a real top-level domain (not a file name like "photo@2x.png"), not a role mailbox or one named as a service address. */
const email: Recognizer = (text) =>
  each(/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}(?![\w])/giu, text, (m) => {
    const value = m[0];
    const at = value.indexOf('@');
    if (!emailDomainPlausible(value.slice(at + 1))) return null;
    const local = value.slice(0, at);
    if (ROLE_MAILBOX.test(local)) return null;
    const end = m.index + value.length;
    const context = numberContext(text, m.index, end);
    if (context === 'service' || context === 'service_after' || context === 'handle') return null;
    return {
      type: 'email',
      start: m.index,
      end,
      score: 1,
      reason: 'e-mail address with a known top-level domain',
      ...(context === 'personal' ? { invitesContact: true } : {}),
    };
  });

/** Well-known public DNS resolvers: infrastructure, not anyone's address. */
const PUBLIC_RESOLVERS = new Set([
  '8.8.8.8',
  '8.8.4.4',
  '1.1.1.1',
  '1.0.0.1',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
  '114.114.114.114',
  '114.114.115.115',
  '223.5.5.5',
  '223.6.6.6',
  '119.29.29.29',
  '180.76.76.76',
  '4.2.2.1',
  '4.2.2.2',
]);

/** Unspecified, loopback, multicast/reserved and netmask-looking addresses. */
const specialIPv4 = (ip: string): boolean => {
  const first = Number(ip.slice(0, ip.indexOf('.')));
  return first === 0 || first === 127 || first >= 224 || ip.startsWith('255.');
};

/** Words that make a dotted quad someone's address: "my IP", "IP address", "client_ip", "接入IP", "adresse IP". */
const IP_CUE =
  /(?:(?<![\p{L}])(?:ip(?:v[46])?|address|addr|client(?:_ip)?|src|source|my|from|login|logged\s+in|adresse|direcci[óo]n|endere[çc]o|indirizzo)(?![\p{L}])|ip地址|我的|本机|接入|登录|登陆|来自|アドレス|주소)[^\n。！？]{0,24}$/iu;
/** Infrastructure, not a person: a server, DNS resolver, gateway, router hop or web site. */
const IP_INFRA_BEFORE = /(?:(?<![\p{L}])(?:dns|gateway|server|router|hop|proxy)(?![\p{L}])|服务器|网关|路由器?|节点|サーバ|서버)[^\n。！？!?]{0,12}$/iu;
const IP_INFRA_AFTER = /^\s*(?:的?网址|网站|服务器|这一跳|节点|(?:server|website|site|dns|gateway|hop)(?![\p{L}]))/iu;

const ipContext = (text: string, start: number, end: number): boolean =>
  IP_CUE.test(before(text, start, 32)) && !IP_INFRA_BEFORE.test(before(text, start, 24)) && !IP_INFRA_AFTER.test(text.slice(end, end + 12));

/**
 * IP addresses: `node:net` validity, not a version string ("v1.2.3.4", "build 10.0.19045.1",
 * "固件版本 1.2.3.4"), not a special-use or public-resolver address, and named as someone's
 * address by the words before it ("my IP", "IP address", "接入IP"); a server's, router hop's or
 * web site's address is infrastructure.
 */
const ip: Recognizer = (text) => [
  ...each(/(?<![\d_.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\d)/gu, text, (m) => {
    const value = m[0];
    const end = m.index + value.length;
    const prev = text[m.index - 1];
    // "IP218.107.61.48" is an address after its label; any other letter before it ("v1.2.3.4") joins a token
    if (prev && /[A-Za-z]/.test(prev) && !/(?:^|[^A-Za-z])ip$/i.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
    if (isIP(value) !== 4 || specialIPv4(value) || PUBLIC_RESOLVERS.has(value)) return null;
    if (VERSION_BEFORE.test(before(text, m.index, 24)) || VERSION_AFTER.test(text.slice(end, end + 12))) return null;
    if (!ipContext(text, m.index, end)) return null;
    return { type: 'ip_address', start: m.index, end, score: 0.85, reason: 'IPv4 address named as an address, not a version number' };
  }),
  ...each(/(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/giu, text, (m) =>
    isIP(m[0]) === 6 && /[0-9a-f]{1,4}:[0-9a-f]{1,4}/i.test(m[0]) && ipContext(text, m.index, m.index + m[0].length)
      ? { type: 'ip_address', start: m.index, end: m.index + m[0].length, score: 0.85, reason: 'IPv6 address named as an address' }
      : null,
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
    cnResidentIdValid(m[0])
      ? { type: 'cn_resident_id', start: m.index, end: m.index + m[0].length, score: 1, reason: 'GB 11643 checksum and birth date valid' }
      : null,
  );

const passport: Recognizer = (text) =>
  each(/(?<![\w])[A-Za-z]{1,2}\d{6,9}(?![\w])/gu, text, (m) =>
    PASSPORT_CONTEXT.test(before(text, m.index))
      ? { type: 'passport', start: m.index, end: m.index + m[0].length, score: 0.8, reason: 'passport-like number after a passport context word' }
      : null,
  );

export interface RecognizerEntry {
  type: PiiType;
  recognize: Recognizer;
  /** Cheap test: the recognizer cannot fire on a text that fails it (skips most messages). */
  needs: RegExp;
  /**
   * ASCII digits (`\d`) every match holds, at the least: a text with fewer cannot fire it (12 for
   * a card, 17 for a Chinese id, 7 for another national id (NIE, codice fiscale), 9 for an SSN, 6 for a passport, 7 for a phone: `recognizePhones`
   * skips runs with fewer). Counted once per text by `detectPiiInView`.
   */
  minDigits?: number;
  /** Reads letter case (capitalised names): runs on the original text, not the case-folded view. */
  caseSensitive?: boolean;
}

const DIGIT = /\d/;

/** Recognizers in priority order: when spans overlap, the earlier type wins. */
export const RECOGNIZERS: readonly RecognizerEntry[] = [
  { type: 'email', recognize: email, needs: /@/ },
  { type: 'iban', recognize: iban, needs: DIGIT, minDigits: 2 },
  { type: 'credit_card', recognize: card, needs: DIGIT, minDigits: 12 },
  { type: 'cn_resident_id', recognize: cnId, needs: DIGIT, minDigits: 17 },
  { type: 'national_id', recognize: recognizeNationalIds, needs: DIGIT, minDigits: 7 },
  { type: 'us_ssn', recognize: ssn, needs: DIGIT, minDigits: 9 },
  { type: 'ip_address', recognize: ip, needs: /\d\.\d|:[0-9a-f]*:/i },
  { type: 'passport', recognize: passport, needs: DIGIT, minDigits: 6 },
  { type: 'credential', recognize: recognizeCredentials, needs: /./su },
  { type: 'phone', recognize: recognizePhones, needs: DIGIT, minDigits: 7 },
  { type: 'street_address', recognize: recognizeAddresses, needs: DIGIT },
  { type: 'street_address', recognize: recognizeLatinStreets, needs: DIGIT, caseSensitive: true },
];

import type { Role } from '../../pipeline/validate/conversation.js';
import type { Severity } from '../../pipeline/validate/finding.js';
import type { PiiType } from './pii/types.js';

/** Platforms where exchanging e-mail or phone numbers is off-platform contact. */
export const MARKETPLACES = [
  'amazon',
  'ebay',
  'aliexpress',
  'shopee',
  'lazada',
  'mercadolibre',
  'walmart',
  'etsy',
  'temu',
  'tiktok',
  'rakuten',
  'cdiscount',
  'allegro',
  'otto',
  'zalando',
];

const SECRET: ReadonlySet<PiiType> = new Set(['credit_card', 'iban', 'us_ssn', 'cn_resident_id', 'national_id', 'passport', 'credential']);

export interface PiiJudgement {
  code: string;
  severity: Severity;
  why: string;
  suggestion: string;
}

/** What the words around a value said about it (from `PiiCandidate`). */
export interface PiiSignals {
  /** Written with first-person contact words ("call me directly on …", "打我电话"). */
  invitesContact?: boolean;
}

/**
 * Direction matters: a customer sharing their own data is `info` with a masking suggestion; an
 * agent echoing it, or writing a card/IBAN/ID number or a secret (password, PIN, one-time code,
 * security answer) at all, is `critical`; an agent handing out an e-mail or phone number on a
 * marketplace, or inviting direct contact on a personal number where the platform is a
 * marketplace or unknown (`platform` absent), is off-platform contact. Service lines (hotlines,
 * toll-free numbers, role mailboxes) never reach this function: they are nobody's personal data.
 */
export function judgePii(type: PiiType, role: Role, echoed: boolean, platform: string | undefined, signals: PiiSignals = {}): PiiJudgement {
  const label = LABELS[type] ?? type.replace(/_/g, ' ');
  if (role === 'customer' || role === 'system') {
    if (type === 'credential') {
      return {
        code: 'pii.credential',
        severity: 'info',
        why: 'the customer wrote a secret (password, PIN, one-time code or security answer)',
        suggestion: 'mask it in stored transcripts and advise the customer to change it',
      };
    }
    return { code: `pii.${type}`, severity: 'info', why: `the customer shared their ${label}`, suggestion: `mask the ${label} in stored transcripts` };
  }
  if (echoed) {
    return {
      code: `pii.${type}`,
      severity: 'critical',
      why: `the agent repeated the customer's ${label} back into the chat`,
      suggestion: `never repeat personal data; refer to it as "the card ending in …"`,
    };
  }
  if (type === 'credential') {
    return {
      code: 'pii.credential',
      severity: 'critical',
      why: 'the agent wrote a secret (password, PIN, one-time code or security answer) into the chat',
      suggestion: 'never send secrets in chat; use a reset link or the verified account flow',
    };
  }
  if (SECRET.has(type)) {
    return { code: `pii.${type}`, severity: 'critical', why: `the agent wrote a ${label} into the chat`, suggestion: `never write full ${label}s in messages` };
  }
  if (type === 'email' || type === 'phone') {
    const what = type === 'email' ? 'an e-mail address' : 'a phone number';
    const marketplace = platform !== undefined && MARKETPLACES.includes(platform.toLowerCase());
    if (marketplace) {
      return {
        code: 'policy.contact_exchange',
        severity: 'major',
        why: `the agent shared ${what}${signals.invitesContact ? ' and invited direct contact' : ''} on ${platform}, which marketplaces treat as off-platform contact`,
        suggestion: "keep contact inside the platform's messages",
      };
    }
    if (platform === undefined && signals.invitesContact) {
      return {
        code: 'policy.contact_exchange',
        severity: 'major',
        why: `the agent gave ${what} of their own and invited direct contact (the platform is unknown, so off-platform rules apply)`,
        suggestion: "keep contact inside the platform's messages, or give the shop's official service line",
      };
    }
  }
  return { code: `pii.${type}`, severity: 'info', why: `the agent wrote a ${label}`, suggestion: `check that sharing this ${label} is intended` };
}

const LABELS: Partial<Record<PiiType, string>> = {
  email: 'e-mail address',
  phone: 'phone number',
  ip_address: 'IP address',
  us_ssn: 'SSN',
  cn_resident_id: 'resident ID number',
  national_id: 'national ID number',
  person_name: 'name',
  credit_card: 'card number',
  iban: 'IBAN',
  passport: 'passport number',
};

/** Comparable form of a PII value (digits and letters only, lower case). */
export function piiKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]/gu, '');
}

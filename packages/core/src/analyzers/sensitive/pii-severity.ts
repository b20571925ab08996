import type { Role } from '../../schemas/conversation.js';
import type { Severity } from '../../schemas/finding.js';
import type { PiiType } from '../../pii/recognizers.js';

/** Platforms where exchanging e-mail or phone numbers is off-platform contact. */
export const MARKETPLACES = ['amazon', 'ebay', 'aliexpress', 'shopee', 'lazada', 'mercadolibre', 'walmart', 'etsy', 'temu', 'tiktok', 'rakuten', 'cdiscount', 'allegro', 'otto', 'zalando'];

const SECRET: ReadonlySet<PiiType> = new Set(['credit_card', 'iban', 'us_ssn', 'cn_resident_id', 'passport']);

export interface PiiJudgement {
  code: string;
  severity: Severity;
  why: string;
  suggestion: string;
}

/**
 * Direction matters: a customer sharing their own data is `info` with a masking suggestion; an
 * agent echoing it, or writing a card/IBAN/ID number at all, is `critical`; an agent handing out
 * an e-mail or phone number on a marketplace is off-platform contact.
 */
export function judgePii(type: PiiType, role: Role, echoed: boolean, platform: string | undefined): PiiJudgement {
  const label = type.replace(/_/g, ' ');
  if (role === 'customer' || role === 'system') {
    return { code: `pii.${type}`, severity: 'info', why: `the customer shared their ${label}`, suggestion: `mask the ${label} in stored transcripts` };
  }
  if (echoed) {
    return { code: `pii.${type}`, severity: 'critical', why: `the agent repeated the customer's ${label} back into the chat`, suggestion: `never repeat personal data; refer to it as "the card ending in …"` };
  }
  if (SECRET.has(type)) {
    return { code: `pii.${type}`, severity: 'critical', why: `the agent wrote a ${label} into the chat`, suggestion: `never write full ${label}s in messages` };
  }
  if ((type === 'email' || type === 'phone') && platform && MARKETPLACES.includes(platform.toLowerCase())) {
    return { code: 'policy.contact_exchange', severity: 'major', why: `the agent shared an ${label === 'email' ? 'e-mail address' : 'phone number'} on ${platform}, which marketplaces treat as off-platform contact`, suggestion: "keep contact inside the platform's messages" };
  }
  return { code: `pii.${type}`, severity: 'info', why: `the agent wrote a ${label}`, suggestion: `check that sharing this ${label} is intended` };
}

/** Comparable form of a PII value (digits and letters only, lower case). */
export function piiKey(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}@.]/gu, '');
}

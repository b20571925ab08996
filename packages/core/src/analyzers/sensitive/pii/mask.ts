import type { PiiType } from './types.js';

/**
 * Mask personal data for evidence strings: keep just enough to recognise it
 * (last 4 of a card or IBAN, first letter and domain ending of an e-mail, last 2 of a phone);
 * a secret (`credential`) is replaced whole by a fixed mask, names and addresses by one dot a character.
 *
 * @example
 * maskPii('credit_card', '4111 1111 1111 1111') // '•••• •••• •••• 1111'
 */
export function maskPii(type: PiiType, value: string): string {
  const keepLast = (n: number) => {
    let seen = 0;
    let out = '';
    for (let i = value.length - 1; i >= 0; i--) {
      const ch = value[i]!;
      if (/[\p{L}\p{N}]/u.test(ch)) {
        seen++;
        out = (seen <= n ? ch : '•') + out;
      } else out = ch + out;
    }
    return out;
  };
  switch (type) {
    case 'credit_card':
    case 'iban':
      return keepLast(4);
    case 'email': {
      const [user = '', domain = ''] = value.split('@');
      const tld = domain.slice(domain.lastIndexOf('.'));
      return `${user.slice(0, 1)}•••@•••${tld}`;
    }
    case 'phone':
      return keepLast(2);
    case 'credential':
      return '••••••'; // nothing of a secret, not even its length or its symbols
    case 'ip_address':
      // IPv4 keeps its /24 (three octets), IPv6 its /48 (three groups): where, not who
      return value.includes(':') ? `${value.split(':').slice(0, 3).join(':')}:•••` : value.replace(/[0-9a-f]+$/i, '•••');
    default:
      return keepLast(0);
  }
}

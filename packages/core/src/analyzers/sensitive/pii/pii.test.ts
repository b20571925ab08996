import { detectPii, maskPii } from '@cxqa/core';
import { cardBrand, cnResidentIdValid, ibanValid, luhnValid, ssnValid } from '@cxqa/core/pii';
import { describe, expect, it } from 'vitest';

const types = (text: string, country?: string) => detectPii(text, { defaultCountry: country }).map((p) => `${p.type}:${text.slice(p.start, p.end)}`);

describe('validators', () => {
  it('Luhn and card brands, including Mastercard 2-series and 19-digit Visa', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(cardBrand('2221000000000009')).toBe('mastercard');
    expect(cardBrand('4131034282458809939')).toBe('visa');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
    expect(cardBrand('6212345678901232')).toBe('unionpay');
    expect(cardBrand('1234567890123456')).toBeNull();
  });

  it('IBAN mod-97, SSN structure, Chinese resident ID checksum', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ssnValid('123456789')).toBe(true);
    expect(ssnValid('666123456')).toBe(false);
    expect(ssnValid('123000000')).toBe(false);
    expect(cnResidentIdValid('11010519491231002X')).toBe(true);
    expect(cnResidentIdValid('110105194912310021')).toBe(false);
  });
});

describe('detectPii', () => {
  it('finds structured personal data in several languages', () => {
    expect(types('My card is 4111 1111 1111 1111, exp 12/27')).toEqual(['credit_card:4111 1111 1111 1111']);
    expect(types('Überweisen Sie an DE89 3704 0044 0532 0130 00 bitte')).toEqual(['iban:DE89 3704 0044 0532 0130 00']);
    expect(types('écrivez à marie.dupont+shop@exemple.fr svp')).toEqual(['email:marie.dupont+shop@exemple.fr']);
    expect(types('Call me on +44 20 7946 0958 tomorrow')).toEqual(['phone:+44 20 7946 0958']);
    expect(types('我的手机 13812345678', 'CN')).toEqual(['phone:13812345678']);
    expect(types('身份证号 11010519491231002X')).toEqual(['cn_resident_id:11010519491231002X']);
    expect(types('SSN 123-45-6789')).toEqual(['us_ssn:123-45-6789']);
    expect(types('my IP is 192.168.1.20, IPv6 address 2001:db8::8a2e:370:7334')).toEqual(['ip_address:192.168.1.20', 'ip_address:2001:db8::8a2e:370:7334']);
    expect(types('passport number: X1234567')).toEqual(['passport:X1234567']);
    expect(types('Ship it to 221 Baker Street please')).toEqual(['street_address:221 Baker Street']);
  });

  it('ignores look-alikes: order and tracking numbers, SKUs, dates, prices, postcodes', () => {
    for (const text of [
      'Your Amazon order 112-4567890-1234567 has shipped',
      'Order #4111111111111111 is confirmed', // Luhn-valid, but an order number
      'Tracking number 1Z999AA10123456784, DHL 00340434161234567890',
      'SKU 8806090572234 / EAN 4006381333931',
      'Delivered on 2026-03-02 10:45:00, invoice 2026-0042',
      'Total: 1,299.00 EUR, 3 items, ref 20260302',
      'CEP 01310-100, code postal 75008',
      'Version 2.10.3.4 of the app',
      'It weighs 1234567 grams', // bare digits without any phone sign
      '订单号 20260302123456789',
    ]) {
      expect(types(text), text).toEqual([]);
    }
  });

  it('masks evidence', () => {
    expect(maskPii('credit_card', '4111 1111 1111 1111')).toBe('•••• •••• •••• 1111');
    expect(maskPii('email', 'marie.dupont@exemple.fr')).toBe('m•••@•••.fr');
    expect(maskPii('phone', '+44 20 7946 0958')).toBe('+•• •• •••• ••58');
    expect(maskPii('iban', 'DE89370400440532013000')).toBe('••••••••••••••••••3000');
  });
});

import { builtinAnalyzers, createInspector, invalidResult, kbAnalyzer, maskPersonalData, parseKnowledgeBase, translatorFromFunction } from '@cxqa/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The masking boundary (issue 12): personal data planted anywhere in a conversation — valid or
// not — never leaves the engine unmasked, in any string of any result.

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const luhnComplete = (body: string) => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
};
const ibanDe = (bban: string) => {
  const moved = `${bban}DE00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of moved) rem = (rem * 10 + Number(d)) % 97;
  return `DE${String(98 - rem).padStart(2, '0')}${bban}`;
};
const cnId = (body: string) => {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * w[i]!;
  return body + '10X98765432'[sum % 11];
};
const group = (s: string, by: number, sep: string) => s.match(new RegExp(`.{1,${by}}`, 'g'))!.join(sep);

/** A planted value, how it is written, and the part of it that must never appear in output. */
interface Plant {
  type: string;
  text: string;
  secret: string;
}
const plants: fc.Arbitrary<Plant> = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[a-z]{3,6}[0-9]{2}[a-z]{2}$/), fc.constantFrom('gmail.com', 'web.de', 'qq.com', 'example.co.uk', 'mail.fr'))
    .map(([u, d]) => ({ type: 'email', text: `${u}@${d}`, secret: u })),
  fc
    .tuple(fc.constantFrom('+44 7700 9', '+49 151 2', '+86 138 ', '+1 415 5', '+33 6 12 '), digits(5))
    .map(([p, d]) => ({ type: 'phone', text: `${p}${d}`, secret: `${p}${d}`.slice(0, -3) })),
  fc.tuple(digits(11), fc.constantFrom('', ' ', '-')).map(([d, sep]) => {
    const n = luhnComplete(`4${d}123`.slice(0, 15));
    return { type: 'card', text: group(n, 4, sep), secret: group(n, 4, sep).slice(0, -5) };
  }),
  digits(18).map((d) => {
    const v = ibanDe(d);
    return { type: 'iban', text: group(v, 4, ' '), secret: group(v, 4, ' ').slice(0, -5) };
  }),
  fc
    .tuple(digits(6), fc.integer({ min: 1950, max: 2005 }), fc.integer({ min: 10, max: 12 }), fc.integer({ min: 10, max: 28 }), digits(3))
    .map(([a, y, m, d, s]) => {
      const v = cnId(`${a}${y}${m}${d}${s}`);
      return { type: 'cn_id', text: v, secret: v.slice(0, -3) };
    }),
  fc
    .tuple(fc.integer({ min: 101, max: 665 }), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 1000, max: 9999 }))
    .map(([a, g, s]) => ({ type: 'ssn', text: `${a}-${g}-${s}`, secret: `${a}-${g}-${s}`.slice(0, -3) })),
  fc
    .tuple(fc.integer({ min: 11, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 11, max: 254 }))
    .map((p) => ({ type: 'ip', text: p.join('.'), secret: p.join('.') })),
  fc.stringMatching(/^[A-Z][a-z]{3}[0-9]{3}[a-z]{2}!$/).map((pw) => ({ type: 'credential', text: `password: ${pw}`, secret: pw })),
);

/** Sentences that make findings quote what surrounds them (policy gaps, URLs, insults, address forms). */
const carriers = [
  (v: string) => `transfer to ${v} directly`,
  (v: string) => `add me on whatsapp ${v} for a better price`,
  (v: string) => `https://wa.me/${v.replace(/\D/g, '')}?text=${encodeURIComponent(v)}`,
  (v: string) => `see http://shop.example.com/pay?user=${encodeURIComponent(v)}&x=1`,
  (v: string) => `you stupid idiot ${v} is not my problem`,
  (v: string) => `Calm down. ${v} Read the return policy.`,
  (v: string) => `너 ${v} 이거 해`,
  (v: string) => `${v}を確認しろ`,
  (v: string) => `我的电话 ${v}，快点处理`,
  (v: string) => `Wie lautet ${v}? Mach das sofort.`,
  (v: string) => v,
];

const kb = parseKnowledgeBase({
  version: '1',
  entries: [
    {
      id: 'returns',
      questions: ['how do I return an item', 'what is the return window'],
      answer: 'Returns are accepted within 30 days.',
      mustMention: ['30 days'],
    },
  ],
});
const inspector = createInspector({ analyzers: [...builtinAnalyzers(), kbAnalyzer({ kb })] });

function leaks(output: string, plant: Plant): boolean {
  return output.includes(plant.secret) || output.includes(encodeURIComponent(plant.secret)) || output.includes(JSON.stringify(plant.secret).slice(1, -1));
}

describe('no personal data leaves the engine unmasked', () => {
  it('in any string of a valid conversation’s result, wherever it was planted', async () => {
    await fc.assert(
      fc.asyncProperty(
        plants,
        fc.integer({ min: 0, max: carriers.length - 1 }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        async (plant, c, where, fullWidth) => {
          const v = fullWidth ? plant.text.replace(/[0-9@]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) : plant.text;
          const text = carriers[c]!(v);
          const messages = [
            { role: 'customer', text: where === 0 ? text : 'How do I return an item? It arrived broken.', at: '2026-03-02T10:00:00Z' },
            { role: 'agent', text: where === 1 ? text : 'Sorry about that!', at: '2026-03-02T10:05:00Z' },
            { role: 'customer', text: where === 2 ? `${text} 😡` : 'ok', at: '2026-03-02T10:06:00Z' },
          ];
          const conversation = {
            id: where === 3 ? plant.text : 'c1',
            platform: where === 4 ? plant.text : 'amazon',
            customer: { country: 'US' },
            metadata: where === 5 ? { [plant.text]: plant.text } : {},
            messages,
          };
          const out = JSON.stringify(await inspector.inspect(conversation));
          if (plant.type === 'ip' && where >= 3) return; // an IP address as an id, a platform or a metadata key is not read as one
          expect(leaks(out, plant), `${plant.type} planted at ${where} in ${JSON.stringify(text)}:\n${out}`).toBe(false);
        },
      ),
      { numRuns: Number(process.env.CXQA_PROPERTY_RUNS ?? 300) },
    );
  }, 120_000);

  it("in the translations a translator returns (the Result's `translations`), wherever the value was planted in a message", async () => {
    // an echoing translator hands every planted value back inside its "translation"
    const echo = createInspector({
      analyzers: [],
      translation: { to: 'fr', translator: translatorFromFunction('echo', async (t) => t.map((x) => `FR ${x}`)) },
    });
    await fc.assert(
      fc.asyncProperty(plants, fc.integer({ min: 0, max: carriers.length - 1 }), fc.integer({ min: 0, max: 1 }), async (plant, c, where) => {
        const text = carriers[c]!(plant.text);
        const r = await echo.inspect({
          id: 'c1',
          messages: [
            { role: 'customer', text: where === 0 ? text : 'How do I return an item? It arrived broken.', at: '2026-03-02T10:00:00Z' },
            { role: 'agent', text: where === 1 ? text : 'Sorry about that, I will help you right away.', at: '2026-03-02T10:05:00Z' },
          ],
        });
        expect(r.translations!.length).toBeGreaterThan(0);
        const out = JSON.stringify(r);
        expect(leaks(out, plant), `${plant.type} in ${JSON.stringify(text)}:\n${out}`).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('in the issues of an invalid conversation (values echoed by validation) and in an id taken from input', async () => {
    await fc.assert(
      fc.asyncProperty(plants, fc.integer({ min: 0, max: 3 }), async (plant, where) => {
        const bad = [
          { id: plant.text, messages: [{ role: 'customer', text: 'hi', at: plant.text }] },
          { id: 'x', messages: [{ role: plant.text, text: plant.text, at: '2026-03-02T10:00:00Z' }] },
          { id: 'x', customer: { country: plant.text, timezone: plant.text }, messages: [] },
          { id: 'x', messages: [{ role: 'agent', text: 'hi', at: `2026-03-02T10:00:00Z ${plant.text}` }], [plant.text]: 1 },
        ][where];
        const out = JSON.stringify(await inspector.inspect(bad));
        if (plant.type === 'ip') return;
        expect(leaks(out, plant), out).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('in results built from outside errors (a JSON parse error quoting the line)', () => {
    const line = '{"id": "c9", "customer": {"email": "jane.doe77@gmail.com", "phone": "+44 7700 900123"';
    let message = '';
    try {
      JSON.parse(line);
    } catch (e) {
      message = (e as Error).message;
    }
    const out = JSON.stringify(invalidResult('jane.doe77@gmail.com', [{ code: 'invalid_json', message, line: 3 }], inspector.versions));
    expect(out).not.toContain('jane.doe77');
    expect(out).not.toContain('7700 900');
  });

  it('keeps what is not personal data readable: dates, times, hotlines, versions, short numbers', () => {
    for (const s of [
      'first reply after 17 min on 2026-03-02 10:04',
      'call our hotline 400-820-8820',
      'version 1.2.3, order 12345',
      'SLA 2026-03-02T10:00:00+01:00',
      'from cxqa-profanity@1.2.0',
    ]) {
      expect(maskPersonalData(s)).toBe(s);
    }
    expect(maskPersonalData('call me on 0151 23456789')).toBe('call me on •••• ••••••89');
  });

  it('masks what needs few digits or none: addresses, IPv6, secrets, short passports', () => {
    const cases: [string, string][] = [
      ['send it to Calle Mayor 5, please', 'Mayor'],
      ['I live at 221B Baker Street', 'Baker'],
      ['地址：北京市朝阳区建国路88号', '建国路88号'],
      ['my IP is 2001:db8:85a3::8a2e:370:7334', '8a2e:370:7334'],
      ['the password is Hunter!2', 'Hunter!2'],
      ['passport number E1234567', 'E1234567'],
    ];
    for (const [text, secret] of cases) expect(maskPersonalData(text), text).not.toContain(secret);
  });

  // an outside probe's reproducers (issue 12, second round): separators, cue words and spellings the first masker missed
  it('masks numbers split by zero-width characters, full-width or typographic dashes, tabs and underscores', () => {
    for (const text of [
      'call +44\u200b7946\u200b095\u200b812',
      '４１１１－１１１１－１１１１－１１１１',
      '１３８－１２３４－５６７８',
      '4111\t1111\t1111\t1111',
      '+49 170–123–4567',
      '+49_170_123_4567',
    ]) {
      const digits = text.normalize('NFKC').replace(/\D/g, '');
      const left = maskPersonalData(text).normalize('NFKC').replace(/[^\d]/g, '');
      expect(left.length, text).toBeLessThanOrEqual(4); // at most the last 4 of a card, the last 2 of a phone
      expect(digits.endsWith(left), text).toBe(true);
    }
  });

  it('masks secrets after every cue word the credential recognizer knows, and in more languages', () => {
    for (const [text, secret] of [
      ['OTP: 4829', '4829'],
      ['tan 4829', '4829'],
      ['mdp: Abc!x', 'Abc!x'],
      ['認証コードは4829です', '4829'],
      ['인증번호는 4829', '4829'],
      ['安全码 123', '123'],
      ['비번 abcd12', 'abcd12'],
      ['пароль: Hunter2!', 'Hunter2'],
      ['hasło: Qwerty!1', 'Qwerty'],
      ["my mother's maiden name is Smithson", 'Smithson'],
      ['memorable word: Pickles', 'Pickles'],
    ]) {
      expect(maskPersonalData(text!), text).not.toContain(secret);
    }
  });

  it('masks IPv6 to its /48, URL user names and passwords, percent-encoded and spelled-out e-mails; keeps an Amazon order id', () => {
    expect(maskPersonalData('from fe80::1ff:fe23:4567:890a')).toBe('from fe80::1ff:•••');
    expect(maskPersonalData('https://johndoe:hunter2@shop.example.com/x')).toBe('https://•••@shop.example.com/x');
    expect(maskPersonalData('mail john%2Edoe%40gmail%2Ecom')).toBe('mail •••@•••');
    expect(maskPersonalData('write to john.doe(at)gmail(dot)com')).toBe('write to •••@•••');
    expect(maskPersonalData('order 112-1234567-1234567 shipped')).toBe('order 112-1234567-1234567 shipped');
  });
});

describe('findings quote only what their rule needs', () => {
  const agentSays = async (text: string, country: string) =>
    (
      await createInspector().inspect({
        id: 'q',
        platform: 'amazon',
        customer: { country },
        messages: [
          { role: 'customer', text: 'どうなっていますか', at: '2026-03-02T10:00:00Z' },
          { role: 'agent', text, at: '2026-03-02T10:01:00Z' },
        ],
      })
    ).findings;
  it('a plain-form ending in ja and ko quotes the ending and its word, not the whole sentence', async () => {
    const ja = (await agentSays('お客様の注文番号とお名前と住所をもう一度確認しろ', 'JP')).find((f) => f.code === 'culture.informal_address');
    expect(ja?.evidence).toBeDefined();
    expect(ja!.evidence!.length).toBeLessThanOrEqual(12);
    expect(ja!.evidence!.endsWith('しろ')).toBe(true);
    const ko = (await agentSays('주문 번호 확인하고 주소 다시 보내 그리고 기다려 이거 해', 'KR')).find((f) => f.code === 'culture.informal_address');
    expect(ko?.evidence).toBe('해');
  });
  it('a link quotes its scheme and host only ("/…" for the rest)', async () => {
    const f = (await agentSays('Please visit https://jane:pw@shop.example.com/u/jane.doe77/4111111111111111 now', 'JP')).find(
      (x) => x.code === 'policy.external_link',
    );
    expect(f?.evidence).toBe('https://shop.example.com/…');
  });

  it('a link quotes its host and path, never its query string', async () => {
    const f = (await agentSays('https://shop.example.com/pay?email=jane%40gmail.com&card=4111111111111111 を使ってください', 'JP')).find(
      (x) => x.code === 'policy.external_link',
    );
    expect(f?.evidence ?? f?.explanation).toBeDefined();
    expect(JSON.stringify(f)).not.toMatch(/jane|4111111111/);
  });
});

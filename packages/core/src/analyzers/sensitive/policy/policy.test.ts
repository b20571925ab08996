import { builtinPolicyPacks, compilePolicy, definePolicyPack, normalizeText } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const policy = compilePolicy(builtinPolicyPacks());
/** Rule ids that fire on an agent message, sorted. */
const fired = (text: string, platform?: string): string[] => [...new Set(policy.evaluate(normalizeText(text), 'agent', platform).map((h) => h.rule.id))].sort();

/** [language, text, platform]: each must fire exactly `rule` (true positives) or nothing (look-alikes). */
type Case = [string, string, string?];

const OFF_PLATFORM: Case[] = [
  ['en', 'Add me on w-e-c-h-a-t for faster help', 'amazon'],
  ['en', 'You can add my WeChat, my ID is lily_shop88'],
  ['en', 'Message us on WhatsApp any time', 'ebay'],
  ['en', 'My WhatsApp is +44 7700 900123', 'amazon'],
  ['en', 'Chat with us here: https://wa.me/447700900123'],
  ['en', 'Join t.me/cheapgadgets for the next drop'],
  ['en', 'Contact me directly and I can do a better price', 'ebay'],
  ['zh', '亲，加我微信详聊', 'aliexpress'],
  ['zh', '可以加下我微信，我发您视频'],
  ['zh', '有问题微信联系哦'],
  ['zh', '微信号：shop_lily88'],
  ['zh', '方便的话加我们技术的QQ1643597634'],
  ['zh', '私聊我，给您便宜点'],
  ['de', 'Kontaktieren Sie uns über WhatsApp', 'amazon'],
  ['de', 'Sie können uns gerne per WhatsApp kontaktieren', 'amazon'],
  ['fr', 'Contactez-nous sur WhatsApp', 'amazon'],
  ['fr', "N'hésitez pas à nous contacter sur WhatsApp", 'amazon'],
  ['es', 'Escríbenos al WhatsApp y te lo resolvemos', 'amazon'],
  ['es', 'Agrégame en WeChat, mi id es tienda_88', 'aliexpress'],
  ['pt', 'Me chama no zap que eu resolvo', 'shopee'],
  ['pt', 'Fale conosco pelo WhatsApp', 'shopee'],
  ['it', 'Scrivici su WhatsApp', 'amazon'],
  ['it', 'Contattami su Telegram: @negozio_roma', 'ebay'],
  ['ja', 'LINEでご連絡ください', 'amazon'],
  ['ja', 'LINE ID: shop_tokyo まで', 'amazon'],
  ['ko', '카톡으로 연락 주세요', 'amazon'],
  ['ko', '카톡 아이디: shop_seoul', 'amazon'],
  // the kinds decision 202's blind batch missed (s11): e-mail, the seller's own site, search-and-DM, written-out handles, call-back
  ['en', 'Just email us at the address on the invoice and we will sort it out', 'amazon'],
  ['fr', 'Commandez-la directement sur notre site, elle est moins chère.', 'cdiscount'],
  ['zh', '店里没上架，您去小红书搜我们店名，私信下单。', 'taobao'],
  ['es', 'Búscanos en Instagram y mándanos DM para precios de mayoreo.', 'mercadolibre'],
  ['en', 'Yes mate, text me on oh seven seven double oh nine double oh four one two.', 'ebay'],
  ['de', 'Schick sie an lena.holz (ät) gmx.de, da komprimiert nichts.', 'etsy'],
  ['ko', '급하시면 공일공 칠칠팔삼 이구사일로 문자 주세요.', 'coupang'],
  ['pt', 'Me passa seu número que eu te ligo e explico.', 'mercadolivre'],
  ['ja', 'お電話番号を教えていただければ、こちらからお掛けしてご説明いたします。', 'rakuten'],
];
const OFF_PLATFORM_INNOCENT: Case[] = [
  ['en', 'Please try restarting the WeChat app', 'amazon'],
  ['en', 'Is it displayed normally in WeChat?'],
  ['en', "We don't use WhatsApp for support.", 'amazon'],
  ['en', 'Please do not contact us on WhatsApp, we only answer here.', 'amazon'],
  ['en', 'We will never ask you to add us on WeChat.', 'amazon'],
  ['en', 'Follow the official WeChat account of the operator for outage notices'],
  ['en', 'WeChat crashed, contact us and we will help'],
  ['en', 'If you have questions, contact us directly.', 'ebay'],
  ['zh', '请您尝试卸载微信然后重新安装一下'],
  ['zh', '可添加“某某公司”微信公众号进行自助报障'],
  ['zh', '欢迎随时私信我们'],
  ['zh', '该活动仅限微信支付用户参与，首次充值送1-1000元不等的微信红包'],
  ['zh', '请问您参加微信活动的账号名称是什么？'],
  ['zh', '建议您备份微信聊天记录后卸载重装'],
  ['zh', '如有问题可以直接联系我们'],
  ['de', 'Bitte kontaktieren Sie uns nicht über WhatsApp.', 'amazon'],
  ['fr', 'Nous ne répondons pas sur WhatsApp.', 'amazon'],
  ['es', 'La app de WhatsApp no permite enviar fotos originales', 'amazon'],
  ['pt', 'Não use o WhatsApp para falar com a loja', 'shopee'],
  ['it', "L'app WeChat va aggiornata all'ultima versione", 'amazon'],
  ['ja', 'LINEでのご連絡はご遠慮ください', 'amazon'],
  ['ja', 'LINEで連絡しないでください', 'amazon'],
  ['ko', '카톡으로 연락하지 마세요', 'amazon'],
  ['ko', '카카오톡 채널에서 공지를 확인하세요', 'amazon'],
  ['en', 'Amazon will email you the return label.', 'amazon'],
  ['en', 'The full size chart is on our website, and the listing here has it too.', 'amazon'],
  ['en', 'We don’t take orders through Instagram DMs, please keep it here on Etsy.', 'etsy'],
  ['en', 'Go to amazon dot com, then Your Orders.', 'amazon'],
  ['en', 'One, two, three, four, five, six, seven, eight, nine: all screws are in the bag.', 'amazon'],
  ['en', 'Please check the phone number in your address so the courier will call you.', 'amazon'],
  ['zh', '电子发票开具后，京东会发送到您的注册邮箱。', 'jd'],
];

const PAYMENT: Case[] = [
  ['en', 'You can pay me directly by Western Union', 'ebay'],
  ['en', 'Please transfer the money to our bank account', 'amazon'],
  ['en', 'My PayPal is lily.shop@example.com', 'amazon'],
  ['zh', '请直接转账给我'],
  ['zh', '汇款到我们的账户就行'],
  ['de', 'Überweisen Sie den Betrag direkt auf unser Konto', 'amazon'],
  ['fr', 'Payez-nous directement par virement', 'amazon'],
  ['es', 'Págueme por transferencia y se lo envío hoy', 'amazon'],
  ['pt', 'Pague-nos via pix', 'shopee'],
  ['it', 'Mi paghi tramite bonifico', 'amazon'],
  ['ja', '私の口座に振り込んでください', 'amazon'],
  ['ko', '제 계좌로 입금해 주세요', 'amazon'],
  // a discount for paying outside (s11)
  ['en', 'If you pay by bank transfer I can knock £15 off for both.', 'ebay'],
  ['pt', 'Manda um pix direto pra gente e te dou 8% de desconto.', 'mercadolivre'],
  ['ko', '계좌이체로 하시면 개당 2천원 할인해 드려요.', 'coupang'],
];
const PAYMENT_INNOCENT: Case[] = [
  ['en', 'You can pay with PayPal at checkout', 'ebay'],
  ['en', 'A bank refund takes 5 days', 'amazon'],
  ['en', 'The refund will be transferred to your bank account in 5 days', 'amazon'],
  ['en', 'We never ask you to pay outside Amazon', 'amazon'],
  ['en', "We don't accept Western Union", 'ebay'],
  ['zh', '退款会直接转账到您的银行卡'],
  ['zh', '您付款给我们后我们马上发货'],
  ['de', 'Die Erstattung wird auf Ihr Konto überwiesen', 'amazon'],
  ['fr', 'Le remboursement sera viré sur votre compte bancaire', 'amazon'],
  ['es', 'Nunca le pediremos que pague fuera de Amazon', 'amazon'],
  ['pt', 'O reembolso cai na sua conta em 5 dias', 'shopee'],
  ['it', 'Il rimborso arriverà sul suo conto', 'amazon'],
  ['ja', '返金はお客様の口座に振り込まれます', 'amazon'],
  ['ko', '환불은 고객님 계좌로 입금됩니다', 'amazon'],
  ['en', 'Refunds by bank transfer take 3–5 days, and we added a discount code for the trouble.', 'amazon'],
  ['pt', 'Pagando com Pix no checkout do Mercado Livre sai com desconto automático.', 'mercadolivre'],
  ['en', 'Please never pay outside eBay: a discount for Zelle or a bank transfer is how scams start.', 'ebay'],
];

const REVIEW: Case[] = [
  ['en', "We'll send a refund of $4.99 for a 5 star review.", 'amazon'],
  ['en', 'If you leave a 5-star review, we will send you a gift card', 'amazon'],
  ['en', 'Could you please remove the negative feedback?', 'ebay'],
  ['zh', '亲，五星好评返现10元', 'aliexpress'],
  ['zh', '麻烦您把差评删一下'],
  ['de', 'Wir erstatten Ihnen 10 Euro für eine 5 Sterne Bewertung', 'amazon'],
  ['de', 'Könnten Sie bitte Ihre Bewertung ändern?', 'amazon'],
  ['fr', 'Nous vous offrons un bon d’achat pour un avis 5 étoiles', 'amazon'],
  ['es', 'Le daremos un descuento si deja una reseña de 5 estrellas', 'amazon'],
  ['pt', 'Damos um cupom de desconto por uma avaliação 5 estrelas', 'shopee'],
  ['it', 'Le offriamo uno sconto per una recensione a 5 stelle', 'amazon'],
  ['ja', '星5のレビューを書いていただければ、クーポンを差し上げます', 'amazon'],
  ['ko', '리뷰 작성 시 적립금 지급해 드려요', 'amazon'],
];
const REVIEW_INNOCENT: Case[] = [
  ['en', 'Please leave us an honest review', 'amazon'],
  ['en', 'Your refund has been issued. Thanks for the 5 stars you gave us last year!', 'amazon'],
  ['en', 'This is a 5-star hotel, and we will refund the difference', 'amazon'],
  ['en', "We'll refund you once we review your case.", 'amazon'],
  ['en', 'Feel free to contact us if you want to leave a review.', 'amazon'],
  ['en', "We don't offer refunds for reviews.", 'amazon'],
  ['zh', '感谢您的好评，祝您生活愉快'],
  ['zh', '这家五星级酒店可以退款'],
  ['de', 'Vielen Dank für Ihre 5-Sterne-Bewertung!', 'amazon'],
  ['fr', 'Merci pour votre avis 5 étoiles, le remboursement est parti.', 'amazon'],
  ['es', 'El reembolso tarda 5 días. Puede dejar una reseña si lo desea.', 'amazon'],
  ['pt', 'Obrigado pela avaliação 5 estrelas!', 'shopee'],
  ['it', "L'hotel a 5 stelle offre la colazione gratis", 'amazon'],
  ['ja', '高評価ありがとうございます。', 'amazon'],
  ['ko', '리뷰 감사합니다.', 'amazon'],
];

describe('policy rules fire on the act, not the mention', () => {
  const table = (name: string, rule: string | null, cases: Case[]) =>
    it.each(cases)(`${name} [%s] %s`, (_lang, text, platform) => {
      expect(fired(text, platform)).toEqual(rule ? [rule] : []);
    });
  table('off-platform invitation or handle', 'off_platform_contact', OFF_PLATFORM);
  table('channel mentioned, not steering', null, OFF_PLATFORM_INNOCENT);
  table('instruction to pay outside or seller account', 'payment_outside_platform', PAYMENT);
  table('payment words without the act', null, PAYMENT_INNOCENT);
  table('incentive for a review or request to change one', 'review_manipulation', REVIEW);
  table('review words without the act', null, REVIEW_INNOCENT);

  it('covers every language the product claims, both ways', () => {
    const langs = (cases: Case[]) => new Set(cases.map((c) => c[0]));
    for (const cases of [OFF_PLATFORM, OFF_PLATFORM_INNOCENT, PAYMENT, PAYMENT_INNOCENT, REVIEW, REVIEW_INNOCENT]) {
      expect([...langs(cases)].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'pt', 'zh']);
    }
  });
});

describe('sentences split by ICU, not at decimals or domains', () => {
  it('keeps a price or a domain inside its sentence', () => {
    expect(fired('Refund of $4.99 for a 5 star review. Thanks!', 'amazon')).toEqual(['review_manipulation']);
    expect(fired('We refund 12.50 EUR via amazon.de for a 5-star review', 'amazon')).toEqual(['review_manipulation']);
    expect(fired('Wir erstatten 4,99 € für eine 5-Sterne-Bewertung.', 'amazon')).toEqual(['review_manipulation']);
    expect(fired('好评返现4.99元', 'aliexpress')).toEqual(['review_manipulation']);
  });

  it('still stops at a real sentence end', () => {
    expect(fired('We sent a refund of $4.99. A 5 star review from you last year made our day.', 'amazon')).toEqual([]);
    expect(fired('Add me. WeChat is great for photos.', 'amazon')).toEqual([]);
  });
});

describe('platform packs', () => {
  it.each<[string, string, string | null]>([
    ['shopee', 'It is cheaper on Lazada', 'competitor_steering'],
    ['shopee', 'Produk ini lebih murah di Tokopedia', 'competitor_steering'],
    ['shopee', 'We do not sell on Lazada.', null],
    ['shopee', 'Did you buy it on Lazada?', null],
    ['ebay', 'We can sell it to you outside eBay for less', 'offer_outside_platform'],
    ['ebay', 'We never sell outside eBay.', null],
    ['aliexpress', 'Please cancel the dispute, we will resend the item', 'dispute_avoidance'],
    ['aliexpress', '亲，麻烦您取消纠纷，我们给您补发', 'dispute_avoidance'],
    ['aliexpress', 'If the item arrives, you can close the dispute yourself.', null],
    ['aliexpress', "You don't need to cancel the dispute; it closes automatically.", null],
    ['amazon', 'Follow us on Instagram for more deals!', 'marketing_message'],
    ['amazon', 'This dress is from our new collection.', null],
    ['amazon', 'The fee is $4.99. See amazon.com for details.', null],
    ['amazon', 'Visit https://cheap-deals.example.net for more', 'external_link'],
  ])('%s: %s', (platform, text, rule) => {
    expect(fired(text, platform)).toEqual(rule ? [rule] : []);
  });

  it('shares the generic rule set among platforms no pack names', () => {
    const p = compilePolicy(builtinPolicyPacks());
    for (let k = 0; k < 300; k++) p.evaluate(normalizeText('Visit https://example.org'), 'agent', `shop-${k}`);
    p.evaluate(normalizeText('Visit https://example.org'), 'agent', 'AMAZON');
    p.evaluate(normalizeText('hello'), 'agent', undefined);
    expect(p.ruleSets).toBe(2);
    // a platform no pack names gets the generic rules only (no external_link), a named one its own
    expect(p.evaluate(normalizeText('Visit https://example.org'), 'agent', 'shop-1')).toEqual([]);
    expect(p.evaluate(normalizeText('Visit https://example.org'), 'agent', 'Amazon').map((h) => h.rule.id)).toEqual(['external_link']);
  });
});

describe('policy pack schema', () => {
  const pack = definePolicyPack({
    id: 't',
    version: '1',
    platforms: ['*'],
    rules: [
      {
        id: 'toy',
        severity: 'major',
        why: 'test',
        phrases: [
          { all: [['send'], ['robots']], within: 20, ordered: true, clause: true },
          { all: [['id'], { pattern: '[a-z]+\\d{3,}' }], within: 2, ordered: true },
        ],
        unless: ['never'],
        unlessAfter: ['ないで'],
        allow: ['send robots home'],
      },
    ],
  });
  const hit = (t: string) =>
    compilePolicy([pack])
      .evaluate(normalizeText(t), 'agent', undefined)
      .map((h) => h.matched);

  it('orders parts, keeps them in one clause and reads regex parts', () => {
    expect(hit('Please send two robots')).toEqual(['send two robots']);
    expect(hit('Robots? Please send them')).toEqual([]);
    expect(hit('Robots we send')).toEqual([]);
    expect(hit('send it, robots are nice')).toEqual([]);
    expect(hit('my id abc123')).toEqual(['id abc123']);
  });

  it('drops negated and allow-listed hits', () => {
    expect(hit('We never send robots')).toEqual([]);
    expect(hit('No worries, we send robots')).toEqual(['send robots']);
    expect(hit('send robotsないで')).toEqual([]);
    expect(hit('Please send robots home')).toEqual([]);
  });

  it('reads the veto terms of a rule a regex fires alone, also when no term of the rule may fire it', () => {
    const vetoed = definePolicyPack({
      id: 'v',
      version: '1',
      platforms: ['*'],
      rules: [{ id: 'code', severity: 'minor', why: 'x', patterns: ['\\d{5}'], unless: ['never'], phrases: [{ all: [['send'], ['robots']] }] }],
    });
    const found = (t: string) =>
      compilePolicy([vetoed])
        .evaluate(normalizeText(t), 'agent', undefined)
        .map((h) => h.matched);
    expect(found('my code 12345')).toEqual(['12345']);
    expect(found('we never use 12345')).toEqual([]);
    expect(found('send 12345')).toEqual(['12345']); // one group of a phrase: no term fires, the regex does
    expect(found('never send 12345')).toEqual([]);
    expect(found('send robots')).toEqual(['send robots']);
  });

  it('rejects an invalid regex part with its path', () => {
    expect(() =>
      definePolicyPack({
        id: 'x',
        version: '1',
        platforms: ['*'],
        rules: [{ id: 'bad', severity: 'minor', why: 'x', phrases: [{ all: [['a'], { pattern: '(' }] }] }],
      }),
    ).toThrow(/invalid regex/);
  });
});

describe('quoted speech', () => {
  it('does not read a quoted scam message as the agent steering, but a quoted handle is still shared', () => {
    expect(fired('If someone writes “add me on WhatsApp” to you, ignore it: we never ask that.', 'amazon')).toEqual([]);
    expect(fired('Si quelqu’un vous écrit « ajoutez-moi sur WhatsApp », ne répondez pas.', 'amazon')).toEqual([]);
    expect(fired('如果有人让您“加我微信”，请不要理会。', 'amazon')).toEqual([]);
    expect(fired('「LINEで連絡してください」というメッセージは偽物です。', 'amazon')).toEqual([]);
    expect(fired('Wenn jemand „Schreiben Sie mir auf WhatsApp“ schreibt, antworten Sie nicht.', 'amazon')).toEqual([]);
    expect(fired('Add me on WhatsApp and I will sort it.', 'amazon')).toEqual(['off_platform_contact']);
    expect(fired('Our link: “https://wa.me/447700900123”', 'amazon')).toContain('off_platform_contact');
  });

  it('reads single marks as a quotation only where they cannot be apostrophes', () => {
    // a scam quoted to warn the buyer (a false critical on a blind marketplace chat, decision 169)
    expect(fired("No, non siamo noi. Se qualcuno le scrive 'paga con PayPal amici e parenti fuori da eBay', è una truffa.", 'ebay')).toEqual([]);
    expect(fired("If a message says 'pay us directly by bank transfer', it is not from us.", 'ebay')).toEqual([]);
    expect(fired('Si on vous écrit ‘payez-nous par virement’, c’est une arnaque.', 'ebay')).toEqual([]);
    expect(fired("Wenn jemand schreibt 'überweisen Sie auf unser Konto', ist das Betrug.", 'ebay')).toEqual([]);
    // apostrophes do not open or close a quotation: the instruction is still the agent's
    expect(fired("Please pay us directly by bank transfer, it's quicker and we'll ship today.", 'ebay')).toContain('payment_outside_platform');
    expect(fired("Faccia un bonifico sul nostro conto, un po' più veloce, e l'ordine parte oggi.", 'ebay')).toContain('payment_outside_platform');
    expect(fired("Add me on WhatsApp, it's 'faster' that way.", 'amazon')).toEqual(['off_platform_contact']);
  });
});

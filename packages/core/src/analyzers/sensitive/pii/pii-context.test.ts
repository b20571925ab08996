import { detectPii } from '@cxqa/core';
import { emailDomainPlausible, serviceNumber } from '@cxqa/core/pii';
import { describe, expect, it } from 'vitest';

/** `type:value` for every finding, value cut from the original text. */
const found = (text: string, country?: string) => detectPii(text, { defaultCountry: country }).map((p) => `${p.type}:${text.slice(p.start, p.end)}`);
const ofType = (type: string, text: string, country?: string) => found(text, country).filter((f) => f.startsWith(`${type}:`));

describe('numbers inside longer tokens are not personal data', () => {
  it.each([
    ['The exchange rate applied was 0.5309136012499991 on the refund date.', 'US'],
    ['Le taux appliqué était 0,4111111111111111.', 'FR'],
    ['Your case reference is SR-20260812-09; quote it in any reply.', 'US'],
    ['see weibo.com/1434438281/zudiw1uFg for the post', 'CN'],
    ['账号cuy160108579232880 已经冻结', 'CN'],
    ['请升级成1.2.12087版本', 'CN'],
    ['系统版本号 6.3.960018065', 'CN'],
    ['比如24.75÷(75.45-7.586)', 'CN'],
    ['我是2010.2007和2003都说没感觉', 'CN'],
  ])('%s', (text, country) => {
    expect(found(text, country)).toEqual([]);
  });
});

describe('identifier words veto a following number (en zh de fr es ja pt it ko)', () => {
  it.each([
    ['The order number is 1780904714. Thank you!', undefined],
    ['Order No. 1312732442841 has two EMS tracking number, 5041108401288 // 5041782288570.', undefined],
    ['The job number of the staff was 1216479419.', undefined],
    ['Your ticket number is 4155552671, please keep it.', 'US'],
    ['Serial number: 4155552671', 'US'],
    ['IMEI 356938035643809', 'US'],
    ['订单号339568575、339595254、339462412', 'CN'],
    ['友宝机号：3111460', 'CN'],
    ['机器编号：0120291', 'CN'],
    ['报障号053264396145', 'CN'],
    ['宽带主账号：051367273919', 'CN'],
    ['快递单号 75312345678901', 'CN'],
    ['Ihre Vorgangsnummer lautet 20260812-09.', 'DE'],
    ['Aktenzeichen 0301234567', 'DE'],
    ['Ihre Bestellnummer lautet 0301234567.', 'DE'],
    ['Votre numéro de dossier est le 0612345678.', 'FR'],
    ['numéro de commande : 0612345678', 'FR'],
    ['Su número de pedido es 612345678.', 'ES'],
    ['Número de referencia 612345678', 'ES'],
    ['ご注文番号は 0312345678 です。', 'JP'],
    ['お問い合わせ番号：0312345678', 'JP'],
    ['Seu número de protocolo é 11987654321.', 'BR'],
    ['Il numero di pratica è 3123456789.', 'IT'],
    ['주문번호는 0212345678 입니다.', 'KR'],
    ['QQ号码：800010000', 'CN'],
    ['会員ID 0312345678', 'JP'],
    ['S/N: 2104123456', 'US'],
    ['App version 4.12.0 (build 4120035)', 'US'],
    ['Gerätenummer 1234567890', 'DE'],
    ['Référence client : 0612345678', 'FR'],
    ['Codice cliente 3123456789', 'IT'],
    ['请加2646228337扣扣聊', 'CN'],
  ])('%s', (text, country) => {
    expect(ofType('phone', text, country)).toEqual([]);
    expect(ofType('credit_card', text, country)).toEqual([]);
  });

  it('keeps a phone number when the identifier word is not what names it', () => {
    expect(ofType('phone', 'The order number was on the screenshot, 13904761373.', 'CN')).toEqual(['phone:13904761373']);
    expect(ofType('phone', '订单号在截图里了,13904761373', 'CN')).toEqual(['phone:13904761373']);
    expect(ofType('phone', '订单号123，电话13812345678', 'CN')).toEqual(['phone:13812345678']);
    expect(ofType('credit_card', 'my card number is 4111 1111 1111 1111')).toEqual(['credit_card:4111 1111 1111 1111']);
  });
});

describe("service lines are nobody's personal data", () => {
  it.each([
    ['您好,可以直接拨打TCL全国服务热线4008123456进行报修.', 'CN'],
    ['您可以拨打华为热线：400-830-8300/800-830-8300（座机）查询', 'CN'],
    ['请添加中国电信QQ客服（800010000）为好友', 'CN'],
    ['您可拨打客服热线10010取消，或发送“0000”至10658444', 'CN'],
    ['建议您拨打1001011速拨专线查询', 'CN'],
    ['请致电携程客服电话10103190', 'CN'],
    ['分店：徐汇区肇嘉浜路1000号汇金百货一楼 电话：021-61811683', 'CN'],
    ['Please call TCL national service hot line at 4008123456 to report your problem.', undefined],
    ['Our customer service hotline is 1-800-555-0199.', 'US'],
    ['Call 888-555-0123 toll-free any time.', 'US'],
    ['Unsere kostenlose Service-Hotline: 0800 123 4567', 'DE'],
    ['Appelez notre numéro vert au 0800 123 456.', 'FR'],
    ['Llame a nuestra línea gratuita 900 123 456.', 'ES'],
    ['Ligue para o nosso SAC 0800 123 4567.', 'BR'],
    ['Chiami il nostro numero verde 800 123 456.', 'IT'],
    ['フリーダイヤル 0120-123-456 までお電話ください。', 'JP'],
    ['고객센터 1588-1234 로 문의해 주세요.', 'KR'],
    ['Customer care: 1800 123 456', 'AU'],
    ['Hotline 24/7: +49 800 1234567', undefined],
    ['请拨打hotline4001234567', undefined],
    ['You can also call 0591-09642088, and the customer service staff will help you.', undefined],
  ])('%s', (text, country) => {
    expect(ofType('phone', text, country)).toEqual([]);
  });

  it('classifies service ranges by type and by well-known prefixes', () => {
    expect(serviceNumber('4008123456', '4008123456', 'CN', undefined)).toBe(true);
    expect(serviceNumber('95588', '95588', 'CN', undefined)).toBe(true);
    expect(serviceNumber('18005550199', '1-800-555-0199', undefined, undefined)).toBe(true);
    expect(serviceNumber('15881234', '1588-1234', undefined, undefined)).toBe(true);
    expect(serviceNumber('13812345678', '13812345678', 'CN', 'MOBILE')).toBe(false);
    expect(serviceNumber('4155552671', '415-555-2671', 'US', 'FIXED_LINE_OR_MOBILE')).toBe(false);
  });

  it('still finds a personal mobile when a customer writes 客服 after it', () => {
    expect(ofType('phone', '13812345678 客服快点回复', 'CN')).toEqual(['phone:13812345678']);
  });
});

describe('phone validity and splitting', () => {
  it("needs a national number written in full for the customer's country", () => {
    expect(ofType('phone', 'Bitte zurückrufen: 2026081209', 'DE')).toEqual([]);
    expect(ofType('phone', '麻烦查一下 3221246', 'CN')).toEqual([]);
    expect(ofType('phone', '联系电话 3221246', 'CN')).toEqual(['phone:3221246']); // a phone word raises a local number
    expect(ofType('phone', 'Bitte zurückrufen: 030 12345678', 'DE')).toEqual(['phone:030 12345678']);
  });

  it('splits numbers that stand side by side', () => {
    expect(ofType('phone', 'Mój numer: 513140867 513140868', 'PL')).toEqual(['phone:513140867', 'phone:513140868']);
    expect(ofType('phone', '联系电话 13912345678 13812345679 都可以', 'CN')).toEqual(['phone:13912345678', 'phone:13812345679']);
    expect(ofType('phone', 'Meine Nummern: 015123456789 017612345678', 'DE')).toEqual(['phone:015123456789', 'phone:017612345678']);
  });

  it('reads thousands separators as a number and trusts grouping only where no country can validate', () => {
    expect(ofType('phone', 'Unglaubliche 140.000.000 tote Zugvögel', 'DE')).toEqual([]);
    expect(ofType('phone', 'Bolero 3/4 Arm 11.307.39.1820, Gr. 34', 'DE')).toEqual([]);
    expect(ofType('phone', 'line 997 1001 1002 of the subtitles', 'DE')).toEqual([]);
    expect(ofType('phone', "They're not answering at 516 466 638")).toEqual(['phone:516 466 638']);
  });

  it('rejects six-digit blocks that are not grouped like a phone', () => {
    expect(ofType('phone', '两台都空了 221214 378522哦', 'CN')).toEqual([]);
    expect(ofType('phone', 'ids 221214 378522')).toEqual([]);
  });

  it('marks first-person contact in every language', () => {
    for (const [text, country] of [
      ['Call me directly on my cell 415-555-2671', 'US'],
      ['您直接打我电话13812345678', 'CN'],
      ['Rufen Sie mich direkt an, meine Handynummer: 0151 23456789', 'DE'],
      ['Appelez-moi sur mon portable : 06 12 34 56 78', 'FR'],
      ['Llámame a mi móvil 612 345 678', 'ES'],
      ['Me liga no meu celular (11) 98765-4321', 'BR'],
      ['Mi chiami sul mio cellulare 333 123 4567', 'IT'],
      ['私の携帯に直接お電話ください：090-1234-5678', 'JP'],
      ['제 번호 010-1234-5678 로 직접 전화 주세요', 'KR'],
    ] as const) {
      const phones = detectPii(text, { defaultCountry: country }).filter((p) => p.type === 'phone');
      expect(phones.length, text).toBe(1);
      expect(phones[0]!.invitesContact, text).toBe(true);
    }
    expect(detectPii('The technician will call you from 415-555-2671', { defaultCountry: 'US' })[0]?.invitesContact).toBeUndefined();
  });
});

describe('e-mail addresses', () => {
  it('need a real top-level domain and are not file names', () => {
    expect(found('see photo@2x.png, icon@3x.jpg and report@final.pdf')).toEqual([]);
    expect(emailDomainPlausible('exemple.fr')).toBe(true);
    expect(emailDomainPlausible('2x.png')).toBe(false);
    expect(emailDomainPlausible('host.notatld')).toBe(false);
    expect(found('écrivez à marie.dupont@exemple.fr')).toEqual(['email:marie.dupont@exemple.fr']);
  });

  it("role mailboxes and addresses named as the service's are not personal", () => {
    expect(found('Write to support@shop.com or service@aliexpress.com')).toEqual([]);
    expect(found('客服邮箱 kefu-team@shop.cn')).toEqual([]);
    expect(found('my email is wang.xm@example.com')).toEqual(['email:wang.xm@example.com']);
  });
});

describe('IP addresses versus versions and infrastructure', () => {
  it.each([
    'Please update the router firmware to 3.10.2.15',
    'v1.2.3.4 is out',
    'build 10.0.19045.1',
    '固件版本 1.2.3.4',
    '我们使用输入法截屏组件1.1.0.21的版本验证发现',
    'バージョン 1.2.3.4 に更新',
    '버전 1.2.3.4',
    'DNS换为114.114.114.114就没有了',
    '接口信息都是0.0.0.0',
    '包应该是丢在14.215.137.138深圳电信这一跳',
    'the server 203.0.113.7 is down',
  ])('%s', (text) => {
    expect(ofType('ip_address', text)).toEqual([]);
  });

  it("finds an address named as someone's", () => {
    expect(ofType('ip_address', '接入IP我明盘给你124.79.121.167')).toEqual(['ip_address:124.79.121.167']);
    expect(ofType('ip_address', 'keep getting address 165.165.185.178 blocked')).toEqual(['ip_address:165.165.185.178']);
    expect(ofType('ip_address', 'mon adresse IP est 84.12.33.10')).toEqual(['ip_address:84.12.33.10']);
  });
});

import { createInspector, detectPii, detectPiiInView, judgePii, maskPii, normalizeText, sensitiveAnalyzer } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const found = (text: string, country?: string) => detectPii(text, { defaultCountry: country }).map((p) => `${p.type}:${text.slice(p.start, p.end)}`);
const ofType = (type: string, text: string, country?: string) => found(text, country).filter((f) => f.startsWith(`${type}:`));

describe('the normalized view: full-width and zero-width-hidden values', () => {
  it('finds cards, phones and e-mails and maps spans back to the original text', () => {
    const card = '我的卡号是４１１１ １１１１ １１１１ １１１１，扣了两次款。';
    expect(found(card, 'CN')).toEqual(['credit_card:４１１１ １１１１ １１１１ １１１１']);
    const phone = '手机1\u200b3\u200b9\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8，到了打我电话';
    expect(ofType('phone', phone, 'CN')).toEqual(['phone:1\u200b3\u200b9\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8']);
    expect(found('我的邮箱是ｗａｎｇｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual(['email:ｗａｎｇｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ']);
    expect(ofType('phone', '携帯は０９０－１２３４－５６７８です', 'JP')).toEqual(['phone:０９０－１２３４－５６７８']);
  });

  it('gives the same spans from a shared view as from the plain string', () => {
    const text = 'Ｃａｒｄ ４１１１ １１１１ １１１１ １１１１ and call +44 20 7946 0958';
    expect(detectPiiInView(normalizeText(text))).toEqual(detectPii(text));
  });

  it('keeps letter case for street names when the view is case-folded', () => {
    expect(found('Ｌｉｅｆｅｒｕｎｇ an Hauptstraße 12, 10115 Berlin')).toEqual(['street_address:Hauptstraße 12']);
  });
});

describe('street addresses', () => {
  it.each([
    ['收货地址：上海市浦东新区张杨路123号4栋502室', '上海市浦东新区张杨路123号4栋502室'],
    ['安装地址：浙江省江山市凤林镇茅坂乡株树村16号.', '浙江省江山市凤林镇茅坂乡株树村16号'],
    ['地址 百合花园3号楼2单元501室', '百合花园3号楼2单元501室'],
    ['住所は東京都新宿区西新宿2丁目8番1号です', '東京都新宿区西新宿2丁目8番1号'],
    ['大阪市北区梅田1-2-3にお願いします', '大阪市北区梅田1-2-3'],
    ['주소: 서울특별시 강남구 테헤란로 123', '서울특별시 강남구 테헤란로 123'],
    ['Bitte an Hauptstraße 12 liefern', 'Hauptstraße 12'],
    ['Livrez au 12 rue de la Paix svp', '12 rue de la Paix'],
    ['Envíelo a Calle Mayor 25, Madrid', 'Calle Mayor 25'],
    ['Morada: Rua Augusta 100, Lisboa', 'Rua Augusta 100'],
    ['Spedite a Via Roma 10, Milano', 'Via Roma 10'],
    ['Ship it to 221 Baker Street please', '221 Baker Street'],
    ['ticket Elm Street 12, 10115 Berlin has no comments', 'Elm Street 12'],
  ])('%s', (text, address) => {
    expect(ofType('street_address', text)).toEqual([`street_address:${address}`]);
  });

  it.each([
    '27号我从储蓄卡里充值5000元',
    '坐地铁3号线到人民广场',
    '我知道3号会到',
    '营业厅地址：龙茗路1300弄62号，营业时间8:30到17:00',
    '退货地址：杭州市西湖区文三路90号',
    '2026-06-02に市役所へ行きました',
    'I sent it via DHL 3 days ago',
    'Visit our store at 12 Main Street',
    'Via Email 3 volte al giorno',
    '014 Village Road',
    'The Wall Street 2024 outlook is out',
  ])('not an address: %s', (text) => {
    expect(ofType('street_address', text)).toEqual([]);
  });
});

describe('a name posted next to a phone', () => {
  it.each([
    ['张三 13812345678', 'CN', '张三'],
    ['王小明 13912345678 麻烦尽快上门', 'CN', '王小明'],
    ['28827878 姓李13798563078', 'CN', '李'],
    ['13513665032！杨小姐！', 'CN', '杨小姐'],
    ['联系人：欧阳娜娜 电话 13912345678', 'CN', '欧阳娜娜'],
    ['John Smith, +44 20 7946 0958', undefined, 'John Smith'],
    ['Name: Sieda Batukayev\nPhone: (99) 645-791', undefined, 'Sieda Batukayev'],
    ['김민수 010-1234-5678 로 연락주세요', 'KR', '김민수'],
    ['山田太郎様 090-1234-5678', 'JP', '山田太郎'],
  ])('%s', (text, country, name) => {
    expect(ofType('person_name', text, country)).toEqual([`person_name:${name}`]);
  });

  it.each([
    ['Customer Service, +44 20 7946 0958', undefined],
    ['联系方式 13812345678', 'CN'],
    ['我的手机 13812345678', 'CN'],
    ['某某 13640460176 云南昆明', 'CN'],
    ['고객님 010-1234-5678 맞으신가요', 'KR'],
    ['Mobile Phone: 415-555-2671', 'US'],
    ['John Smith is our manager', 'US'],
  ])('no name: %s', (text, country) => {
    expect(ofType('person_name', text, country)).toEqual([]);
  });
});

describe('secrets pasted into the chat (pii.credential)', () => {
  it.each([
    ['your password is Xy7!kq9', 'Xy7!kq9'],
    ["Your new password for the portal is 'Tr0ub4dor&3'.", 'Tr0ub4dor&3'],
    ['密码是123456', '123456'],
    ['您的验证码是552913，请勿告诉他人', '552913'],
    ['PIN: 4821', '4821'],
    ['verification code 552913', '552913'],
    ["your mother's maiden name is Smith", 'Smith'],
    ['Ihr neues Passwort lautet Kx8#pq2Z', 'Kx8#pq2Z'],
    ['Mon mot de passe est Soleil#2024', 'Soleil#2024'],
    ['Su PIN es 4821', '4821'],
    ['minha senha é abc12345', 'abc12345'],
    ['Il codice di verifica è 552913', '552913'],
    ['暗証番号は4821です', '4821'],
    ['인증번호는 552913 입니다', '552913'],
    ['CVV 123 and expiry 12/27', '123'],
    ['安全码是 456', '456'],
    ['登录密码是 Qwe@1234', 'Qwe@1234'],
  ])('%s', (text, value) => {
    expect(ofType('credential', text)).toEqual([`credential:${value}`]);
  });

  it.each([
    'I forgot my password',
    'Please never share your PIN with anyone',
    'Your password must have at least 8 characters',
    'password is incorrect',
    'PIN: ****',
    "What is your mother's maiden name?",
    '密码错误怎么办',
    '密码是否正确呢？在其他环境可否链接呢',
    '验证码没收到',
    'パスワードを忘れました',
    '비밀번호를 잊어버렸어요',
    'Das Passwort ist falsch',
    'mot de passe oublié',
    'la contraseña es incorrecta',
    'la password è sbagliata',
    'Please set a secure password for your account.',
    "I don't know what my password is.,passcode_forgotten",
    'I do not know my password anymore.',
  ])('not a secret: %s', (text) => {
    expect(ofType('credential', text)).toEqual([]);
  });

  it('masks the whole value in evidence', () => {
    expect(maskPii('credential', 'Xy7!kq9')).toBe('••••••');
    expect(maskPii('credential', 'correct horse battery staple 42')).toBe('••••••');
  });
});

describe('judgement: direction, platform and invitations', () => {
  it('a secret is critical from an agent and info from a customer', () => {
    expect(judgePii('credential', 'agent', false, 'shopify')).toMatchObject({ code: 'pii.credential', severity: 'critical' });
    expect(judgePii('credential', 'customer', false, 'shopify')).toMatchObject({ code: 'pii.credential', severity: 'info' });
  });

  it('an invitation to direct contact is contact exchange on marketplaces and when the platform is unknown, not on own channels', () => {
    expect(judgePii('phone', 'agent', false, undefined, { invitesContact: true }).code).toBe('policy.contact_exchange');
    expect(judgePii('phone', 'agent', false, 'amazon', { invitesContact: true }).code).toBe('policy.contact_exchange');
    expect(judgePii('phone', 'agent', false, 'shopify', { invitesContact: true }).code).toBe('pii.phone');
    expect(judgePii('phone', 'agent', false, undefined).code).toBe('pii.phone');
  });

  it('the analyzer: hotline silent, personal number with an invitation is contact exchange, evidence masked', async () => {
    const inspector = createInspector({ analyzers: [sensitiveAnalyzer({ policyPacks: [] })] });
    const at = (m: number) => `2026-06-02T10:0${m}:00+08:00`;
    const r = await inspector.inspect({
      id: 'x',
      customer: { country: 'CN' },
      messages: [
        { role: 'customer', text: '东西还没到，我的手机１３９１２３４５６７８', at: at(0) },
        { role: 'agent', text: '您好，可拨打客服热线400-820-1234查询，或者您直接打我电话１３８１２３４５６７８，我帮您查。', at: at(1) },
        { role: 'agent', text: '已给您重置，新密码是Ab12345!', at: at(2) },
      ],
    });
    expect(r.findings.map((f) => `${f.code}:${f.severity}@${f.messageIndex}`)).toEqual([
      'pii.phone:info@0',
      'policy.contact_exchange:major@1',
      'pii.credential:critical@2',
    ]);
    const agentPhone = r.findings[1]!;
    expect(r.conversationId).toBe('x');
    expect(agentPhone.evidence).toBe('•••••••••７８');
    expect(agentPhone.explanation).not.toMatch(/１３８|138/);
    expect(r.findings[2]!.evidence).toBe('••••••');
    const text = '您好，可拨打客服热线400-820-1234查询，或者您直接打我电话１３８１２３４５６７８，我帮您查。';
    expect(text.slice(agentPhone.span!.start, agentPhone.span!.end)).toBe('１３８１２３４５６７８');
  });
});

describe('national ID numbers (pii.national_id): check digit and, for common shapes, the name before them', () => {
  it('finds a CPF, NIE, codice fiscale, RRN and My Number with valid check digits', () => {
    expect(ofType('national_id', 'Emiti a nota no CPF 529.982.247-25.', 'BR')).toEqual(['national_id:529.982.247-25']);
    expect(ofType('national_id', 'CPF 52998224725', 'BR')).toEqual(['national_id:52998224725']);
    expect(ofType('national_id', 'la factura va con el DNI 12345678Z', 'ES')).toEqual(['national_id:12345678Z']);
    expect(ofType('national_id', 'Mi NIE es X1234567L', 'ES')).toEqual(['national_id:X1234567L']);
    expect(ofType('national_id', 'codice fiscale RSSMRA85T10A562S', 'IT')).toEqual(['national_id:RSSMRA85T10A562S']);
    expect(ofType('national_id', '주민등록번호 900101-1234567', 'KR')).toEqual(['national_id:900101-1234567']);
    expect(ofType('national_id', 'マイナンバー 1234 5678 9018', 'JP')).toEqual(['national_id:1234 5678 9018']);
  });

  it('needs the number named where its shape alone is common, and a valid check digit', () => {
    expect(ofType('national_id', 'Mi pedido 12345678Z no ha llegado.', 'ES')).toEqual([]);
    expect(ofType('national_id', '注文番号 1234 5678 9018 の件です。', 'JP')).toEqual([]);
    expect(ofType('national_id', '주문번호 900101-1234567 입니다', 'KR')).toEqual([]);
    expect(ofType('national_id', 'CPF 529.982.247-26', 'BR')).toEqual([]); // wrong check digit
    expect(ofType('national_id', 'tracking 52998224725', 'BR')).toEqual([]);
  });

  it('is critical when the agent writes one, like the other identity numbers', () => {
    expect(judgePii('national_id', 'agent', false, undefined)).toMatchObject({ code: 'pii.national_id', severity: 'critical' });
    expect(judgePii('national_id', 'customer', false, undefined).severity).toBe('info');
  });
});

describe('phones written with typographic dashes or an area-code slash', () => {
  it('reads ‐ ‑ ‒ – − as hyphens and "0171 / 234 56 78" as one number', () => {
    expect(ofType('phone', 'Call me at 415‐823‐4417', 'US')).toEqual(['phone:415‐823‐4417']);
    expect(ofType('phone', 'Call me at 415–823–4417', 'US')).toEqual(['phone:415–823–4417']);
    expect(ofType('phone', '電話番号は０９０‐１２３４‐５６７８です', 'JP')).toEqual(['phone:０９０‐１２３４‐５６７８']);
    expect(ofType('phone', 'Meine Handynummer ist 0171 / 234 56 78.', 'DE')).toEqual(['phone:0171 / 234 56 78']);
    expect(ofType('phone', 'no.1624044/18238831595/台福八宝粥', 'CN')).toEqual(['phone:18238831595']);
    expect(ofType('phone', 'Bestellung vom 01/12/2026 ist da', 'DE')).toEqual([]);
  });
});

describe('Korean lot-number addresses (지번)', () => {
  it('finds 동/리/가 + lot number after a district, not an exit number', () => {
    expect(ofType('street_address', '배송지를 서울시 마포구 합정동 123-45 로 변경했습니다.')).toEqual(['street_address:서울시 마포구 합정동 123-45']);
    expect(ofType('street_address', '부산광역시 해운대구 우동 1408 으로')).toEqual(['street_address:부산광역시 해운대구 우동 1408']);
    expect(ofType('street_address', '강남구 역삼동 2번 출구 앞 매장에서 샀어요.')).toEqual([]);
  });
});

describe('one finding per value and message', () => {
  it('reports a phone written twice in one message once', async () => {
    const r = await createInspector({ analyzers: [sensitiveAnalyzer()] }).inspect({
      id: 'x',
      customer: { country: 'US' },
      messages: [
        { role: 'customer', text: "Call me at 415-823-4417, that's 415-823-4417.", at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: "Sure, we'll call 415-823-4417, again that's 415-823-4417.", at: '2026-03-02T10:01:00Z' },
      ],
    });
    expect(r.findings.filter((f) => f.code === 'pii.phone').map((f) => [f.messageIndex, f.severity])).toEqual([
      [0, 'info'],
      [1, 'critical'],
    ]);
  });
});

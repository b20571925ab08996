import { describe, expect, it } from 'vitest';
import { courtesyAnalyzer, createInspector } from '../../index.js';

const inspector = createInspector({ analyzers: [courtesyAnalyzer()] });

/** The sarcasm findings of a two-message exchange: [rule id, quote] per finding. */
async function sarcasm(customer: string, agent: string) {
  const r = await inspector.inspect({
    id: 'c',
    messages: [
      { role: 'customer', text: customer, at: '2026-03-03T10:00:00Z' },
      { role: 'agent', text: agent, at: '2026-03-03T10:01:00Z' },
    ],
  });
  return r.findings.filter((f) => f.code === 'politeness.sarcastic').map((f) => [f.rule?.id, f.evidence]);
}

describe('laughter in an agent reply: sarcasm only in reply to a complaint', () => {
  it('呵呵 opening a reply to a complaint, even with an apology after it (info until measured)', async () => {
    expect(await sarcasm('杯子刚拆开就裂了，你们这什么质量', '呵呵，不好意思，您拍个照片过来吧')).toEqual([['zh.sarcastic.hehe_opening', '呵呵']]);
  });

  it('not a customer’s own 呵呵, not 呵呵 after the customer’s joke, not 呵呵~ with 不客气, not Weibo’s [呵呵]', async () => {
    expect(await sarcasm('呵呵，你们家快递真快，昨天下单今天就到了', '谢谢您的支持，欢迎再来')).toEqual([]);
    expect(await sarcasm('我家猫把快递盒当床了，哈哈', '呵呵，猫咪真可爱，东西都还好吧？')).toEqual([]);
    expect(await sarcasm('杯子刚拆开就裂了，你们这什么质量', '呵呵~不客气的，感谢您的支持哦~')).toEqual([]);
    expect(await sarcasm('杯子刚拆开就裂了，你们这什么质量', '[呵呵] 亲，已经为您加急补发')).toEqual([]);
  });

  it('ㅋㅋ and (笑) after a complaint are sarcasm; after the customer’s joke they are not', async () => {
    expect((await sarcasm('컵이 깨져서 왔어요. 정말 실망이에요.', 'ㅋㅋ 그럴 수도 있죠')).map(([id]) => id)).toEqual(['ko.sarcastic.laugh']);
    expect(await sarcasm('고양이가 택배 상자에서 안 나와요 ㅋㅋ', 'ㅋㅋ 귀엽네요! 상품은 괜찮으신가요?')).toEqual([]);
    expect((await sarcasm('カップが割れて届きました。がっかりです。', 'よくあることですね（笑）')).map(([id]) => id)).toEqual(['ja.sarcastic.laugh']);
    expect(await sarcasm('猫が箱から出てきません（笑）', 'かわいいですね（笑）商品は大丈夫でしたか？')).toEqual([]);
  });
});

// A laugh at a complaint mocks it; the same laugh with an apology or a remedy in the reply is an
// embarrassed laugh, not mockery (decision 148). [language, complaint, mocking reply, embarrassed reply]
const laughCases: [string, string, string, string][] = [
  ['en', 'The mug arrived broken, this is unacceptable.', 'haha couriers, what can you do', 'haha oh no, so sorry, I will resend it today'],
  ['de', 'Die Tasse kam kaputt an, das ist unverschämt.', 'haha, die Post halt', 'haha oh je, tut mir leid, wir schicken Ersatz'],
  ['fr', 'La tasse est arrivée cassée, c’est inadmissible.', 'mdr la poste quoi', 'mdr désolée, je vous en renvoie une'],
  ['es', 'La taza llegó rota, es inaceptable.', 'jajaja el correo es así', 'jaja lo siento, le reenvío otra hoy'],
  ['pt', 'A caneca chegou quebrada, é inaceitável.', 'kkkk os correios são assim', 'kkkk desculpa, vou reenviar hoje'],
  ['it', 'La tazza è arrivata rotta, è inaccettabile.', 'ahahah il corriere è così', 'ahaha mi dispiace, la rispedisco oggi'],
  ['ja', 'マグカップが割れて届きました。ひどいです。', '配送ってそんなものですよｗｗ', 'ｗｗ 申し訳ありません、すぐ再送します'],
  ['ko', '머그컵이 깨져서 왔어요. 최악이에요.', '택배가 원래 그래요 ㅋㅋ', 'ㅋㅋ 죄송합니다, 바로 재발송해 드릴게요'],
  ['zh', '杯子收到就碎了，太差了！', '哈哈 快递就是这样', '哈哈 亲不好意思呀，马上给您补发'],
];

describe('a laugh at a complaint', () => {
  for (const [language, complaint, mocking, embarrassed] of laughCases)
    it(`${language}: mocks without an apology or remedy, not with one`, async () => {
      expect((await sarcasm(complaint, mocking)).map(([id]) => id)).toContain(`${language}.sarcastic.laugh`);
      expect((await sarcasm(complaint, embarrassed)).map(([id]) => id)).not.toContain(`${language}.sarcastic.laugh`);
    });
});

describe('a laugh after the customer laughed', () => {
  it('is laughing along, not mockery: the customer found the parcel and laughed first', async () => {
    for (const [complaint, customerLaugh, agentLaugh] of [
      ['快递显示已签收 我根本没收到！！', '哦哦找到了 被我老公塞鞋柜里了😂', '哈哈哈没事 找到就好'],
      ['Tracking says delivered but nothing is here, this is ridiculous.', 'lol found it, my neighbour had it', 'haha glad it turned up'],
      ['El paquete dice entregado pero no llegó nada, es inaceptable.', 'jajaja lo tenía mi vecina', 'jaja qué bien'],
    ]) {
      const r = await inspector.inspect({
        id: 'c',
        messages: [
          { role: 'customer', text: complaint!, at: '2026-03-03T10:00:00Z' },
          { role: 'agent', text: 'Let me check the delivery photo.', at: '2026-03-03T10:01:00Z' },
          { role: 'customer', text: customerLaugh!, at: '2026-03-03T10:02:00Z' },
          { role: 'agent', text: agentLaugh!, at: '2026-03-03T10:03:00Z' },
        ],
      });
      expect(r.findings.filter((f) => f.code === 'politeness.sarcastic')).toEqual([]);
    }
  });
});

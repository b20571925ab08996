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

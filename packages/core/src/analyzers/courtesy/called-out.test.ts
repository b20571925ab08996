import { describe, expect, it } from 'vitest';
import { courtesyAnalyzer, createInspector, normalizeText } from '../../index.js';
import { CONDUCT_LANGUAGES, shippedConductRules } from '../../subpath/rules.js';
import { compileCalledOut } from './called-out.js';

const calledOut = compileCalledOut(CONDUCT_LANGUAGES.map(shippedConductRules));

describe('the customer objecting to the agent’s laugh or tone: every shipped example', () => {
  for (const language of CONDUCT_LANGUAGES)
    for (const objection of ['laugh', 'tone'] as const) {
      const examples = shippedConductRules(language).calledOut?.[objection].examples;
      it(`${language} ${objection}: has a list, its objections match and its innocent messages do not`, () => {
        expect(examples?.fire.length).toBeGreaterThan(3);
        for (const text of examples!.fire) expect(calledOut.objects(objection, language, normalizeText(text).normalized), text).toBe(true);
        for (const text of examples!.innocent) expect(calledOut.objects(objection, language, normalizeText(text).normalized), text).toBe(false);
      });
    }
});

const inspector = createInspector({ analyzers: [courtesyAnalyzer()] });

/** The sarcasm findings of a chat of alternating customer/agent messages: [rule id, severity, quote]. */
async function sarcasm(...texts: string[]) {
  const r = await inspector.inspect({
    id: 'c',
    messages: texts.map((text, k) => ({ role: k % 2 ? 'agent' : 'customer', text, at: `2026-03-03T10:0${k}:00Z` })),
  });
  return r.findings.filter((f) => f.code === 'politeness.sarcastic').map((f) => [f.rule?.id, f.severity, f.evidence]);
}

describe('a laugh the customer objected to is critical sarcasm, whatever softened it', () => {
  it('replaces the info laugh finding (ko ㅎㅎ, ja （笑）) and overrides an apology (zh 呵呵，不好意思)', async () => {
    expect(
      await sarcasm('문의 남기는 게 벌써 세 번째예요. 아직도 물건이 안 왔어요.', '세 번이나요? 정말 대단하시네요 ㅎㅎ 확인해 드릴게요.', '지금 웃으세요?'),
    ).toEqual([['ko.sarcastic.called_out', 'critical', 'ㅎㅎ']]);
    expect(await sarcasm('これで問い合わせるのは3回目です。まだ届きません。', 'それはご苦労さまです（笑）。確認します。', '笑いごとではありません。')).toEqual([
      ['ja.sarcastic.called_out', 'critical', '（笑）'],
    ]);
    expect(await sarcasm('杯子刚拆开就裂了。', '呵呵，不好意思哈，您拍个照片发过来。', '你呵呵什么？什么意思？')).toEqual([
      ['zh.sarcastic.called_out', 'critical', '呵呵'],
    ]);
  });

  it('in the Latin-script languages too, with the laugh that opened the reply', async () => {
    expect(await sarcasm('My order is three weeks late.', 'lol couriers are like that. Any other questions?', "What's so funny?")).toEqual([
      ['en.sarcastic.called_out', 'critical', 'lol'],
    ]);
    expect(
      await sarcasm('Mi pedido llegó roto.', 'jajaja bueno, tampoco es un desastre 😂 te lo cambiamos', 'Me parece una falta de respeto que encima te rías.'),
    ).toEqual([['es.sarcastic.called_out', 'critical', 'jajaja']]);
    expect(
      await sarcasm('Le colis est en retard de deux semaines.', 'Haha merci 😄 les délais dépendent du transporteur', 'Vous vous foutez de moi ?'),
    ).toEqual([['fr.sarcastic.called_out', 'critical', 'Haha']]);
  });

  it('not when the customer laughs along, objects to the situation, or the agent never laughed', async () => {
    expect(await sarcasm('My cat sleeps in your box instead of the bed lol', 'haha classic! Enjoy the bed anyway', 'haha thanks!')).toEqual([]);
    // the customer laughed first: the agent laughed along, and "not funny" is about the situation
    const rooftop = await sarcasm(
      'the driver left my parcel on the roof of my car lol. third time this month',
      "Haha that's a new one! Is the item okay?",
      'yeah the book is fine. not funny the third time though',
    );
    expect(rooftop.filter(([, severity]) => severity === 'critical')).toEqual([]);
    expect(await sarcasm('Die Lieferung ist schon wieder zu spät.', 'Haha, die Post halt 😅', 'Warum lachen Sie?')).toEqual([
      ['de.sarcastic.called_out', 'critical', 'Haha'],
    ]);
    expect(await sarcasm('品物が届きません。', 'そうなんですねｗ', 'ｗって何ですか？')).toEqual([['ja.sarcastic.called_out', 'critical', 'ｗ']]);
    expect(await sarcasm('Where is my order?', 'It ships tomorrow, sorry for the wait.', 'This is not funny anymore, it is the third delay.')).toEqual([]);
    expect(await sarcasm('我的快递到哪了？', '亲，已经在派送了哦', '哈哈什么时候能到？')).toEqual([]);
  });

  it('not an embarrassed laugh in a reply that apologised, unless a sarcasm rule flagged it', async () => {
    const sorry = await sarcasm(
      'The invoice shows the wrong amount.',
      'Oh no haha, a digit went missing! So sorry about that, fixing it now.',
      "it's not really a haha situation",
    );
    expect(sorry.filter(([, severity]) => severity === 'critical')).toEqual([]);
  });

  it('only the customer messages before the agent writes again count', async () => {
    const r = await sarcasm(
      'The mug arrived cracked.',
      'haha oh no. Send a photo please.',
      'ok here',
      'Thanks, a new one ships today.',
      "What's so funny about it?",
    );
    expect(r).toEqual([['en.sarcastic.laugh', 'info', 'haha']]);
  });
});

describe('a reply whose tone the customer objected to: info, and a reason to review', () => {
  const chat = (...texts: string[]) =>
    createInspector().inspect({
      id: 'c',
      messages: texts.map((text, k) => ({ role: k % 2 ? 'agent' : 'customer', text, at: `2026-03-03T10:0${k}:00Z` })),
    });

  it('names the reply, claims the objection (not the fault) and asks for review', async () => {
    const r = await chat('Where is my parcel?', 'The tracking page has all of that information.', "Don't talk to me like that. I did read it.");
    const f = r.findings.find((x) => x.code === 'politeness.tone_objected')!;
    expect([f.severity, f.messageIndex, f.evidence, f.rule?.id]).toEqual(['info', 1, 'The tracking page has all of that information.', 'en.tone_objected']);
    expect(r.review.reasons).toContain('customer_objected_to_tone');
  });

  it('not for tone talk about someone else, praise, or the policy', async () => {
    for (const [customer, reply, next] of [
      ['Le colis est arrivé abîmé.', 'Je suis désolée, je vous renvoie un article aujourd’hui.', 'Merci, le livreur était très impoli par contre.'],
      ['快递到了吗？', '亲，已经在派送了哦', '你们服务态度很好，谢谢'],
      ['Quando arriva il rimborso?', 'Entro 14 giorni dalla ricezione del reso.', 'Lei è la prima persona che mi tratta come un cliente e non come un numero.'],
      ['Can I return it after 40 days?', 'Our return window is 30 days, so I can’t accept it.', 'That is ridiculous, I want a refund.'],
    ])
      expect((await chat(customer!, reply!, next!)).findings.map((x) => x.code)).not.toContain('politeness.tone_objected');
  });

  it('a reply already failed for its conduct gets no second finding', async () => {
    const r = await chat('My order is late!!!', 'Calm down, shouting will not help.', "Don't tell me to calm down. Watch your tone.");
    expect(r.findings.map((x) => x.code)).toContain('politeness.commanding');
    expect(r.findings.map((x) => x.code)).not.toContain('politeness.tone_objected');
  });
});

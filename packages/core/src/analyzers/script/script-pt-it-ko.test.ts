import { describe, expect, it } from 'vitest';
import { createInspector, scriptAnalyzer, sentimentAnalyzer } from '../../index.js';
import { compileScriptPhrases } from './script-rules.js';

// Portuguese, Italian and Korean script phrases (decision 189): data in courtesy/script.json, each kind
// with its look-alikes; before, these languages had none and no script check ran for them
const phrases = compileScriptPhrases();
const has = (language: string, phrase: 'greeting' | 'closing' | 'apology' | 'empathy' | 'complaint' | 'upset', text: string) =>
  phrases.find(language, phrase, text) !== null;

describe('script phrases for pt, it, ko', () => {
  it('are shipped for the three languages', () => {
    for (const language of ['pt', 'it', 'ko']) expect(phrases.has(language)).toBe(true);
  });
  const positives: [string, 'greeting' | 'closing' | 'apology' | 'empathy' | 'complaint', string][] = [
    ['pt', 'greeting', 'Olá, Ana! Obrigada por entrar em contato.'],
    ['pt', 'greeting', 'Loja Sol, em que posso ajudar?'],
    ['pt', 'greeting', 'Seja bem-vinda ao atendimento da Casa Azul.'],
    ['pt', 'closing', 'Posso ajudar em mais alguma coisa?'],
    ['pt', 'closing', 'Fico à disposição. Tenha um ótimo dia!'],
    ['pt', 'apology', 'Pedimos desculpas pelo atraso.'],
    ['pt', 'empathy', 'Entendo a sua frustração, deve ser muito chato.'],
    ['pt', 'complaint', 'O ventilador parou de girar.'],
    ['pt', 'complaint', 'Veio errado e a caixa chegou amassada.'],
    ['it', 'greeting', 'Buongiorno, grazie per averci contattato.'],
    ['it', 'greeting', 'Negozio Sole, come posso aiutarla?'],
    ['it', 'closing', 'Resto a sua disposizione, buona giornata!'],
    ['it', 'closing', 'Posso aiutarla con altre domande?'],
    ['it', 'apology', 'Ci scusiamo per il disagio.'],
    ['it', 'empathy', 'Capisco benissimo, è davvero frustrante.'],
    ['it', 'complaint', 'Il pacco è arrivato danneggiato e manca il cavo.'],
    ['ko', 'greeting', '안녕하세요, 문의 주셔서 감사합니다.'],
    ['ko', 'greeting', '해피몰 고객센터입니다. 무엇을 도와드릴까요?'],
    ['ko', 'closing', '더 궁금하신 점 있으시면 언제든지 문의해 주세요.'],
    ['ko', 'closing', '좋은 하루 되세요!'],
    ['ko', 'apology', '불편을 드려 정말 죄송합니다.'],
    ['ko', 'empathy', '얼마나 답답하셨을지 충분히 이해합니다.'],
    ['ko', 'complaint', '상자가 찢어져 있고 제품이 파손됐어요.'],
  ];
  it.each(positives)('%s %s: "%s"', (language, phrase, text) => {
    expect(has(language, phrase, text)).toBe(true);
  });
  // look-alikes: the words inside others, a wish that is no closing, a question that is no complaint
  const negatives: [string, 'greeting' | 'closing' | 'apology' | 'empathy' | 'complaint', string][] = [
    ['pt', 'greeting', 'Seu pedido sai amanhã.'],
    ['pt', 'greeting', 'Oitenta reais de reembolso foram enviados.'],
    ['pt', 'complaint', 'Quando vou receber o reembolso da devolução?'],
    ['pt', 'complaint', 'Vou comprar de novo com certeza.'],
    ['pt', 'empathy', 'O prazo de devolução é de 7 dias.'],
    ['it', 'greeting', 'Il pacco parte domani.'],
    ['it', 'greeting', 'Le ciabatte sono in offerta.'],
    ['it', 'complaint', 'Quando arriva il rimborso del reso?'],
    ['it', 'complaint', 'Le persone in negozio sono state gentili.'],
    ['it', 'closing', 'Il rimborso arriva entro 5 giorni.'],
    ['ko', 'greeting', '주문하신 상품은 내일 출고됩니다.'],
    ['ko', 'complaint', '환불은 언제 되나요?'],
    ['ko', 'complaint', '냄새가 좋아요.'],
    ['ko', 'closing', '송장번호는 문자로 보내드립니다.'],
  ];
  it.each(negatives)('%s %s is not: "%s"', (language, phrase, text) => {
    expect(has(language, phrase, text)).toBe(false);
  });
});

describe('the script checks run for pt, it, ko', () => {
  const inspector = createInspector({ analyzers: [sentimentAnalyzer(), scriptAnalyzer()] });
  const codes = async (customer: string, agent: string) => {
    const r = await inspector.inspect({
      id: 'c',
      messages: [
        { role: 'customer', text: customer, at: '2026-03-03T10:00:00Z' },
        { role: 'agent', text: agent, at: '2026-03-03T10:01:00Z' },
      ],
    });
    return r.findings.filter((f) => f.analyzer === 'script').map((f) => f.code);
  };
  it('a damaged order answered without an apology', async () => {
    expect(await codes('Olá, o pedido chegou quebrado.', 'Olá! Envie uma foto, por favor. Tenha um ótimo dia!')).toContain('script.missing_apology');
    expect(await codes('Buongiorno, il pacco è arrivato rotto.', 'Buongiorno, mandi una foto. Buona giornata!')).toContain('script.missing_apology');
    expect(await codes('안녕하세요, 상품이 파손되어 왔어요.', '안녕하세요. 사진 보내주세요. 좋은 하루 되세요!')).toContain('script.missing_apology');
  });
  it('a neutral question about a refund needs no apology', async () => {
    expect(await codes('Olá, quando vou receber o reembolso?', 'Olá! Em até 7 dias úteis. Tenha um ótimo dia!')).not.toContain('script.missing_apology');
    expect(await codes('Salve, quando arriva il rimborso?', 'Salve, entro 5 giorni lavorativi. Buona giornata!')).not.toContain('script.missing_apology');
    expect(await codes('환불은 언제 되나요?', '안녕하세요, 3~5영업일 내 환불됩니다. 좋은 하루 되세요!')).not.toContain('script.missing_apology');
  });
});

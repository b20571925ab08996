import { BUILTIN_LEXICONS, builtinLexicon, compileLexicons, createMatcher, type MatchTerm, matchLexicons, normalizeText } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

/** The languages the product claims. */
const PRODUCT = ['en', 'zh', 'de', 'fr', 'es', 'ja', 'pt', 'it', 'ko'] as const;
const lexicons = BUILTIN_LEXICONS.map(builtinLexicon);
const compiled = compileLexicons(lexicons);
/** `category:matched` of every single-term hit in a message of `language`. */
const hits = (text: string, language: string) => matchLexicons(compiled, normalizeText(text), { language }).terms.map((t) => `${t.term.category}:${t.matched}`);
const entries = (name: (typeof BUILTIN_LEXICONS)[number]) => builtinLexicon(name).terms.map((t) => (typeof t === 'string' ? { text: t } : t));

describe('shipped lexicons: shape', () => {
  it('tags every term with languages the product claims', () => {
    for (const name of ['profanity', 'insults', 'threats', 'discrimination'] as const) {
      for (const t of entries(name)) {
        expect(t.languages?.length, `${name}: ${t.text}`).toBeGreaterThan(0);
        for (const l of t.languages ?? []) expect(PRODUCT, `${name}: ${t.text}`).toContain(l);
      }
    }
  });

  it('has common swear words and insults in every product language', () => {
    for (const [name, min] of [
      ['profanity', 5],
      ['insults', 9],
    ] as const) {
      for (const lang of PRODUCT) {
        const n = entries(name).filter((t) => t.languages?.includes(lang)).length;
        expect(n, `${name} ${lang}`).toBeGreaterThanOrEqual(min);
      }
    }
    for (const lang of PRODUCT)
      expect(
        entries('threats').some((t) => t.languages?.includes(lang)),
        `threats ${lang}`,
      ).toBe(true);
  });

  it('keeps name-calling in insult and expletives in profanity', () => {
    const category = (text: string) => {
      for (const lex of lexicons) {
        const t = lex.terms.map((x) => (typeof x === 'string' ? { text: x } : x)).find((x) => x.text === text);
        if (t) return ('category' in t && t.category) || lex.defaults.category;
      }
      return undefined;
    };
    for (const t of [
      'asshole',
      'bitch',
      'bastard',
      'dickhead',
      'motherfucker',
      'cunt',
      'connard',
      'connasse',
      'enculé',
      'salope',
      'arschloch',
      'wichser',
      'cabrón',
      'gilipollas',
      'hijo de puta',
      'filho da puta',
      'stronzo',
      '개새끼',
      '병신',
    ]) {
      expect(category(t), t).toBe('insult');
    }
    for (const t of ['fuck', 'shit', 'scheiße', 'putain', 'mierda', 'porra', 'cazzo', 'vaffanculo', '씨발', '他妈的', 'くそ'])
      expect(category(t), t).toBe('profanity');
    expect(entries('profanity').every((t) => !('category' in t) || t.category === undefined)).toBe(true);
  });

  it('finds every term and variant in each of its languages (no allow entry swallows one)', () => {
    for (const lex of lexicons) {
      for (const raw of lex.terms) {
        const t = typeof raw === 'string' ? { text: raw } : raw;
        const category = ('category' in t && t.category) || lex.defaults.category;
        for (const text of [t.text, ...(('variants' in t && t.variants) || [])]) {
          for (const lang of t.languages ?? ['und']) {
            const found = matchLexicons(compiled, normalizeText(text), { language: lang }).terms;
            expect(
              found.some((f) => f.term.text === text && f.term.category === category),
              `${lex.id} ${lang}: ${text} → ${found.map((f) => f.term.text)}`,
            ).toBe(true);
          }
        }
      }
    }
  });
});

describe('shipped lexicons: true positives in every product language', () => {
  it.each([
    ['en', 'Only a dumbass would miss the tracking link.', 'insult:dumbass'],
    ['en', "Don't be such a jerk about a two-day delay.", 'insult:such a jerk'],
    ['en', "You're so stupid, read the label.", "insult:You're so stupid"],
    ['en', 'Stop being a b.i.t.c.h about it.', 'insult:b.i.t.c.h'],
    ['zh', '你是猪吗？说明书上写得很清楚。', 'insult:你是猪'],
    ['zh', '你就是个垃圾客户。', 'insult:你就是个垃圾'],
    ['zh', '你這個蠢豬', 'insult:蠢豬'],
    ['zh', '你这个二百五', 'insult:二百五'],
    ['de', 'Sie sind ein Vollpfosten.', 'insult:Vollpfosten'],
    ['de', 'Du Depp, das steht auf der Seite.', 'insult:Du Depp'],
    ['de', 'Das ist ein Scheißladen.', 'profanity:Scheiß'],
    ['de', 'Halt die Fresse!', 'insult:Halt die Fresse'],
    ['fr', 'Espèce de con, lisez le mail.', 'insult:Espèce de con'],
    ['fr', 'Vous êtes une conne.', 'insult:conne'],
    ['fr', 'Quel abruti.', 'insult:abruti'],
    ['es', 'Eres un pendejo.', 'insult:pendejo'],
    ['es', 'Eres un burro, ya te lo dije.', 'insult:burro'],
    ['es', 'No seas gilipollas.', 'insult:gilipollas'],
    ['ja', 'このバカ野郎、説明書を読め。', 'insult:バカ野郎'],
    ['ja', 'お前はクズだ。', 'insult:お前はクズ'],
    ['ja', 'ボケナスが。', 'insult:ボケナス'],
    ['pt', 'Você é um otário.', 'insult:otário'],
    ['pt', 'Seu burro, já expliquei.', 'insult:burro'],
    ['en', 'What the f*ck is this?', 'profanity:f*ck'],
    ['fr', 'Quel enc*lé.', 'insult:enc*lé'],
    ['es', 'Eres una p*ta.', 'profanity:p*ta'],
    ['it', 'Vaff*nculo.', 'profanity:Vaff*nculo'],
    ['pt', 'Vai se f*der.', 'profanity:Vai se f*der'],
    ['en', 'You bimbo.', 'insult:bimbo'],
    ['pt', 'Que babaca.', 'insult:babaca'],
    ['it', 'Sei proprio uno stronzo.', 'insult:stronzo'],
    ['it', 'Vaffanculo.', 'profanity:Vaffanculo'],
    ['it', 'Testa di cazzo.', 'insult:Testa di cazzo'],
    ['it', 'Porca puttana, di nuovo?', 'profanity:Porca puttana'],
    ['it', 'Sei un deficiente.', 'insult:Sei un deficiente'],
    ['ko', '이 개새끼야', 'insult:개새끼'],
    ['ko', '병신아 그것도 모르냐', 'insult:병신'],
    ['ko', '씨발 진짜', 'profanity:씨발'],
    ['ko', '씨 발 그만해', 'profanity:씨 발'],
    ['ko', '등신같은 소리', 'insult:등신'],
    ['ko', '미친 놈이네', 'insult:미친 놈'],
  ])('%s: %s', (lang, text, want) => {
    expect(hits(text, lang)).toContain(want);
  });
});

describe('shipped lexicons: innocent look-alikes stay silent', () => {
  it.each([
    ['en', "Your parcel is at Dick's Sporting Goods in Scunthorpe."],
    ['en', 'A knee-jerk reply, sorry; the jerk chicken seasoning and cocktail glasses ship today.'],
    ['en', 'Pay with bitcoin; the assessment of the bassist stand is done.'],
    ['en', 'Sorry, that was a stupid mistake on our side.'],
    ['en', 'Philip K. Dick novels are 20% off; the shiitake kit and the Dickens box ship today.'],
    ['zh', '猪肉今天下单明天发货。'],
    ['zh', '垃圾袋已经发货，垃圾分类请按说明进行，垃圾客户端已更新。'],
    ['zh', '这款是傻瓜相机，傻瓜式操作。'],
    ['zh', '二百五十元的优惠券已经到账。'],
    ['zh', '您是猪年出生的吗？'],
    ['zh', '您的手机有毛病的话可以寄回。'],
    ['de', 'Der Schmuck wird morgen versendet, das Gift gegen Ratten ist ausverkauft.'],
    ['de', 'Die DVD mit Johnny Depp ist wieder da; Herr Penner meldet sich.'],
    ['de', 'So ein Mist, das Paket ist verloren gegangen.'],
    ['fr', 'Le conseiller confirme le contrat ; êtes-vous content du connecteur ?'],
    ['fr', 'Le livreur était abruti de fatigue.'],
    ['fr', 'Le bâtard aux céréales, le bordelais et les crapauds en peluche sont en stock.'],
    ['es', 'El burro de planchar llega con su funda y con el cargador.'],
    ['en', 'Bimbo Bakeries bread, Spic and Span cleaner and faggots in gravy are in stock.'],
    ['es', 'No hay preguntas tontas; el servicio fue deficiente y el pedido está retrasado.'],
    ['es', 'Los capullos de rosa llegan mañana; el disfraz de zorro está agotado.'],
    ['ja', 'バカラのグラスとバカンス用品を発送します。'],
    ['ja', 'このレンズは背景のボケがきれいです。'],
    ['ja', '糸クズ取りネットとコーヒーのカス受けをお送りします。カスタマーサポートです。'],
    ['ja', '当店でバカ売れ中、アホ毛用ワックスも人気です。'],
    ['ja', '少しお待ちください。安いしね。'],
    ['pt', 'O aplicativo pede o CPF; o cofre chegou com a porta arrombada.'],
    ['pt', 'O burro de carga de brinquedo está em promoção.'],
    ['it', 'Il burro è arrivato sciolto; può pagare con carta o con bonifico.'],
    ['it', 'Spediamo a Troia (FG); il cavallo di Troia è stato rimosso; il cazzotto non c’entra.'],
    ['ko', '서울역이 시발점이고 등신대 굿즈는 다음 주에 출고됩니다.'],
    ['ko', '새끼손가락 반지와 새끼 고양이 사료를 보냅니다.'],
    ['ko', '여권 등 신분증을 지참해 주세요.'],
    ['ko', '전원이 꺼져 있으면 충전기를 연결해 주세요. 마감이 닥쳐서 늦어집니다.'],
    ['ko', '8등신 마네킹, 질병신고서, 미친 할인, 바보상자, 병신년 기념 주화.'],
    ['ko', '김민수 씨 발급 완료, 이 제품 엿 먹어 보세요.'],
  ])('%s: %s', (lang, text) => {
    expect(hits(text, lang)).toEqual([]);
  });

  it('applies a word only in the languages it is offensive in', () => {
    expect(hits('Il burro è fresco.', 'it')).toEqual([]);
    expect(hits('Paga con carta.', 'it')).toEqual([]);
    expect(hits('Der Schmuck ist da.', 'de')).toEqual([]);
    expect(hits('You are a schmuck.', 'en')).toEqual(['insult:schmuck']);
    expect(hits('Sei un cretino.', 'it')).toEqual(['insult:cretino']);
    expect(hits('Vous êtes un cretino.', 'fr')).toEqual([]);
    // Catalan is not a product language: a message scored Catalan is read as Spanish (Galician as Portuguese and Spanish)
    expect(hits('vete a la m.i.e.r.d.a', 'ca')).toEqual(['profanity:vete a la m.i.e.r.d.a']);
    expect(hits('Que babaca.', 'gl')).toEqual(['insult:babaca']);
    expect(hits('vete a la mierda', 'fr')).toEqual([]);
  });
});

describe('matcher boundary "start" (Korean particles, compound heads)', () => {
  const term = (id: string, text: string, extra: Partial<MatchTerm> = {}): MatchTerm => ({ id, text, category: 'test', severity: 'major', ...extra });
  const m = createMatcher(
    [
      term('bs', '병신', { boundary: 'start' }),
      term('ds', '등신', { boundary: 'start' }),
      term('sh', 'scheiß', { boundary: 'start' }),
      term('sb', '씨발', { boundary: 'start' }),
    ],
    ['등신대'],
  );
  const ids = (t: string) => m.match(t).map((h) => `${h.term.id}:${h.matched}`);

  it('lets particles and endings follow, but not a word before', () => {
    expect(ids('병신아 뭐해')).toEqual(['bs:병신']);
    expect(ids('병신같은 소리')).toEqual(['bs:병신']);
    expect(ids('질병신고서')).toEqual([]);
    expect(ids('8등신 마네킹')).toEqual([]);
    expect(ids('팔등신')).toEqual([]);
    expect(ids('등신대 굿즈')).toEqual([]);
    expect(ids('Scheißladen, scheißegal')).toEqual(['sh:Scheiß', 'sh:scheiß']);
    expect(ids('Oberscheiß')).toEqual([]);
  });

  it('reads a space between Korean words as a word boundary, not obfuscation', () => {
    expect(ids('여권 등 신분증')).toEqual([]);
    expect(ids('김민수 씨 발급')).toEqual([]);
    expect(ids('씨 발')).toEqual(['sb:씨 발']);
    expect(ids('병.신')).toEqual(['bs:병.신']);
    // a term written with its own space is matched as written
    expect(createMatcher([term('x', '입 닥쳐', { boundary: 'start' })]).match('입 닥쳐!').length).toBe(1);
  });

  it('keeps the default boundary of Hangul terms (substring) for other lexicons', () => {
    expect(createMatcher([term('x', '신고')]).match('소비자원신고').length).toBe(1);
  });
});

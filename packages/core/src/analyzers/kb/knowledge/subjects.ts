import { escapeRegExp } from '../../../util/escape-regexp.js';
import type { KbFact } from './schema.js';
import { topicSpans, topicsOfFact } from './topics.js';

/**
 * What a clause names: a fact of the KB entry (one of its keywords) or something else with its own
 * numbers that a KB entry about returns, refunds or warranties does not describe (a label's expiry,
 * warehouse processing, a reply time, a bank's delay …). A number is compared with a fact only when
 * its clause names that fact and nothing else of this kind.
 */
export interface Mention {
  start: number;
  end: number;
  /** The fact named, or null for something else ("label", "warehouse", "回复"). */
  fact: KbFact | null;
  /** A fact's keyword standing only as the reference point of a number ("after we receive your return"); `fact` is null. */
  reference?: boolean;
  /** Something else that is a delivery event ("arrives", "Lieferung", "发货"): a natural reference point. */
  delivery?: boolean;
}

/**
 * Things with their own deadlines and durations, as concepts with their words in en de fr es pt it
 * zh ja ko (Latin words match at a word start, so plurals and inflections count). A concept that a
 * numeric fact of the entry uses (a word of it in the fact's name or keywords, in any language) is
 * not "something else" for that entry: "Lieferung" is not another subject for a "free delivery
 * threshold" fact. `delivery` concepts are skipped where they are the reference point of the
 * number ("within 30 days of delivery", "ab Erhalt", "发货后", "到着後", "배송 후").
 */
const CONCEPTS: { words: string[]; delivery?: boolean }[] = [
  { words: ['label', 'etikett', 'versandetikett', 'étiquette', 'etiqueta', 'etichetta', '面单', '面單', '标签', '快递单', 'ラベル', '伝票', '라벨', '운송장'] },
  { words: ['warehouse', 'lager', 'entrepôt', 'almacén', 'armazém', 'magazzino', '仓库', '倉庫', '창고'] },
  {
    words: [
      'post office',
      'drop-off',
      'drop off',
      'postfiliale',
      'paketshop',
      'bureau de poste',
      'point relais',
      'oficina de correos',
      'correios',
      'agência',
      'ufficio postale',
      '邮局',
      '郵局',
      '驿站',
      '网点',
      '郵便局',
      'コンビニ',
      '우체국',
      '편의점',
    ],
  },
  {
    words: [
      'courier',
      'pickup',
      'pick-up',
      'pick up',
      'collection',
      'kurier',
      'abholung',
      'transporteur',
      'enlèvement',
      'mensajero',
      'transportista',
      'recogida',
      'transportadora',
      'coleta',
      'corriere',
      'ritiro',
      '快递员',
      '快递公司',
      '上门取件',
      '取件',
      '配送業者',
      '集荷',
      '택배기사',
      '택배사',
      '수거',
    ],
  },
  {
    words: [
      'link',
      'code',
      'password',
      'verification',
      'lien',
      'enlace',
      'código',
      'codice',
      '链接',
      '鏈接',
      '验证码',
      '兑换码',
      'リンク',
      'コード',
      '링크',
      '코드',
    ],
  },
  {
    words: [
      'money-back',
      'money back',
      'satisfaction guarantee',
      'geld-zurück',
      'zufriedenheitsgarantie',
      'satisfait ou remboursé',
      'garantie de remboursement',
      'garantía de devolución del dinero',
      'garantia de devolução do dinheiro',
      'soddisfatti o rimborsati',
      '返金保証',
      '환불 보장',
    ],
  },
  { words: ['discount', 'off', 'rabatt', 'remise', 'réduction', 'descuento', 'desconto', 'sconto', '折扣', '打折', '优惠', '割引', '値引き', '할인'] },
  {
    words: [
      'tax',
      'vat',
      'mwst',
      'mehrwertsteuer',
      'steuer',
      'tva',
      'taxe',
      'iva',
      'impuesto',
      'imposto',
      'tassa',
      'imposta',
      '增值税',
      '税费',
      '税',
      '消費税',
      '세금',
      '부가세',
    ],
  },
  {
    words: [
      'voucher',
      'coupon',
      'gift card',
      'gutschein',
      'bon d’achat',
      "bon d'achat",
      'cupón',
      'cupom',
      'buono sconto',
      'buono regalo',
      '优惠券',
      '优惠码',
      'クーポン',
      '쿠폰',
    ],
  },
  {
    words: [
      'bank',
      'card issuer',
      'statement',
      'kreditkartenabrechnung',
      'banque',
      'relevé',
      'banco',
      'extracto',
      'fatura',
      'banca',
      'estratto conto',
      '银行',
      '銀行',
      '账单',
      '信用卡',
      '明細',
      '은행',
      '명세서',
    ],
  },
  { words: ['process', 'bearbeit', 'traitement', 'traiter', 'traitons', 'proces', 'elabora', '处理', '處理', '処理', '처리'] },
  { words: ['inspect', 'prüfung', 'contrôle', 'inspección', 'inspeção', 'ispezione', '质检', '检测', '検品', '검수'] },
  {
    words: [
      'email',
      'e-mail',
      'mail',
      'sms',
      'text message',
      'nachricht',
      'courriel',
      'correo',
      'mensaje',
      'mensagem',
      'messaggio',
      '邮件',
      '短信',
      'メール',
      '메일',
      '문자',
      'get back to you',
      'reply',
      'respond',
      'response',
      'call you',
      'call back',
      'contact you',
      'email you',
      'melde mich',
      'melden uns',
      'melden wir',
      'rückmeldung',
      'antwort',
      'réponse',
      'répond',
      'recontacter',
      'revenir vers vous',
      'reviens vers vous',
      'reviendrons vers vous',
      'revenons vers vous',
      'respuesta',
      'responder',
      'responderemos',
      'contactaremos',
      'resposta',
      'retornaremos',
      'risposta',
      'rispond',
      'ricontatteremo',
      '回复',
      '答复',
      '回电',
      '回電',
      '联系您',
      '返信',
      'ご連絡',
      '답변',
      '회신',
      '연락',
    ],
  },
  { words: ['tracking', 'sendungsverfolgung', 'suivi', 'seguimiento', 'rastreamento', 'tracciamento', '单号', '物流信息', '追跡', '조회'] },
  { words: ['opening hours', 'business hours', 'öffnungszeiten', 'horaires', 'horario', 'orari', '营业时间', '営業時間', '영업시간'] },
  {
    words: [
      'repair',
      'replacement',
      'technician',
      'appointment',
      'reparatur',
      'ersatz',
      'techniker',
      'termin',
      'réparation',
      'remplacement',
      'technicien',
      'rendez-vous',
      'reparación',
      'reemplazo',
      'sustitución',
      'técnico',
      'cita',
      'reparo',
      'conserto',
      'substituição',
      'riparazione',
      'sostituzione',
      'tecnico',
      'appuntamento',
      '维修',
      '换货',
      '換貨',
      '更换',
      '修理',
      '交換',
      '수리',
      '교환',
    ],
  },
  {
    words: [
      'assembly',
      'installation',
      'aufbau',
      'montage',
      'montaje',
      'instalación',
      'montagem',
      'instalação',
      'montaggio',
      'installazione',
      '安装',
      '组装',
      '組み立て',
      '設置',
      '조립',
      '설치',
    ],
  },
  {
    words: [
      'delivery',
      'deliver',
      'shipping',
      'shipment',
      'ship',
      'dispatch',
      'transit',
      'arrive',
      'arrival',
      'lieferung',
      'versand',
      'zustellung',
      'livraison',
      'expédition',
      'entrega',
      'envío',
      'envio',
      'consegna',
      'spedizione',
      '快递',
      '物流',
      '发货',
      '發貨',
      '配送',
      '送达',
      '送達',
      '发出',
      '配達',
      '発送',
      'お届け',
      '到着',
      '배송',
      '발송',
      '도착',
    ],
    delivery: true,
  },
];
const REFERENCE_BEFORE =
  /(?<![\p{L}])(?:of|from|after|since|upon|following|ab|nach|seit|de|dès|à compter de|après|desde|tras|después de|da|após|dalla|dal|dopo)\s+(?:(?:the|your|der|die|dem|la|le|l'|l’|el|a|o|sua|su|votre|ihrer|la sua)\s+)?$/iu;
const REFERENCE_AFTER = /^\s*(?:之后|以后|之後|以後|后|後|起|以来|以降|から|후|부터|이후)/u;
/** A preposition of a reference point ("of" only after a duration or "receipt"), then up to three words of a noun phrase, before a fact's keyword ("nach Eingang der Rücksendung", "5 days of your return"). */
const REFERENCE_BEFORE_NP =
  /(?<![\p{L}])(?:(?<=(?:days?|weeks?|months?|years?|hours?|receipt|arrival)\s+)of|from|after|since|upon|following|ab|nach|seit|dès|à compter de|après|desde|tras|después de|a partir de|após|dopo|dalla|dal)\s+(?:(?:the|your|our|a|receipt|receiving|we|receive|arrival|of|eingang|erhalt|der|des|die|dem|ihrer|ihres|unserer|réception|de|du|la|le|l'|l’|votre|vos|recepción|recibir|recibida|su|sus|el|recebimento|receber|da|do|sua|ricezione|ricevimento|del|della|il|vostro|vostra)\s+){0,3}$/iu;

const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
const LATIN_TERM = /^[\p{Script=Latin}\s'’-]+$/u;
/** German nouns that also end compounds ("Rücksendeetikett", "Versandlager"): matched inside words. */
const COMPOUND_PARTS = new Set([
  'bearbeit',
  'rabatt',
  'steuer',
  'etikett',
  'lager',
  'kurier',
  'abholung',
  'prüfung',
  'reparatur',
  'gutschein',
  'lieferung',
  'versand',
  'zustellung',
  'aufbau',
  'rückmeldung',
]);
/** One concept as a regex source: Latin words at a word start, compound parts and CJK/Hangul words anywhere. */
const conceptSource = (words: readonly string[]) => {
  const latin = words.filter((w) => LATIN_TERM.test(w) && !COMPOUND_PARTS.has(w));
  const anywhere = words.filter((w) => !LATIN_TERM.test(w) || COMPOUND_PARTS.has(w));
  return [latin.length ? `(?<![\\p{L}\\p{N}])(?:${alternation(latin)})` : '', anywhere.length ? alternation(anywhere) : ''].filter(Boolean).join('|');
};

interface ForeignConcepts {
  /** One group per concept, in `delivery` order; null when every concept is the entry's own. */
  re: RegExp | null;
  delivery: boolean[];
}
const foreignCache = new WeakMap<readonly KbFact[], ForeignConcepts>();
/** The concepts no numeric fact uses (a concept word at a word start of the fact's name or a keyword), as one regex. */
function foreignConcepts(facts: readonly KbFact[]): ForeignConcepts {
  const cached = foreignCache.get(facts);
  if (cached) return cached;
  // only numeric facts make a concept theirs: a number beside a label is about the label even where a yes/no fact names it
  const known = facts
    .filter((f) => typeof f.value === 'number')
    .flatMap((f) => [f.name, ...factWords(f)])
    .map((w) => w.toLowerCase());
  const uses = (w: string) => {
    const at = LATIN_TERM.test(w) ? new RegExp(`(?<![\\p{L}])${escapeRegExp(w)}`, 'iu') : new RegExp(escapeRegExp(w), 'u');
    return known.some((k) => at.test(k));
  };
  const foreign = CONCEPTS.filter((c) => !c.words.some(uses));
  const out = {
    re: foreign.length ? new RegExp(foreign.map((c) => `(${conceptSource(c.words)})`).join('|'), 'giu') : null,
    delivery: foreign.map((c) => !!c.delivery),
  };
  foreignCache.set(facts, out);
  return out;
}

/** Words of a fact's name that say nothing of what it is about ("time", "window", "free"). */
const GENERIC = new Set(['time', 'window', 'period', 'free', 'limit', 'threshold', 'amount', 'maximum', 'minimum', 'duration', 'length', 'days', 'hours']);
const LATIN_WORD = /^[\p{Script=Latin}\s'’-]+$/u;

/** The words that name a fact in answers: its `keywords`, else the specific words (4+ letters) of its name. */
export function factWords(fact: KbFact): string[] {
  if (fact.keywords?.length) return fact.keywords;
  return fact.name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && !GENERIC.has(w));
}

const keywordRegex = new WeakMap<KbFact, RegExp | null>();
/** One regex per fact: keywords of 1–3 Latin letters ("ab") as whole words, longer ones anywhere (German compounds: "Rückerstattung"). */
function factRegex(fact: KbFact): RegExp | null {
  if (keywordRegex.has(fact)) return keywordRegex.get(fact)!;
  const words = factWords(fact).filter((w) => w.trim());
  const parts = words
    .sort((a, b) => b.length - a.length)
    .map((w) => (LATIN_WORD.test(w) && w.length <= 3 ? `(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}])` : escapeRegExp(w)));
  const re = parts.length ? new RegExp(parts.join('|'), 'giu') : null;
  keywordRegex.set(fact, re);
  return re;
}

/**
 * Everything each part of `text` names: the facts' keywords (a longer match wins where two overlap:
 * "return shipping" over "return") and other things (see above) that no fact of the entry uses,
 * delivery words only where they are not a reference point. `parts` are offset ranges (clauses);
 * mentions are returned per part, sorted by position, with offsets into `text`.
 */
export function clauseMentions(text: string, facts: readonly KbFact[], parts: readonly { start: number; end: number }[]): Mention[][] {
  const found: Mention[] = [];
  for (const fact of facts) {
    const re = factRegex(fact);
    if (re) for (const m of text.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length, fact });
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const named: Mention[] = [];
  for (const m of found) if (!named.some((k) => m.start < k.end && k.start < m.end)) named.push(m);
  const others: Mention[] = [];
  const foreign = foreignConcepts(facts);
  // a concept word inside a word naming the topic of one of the entry's numeric facts is part of that
  // word ("lager" in "Wiedereinlagerungsgebühr", a restocking fee), not something else
  const own = new Set(facts.filter((f) => typeof f.value === 'number').flatMap((f) => [...topicsOfFact(f)]));
  const ownSpans = foreign.re && own.size ? topicSpans(text).filter((t) => own.has(t.topic)) : [];
  for (const m of foreign.re ? text.matchAll(foreign.re) : []) {
    const start = m.index;
    const end = start + m[0].length;
    const delivery = foreign.delivery[m.slice(1).findIndex((g) => g !== undefined)]!;
    if (named.some((k) => start < k.end && k.start < end)) continue;
    if (ownSpans.some((k) => start >= k.start && end <= k.end)) continue;
    if (delivery && (REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || REFERENCE_AFTER.test(text.slice(end)))) continue;
    others.push({ start, end, fact: null, ...(delivery ? { delivery: true } : {}) });
  }
  // a fact named only as the reference point of the number ("收到退货后5个工作日", "5 Tage nach Eingang der
  // Rücksendung") is not what the number is about: dropped beside another fact, else something else
  const reference = (m: Mention) => REFERENCE_AFTER.test(text.slice(m.end)) || REFERENCE_BEFORE_NP.test(text.slice(Math.max(0, m.start - 60), m.start));
  return parts.map(({ start, end }) => {
    const inside = (m: Mention) => m.start >= start && m.start < end;
    const facts = named.filter(inside);
    const subjects = facts.filter((m) => !reference(m));
    const kept = subjects.length ? subjects : facts.map((m) => ({ ...m, fact: null, reference: true }));
    return [...kept, ...others.filter(inside)].sort((a, b) => a.start - b.start);
  });
}

/** {@link clauseMentions} of the whole text as one part. */
export function mentions(text: string, facts: readonly KbFact[]): Mention[] {
  return clauseMentions(text, facts, [{ start: 0, end: text.length }])[0]!;
}

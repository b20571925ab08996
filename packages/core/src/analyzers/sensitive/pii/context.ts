/**
 * Context words near a candidate (Presidio-style): cue words raise a weak pattern match, veto
 * words kill it. Cues are data per language (en zh de fr es ja pt it ko), compiled once into
 * one alternation per kind; scanning a clause is linear in its length.
 */

/** Latin-script words: matched as whole words (no Latin letter or digit on either side; Han, kana or Hangul may touch them: "会员ID"). */
const latin = (alternatives: readonly string[]): string => `(?<![\\p{Script=Latin}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{Script=Latin}\\p{N}_])`;
/** CJK words: no word boundaries in these scripts. */
const cjk = (alternatives: readonly string[]): string => `(?:${alternatives.join('|')})`;

/** Words for "number" that may follow a cue: "order no.", "Bestell-Nr.", "n° de commande". */
const NUMBER_WORD = String.raw`(?:[\s.-]*(?:number|no\.?|nr\.?|n[°º]\.?|num\.?|#|id|code|numéro|número|numero|nummer|numer))?`;

/**
 * Reference, order, case, ticket, tracking, invoice, account, serial, model, version, machine
 * and device identifiers. A number right after one (only linking words between) is that
 * identifier, never a phone or a card.
 */
const ID_LATIN = [
  // en
  'orders?',
  'order id',
  'tracking',
  'track',
  'shipment',
  'parcel',
  'package',
  'invoice',
  'receipt',
  'reference',
  'ref\\.?',
  'case',
  'ticket',
  'claim',
  'rma',
  'returns?',
  'refund(?:ing)?',
  'exchange',
  'confirmation',
  'booking',
  'reservation',
  'transaction',
  'txn',
  'sku',
  'asin',
  'ean',
  'upc',
  'isbn',
  'article',
  'model',
  'serial',
  's/n',
  'sn',
  'imei',
  'meid',
  'iccid',
  'version',
  'ver\\.?',
  'v',
  'firmware',
  'build',
  'release',
  'machine',
  'device',
  'account',
  'acct\\.?',
  'customer',
  'member(?:ship)?',
  'uid',
  'employee',
  'work order',
  'fault',
  'error',
  'license',
  'licence',
  'batch',
  'po',
  'waybill',
  'awb',
  'voucher',
  'coupon',
  'gift card',
  'promo',
  'policy',
  'contract',
  'id',
  'no\\.',
  'nr\\.',
  'n[°º]',
  // de
  'bestellung',
  'auftrag',
  'vorgang',
  'aktenzeichen',
  'az\\.',
  'rechnung',
  'sendung',
  'paket',
  'kundenkonto',
  'konto',
  'vertrag',
  'ticket',
  'referenz',
  'artikel',
  'modell',
  'seriennr\\.?',
  'gerät',
  'buchung',
  'retoure',
  'reklamation',
  'fall',
  // fr
  'commande',
  'dossier',
  'suivi',
  'facture',
  'colis',
  'référence',
  'réf\\.?',
  'série',
  'réclamation',
  'réservation',
  'contrat',
  'micrologiciel',
  // es
  'pedido',
  'referencia',
  'factura',
  'envío',
  'seguimiento',
  'expediente',
  'localizador',
  'reserva',
  'caso',
  'incidencia',
  'serie',
  'versión',
  'modelo',
  'cuenta',
  'reclamación',
  'devolución',
  'cliente',
  'c[óo]digo',
  // pt
  'encomenda',
  'rastreio',
  'rastreamento',
  'protocolo',
  'fatura',
  'nota fiscal',
  'referência',
  'chamado',
  'versão',
  'conta',
  'reclamação',
  'devolução',
  // it
  'ordine',
  'ordinazione',
  'pratica',
  'codice',
  'client',
  'spedizione',
  'fattura',
  'riferimento',
  'rif\\.?',
  'tracciamento',
  'versione',
  'reclamo',
  'reso',
  'contratto',
  // pl (the reported PL case's language)
  'zamówienie',
  'zamówienia',
  'przesyłki',
  'faktury',
];

/** "<word> number" compounds whose word is not about phones: "job number", "Vorgangsnummer", "numéro de dossier". */
const NOT_ID_NOUNS =
  'card|credit|debit|visa|mastercard|amex|bank|iban|social|security|passport|tax|vat|phone|telephone|tel|contact|mobile|cell|cellphone|fax|whatsapp|my|your|our|his|her|their|the|a|an|this|that|its|same|new|other|another|correct|right|wrong|personal|home|work|office|landline|hotline|service|emergency|direct|private|toll|free|callback|call|back|best|main|daytime|alternate|alternative|support|helpline|help|customer service|care|sms|text';
const ID_COMPOUND = [
  `(?!(?:${NOT_ID_NOUNS})(?![\\p{L}]))\\p{L}{2,}[\\s-]+(?:number|no\\.|nr\\.|#)`,
  `\\p{L}*(?<!telefon|handy|ruf|mobil|fax|service|hotline|kontakt|durchwahl|festnetz|mobilfunk|notruf)(?:nummer|-nr\\.?|nr\\.)`,
  `num[ée]ro\\s+d[e'’]\\s*(?!t[ée]l[ée]phone|portable|mobile|fixe|fax|whatsapp|contact|vert|service)\\p{L}+`,
  `n[úu]mero\\s+d[eoa]s?\\s+(?!tel[ée]fono|telefone|m[óo]vil|celular|telem[óo]vel|contacto|contato|whatsapp|fax|atenci[óo]n|atendimento|servicio|servi[çc]o)\\p{L}+`,
  `numero\\s+(?:d[i'’]\\s*)?(?!telefono|cellulare|fax|whatsapp|verde|di telefono|del servizio|assistenza)\\p{L}{4,}`,
  'numer\\s+(?!telefonu|komórki|kontaktowy)\\p{L}+',
];

const ID_CJK = [
  // zh
  '订单编号',
  '订单号',
  '订单',
  '运单号',
  '运单',
  '快递单号',
  '快递单',
  '物流单号',
  '单号',
  '工单号',
  '工单',
  '受理单号',
  '受理号',
  '报障号',
  '故障号',
  '投诉单号',
  '退货单号',
  '退款单号',
  '退换货单号',
  '编号',
  '编码',
  '代码',
  '序号',
  '序列号',
  '串号',
  '型号',
  '版本号',
  '版本',
  '固件版本',
  '固件',
  '机器编号',
  '机器号',
  '机号',
  '设备号',
  '设备编号',
  '账号',
  '帐号',
  '账户',
  '帐户',
  '户号',
  '工号',
  '会员号',
  '会员卡号',
  '批号',
  '批次号',
  '发票号',
  '流水号',
  '交易号',
  '交易单号',
  '取件码',
  '提货码',
  '兑换码',
  '券码',
  '错误编码',
  '错误码',
  '错误代码',
  '房号',
  '航班号',
  '车次',
  '条码',
  '合同号',
  '保单号',
  '学号',
  '昵称',
  '用户名',
  '用户ID',
  'ＩＤ',
  '网点号',
  '快递',
  '物流',
  // ja
  'ご注文番号',
  '注文番号',
  '注文ID',
  '問い合わせ番号',
  'お問い合わせ番号',
  '問合せ番号',
  '追跡番号',
  '伝票番号',
  '送り状番号',
  '受付番号',
  '管理番号',
  '請求書番号',
  '製造番号',
  'シリアル番号',
  'シリアル',
  '型番',
  '品番',
  '会員番号',
  'お客様番号',
  '予約番号',
  'バージョン',
  '案件番号',
  '商品番号',
  '整理番号',
  '口座番号',
  '注文',
  // ko
  '주문번호',
  '주문 번호',
  '송장번호',
  '송장 번호',
  '운송장번호',
  '운송장',
  '접수번호',
  '접수 번호',
  '문의번호',
  '예약번호',
  '회원번호',
  '고객번호',
  '일련번호',
  '시리얼 번호',
  '시리얼번호',
  '모델명',
  '모델번호',
  '버전',
  '사건번호',
  '티켓 번호',
  '거래번호',
  '환불번호',
  '반품번호',
  '계좌번호',
  '상품번호',
  '관리번호',
  '주문',
];

/** Handles that are digits but not phone numbers: QQ numbers, user ids. */
const HANDLE = [
  cjk(['QQ号码', 'QQ号', 'qq号', '扣扣', '企鹅号', '微博', '用户名']),
  latin(['qq', 'icq', 'skype', 'uid', 'username', 'user name', 'nickname', 'login', 'weibo']),
];

/** First-person contact: someone giving their own number or inviting direct contact. */
const PERSONAL = [
  latin([
    '(?:call|text|ring|phone|whatsapp|reach|contact|message|email|e-mail|mail|dm|sms)\\s+me(?:\\s+directly)?(?:\\s+(?:on|at))?',
    'me\\s+directly(?:\\s+(?:on|at))?',
    'my\\s+(?:own\\s+|personal\\s+|private\\s+|direct\\s+|cell\\s+|mobile\\s+|contact\\s+|home\\s+|work\\s+)?(?:phone|mobile|cell(?:phone)?|number|whatsapp|line|email|e-mail|tel)(?:\\s+number)?',
    // de
    'ruf(?:en\\s+sie)?\\s+mich(?:\\s+direkt)?(?:\\s+an)?',
    'schreib(?:en\\s+sie)?\\s+mir',
    'meine\\s+(?:private\\s+|pers[öo]nliche\\s+|direkte\\s+)?(?:nummer|handynummer|telefonnummer|durchwahl|e-mail|mail(?:adresse)?)',
    'mein\\s+handy',
    // fr
    'appelez-moi',
    'appelle-moi',
    'contactez-moi',
    '[ée]crivez-moi',
    'mon\\s+(?:num[ée]ro|portable|t[ée]l[ée]phone|mobile|e-mail|mail|whatsapp)(?:\\s+perso(?:nnel)?)?',
    'ma\\s+ligne\\s+directe',
    // es
    'll[áa]mame',
    'll[áa]meme',
    'escr[íi]beme',
    'cont[áa]ctame',
    'cont[áa]cteme',
    'mi\\s+(?:n[úu]mero|tel[ée]fono|m[óo]vil|celular|whatsapp|correo|email)(?:\\s+personal)?',
    // pt
    'me\\s+lig(?:a|ue)',
    'lig(?:a|ue)-me',
    'me\\s+chama',
    'meu\\s+(?:n[úu]mero|telefone|celular|telem[óo]vel|whatsapp|e-mail|email)(?:\\s+pessoal)?',
    // it
    'chiamami',
    'mi\\s+chiami',
    'scrivimi',
    'contattami',
    '(?:il\\s+)?mio\\s+(?:numero|cellulare|telefono|whatsapp)(?:\\s+personale)?',
    'la\\s+mia\\s+(?:e-mail|mail|email)',
    // pl
    'mój\\s+(?:numer|telefon)',
    'zadzwoń\\s+do\\s+mnie',
  ]),
  cjk([
    '打我电话',
    '打我手机',
    '打我的电话',
    '打我的手机',
    '给我打电话',
    '给我打',
    '我的手机号码',
    '我的手机号',
    '我的手机',
    '我手机号',
    '我手机',
    '我的电话号码',
    '我的电话',
    '我电话',
    '我的号码',
    '我号码',
    '我的联系方式',
    '我联系方式',
    '我的联系电话',
    '我的联络方式',
    '我联络方式',
    '我的联络电话',
    '我的微信',
    '我微信',
    '加我手机',
    '加我微信',
    '加我',
    '联系我',
    '私人电话',
    '私人号码',
    '私人号',
    '私人手机',
    '私人微信',
    '本人电话',
    '本人手机',
    '个人电话',
    '个人手机',
    '个人号码',
    '我的邮箱',
    '我邮箱',
    '我的工作手机',
    '私の電話番号',
    '私の電話',
    '私の携帯',
    '私の番号',
    '私のメール',
    '私の連絡先',
    '直接お電話',
    '直接電話',
    '私の直通',
    '直通番号',
    '直通電話',
    '携帯に直接',
    '個人の携帯',
    '個人携帯',
    '個人の番号',
    '제 번호',
    '제 전화번호',
    '제 전화',
    '제 휴대폰',
    '제 핸드폰',
    '제 연락처',
    '제 이메일',
    '저한테 전화',
    '저에게 전화',
    '저에게 연락',
    '직접 전화',
    '직접 연락',
    '제 직통',
    '직통번호',
    '직통 번호',
    '개인 번호',
    '개인 연락처',
    '개인 이메일',
    '내 번호',
    '내 전화번호',
    '내 핸드폰',
  ]),
];

/** A service line or a business place: hotlines, customer service, stores, offices. Not anyone's personal data. */
const SERVICE = [
  latin([
    'hot\\s?line',
    'help\\s?line',
    'help\\s?desk',
    'customer\\s+(?:service|care|support|center|centre)',
    'support(?:\\s+line|\\s+team)?',
    'service\\s+(?:number|line|hotline|center|centre)',
    'toll[- ]free',
    'freephone',
    'call\\s+cent(?:er|re)',
    'our\\s+(?:phone|number|hotline|office|store|shop|team|line|telephone)',
    'store',
    'shop',
    'branch',
    '(?:head|branch|post)\\s+office',
    'office\\s+hours',
    'showroom',
    'service\\s+cent(?:er|re)',
    '(?:opening|business|office|working)\\s+(?:hours|time)',
    'reception',
    'switchboard',
    'kundenservice',
    'kundendienst',
    'kundenbetreuung',
    'kundensupport',
    'service-hotline',
    'servicenummer',
    'kundenhotline',
    'kostenlos',
    'gebührenfrei',
    'filiale',
    'geschäft',
    'zentrale',
    'öffnungszeiten',
    'unsere\\s+(?:nummer|hotline|telefonnummer)',
    'service\\s+client(?:[eè]le|s)?',
    'num[ée]ro\\s+vert',
    'assistance',
    'sav',
    'standard',
    'agence',
    'boutique',
    'magasin',
    'horaires',
    // the whole name, so its "client" is not read as an identifier word (client number)
    'notre\\s+(?:num[ée]ro|service(?:\\s+client(?:[eè]le)?|\\s+clients)?|ligne)',
    'relation\\s+client(?:[eè]le)?',
    '(?:[ée]quipe|service|p[ôo]le)\\s+client(?:[eè]le|s)?',
    'atenci[óo]n\\s+al\\s+cliente',
    'servicio\\s+(?:al\\s+cliente|de\\s+atenci[óo]n(?:\\s+al\\s+cliente)?|t[ée]cnico)',
    'l[íi]nea\\s+(?:de\\s+atenci[óo]n|gratuita)',
    'n[úu]mero\\s+gratuito',
    'soporte',
    'tienda',
    'sucursal',
    'oficina',
    'horario',
    'nuestro\\s+(?:n[úu]mero|tel[ée]fono)',
    'servi[çc]o\\s+(?:de\\s+atendimento\\s+)?ao\\s+cliente',
    'atendimento(?:\\s+ao\\s+cliente)?',
    'central\\s+de\\s+atendimento',
    'sac',
    'apoio\\s+ao\\s+cliente',
    'linha\\s+de\\s+apoio',
    'loja',
    'ag[êe]ncia',
    'hor[áa]rio',
    'nosso\\s+(?:n[úu]mero|telefone)',
    'servizio\\s+clienti',
    'assistenza(?:\\s+clienti)?',
    'numero\\s+verde',
    'negozio',
    'filiale',
    'orari',
    'il\\s+nostro\\s+numero',
  ]),
  cjk([
    '客服',
    '热线',
    '服务电话',
    '咨询电话',
    '投诉电话',
    '报修电话',
    '售后电话',
    '售后',
    '营业厅',
    '门店',
    '分店',
    '专卖店',
    '旗舰店',
    '店铺',
    '网点',
    '服务中心',
    '服务站',
    '维修点',
    '官方',
    '全国统一',
    '速拨',
    '专线',
    '分公司',
    '公司',
    '营业时间',
    '工作时间',
    '商场',
    '百货',
    '大厦',
    '短信至',
    '发送至',
    '编辑短信',
    '发送代码',
    '我们的电话',
    '我们的热线',
    '我司',
    '本店',
    '我店',
    '公众号',
    'カスタマーサービス',
    'カスタマーセンター',
    'カスタマーサポート',
    'お客様窓口',
    'お客さま窓口',
    'お客様ダイヤル',
    'お客様センター',
    'お客様相談室',
    'サポートセンター',
    'サポート窓口',
    '窓口',
    'フリーダイヤル',
    'フリーコール',
    'ナビダイヤル',
    'お問い合わせ先',
    '問い合わせ先',
    '店舗',
    'コールセンター',
    '営業時間',
    '弊社',
    '当社',
    '当店',
    '本社',
    '支店',
    '고객센터',
    '고객 센터',
    '상담센터',
    '콜센터',
    '고객 상담실',
    '고객상담실',
    '고객지원',
    '고객 지원',
    '고객만족센터',
    '대표번호',
    '대표 번호',
    '수신자 부담',
    '매장',
    '지점',
    '서비스센터',
    'A/S센터',
    '영업시간',
    '본사',
    '저희 번호',
    '저희 매장',
  ]),
];

/** Words that make a following number a phone number. */
const PHONE = [
  latin([
    '(?:tel(?:ephone)?|phone|mobile|cell(?:phone)?|fax|whatsapp|contact|landline|desk|office|handy|telefon|mobil|t[ée]l[ée]phone|t[ée]l|portable|tel[ée]fono|m[óo]vil|celular|telefone|telem[óo]vel|telefono|cellulare|komórka)\\.?' +
      NUMBER_WORD,
    'call(?:ed|ing)?',
    'dial(?:led)?',
    'ring',
    'reach',
    'text',
    'sms',
    'rufnummer',
    'anrufen',
    'ruf',
    'appeler',
    'appelez',
    'llamar',
    'ligar',
    'ligue',
    'chiamare',
    'chiamate',
    'numer',
    'contact\\s+number',
  ]),
  cjk([
    '手机号码',
    '手机号',
    '手机',
    '电话号码',
    '联系电话',
    '电话',
    '本机号码',
    '其他联系号码',
    '联系号码',
    '号码',
    '联系方式',
    '致电',
    '拨打',
    '打给',
    '座机',
    '固话',
    '微信',
    '电話',
    '電話番号',
    '電話',
    '携帯番号',
    '携帯',
    '連絡先',
    'ＴＥＬ',
    '전화번호',
    '전화',
    '휴대폰',
    '핸드폰',
    '연락처',
    '휴대전화',
  ]),
];

const flags = 'giu';
// At one position the first alternative wins: "customer service" is a service, "my number" personal.
const CUE = new RegExp(
  `(?<personal>${PERSONAL.join('|')})|(?<service>${SERVICE.join('|')})|(?<handle>${HANDLE.join('|')})|(?<id>${latin(ID_LATIN)}${NUMBER_WORD}|${latin(ID_COMPOUND)}|${cjk(ID_CJK)})|(?<phone>${PHONE.join('|')})`,
  flags,
);

/** Between an identifier word and its number: only linking words ("is", "lautet", "是", ":") and other identifiers of a list. */
const LINK_WORD = `(?:is|was|are|were|be|of|for|the|your|our|le|la|les|el|lo|il|der|die|das|den|lautet|lauten|ist|sind|est|sont|es|son|era|é|è|sono|são|and|und|et|y|e|or|oder|ou|o|和|及|与|或|是|为|為|は|が|은|는|이|가|[=:：#.,，、/&(（-])`;
// each step is atomic (`(?=(…))\1`: the first way a step matches is kept): with plain backtracking a
// failing gap of digit groups ("4111 1111 1111 1111, order, …") was tried split every way, seconds per message
const ID_GAP = new RegExp(String.raw`^(?:(?=(\s*(?:${LINK_WORD}|[a-z]{0,3}\d[\w-]*)(?![\p{L}])))\1)*\s*$`, 'iu');
/** A service line or handle named right after the number: "4008308218 国际客服", "2646228337扣扣". */
const AFTER_SERVICE_LINE =
  /^\s*[（(]?\s*(?:国际客服|客服热线|客服电话|服务热线|热线|hotline|customer service)|^[^.!?\n。！？]{0,32}?(?<![\p{L}])(?:hotline|customer service|service line|support line|help ?line|call cent(?:er|re))(?![\p{L}])/iu;
/** A bare 客服 right after a number: more often the customer addressing the agent ("13812345678 客服快点") than the line's name. */
const AFTER_SERVICE_WORD = /^\s*[（(]?\s*客服/u;
const AFTER_HANDLE = /^\s*(?:扣扣|qq)/iu;

/** Where a clause starts: a line break (not after a "Phone:" label), sentence punctuation, or ". " after a word of 4+ letters, a digit or a Han character. */
const CLAUSE_END = /(?<![:：][ \t]*)\n|[。！？!?；;]|(?:(?<=[\p{L}]{4}|\d|\p{Script=Han})\.(?=\s|\p{Script=Han}))/gu;

export type CueKind = 'id' | 'handle' | 'personal' | 'service' | 'phone';

export interface Cue {
  kind: CueKind;
  /** Offsets in the scanned text. */
  start: number;
  end: number;
}

/** The clause before `start` (at most `size` characters), with its offset. */
export function clauseBefore(text: string, start: number, size = 56): { text: string; offset: number } {
  let from = Math.max(0, start - size);
  const window = text.slice(from, start);
  let cut = -1;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(window); m; m = CLAUSE_END.exec(window)) cut = m.index + m[0].length;
  if (cut >= 0) from += cut;
  return { text: text.slice(from, start), offset: from };
}

/** The clause after `end` (at most `size` characters). */
export function clauseAfter(text: string, end: number, size = 16): string {
  const window = text.slice(end, end + size);
  CLAUSE_END.lastIndex = 0;
  const m = CLAUSE_END.exec(window);
  return m ? window.slice(0, m.index) : window;
}

/** Every cue word in `text`, in order. */
export function cues(text: string): Cue[] {
  const out: Cue[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
    if (m[0].length === 0) {
      CUE.lastIndex++;
      continue;
    }
    const g = m.groups!;
    const kind: CueKind =
      g.id !== undefined ? 'id' : g.handle !== undefined ? 'handle' : g.personal !== undefined ? 'personal' : g.service !== undefined ? 'service' : 'phone';
    out.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** `service_after`: a bare 客服 follows the number ("80001000客服"); weaker than a service word before it or a line's name after it. */
export type NumberContext = 'id' | 'handle' | 'personal' | 'service' | 'service_after' | 'phone' | 'none';

/**
 * What the words around the number at [start, end) say it is. The nearest cue before it in its
 * clause decides: an identifier or handle word vetoes (only when nothing but linking words
 * separates it from the number: "order number is 123", "订单号339568575、339595254"); a
 * first-person cue ("call me", "打我电话") makes it personal; a service or business-place word
 * makes it a service line, also when a generic phone word is nearer ("分店 … 电话：66125320");
 * a phone word raises it. A service, handle or version word right after the number
 * ("4008308218 国际客服", "2646228337扣扣") counts too.
 */
export function numberContext(text: string, start: number, end: number): NumberContext {
  const clause = clauseBefore(text, start);
  const found = cues(clause.text);
  const afterText = clauseAfter(text, end, 40);
  if (AFTER_HANDLE.test(afterText)) return 'handle';
  const nearest = found[found.length - 1];
  let kind: NumberContext = nearest?.kind ?? 'none';
  if (nearest && (nearest.kind === 'id' || nearest.kind === 'handle')) {
    kind = ID_GAP.test(clause.text.slice(nearest.end)) ? nearest.kind : 'none';
  } else if (nearest?.kind === 'phone') {
    const lastService = found.findLastIndex((c) => c.kind === 'service');
    const lastPersonal = found.findLastIndex((c) => c.kind === 'personal');
    if (lastService >= 0 && lastService > lastPersonal) kind = 'service';
    else if (lastPersonal >= 0) kind = 'personal';
  }
  // "call 0591-09642088, and the customer service staff will help you"
  if (kind === 'phone' || kind === 'none') {
    if (AFTER_SERVICE_LINE.test(afterText)) return 'service';
    if (AFTER_SERVICE_WORD.test(afterText)) return 'service_after';
  }
  return kind;
}

/** Places and hours of a business: a landline in a message that names them is the business's. */
const BUSINESS_PLACE = new RegExp(
  `${latin([
    'stores?',
    'shops?',
    'branch(?:es)?',
    'showroom',
    'service\\s+cent(?:er|re)s?',
    '(?:opening|business|office|working|service)\\s+(?:hours|time)',
    'head\\s+office',
    'outlets?',
    'filiale[n]?',
    'geschäft',
    'öffnungszeiten',
    'agence',
    'boutique',
    'magasin',
    'horaires',
    'tienda',
    'sucursal',
    'oficina',
    'horario',
    'loja',
    'ag[êe]ncia',
    'hor[áa]rio',
    'negozio',
    'orari',
  ])}|${cjk(['营业厅', '门店', '分店', '专卖店', '旗舰店', '店铺', '网点', '服务中心', '服务站', '维修点', '分公司', '营业时间', '工作时间', '商场', '百货', '店舗', '営業時間', '支店', '매장', '지점', '영업시간'])}`,
  'iu',
);

/** Whether the text names a shop, branch, office or opening hours (for landlines in a message listing shops). */
export function mentionsBusiness(text: string): boolean {
  return BUSINESS_PLACE.test(text);
}

/** Street-type words after a number: it is a house number, not a phone. */
export const STREET_AFTER =
  /^[\s,]*([A-Za-zÀ-ÿ.'-]+\s+){0,3}(st|street|str|straße|strasse|ave|av|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|way|pl|place|ct|court|rue|calle|via|vej|tér|utca|weg|gasse|allee|parkway|pkwy|hwy|highway)\b/iu;
/** Words before a number that make it a licence, passport or address part, not a phone. */
export const PHONE_VETO =
  /((driver'?s? )?licen[cs]e|passport|apt\.?|apartment|suite|unit|return to|ship to|deliver to|located at|is at|address(es)?( is| are)?)[^\n\d]{0,20}$/iu;
export const PASSPORT_CONTEXT =
  /(passport|passeport|pasaporte|passaporto|reisepass|passaporte|护照|パスポート|여권)(\s*(no\.?|number|nr\.?|num|#|id|番号|号码?|번호))?\W{0,5}$/iu;
/** A dotted quad after (or right before) these words is a version number, not an IP address. */
export const VERSION_BEFORE =
  /(?:\b(?:version|ver\.?|v|build|release|firmware|update[ds]?(?:\s+to)?|upgrade[ds]?(?:\s+to)?|updating\s+to|versi[óo]n|vers[ãa]o|versione|os|ios|android|windows|app)|版本号?|固件|更新(?:到|完|至|为)?|升级(?:到|成|至|为)?|系统|ファームウェア|バージョン|버전|펌웨어)\s*[:：]?\s*v?$/iu;
export const VERSION_AFTER = /^\s*(?:的?版本|版|version|バージョン|버전)/iu;

/** The `size` characters before `start`. */
export function before(text: string, start: number, size = 40): string {
  return text.slice(Math.max(0, start - size), start);
}

/** The `size` characters after `end`. */
export function after(text: string, end: number, size = 40): string {
  return text.slice(end, end + size);
}

import { execAll } from './tokens.js';
import type { PiiCandidate } from './types.js';

/**
 * A person's name posted next to a phone number ("张三 13812345678", "John Smith, +44 …",
 * "联系人：王小明 电话 …", "김민수 010-1234-5678"). Names alone are out of scope (precision
 * first): only this configuration, where name + number make a contact record, is reported.
 */

/** Common Chinese single-character surnames (the ~100 most frequent) and compound surnames. */
const ZH_SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(
    '',
  ),
);
const ZH_COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐'];
/** Characters that never appear in a two- or three-character given-name token but often in words next to numbers. */
const ZH_NOT_NAME =
  /[的了是在我你您他她们这那有和与或及电话手机号码联系方式地址区市省县路街号先生女士请谢麻烦帐账户单订快递客服热线电信联通移动宽带套餐业务问题时间日月年元块钱个]/u;
const ZH_TITLE = /(先生|女士|小姐|老师|师傅|太太)$/u;

const KO_SURNAMES = new Set(
  '김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부'.split(
    '',
  ),
);
const KO_NOT_NAME = /(?:님|씨|고객|연락처|전화|번호|휴대폰|핸드폰|담당자|상담원|기사|배송|문의|주소|택배|센터|매장|지점)$/u;
const KO_STOP = new Set([
  '고객님',
  '연락처',
  '전화로',
  '번호는',
  '담당자',
  '상담원',
  '기사님',
  '배송지',
  '문의처',
  '휴대폰',
  '핸드폰',
  '주문자',
  '수령인',
  '받는분',
  '보내는',
  '이메일',
  '주소는',
  '연락은',
  '여기로',
  '이번호',
  '이쪽으',
]);

/** Capitalised words that start sentences, label fields or name places and services, never a person next to a number. */
const LATIN_STOP = new Set(
  'call phone mobile tel telephone cell contact customer service support hotline hello hi dear thanks thank please mr mrs ms dr street road avenue monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december desk fax office home work number order my our your the this united states kingdom new york city hong kong whatsapp wechat line viber telegram sms text email mail amazon ebay shopify store shop team sales care center centre help line private personal direct main emergency landline cellphone handy telefon nummer numéro número numero téléphone teléfono telefone telefono movil móvil celular portable cellulare agent manager'.split(
    ' ',
  ),
);

interface Found {
  start: number;
  end: number;
  reason: string;
}

/** A name token ending right before `at` (only spaces or , : between). */
function nameBefore(text: string, at: number): Found | null {
  const win = text.slice(Math.max(0, at - 48), at);
  const base = at - win.length;
  // Chinese: 2–3 Han characters starting with a surname, or surname + title, or 姓X
  const zh = /(?:^|[^\p{Script=Han}])(姓)?([\p{Script=Han}]{1,4})([\s,，、:：]*)$/u.exec(win);
  if (zh) {
    const token = zh[2]!;
    const s = base + win.length - zh[3]!.length - token.length;
    if (zh[1] && token.length === 1) return { start: s, end: s + 1, reason: 'surname after 姓, next to a phone number' };
    if (!zh[1] && zhName(token)) return { start: s, end: s + token.length, reason: 'Chinese name (common surname) right next to a phone number' };
  }
  // Chinese: a name glued to the words before it, after a word that introduces one ("改为王小明", "收件人王小明", "寄给张三")
  const glued = /(?:[为是给叫成找]|收件人|收货人|联系人)([\p{Script=Han}]{2,3})([\s,，、:：]*)$/u.exec(win);
  if (glued && zhName(glued[1]!)) {
    const s = base + win.length - glued[2]!.length - glued[1]!.length;
    return { start: s, end: s + glued[1]!.length, reason: 'Chinese name (common surname) after 为/给/收件人, right next to a phone number' };
  }
  // Korean: three Hangul syllables starting with a surname
  const ko = /(?:^|[^가-힣])([가-힣]{2,4})[\s,:：]*$/u.exec(win);
  if (ko && koName(ko[1]!)) {
    const s = base + win.lastIndexOf(ko[1]!);
    return { start: s, end: s + ko[1]!.length, reason: 'Korean name (common surname) right next to a phone number' };
  }
  // Japanese: a name with 様 / さん
  const ja = /([\p{Script=Han}]{1,4}[\s\u3000]?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,4})(?:様|さま|さん)[\s,、:：]*$/u.exec(win);
  if (ja) {
    const s = base + ja.index;
    return { start: s, end: s + ja[1]!.length, reason: 'name with 様/さん right next to a phone number' };
  }
  // Latin: two or three capitalised words, or a title + surname
  const la =
    /(?:^|[^\p{L}\p{N}])((?:(?:Mr|Mrs|Ms|Dr|Herr|Frau|M|Mme|Sr|Sra|Sig|Sig\.ra)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2})\s*[,:(–-]?\s*$/u.exec(
      win,
    );
  if (la) {
    const token = la[1]!;
    const words = token.split(/\s+/);
    const titled = /^(?:Mr|Mrs|Ms|Dr|Herr|Frau|M|Mme|Sr|Sra|Sig|Sig\.ra)\.?$/u.test(words[0]!);
    const names = titled ? words.slice(1) : words;
    if ((titled ? names.length >= 1 : names.length >= 2) && names.every((w) => !LATIN_STOP.has(w.toLowerCase().replace(/[.'’]/g, '')))) {
      const s = base + la.index + la[0].indexOf(token);
      return {
        start: s,
        end: s + token.length,
        reason: titled ? 'title and surname right next to a phone number' : 'capitalised first and last name right next to a phone number',
      };
    }
  }
  return null;
}

/** A name token starting right after `at` (Chinese and Korean forms: "13513665032！杨小姐"). */
function nameAfter(text: string, at: number): Found | null {
  const win = text.slice(at, at + 12);
  const surname = /^[\s,，、！!]*姓([\p{Script=Han}])/u.exec(win);
  if (surname && ZH_SURNAMES.has(surname[1]!)) {
    const s = at + surname[0].length - 1;
    return { start: s, end: s + 1, reason: 'surname after 姓, next to a phone number' };
  }
  const zh = /^[\s,，、！!]*([\p{Script=Han}]{2,4})(?![\p{Script=Han}])/u.exec(win);
  if (zh && (zhName(zh[1]!) || (ZH_TITLE.test(zh[1]!) && zhSurname(zh[1]!)))) {
    const s = at + zh[0].length - zh[1]!.length;
    return { start: s, end: s + zh[1]!.length, reason: 'Chinese name right next to a phone number' };
  }
  const ko = /^[\s,]*([가-힣]{2,4})(?![가-힣])/u.exec(win);
  if (ko && koName(ko[1]!)) {
    const s = at + ko[0].length - ko[1]!.length;
    return { start: s, end: s + ko[1]!.length, reason: 'Korean name right next to a phone number' };
  }
  return null;
}

const zhSurname = (token: string): boolean => ZH_SURNAMES.has(token[0]!) || ZH_COMPOUND.some((c) => token.startsWith(c));
function zhName(token: string): boolean {
  if (ZH_TITLE.test(token)) return token.length <= 4 && zhSurname(token) && !ZH_NOT_NAME.test(token.replace(ZH_TITLE, '').slice(1));
  if (token.length < 2 || token.length > 3) return false;
  return zhSurname(token) && !ZH_NOT_NAME.test(token.slice(1));
}
function koName(token: string): boolean {
  return token.length === 3 && KO_SURNAMES.has(token[0]!) && !KO_STOP.has(token) && !KO_NOT_NAME.test(token);
}

/** A field word, its colon and the name after it (group 1): "联系人：王小明", "Name: Sieda Batukayev". */
const FIELD_NAME =
  /(?:联系人|收件人|收货人|姓名|名字|name|contact person|ansprechpartner|nom|nombre|nome|氏名|お名前|名前|이름|성함|담당자|수령인)\s*[:：]\s*([\p{Script=Han}]{2,4}|[가-힣]{2,4}|\p{Lu}[\p{Ll}'’-]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?\p{Lu}[\p{Ll}'’-]+){1,2})/giu;

/** A name after a field word ("联系人：王小明", "Name: Sieda Batukayev") within 30 characters of the phone, same sentence. */
function fieldName(text: string, phoneStart: number, phoneEnd: number): Found | null {
  const region = text.slice(Math.max(0, phoneStart - 60), Math.min(text.length, phoneEnd + 60));
  const base = Math.max(0, phoneStart - 60);
  for (const m of execAll(FIELD_NAME, region)) {
    const s = base + m.index + m[0].length - m[1]!.length;
    const e = s + m[1]!.length;
    const gap = s < phoneStart ? phoneStart - e : s - phoneEnd;
    if (gap >= 0 && gap <= 30 && !/[。！？!?]/u.test(text.slice(Math.min(e, phoneStart), Math.max(s, phoneEnd)))) {
      if (/\p{Script=Han}/u.test(m[1]!) && ZH_NOT_NAME.test(m[1]!.slice(1))) continue;
      return { start: s, end: e, reason: 'name after a name field, next to a phone number' };
    }
  }
  return null;
}

const PLACEHOLDER = /某|^x{2,}$|^\*+$|○○|〇〇|ＸＸ|^xx/iu;

/**
 * Names next to the given phone numbers in `text` (original text, offsets into it).
 *
 * @example
 * namesNextToPhones('张三 13812345678', [{ start: 3, end: 14 }]); // [{ type: 'person_name', start: 0, end: 2, … }]
 */
export function namesNextToPhones(text: string, phones: readonly { start: number; end: number }[]): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  for (const p of phones) {
    const found = fieldName(text, p.start, p.end) ?? nameBefore(text, p.start) ?? nameAfter(text, p.end);
    // an anonymised placeholder (某某, 某先生, XXX) is nobody's name
    if (found && PLACEHOLDER.test(text.slice(found.start, found.end))) continue;
    if (found && !out.some((o) => o.start < found.end && found.start < o.end)) {
      out.push({ type: 'person_name', start: found.start, end: found.end, score: 0.7, reason: found.reason });
    }
  }
  return out;
}

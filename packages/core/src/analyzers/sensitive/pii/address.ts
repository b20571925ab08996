import { pushAll } from '../../../util/arrays.js';
import { execAll } from './tokens.js';
import type { PiiCandidate, Recognizer } from './types.js';

/**
 * Street addresses. Chinese, Japanese and Korean addresses are found from their house-number
 * anchor outwards (linear: no open-ended backtracking over long Han runs); Latin-script
 * addresses by house number + street type per language. Precision first: a bare "路3号" needs
 * an administrative part, a building/unit part, an address word or a phone next to it; an
 * address next to shop, office or opening-hours words is a business's and is not reported.
 */

const ZH_LEFT = /[\p{Script=Han}A-Za-z]/u;
/** Road, street, lane, village or housing-estate word, then a house or building number. */
const ZH_ANCHOR = /(?:大街|大道|路|街|巷|弄|胡同|村|小区|花园|家园|公寓|新村|社区|苑)\s{0,2}[A-Za-z]?\d{1,5}(?:-\d{1,5})?\s{0,2}(?:号院|号楼|号|弄|栋|幢|座)/gu;
/** Building + unit (+ room) without a street: "3号楼2单元501室", "C栋1单元501". */
const ZH_BUILDING = /(?:\d{1,4}\s?(?:号楼|栋|幢|座)|[A-Za-z]\s?(?:栋|座))\s?\d{1,3}\s?单元\s?(?:\d{2,4}(?:\s?室)?)?|\d{1,4}\s?(?:号楼|栋|幢)\s?\d{2,4}\s?室/gu;
const ZH_UNIT = /^(?:\s?(?:[A-Za-z]?\d{1,4}|[A-Za-z])\s?(?:号楼|栋|幢|座|单元|楼|层|室|号|户))*(?:\s?\d{2,4}(?:室|房)?)?/u;
const ZH_ADMIN = /省|自治区|特别行政区|市|区|县|旗|镇|乡|街道|村/u;
/** Where an address starts inside the text before it: after these words. */
const ZH_LEAD = /(?:地址|住址|位于|在|到|移机至|寄至|送至|搬至|发至|是|为|從|从|住|我家|:|：)/gu;
const ZH_CUE = /(?:地址|住址|收货|收件|寄到|送到|搬到|移机|装机|安装|寄往)[^。！？!?\n]{0,10}$/u;
/** Shops and offices named anywhere in the message: an address without an address word before it is theirs. */
const STORE_LISTING = /营业厅|分店|门店|专卖店|旗舰店|专营店|服务中心|网点|营业时间|工作时间|店舗|営業時間|支店|매장|지점|영업시간/u;
/** Business places and hours: an address near them is a shop's or office's. */
const BUSINESS =
  /退货地址|退货|退回|寄回|仓库|返品先|반품|营业厅|分店|门店|专卖店|旗舰店|专营店|服务中心|服务网点|网点|售后点|维修点|营业时间|工作时间|公司|百货|酒店|银行|医院|店|店舗|営業時間|支店|本社|会社|매장|지점|센터|본사|영업시간|store|shop|branch|office|opening hours|warehouse|return address|filiale|magasin|boutique|tienda|sucursal|loja|negozio/iu;
const PHONE_NEAR = /\d{7,}/;

const candidate = (start: number, end: number, reason: string): PiiCandidate => ({ type: 'street_address', start, end, score: 0.75, reason });

/** Chinese street addresses ("上海市浦东新区XX路123号4栋502室"). */
function chinese(text: string): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  const anchors: { start: number; end: number; street: boolean }[] = [];
  for (const m of execAll(ZH_ANCHOR, text)) anchors.push({ start: m.index, end: m.index + m[0].length, street: true });
  for (const m of execAll(ZH_BUILDING, text)) anchors.push({ start: m.index, end: m.index + m[0].length, street: false });
  anchors.sort((a, b) => a.start - b.start);
  let lastEnd = -1;
  for (const a of anchors) {
    if (a.start < lastEnd) continue;
    // left: Han, Latin letters, digits and single spaces, at most 24 characters
    let start = a.start;
    const limit = Math.max(0, a.start - 24);
    // Han and Latin letters; spaces only between Han ("陕西省安康市 旬阳县 吕河镇梨河村")
    while (start > limit && (ZH_LEFT.test(text[start - 1]!) || (text[start - 1] === ' ' && start >= 2 && /\p{Script=Han}/u.test(text[start - 2]!)))) start--;
    const left = text.slice(start, a.start);
    let lead = -1;
    for (const m of execAll(ZH_LEAD, left)) lead = m.index + m[0].length;
    if (lead >= 0) start += lead;
    while (text[start] === ' ') start++;
    // right: more building, unit and room parts
    const unit = ZH_UNIT.exec(text.slice(a.end))?.[0] ?? '';
    const end = a.end + unit.replace(/\s+$/, '').length;
    const span = text.slice(start, end);
    const hasAdmin = ZH_ADMIN.test(text.slice(start, a.start + 1));
    const hasUnit = !a.street || unit.trim().length > 0;
    const cue = ZH_CUE.test(text.slice(Math.max(0, start - 14), start));
    const nearPhone = PHONE_NEAR.test(text.slice(Math.max(0, start - 10), start)) || PHONE_NEAR.test(text.slice(end, end + 10));
    if (!(hasAdmin || hasUnit || cue || nearPhone)) continue;
    if (BUSINESS.test(text.slice(Math.max(0, start - 24), Math.min(text.length, end + 24))) || (!cue && STORE_LISTING.test(text))) continue;
    if (span.length < 4) continue;
    lastEnd = end;
    const why = hasAdmin
      ? 'district and street with a house number'
      : hasUnit
        ? 'street or estate with house, building and unit numbers'
        : cue
          ? 'street and house number after an address word'
          : 'street and house number next to a phone number';
    out.push(candidate(start, end, why));
  }
  return out;
}

/** Japanese addresses: prefecture / city / ward or town, then 丁目-番地-号 or a hyphenated block number. */
const JA_BLOCK = /\d{1,4}\s?丁目\s?\d{1,4}(?:\s?(?:番地?|[-−－の])\s?\d{1,4}\s?号?)?|\d{1,4}\s?番地?\s?\d{1,4}\s?号?|\d{1,4}[-−－]\d{1,4}(?:[-−－]\d{1,4})?/gu;
const JA_LEFT = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー々ヶ]/u;
const JA_STOP = /[はをにがでへも]$/u;
function japanese(text: string): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  for (const m of execAll(JA_BLOCK, text)) {
    let start = m.index;
    const limit = Math.max(0, start - 20);
    while (start > limit && JA_LEFT.test(text[start - 1]!) && !JA_STOP.test(text.slice(start - 1, start))) start--;
    const left = text.slice(start, m.index);
    const prefecture = /(?:北海道|東京都|京都府|大阪府|[\p{Script=Han}]{2,3}県)/u.exec(left);
    if (prefecture) start += prefecture.index;
    const city = /[市区町村郡]/u.test(left);
    const strong = /丁目|番/u.test(m[0]);
    const hyphen3 = /\d[-−－]\d{1,4}[-−－]\d/u.test(m[0]);
    if (!city || !(prefecture || strong || hyphen3) || /^(?:19|20)\d{2}[-−－](?:0?[1-9]|1[0-2])(?:[-−－]|$)/u.test(m[0])) continue;
    const end = m.index + m[0].length;
    if (BUSINESS.test(text.slice(Math.max(0, start - 20), Math.min(text.length, end + 20)))) continue;
    out.push(candidate(start, end, prefecture ? 'prefecture, city and block number' : 'city or ward and chōme/banchi block number'));
  }
  return out;
}

/** Korean road-name addresses: (특별시|도) 시/군/구 … 로/길 + building number. */
const KO_ADDRESS =
  /(?:[가-힣]{2,6}(?:특별시|광역시|특별자치시|특별자치도|도|시)\s)?[가-힣]{1,6}(?:시|군|구)\s(?:[가-힣]{1,6}(?:구|읍|면|동)\s)?[가-힣0-9]{1,12}(?:로|길)\s?\d{1,4}(?:-\d{1,4})?(?:번길\s?\d{1,4})?/gu;
/** Korean lot-number addresses (지번): (특별시|도) 시/군/구 … 동/리/가 + lot number ("마포구 합정동 123-45", "해운대구 우동 1408번지"). */
const KO_LOT_ADDRESS =
  /(?:[가-힣]{2,6}(?:특별시|광역시|특별자치시|특별자치도|도|시)\s)?[가-힣]{1,6}(?:시|군|구)\s(?:[가-힣]{1,6}(?:읍|면)\s)?[가-힣0-9]{1,8}(?:동|리|가)\s?\d{1,5}(?:-\d{1,4})?(?:\s?번지)?/gu;
/** After a lot number: a count, money, time or ordinal, not an address ("3동 2개", "역삼동 2번 출구"). */
const KO_NOT_LOT = /^\s?(?:개|명|원|년|월|일|시|분|번(?!지)|건|배|%|호선)/u;
function korean(text: string): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  for (const [re, reason] of [
    [KO_ADDRESS, 'city, district, road name and building number'],
    [KO_LOT_ADDRESS, 'city, district, neighbourhood and lot number'],
  ] as const) {
    for (const m of execAll(re, text)) {
      const end = m.index + m[0].length;
      if (/\d/.test(text[end] ?? '') || BUSINESS.test(text.slice(Math.max(0, m.index - 20), Math.min(text.length, end + 20)))) continue;
      if (re === KO_LOT_ADDRESS && KO_NOT_LOT.test(text.slice(end, end + 4))) continue;
      if (out.some((o) => o.start < end && m.index < o.end)) continue;
      out.push(candidate(m.index, end, reason));
    }
  }
  return out;
}

/** Han, kana or Hangul addresses (zh, ja, ko), on the normalized view (full-width digits folded). */
export const recognizeAddresses: Recognizer = (text) => {
  const out: PiiCandidate[] = [];
  if (/[\p{Script=Han}]/u.test(text)) pushAll(pushAll(out, chinese(text)), japanese(text));
  if (/[가-힣]/u.test(text)) pushAll(out, korean(text));
  return out;
};

const CAP = "[A-ZÀ-ÝÄÖÜ][\\p{L}'’.-]*";
const CAPS = (n: number) => `${CAP}(?:\\s+(?:(?:de|del|de la|de los|de las|da|do|das|dos|di|della|dei|delle|degli|dello|du|des|d'|l')\\s*)?${CAP}){0,${n}}`;
/**
 * House number + capitalised name + street type, per language (letter case matters: runs on the original text).
 * `gate`: what must stand right after a whitespace in any text `re` matches, as a regex source —
 * the street type with the whitespace or house number next to it (every match holds it). Most
 * messages with a digit hold none: on the 3,052 such messages of the 600 realistic chats (bench/realistic.ts)
 * the eight patterns matched 3 times. `latinStreetGates` reads all eight gates in one pass;
 * pii-fast-paths.test.ts checks it against these regexes, and that no pattern matches where its gate fails.
 */
const LATIN_STREET_SOURCES: readonly { re: RegExp; gate: string; lang: string }[] = [
  {
    lang: 'en',
    re: /(?<![\w])[1-9]\d{0,4}[A-Za-z]?\s+(?:[A-ZÀ-Ý][\wÀ-ÿ'.-]*\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Way|Court|Ct\.?|Place|Pl\.?|Terrace|Close|Crescent)(?![\w])/gu,
    // the street type after the `\s+` that ends the name, no word character after it (a dot is none)
    gate: String.raw`(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent)(?!\w)`,
  },
  {
    // an English street type in continental order, as written in Europe: "Elm Street 12, 10115 Berlin"
    // (only before a postcode and a town, which tell it from "Street 2" in prose)
    lang: 'en',
    // a name starts after a space or punctuation, never inside a hyphenated or dotted token ("A-A-A-…" was quadratic)
    re: /(?<![\wÀ-ÿ'.-])(?:[A-ZÀ-Ý][\wÀ-ÿ'.-]*\s+){1,3}(?:Street|Avenue|Road|Drive|Lane|Boulevard|Way|Court|Place|Terrace|Close|Crescent)\s+[1-9]\d{0,4}[A-Za-z]?(?=,?\s+\d{4,5}\s+[A-ZÀ-Ý][\p{L}-]+)/gu,
    gate: String.raw`(?:Street|Avenue|Road|Drive|Lane|Boulevard|Way|Court|Place|Terrace|Close|Crescent)\s+[1-9]`,
  },
  {
    lang: 'de',
    // a name starts after a space, never after a hyphen (so "A-A-A-…" is read once, not once per letter:
    // it was quadratic); hyphenated names end in a capitalised type ("Karl-Marx-Straße 12")
    re: /(?<![\p{L}-])[A-ZÄÖÜ][\p{L}-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|-(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Chaussee))\s+[1-9]\d{0,3}\s?[a-zA-Z]?(?![\p{L}\d])/gu,
    // the type right before the `\s+[1-9]` after it
    gate: String.raw`(?<=(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Chaussee)\s)\s*[1-9]`,
  },
  {
    lang: 'de',
    re: /(?<![\p{L}-])(?:[A-ZÄÖÜ][\p{L}-]*(?:er|sche[rn]?)\s)(?:Straße|Strasse|Weg|Gasse|Allee|Platz|Ring|Damm)\s+[1-9]\d{0,3}\s?[a-zA-Z]?(?![\p{L}\d])/gu,
    gate: String.raw`(?:Straße|Strasse|Weg|Gasse|Allee|Platz|Ring|Damm)\s+[1-9]`,
  },
  {
    lang: 'fr',
    re: new RegExp(
      `(?<![\\p{L}\\d])[1-9]\\d{0,3}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|passage)\\s+(?:(?:de la|de l'|du|des|de|d')\\s*)?${CAPS(3)}`,
      'gu',
    ),
    // the type between the `\s+` around it
    gate: String.raw`(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|passage)\s`,
  },
  {
    lang: 'es',
    re: new RegExp(
      `(?<![\\p{L}])(?:Calle|C\\/|Avenida|Avda\\.?|Paseo|Plaza|Pza\\.|Carrer|Camino|Ronda|Travesía)\\s+(?:(?:de la|del|de los|de las|de)\\s+)?${CAPS(3)},?\\s+(?:n[º°o]\\.?\\s*)?[1-9]\\d{0,3}(?![\\p{L}\\d])`,
      'gu',
    ),
    // the type right before the `\s+` after it
    gate: String.raw`(?<=(?:Calle|C\/|Avenida|Avda|Paseo|Plaza|Pza\.|Carrer|Camino|Ronda|Travesía)\.?\s)`,
  },
  {
    lang: 'pt',
    re: new RegExp(
      `(?<![\\p{L}])(?:Rua|R\\.|Avenida|Travessa|Tv\\.|Praça|Largo|Estrada|Alameda|Rodovia)\\s+(?:(?:da|do|das|dos|de)\\s+)?${CAPS(3)},?\\s+(?:n[º°o]\\.?\\s*)?[1-9]\\d{0,4}(?![\\p{L}\\d])`,
      'gu',
    ),
    gate: String.raw`(?<=(?:Rua|R\.|Avenida|Travessa|Tv\.|Praça|Largo|Estrada|Alameda|Rodovia)\s)`,
  },
  {
    lang: 'it',
    re: new RegExp(
      `(?<![\\p{L}])(?:Via|Viale|Piazza|Piazzale|Corso|Vicolo|Largo|Strada|Contrada)\\s+(?:(?:del|della|dei|delle|di|dello|degli)\\s+)?${CAPS(3)},?\\s+(?:n\\.?\\s*)?[1-9]\\d{0,3}(?:\\/[A-Za-z])?(?![\\p{L}\\d])`,
      'gu',
    ),
    gate: String.raw`(?<=(?:Via|Viale|Piazza|Piazzale|Corso|Vicolo|Largo|Strada|Contrada)\s)`,
  },
];
/** The patterns with their gates as regexes (`\s` then the gate's source): the reference `latinStreetGates` is tested against. */
export const LATIN_STREETS: readonly { re: RegExp; gate: RegExp; lang: string }[] = LATIN_STREET_SOURCES.map(({ re, gate, lang }) => ({
  re,
  gate: new RegExp(String.raw`\s${gate}`),
  lang,
}));

/** `latinStreetGates` bits: bit k for `LATIN_STREETS[k]`. */
const EN_NAME_TYPE = 1;
const EN_TYPE_NUMBER = 2;
const DE_COMPOUND = 4;
const DE_WORD_TYPE = 8;
const FR = 16;
const ES = 32;
const PT = 64;
const IT = 128;

/** Street types right after a whitespace, with the gates they may open (what must follow is checked in `latinStreetGates`). */
const AFTER_SPACE: readonly (readonly [string, number])[] = [
  ...[
    'Street',
    'St',
    'Avenue',
    'Ave',
    'Road',
    'Rd',
    'Drive',
    'Dr',
    'Lane',
    'Ln',
    'Boulevard',
    'Blvd',
    'Way',
    'Court',
    'Ct',
    'Place',
    'Pl',
    'Terrace',
    'Close',
    'Crescent',
  ].map((t) => [t, EN_NAME_TYPE] as const),
  ...['Street', 'Avenue', 'Road', 'Drive', 'Lane', 'Boulevard', 'Way', 'Court', 'Place', 'Terrace', 'Close', 'Crescent'].map(
    (t) => [t, EN_TYPE_NUMBER] as const,
  ),
  ...['Straße', 'Strasse', 'Weg', 'Gasse', 'Allee', 'Platz', 'Ring', 'Damm'].map((t) => [t, DE_WORD_TYPE] as const),
  ...['rue', 'avenue', 'av.', 'boulevard', 'bd', 'place', 'chemin', 'allée', 'impasse', 'quai', 'route', 'cours', 'passage'].map((t) => [t, FR] as const),
];
/** Street types right before a whitespace (Spanish ones also before a dot and a whitespace). */
const BEFORE_SPACE: readonly (readonly [string, number])[] = [
  ...['straße', 'strasse', 'str.', 'weg', 'gasse', 'allee', 'platz', 'ring', 'damm', 'ufer', 'chaussee'].map((t) => [t, DE_COMPOUND] as const),
  ...['Straße', 'Strasse', 'Str.', 'Weg', 'Gasse', 'Allee', 'Platz', 'Ring', 'Damm', 'Ufer', 'Chaussee'].map((t) => [t, DE_COMPOUND] as const),
  ...['Calle', 'C/', 'Avenida', 'Avda', 'Paseo', 'Plaza', 'Pza.', 'Carrer', 'Camino', 'Ronda', 'Travesía'].map((t) => [t, ES] as const),
  ...['Rua', 'R.', 'Avenida', 'Travessa', 'Tv.', 'Praça', 'Largo', 'Estrada', 'Alameda', 'Rodovia'].map((t) => [t, PT] as const),
  ...['Via', 'Viale', 'Piazza', 'Piazzale', 'Corso', 'Vicolo', 'Largo', 'Strada', 'Contrada'].map((t) => [t, IT] as const),
];
/**
 * The words of `list` and their gate bits by the two units at their edge `at` (0: the first two,
 * -1: the last two, the edge unit first; key `edge * 65536 + next`), and a 1,024-bit filter of
 * those pairs (`pairBit`, 128 bytes): most whitespaces have no type next to them, and one load
 * tells, without a look-up of the map.
 */
function byPair(list: readonly (readonly [string, number])[], at: 0 | -1) {
  const filter = new Int32Array(32);
  const words = new Map<number, { word: string; bit: number }[]>();
  for (const [word, bit] of list) {
    const edge = word.charCodeAt(at < 0 ? word.length - 1 : 0);
    const next = word.charCodeAt(at < 0 ? word.length - 2 : 1);
    if (word.length < 2) throw new Error(`latinStreetGates: ${word} is shorter than two units`);
    const h = pairBit(edge, next);
    filter[h >> 5]! |= 1 << (h & 31);
    const key = edge * 65536 + next;
    const entries = words.get(key);
    if (entries) entries.push({ word, bit });
    else words.set(key, [{ word, bit }]);
  }
  return { filter, words };
}
/** The filter bit of an edge unit and the unit next to it (`byPair`). */
const pairBit = (edge: number, next: number): number => ((edge << 5) ^ next) & 1023;
/** Is the bit of (`edge`, `next`) set in `filter`? */
const mayPair = (filter: Int32Array, edge: number, next: number): boolean => {
  const h = pairBit(edge, next);
  return ((filter[h >> 5]! >>> (h & 31)) & 1) === 1;
};
const AFTER_PAIRS = byPair(AFTER_SPACE, 0);
const BEFORE_PAIRS = byPair(BEFORE_SPACE, -1);

/** What `\s` matches (the same set with or without the `u` flag). */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}
/** What `\w` matches without the `i` flag: ASCII letters, digits and `_`. */
const isAsciiWord = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
/** `\s*[1-9]` at `i` (`min`: at least that many whitespaces). */
function spacesThenDigit(text: string, i: number, min: number): boolean {
  const from = i;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i - from < min || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c >= 0x31 && c <= 0x39;
}

/** The gates (bits not in `known`) opened by a type of `BEFORE_SPACE` ending at `end`, the whitespace at `p`. */
function typesBefore(text: string, end: number, p: number, known: number): number {
  if (end < 2) return 0; // every type is two units or more
  const c = text.charCodeAt(end - 1);
  const c2 = text.charCodeAt(end - 2);
  if (!mayPair(BEFORE_PAIRS.filter, c, c2)) return 0;
  const candidates = BEFORE_PAIRS.words.get(c * 65536 + c2);
  if (!candidates) return 0;
  let bits = 0;
  for (const { word, bit } of candidates) {
    if (((known | bits) & bit) !== 0 || end < word.length || !text.startsWith(word, end - word.length)) continue;
    if (bit !== DE_COMPOUND || spacesThenDigit(text, p + 1, 0)) bits |= bit;
  }
  return bits;
}

/**
 * The gates of `LATIN_STREETS` that hold in `text`, as bits (bit k: `LATIN_STREETS[k].gate.test(text)`),
 * in one pass that stops at whitespace only: the eight patterns (each tries its look-behind at
 * every position) cost a message with a digit 6.3–7.2 µs in the sensitive pipeline of the 600
 * realistic chats, the gates and the few patterns they let through 3.7–4.2 µs (wall time per call
 * of `recognizeLatinStreets`, mean of the fastest 98 %, three runs of each tree alternating, on a
 * loaded machine). The gate regexes themselves cost more than the patterns (an alternation tried
 * at every whitespace, look-behinds).
 */
export function latinStreetGates(text: string): number {
  let bits = 0;
  const n = text.length;
  for (let p = 0; p < n; p++) {
    const c = text.charCodeAt(p);
    // most units are printable ASCII, none of them a whitespace but the space
    if ((c > 0x20 && c < 0x7f) || !isSpace(c)) continue;
    // every type is two units or more
    const first = p + 2 < n ? text.charCodeAt(p + 1) : 0;
    const second = p + 2 < n ? text.charCodeAt(p + 2) : 0;
    const candidates = mayPair(AFTER_PAIRS.filter, first, second) ? AFTER_PAIRS.words.get(first * 65536 + second) : undefined;
    if (candidates) {
      for (const { word, bit } of candidates) {
        if ((bits & bit) !== 0 || !text.startsWith(word, p + 1)) continue;
        const e = p + 1 + word.length;
        if (bit === EN_NAME_TYPE ? e >= n || !isAsciiWord(text.charCodeAt(e)) : bit === FR ? e < n && isSpace(text.charCodeAt(e)) : spacesThenDigit(text, e, 1))
          bits |= bit;
      }
    }
    bits |= typesBefore(text, p, p, bits);
    // a Spanish type may end in a dot of its own (Avda.) before the whitespace
    if (p > 0 && text.charCodeAt(p - 1) === 0x2e) bits |= typesBefore(text, p - 1, p, bits | ~ES);
  }
  return bits;
}

/**
 * Can `text` hold an address any recognizer here reads? Han or Hangul, or a street word of the
 * Latin patterns above. A cheap gate for callers that scan many short strings (the masker).
 */
export function mayHoldAddress(text: string): boolean {
  return ADDRESS_CUE.test(text);
}
const ADDRESS_CUE = new RegExp(
  [
    '[\\p{Script=Han}가-힣]',
    // German street types end a compound (Hauptstraße, Lindenweg)
    '(?:stra(?:ß|ss)e|str\\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee)(?![\\p{L}])',
    '(?<![\\p{L}])(?:street|st\\.?|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|court|ct|place|pl|terrace|close|crescent|rue|av|bd|chemin|impasse|quai|route|cours|passage|calle|c\\/|avda|paseo|plaza|pza|carrer|camino|ronda|travesía|rua|r|travessa|tv|praça|largo|estrada|alameda|rodovia|via|viale|piazza|piazzale|corso|vicolo|strada|contrada)(?![\\p{L}])',
  ].join('|'),
  'iu',
);

/** Capitalised words after "Via" / "Calle" … that are carriers, channels or brands, not street names. */
const NOT_A_STREET =
  /^(?:Via|Viale|Piazza|Corso|Largo|Strada|Calle|Avenida|Plaza|Paseo|Rua|Praça|Estrada)\s+(?:E-?mail|Mail|DHL|UPS|FedEx|GLS|SDA|TNT|Bartolini|Poste|Correos|Correios|Amazon|WhatsApp|Chat|Telefono|Teléfono|Telefone|PayPal|SMS|App|Web|Internet|Posta|Corriere|Messenger|Instagram|Facebook)\b/u;

/** Latin-script street addresses (en de fr es pt it): on the original text, where capitals survive. */
export const recognizeLatinStreets: Recognizer = (text) => {
  const out: PiiCandidate[] = [];
  const gates = latinStreetGates(text);
  if (gates === 0) return out;
  for (let k = 0; k < LATIN_STREETS.length; k++) {
    if ((gates & (1 << k)) === 0) continue;
    const { re, lang } = LATIN_STREETS[k]!;
    for (const m of execAll(re, text)) {
      if (NOT_A_STREET.test(m[0])) continue;
      const end = m.index + m[0].length;
      if (
        /\b(?:store|shop|branch|office|opening hours|warehouse|return(?:s)? (?:address|to)|send (?:it|them) back to|rücksende\w*|retour\w*|devoluci[óo]n|devolu[çc][ãa]o|reso|filiale|magasin|boutique|tienda|sucursal|loja|negozio|öffnungszeiten|horaires|horario|orari)\b/iu.test(
          text.slice(Math.max(0, m.index - 30), end + 30),
        )
      )
        continue;
      out.push(
        candidate(m.index, end, lang === 'en' ? 'house number, capitalised name and street type' : `street type, capitalised name and house number (${lang})`),
      );
    }
  }
  return out;
};

import { escapeRegExp } from '../../../util/escape-regexp.js';
import { CJK_NUMERAL, DIGITS, foldWidth, parseNumber, WORD_NUMBERS } from './numbers.js';

/** A number with a unit found in text, normalised for comparison. */
export interface Quantity {
  /** The number (the low end of a range such as "3-5 days"). */
  value: number;
  /** The high end of a range ("3-5 days" → 5); absent for a single number. */
  max?: number;
  /** day, hour, week, month, year, minute, percent, an ISO currency code, or YEN (¥: JPY or CNY). */
  unit: string;
  /** UTF-16 offsets of `text` in the input (end exclusive). */
  start: number;
  end: number;
  text: string;
  /** Read from words rather than digits ("a month", "half a year", "半年", "einen Monat"). */
  prose?: boolean;
}

/** What a quantity measures: `duration`, `percent`, or `money:<currency>`. */
export type QuantityDimension = 'duration' | 'percent' | `money:${string}`;

/** Unit words in en zh de fr es pt it ja ko, longest first within each unit; factor scales the number (ja 割 = 10 %). */
const UNIT_WORDS: [string, string, number?][] = [
  [
    'business days?|working days?|calendar days?|days?|werktägige[nmrs]?|werktägig|tägige[nmrs]?|tägig|werktage?n?|arbeitstage?n?|tage?n?|jours? ouvrés|jours? ouvrables|jours?|días? hábiles|días?|dias? úteis|dias?|giorni lavorativi|giorni|giorno|営業日|日間|日(?![元圆圓本])|个工作日|個工作日|工作日|天|영업일|일간|일',
    'day',
  ],
  ['hours?|hrs?|h|stündige[nmrs]?|stündig|stunden?|std|heures?|horas?|ore|ora|時間|个小时|個小時|小时|小時|钟头|시간', 'hour'],
  ['weeks?|wöchige[nmrs]?|wöchig|wochen?|semaines?|semanas?|settimane?|週間|週|个星期|個星期|星期|个礼拜|礼拜|周(?!年)|주일|주(?![문소말])', 'week'],
  ['months?|monatige[nmrs]?|monatig|monate?n?|monats?|mois|meses|mes|mês|mesi|mese|ヶ月|か月|カ月|ヵ月|个月|個月|개월|달(?!러)', 'month'],
  ['years?|jährige[nmrs]?|jährig|jahre?n?|jahres|ans?|années?|años?|anos?|anni|anno|年間|年|년', 'year'],
  ['minutes?|mins?|minuten?|minutos?|minuti|分钟|分鐘|分間|分|분', 'minute'],
  ['%|percent|per cent|prozent|pour ?cent|por ?ciento|por ?cento|per ?cento|パーセント|퍼센트|프로', 'percent'],
  ['割', 'percent', 10],
];
/** Currency words and signs; `YEN` is the ¥ sign, which is JPY in Japan and CNY in China. */
const CURRENCY: [string, string][] = [
  ['US\\$|USD|US dollars?|dollars?|dólares?|dollari|美元|美金|ドル|달러|\\$', 'USD'],
  ['C\\$|CAD', 'CAD'],
  ['A\\$|AUD', 'AUD'],
  ['€|EUR|euros?|Euro|欧元|ユーロ|유로', 'EUR'],
  ['£|GBP|pounds?|英镑|ポンド|파운드', 'GBP'],
  ['CHF', 'CHF'],
  ['JPY|日元|日圆|円|yen|엔', 'JPY'],
  ['CNY|RMB|人民币|yuan|元|块', 'CNY'],
  ['₩|KRW|원', 'KRW'],
  ['R\\$|BRL|reais', 'BRL'],
  ['¥|￥', 'YEN'],
];
/** Idioms that are a fixed duration ("half a year", "quinze jours", "半年", "보름"). */
const PROSE: [string, number, string][] = [
  ['half a year|half-year|ein halbes jahr|einem halben jahr|ein halbjahr|un semestre|medio año|meio ano|mezzo anno|半年|반년', 6, 'month'],
  ['half a month|半个月|半個月|半月|보름', 15, 'day'],
  ['a fortnight|fortnight|une quinzaine|quinze jours|una quincena|uma quinzena|quindici giorni', 14, 'day'],
  ['huit jours|otto giorni', 7, 'day'],
  ["half an hour|eine halbe stunde|einer halben stunde|une demi-heure|media hora|meia hora|mezz'ora|mezza ora|半小时|半小時|半時間", 30, 'minute'],
  ['half a day|einen halben tag|une demi-journée|medio día|meio dia|mezza giornata|半天|半日|반나절', 12, 'hour'],
  [
    'a year and a half|one and a half years|anderthalb jahre|eineinhalb jahre|un an et demi|un año y medio|um ano e meio|un anno e mezzo|一年半|1年半|1년 반',
    18,
    'month',
  ],
  [
    'a month and a half|anderthalb monate|eineinhalb monate|un mois et demi|un mes y medio|um mês e meio|un mese e mezzo|一个半月|一個半月|1ヶ月半|1か月半|한 달 반',
    45,
    'day',
  ],
  ['一周|一週|一星期|一礼拜|일주일', 1, 'week'],
  ["un'ora", 1, 'hour'],
];

const WORDS = Object.keys(WORD_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
/** A number: digits with a CJK multiplier, grouped/decimal digits, a CJK numeral, or a number word. */
const NUM = `(?:(?<![\\d.,])(?:\\d+(?:[.,]\\d+)?[千万萬]|${DIGITS})|(?<![零〇一二两兩三四五六七八九十百千万萬第同每前后後当當这這那])${CJK_NUMERAL}|(?<![\\p{L}\\p{N}])(?:${WORDS}))`;
const RANGE = `\\s*(?:-|–|—|~|～|〜|to|bis|à|a|al|até|到|至)\\s*`;
const UNITS = UNIT_WORDS.map(([w]) => w).join('|');
const LATIN_END = `(?![\\p{Script=Latin}])`;
const QUANTITY = new RegExp(`(${NUM})(?:${RANGE}(${NUM}))?\\s*(?:-|‐|‑)?\\s*(?:个|個)?\\s*(${UNITS})${LATIN_END}|百分之(${NUM})`, 'giu');
const PROSE_RE = new RegExp(`(?<![\\p{Script=Latin}\\p{Script=Hangul}\\p{N}上下前后後])(?:${PROSE.map(([p]) => p).join('|')})${LATIN_END}`, 'giu');
const CURRENCIES = CURRENCY.flatMap(([c]) => c.split('|'))
  .sort((a, b) => b.length - a.length)
  .join('|');
const MONEY_NUM = `(?<![\\d.,])(?:\\d+(?:[.,]\\d+)?[千万萬]|${DIGITS})`;
const MONEY_BEFORE = new RegExp(`(?<![\\p{Script=Latin}])(${CURRENCIES})\\s*(${MONEY_NUM})`, 'giu');
const MONEY_AFTER = new RegExp(`(${MONEY_NUM}|(?<![零〇一二两兩三四五六七八九十百千万萬])${CJK_NUMERAL})\\s*(${CURRENCIES})${LATIN_END}`, 'giu');

const unitRegexes = UNIT_WORDS.map(([w, unit, factor]) => [new RegExp(`^(?:${w})$`, 'iu'), unit, factor ?? 1] as const);
const unitOf = (word: string) => unitRegexes.find(([re]) => re.test(word));
const currencyRegexes = CURRENCY.map(([c, code]) => [new RegExp(`^(?:${c})$`, 'iu'), code] as const);
const currencyOf = (word: string) => currencyRegexes.find(([re]) => re.test(word))?.[1];
const PROSE_LOOKUP = PROSE.flatMap(([p, value, unit]) => p.split('|').map((w) => [w.toLowerCase(), value, unit] as const));

/** "… and a half" after a quantity ("a year and a half", "一年半"). */
/** Characters after a number read for "and a half" (the longest form and a few spaces). */
const HALF_WINDOW = 24;
const AND_A_HALF = /^(?:\s*(?:and a half|und ein halb|et demie?|y medi[oa]|e mei[oa]|e mezz[oa])(?![\p{L}])|半(?![价價额額折]))/iu;
/** A point in time, time elapsed or a vague amount, not a stated duration ("2 days ago", "a day or two", "3天前", "已经10天了"). */
const NOT_A_DURATION_AFTER =
  /^(?:\s*(?:ago|later|earlier|or two|or so|or three|oder zwei|ou deux|o dos|ou dois|o due|fa)(?![\p{L}])|\s*(?:前|以前|之前|전|了(?!解))|\s*(?:a|an|per|pro|par|por|al|am|im|a la)\s+(?:day|week|month|year|tag|woche|monat|jahr|jour|semaine|mois|an|día|dia|semana|mes|año|ano|giorno|settimana|mese|anno)(?![\p{L}]))/iu;
/** Time elapsed, not a stated duration: "vor 2 Tagen", "il y a", "hace", "há"; "seit 10 Tagen", "depuis 10 jours", "da 10 giorni" (for 10 days now). */
const NOT_A_DURATION_BEFORE = /(?:(?<![\p{L}])(?:vor|seit|il y a|depuis|hace|há|da)\s*)$/iu;
/** "24 hours a day", "once a month", "three times a week": an article-number after a rate word is a rate, not a duration. */
const RATE_BEFORE = /(?:\d\s*\p{L}*|(?<![\p{L}])(?:times|once|twice|mal|fois|veces|vezes|volte))\s+$/iu;
/** Articles read as "one" only before a singular unit of their own language ("a month", "einen Monat", "une semaine", "um mês", "한 달"). */
const EN_ONE = /^(?:day|week|month|year|hour|minute|business day|working day|calendar day)$/iu;
const DE_ONE =
  /^(?:tag|tages|werktag|werktages|arbeitstag|woche|monat|monats|jahr|jahres|stunde|minute|(?:werk)?tägig\p{L}*|wöchig\p{L}*|monatig\p{L}*|jährig\p{L}*|stündig\p{L}*)$/iu;
const ARTICLE_UNITS: Record<string, RegExp> = {
  a: EN_ONE,
  an: EN_ONE,
  ein: DE_ONE,
  eine: DE_ONE,
  einen: DE_ONE,
  einem: DE_ONE,
  einer: DE_ONE,
  un: /^(?:jour|jour ouvré|jour ouvrable|mois|an|día|día hábil|mes|año|minuto|giorno|mese|anno)$/iu,
  une: /^(?:semaine|heure|minute|année)$/iu,
  una: /^(?:semana|hora|settimana|ora)$/iu,
  um: /^(?:dia|dia útil|mês|ano|minuto)$/iu,
  uma: /^(?:semana|hora)$/iu,
  한: /^(?:달|시간|주|주일)$/u,
};
const ARTICLES = new Set(Object.keys(ARTICLE_UNITS));
const DURATIONS = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);

function excluded(text: string, start: number, end: number, unit: string, numberWord: string): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 24);
  if (DURATIONS.has(unit) && (NOT_A_DURATION_AFTER.test(after) || NOT_A_DURATION_BEFORE.test(before))) return true;
  if (ARTICLES.has(numberWord.toLowerCase()) && (!DURATIONS.has(unit) || RATE_BEFORE.test(before))) return true;
  // dates: "3月5日", "3월 5일" (a day of a month)
  if (unit === 'day' && /[月월]\s*$/u.test(before)) return true;
  return false;
}

/**
 * Numbers with units in en zh de fr es pt it ja ko: durations ("30 days", "30天", "innerhalb von 14
 * Tagen", "三十天", "30일"), ranges ("3-5 business days"), prose durations ("a month", "half a year",
 * "einen Monat", "un mois", "半年", "一个月", "한 달"), percentages ("20.5 %", "百分之十五", "2割") and
 * money with digit grouping in any locale ("$20", "5,000円", "1.234,56 €", "5 000 €", "5千円").
 * Dates ("3月5日", "2026年"), points in time ("2 days ago", "3天前") and rates ("24 hours a day")
 * are not returned. Input is read as is; full-width digits count as digits.
 *
 * @example
 * extractQuantities('Returns within 30 days, restocking fee 15%').map((q) => `${q.value} ${q.unit}`); // ['30 day', '15 percent']
 * extractQuantities('送料無料は5,000円以上').map((q) => `${q.value} ${q.unit}`); // ['5000 JPY']
 */
export function extractQuantities(input: string): Quantity[] {
  const text = foldWidth(input);
  const out: Quantity[] = [];
  // characters already taken by a quantity: each pass's matches do not overlap, so checking and
  // marking spans costs the text's length per pass, not the square of the number of quantities
  const taken = new Uint8Array(text.length + 1);
  const free = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };
  const push = (q: Quantity) => {
    const half = q.max === undefined ? AND_A_HALF.exec(text.slice(q.end, q.end + HALF_WINDOW)) : null;
    if (half) Object.assign(q, { value: q.value + 0.5, end: q.end + half[0].length });
    q.text = input.slice(q.start, q.end);
    if (Number.isFinite(q.value) && free(q.start, q.end)) {
      taken.fill(1, q.start, q.end);
      out.push(q);
    }
  };
  for (const m of text.matchAll(PROSE_RE)) {
    const hit = PROSE_LOOKUP.find(([w]) => w === m[0].toLowerCase());
    if (hit && !excluded(text, m.index, m.index + m[0].length, hit[2], ''))
      push({ value: hit[1], unit: hit[2], start: m.index, end: m.index + m[0].length, text: m[0], prose: true });
  }
  for (const [re, numAt, curAt] of [
    [MONEY_BEFORE, 2, 1],
    [MONEY_AFTER, 1, 2],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const unit = currencyOf(m[curAt]!);
      if (unit && m[curAt] === '块' && !/\d/u.test(m[numAt]!) && !text.startsWith('钱', m.index + m[0].length)) continue; // 一块: a measure word
      if (unit) push({ value: parseNumber(m[numAt]!), unit, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  for (const m of text.matchAll(QUANTITY)) {
    const [raw, num, hi, unitWord, zhPercent] = m;
    const end = m.index + raw.length;
    if (zhPercent) {
      push({ value: parseNumber(zhPercent), unit: 'percent', start: m.index, end, text: raw });
      continue;
    }
    const unit = unitOf(unitWord!.trim());
    if (!unit) continue;
    const [, name, factor] = unit;
    const value = parseNumber(num!) * factor;
    const max = hi ? parseNumber(hi) * factor : undefined;
    if (name === 'year' && value >= 1000) continue; // "2026年", "2026년": a date
    if (excluded(text, m.index, end, name, num!)) continue;
    const word = num!.toLowerCase();
    if (ARTICLES.has(word) && (hi || !ARTICLE_UNITS[word]!.test(unitWord!.trim()))) continue;
    if (word === 'dos' && /^(?:dias?|anos?|minutos?)$/iu.test(unitWord!.trim())) continue; // pt "dos dias": "of the days"
    if (unitWord === '分' && !/\d/u.test(num!)) continue; // 十分 (ja: "enough"), not ten minutes
    const prose = !/\d/u.test(num!);
    push({ value, ...(max !== undefined && max > value ? { max } : {}), unit: name, start: m.index, end, text: raw, ...(prose ? { prose } : {}) });
  }
  return out.sort((a, b) => a.start - b.start);
}

const DAYS: Record<string, number> = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

/** Normalised unit name for a KB fact's unit ("days", "Tage", "%", "usd", "円"). */
export function normalizeUnit(unit: string): string {
  const u = unit.trim();
  return unitOf(u)?.[1] ?? currencyOf(u) ?? u.toLowerCase();
}

/** The dimension of a normalised unit: durations, percent, or money in one currency; null for other units. */
export function dimensionOf(unit: string): QuantityDimension | null {
  if (unit in DAYS) return 'duration';
  if (unit === 'percent') return 'percent';
  if (currencyRegexes.some(([, code]) => code === unit)) return `money:${unit}`;
  return null;
}

/** A quantity on one scale per dimension: days for durations, the number itself otherwise (a range by its middle). */
export function magnitude(q: { value: number; unit: string; max?: number }): number {
  return ((q.value + (q.max ?? q.value)) / 2) * (DAYS[q.unit] ?? 1);
}

/** Is `unit` a duration unit shorter than a day (minute, hour)? */
export const isShortDuration = (unit: string) => unit === 'minute' || unit === 'hour';

const sameCurrency = (a: string, b: string) => a === b || (a === 'YEN' && (b === 'JPY' || b === 'CNY')) || (b === 'YEN' && (a === 'JPY' || a === 'CNY'));
const close = (x: number, y: number) => Math.abs(x - y) <= 0.1 * Math.max(x, y);

/**
 * Do two quantities state the same thing? Same unit (or ¥ against JPY/CNY): equal values. Durations
 * in different units: within 10 % after conversion to days ("1 month" = "30 days", "2 weeks" = "14
 * days"). A range ("3-5 days", `max` set) agrees with a value inside it or at either end. Null
 * when they are not comparable (different dimensions or currencies).
 */
export function sameQuantity(a: { value: number; unit: string; max?: number }, b: { value: number; unit: string; max?: number }): boolean | null {
  const inside = (lo: number, hi: number, v: number, eq: (x: number, y: number) => boolean) => (v >= lo && v <= hi) || eq(lo, v) || eq(hi, v);
  const agree = (eq: (x: number, y: number) => boolean, fa: number, fb: number) =>
    inside(a.value * fa, (a.max ?? a.value) * fa, b.value * fb, eq) || inside(b.value * fb, (b.max ?? b.value) * fb, a.value * fa, eq);
  if (a.unit === b.unit || sameCurrency(a.unit, b.unit)) return agree((x, y) => Math.abs(x - y) < 1e-9, 1, 1);
  const da = DAYS[a.unit];
  const db = DAYS[b.unit];
  if (da === undefined || db === undefined) return null;
  return agree(close, da, db);
}

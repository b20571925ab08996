/** A number with a unit found in text, normalised for comparison. */
export interface Quantity {
  value: number;
  /** day, hour, week, month, year, minute, percent, or an ISO currency code. */
  unit: string;
  start: number;
  end: number;
  text: string;
}

const UNIT_WORDS: [string, string][] = [
  ['business days|working days|calendar days|days?|tage?n?|werktage?n?|jours?(?: ouvrés| ouvrables)?|días?(?: hábiles)?|dias?(?: úteis)?|giorni|giorno|日間|日|天|个工作日|工作日', 'day'],
  ['hours?|hrs?|h(?=\\b)|stunden?|heures?|horas?|ore|ora|時間|小时|个小时|小時', 'hour'],
  ['weeks?|wochen?|semaines?|semanas?|settimane?|週間|周|个星期|星期', 'week'],
  ['months?|monate?n?|mois|meses|mes|mês|mesi|mese|ヶ月|か月|カ月|个月|個月', 'month'],
  ['years?|jahre?n?|ans?|années?|años?|anos?|anni|anno|年', 'year'],
  ['minutes?|mins?|minuten?|minutos?|minuti|分钟|分間|分', 'minute'],
  ['%|％|percent|per cent|prozent|pour ?cent|por ?ciento|por ?cento|per ?cento', 'percent'],
];
const CURRENCY: [string, string][] = [['US\\$|USD|美元|美金|\\$', 'USD'], ['€|EUR|euros?|欧元', 'EUR'], ['£|GBP|英镑', 'GBP'], ['JPY|円|日元', 'JPY'], ['CNY|RMB|人民币|元|块', 'CNY'], ['¥', 'CNY']];
const ZH_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
  ein: 1, eine: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sieben: 7, zehn: 10, vierzehn: 14, dreißig: 30,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, dix: 10, quinze: 15, trente: 30,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, siete: 7, diez: 10, quince: 15, treinta: 30,
};

/** "三十" → 30, "十五" → 15, "七" → 7 (1–99). */
function zhNumber(s: string): number | null {
  if (!/^[零一二两三四五六七八九十]+$/.test(s)) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? ZH_DIGITS[s]! : null;
  const tens = ten === 0 ? 1 : ZH_DIGITS[s[ten - 1]!] ?? 1;
  const ones = ten === s.length - 1 ? 0 : ZH_DIGITS[s[ten + 1]!] ?? 0;
  return tens * 10 + ones;
}

const NUM = `(\\d+(?:[.,]\\d+)?|[零一二两三四五六七八九十]{1,3}|${Object.keys(WORD_NUMBERS).join('|')})`;
const UNITS = UNIT_WORDS.map(([w]) => w).join('|');
const QUANTITY = new RegExp(`(?<![a-zà-ÿ\\d])${NUM}\\s*(?:-|‑)?\\s*(?:个)?(${UNITS})(?![a-zà-ÿ])|百分之${NUM}`, 'giu');
const MONEY_BEFORE = new RegExp(`(${CURRENCY.map(([c]) => c).join('|')})\\s*(\\d+(?:[.,]\\d+)?)`, 'giu');
const MONEY_AFTER = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s*(${CURRENCY.map(([c]) => c).join('|')})`, 'giu');

const toNumber = (s: string) => WORD_NUMBERS[s.toLowerCase()] ?? zhNumber(s) ?? Number(s.replace(',', '.'));
const unitOf = (word: string) => UNIT_WORDS.find(([w]) => new RegExp(`^(?:${w})$`, 'iu').test(word))?.[1];
const currencyOf = (word: string) => CURRENCY.find(([c]) => new RegExp(`^(?:${c})$`, 'iu').test(word))?.[1];

/**
 * Numbers with units in many languages: durations ("30 days", "30天", "30 Tage", "dentro de 30
 * días", "三十天"), percentages ("15 %", "百分之十五"), money ("$20", "20 €", "20元").
 *
 * @example
 * extractQuantities('Returns within 30 days, restocking fee 15%').map((q) => `${q.value} ${q.unit}`); // ['30 day', '15 percent']
 */
export function extractQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [raw, num, unitWord, zhPercent] = m;
    const value = zhPercent ? toNumber(zhPercent) : toNumber(num!);
    const unit = zhPercent ? 'percent' : unitOf(unitWord!);
    if (unit && Number.isFinite(value)) out.push({ value, unit, start: m.index, end: m.index + raw.length, text: raw });
  }
  for (const [re, numAt, curAt] of [[MONEY_BEFORE, 2, 1], [MONEY_AFTER, 1, 2]] as const) {
    for (const m of text.matchAll(re)) {
      const unit = currencyOf(m[curAt]!);
      if (unit && !out.some((q) => m.index < q.end && q.start < m.index + m[0].length)) out.push({ value: toNumber(m[numAt]!), unit, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const DAYS: Record<string, number> = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

/** Normalised unit name for a KB fact's unit ("days", "Tage", "%", "usd"). */
export function normalizeUnit(unit: string): string {
  return unitOf(unit.trim()) ?? currencyOf(unit.trim()) ?? unit.trim().toLowerCase();
}

/**
 * Do two quantities state the same thing? Same unit: equal values. Durations in different units:
 * within 10 % after conversion to days ("1 month" = "30 days", "2 weeks" = "14 days").
 * Null when they are not comparable (different dimensions or currencies).
 */
export function sameQuantity(a: { value: number; unit: string }, b: { value: number; unit: string }): boolean | null {
  if (a.unit === b.unit) return Math.abs(a.value - b.value) < 1e-9;
  const da = DAYS[a.unit];
  const db = DAYS[b.unit];
  if (da === undefined || db === undefined) return null;
  const x = a.value * da;
  const y = b.value * db;
  return Math.abs(x - y) <= 0.1 * Math.max(x, y);
}

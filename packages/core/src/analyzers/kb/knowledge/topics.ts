import { escapeRegExp } from '../../../util/escape-regexp.js';
import type { KbEntry, KbFact } from './schema.js';

/**
 * A small multilingual table of the topics customer-service KB facts are about (returns, refunds,
 * warranties, shipping, fees …), with their words in en de fr es pt it zh ja ko. It lets a KB
 * written in one language be found and checked from a conversation in another when the entry lists
 * its questions and keywords in its own language only: the customer's "Wie lange gilt die
 * Garantie?" and the English "How long is the warranty?" share the topic `warranty`.
 *
 * Latin words match at a word start (so inflections and compounds after them count: "Rückgabe",
 * "returned", "remboursement"), those of 4 letters or fewer as whole words (plural -s allowed);
 * CJK and Hangul words match anywhere. A word belongs to one topic
 * only; words with a common second meaning are left out ("rendere", "real", bare "charge").
 */
export const TOPICS: Readonly<Record<string, readonly string[]>> = {
  return: [
    'return',
    'send back',
    'send it back',
    'zurückgeb',
    'zurückzugeb',
    'zurückzuschick',
    'zurückzusend',
    'zurückschick',
    'zurücksend',
    'rückgabe',
    'rücksend',
    'retoure',
    'retourner',
    'retour',
    'renvoyer',
    'renvoi',
    'devol',
    'devuelv',
    'reso',
    'resi',
    'restituir',
    'restituz',
    '退货',
    '退貨',
    '退回',
    '返品',
    '返却',
    '반품',
  ],
  refund: [
    'refund',
    'reimburs',
    'money back',
    'erstatt',
    'rückerstatt',
    'geld zurück',
    'rembours',
    'reembols',
    'estorno',
    'rimbors',
    '退款',
    '退钱',
    '退錢',
    '返金',
    '払い戻',
    '환불',
  ],
  warranty: ['warrant', 'guarantee', 'garantie', 'gewährleistung', 'garantía', 'garantia', 'garanzia', '保修', '保固', '质保', '質保', '保証', '보증'],
  shipping: [
    'shipping',
    'delivery',
    'deliver',
    'postage',
    'versand',
    'liefer',
    'zustell',
    'porto',
    'livraison',
    'livrer',
    'livré',
    'expédi',
    'frais de port',
    'envío',
    'envio',
    'entrega',
    'frete',
    'spedizion',
    'spedire',
    'consegna',
    '运费',
    '運費',
    '邮费',
    '郵費',
    '配送',
    '发货',
    '發貨',
    '送货',
    '送貨',
    '包邮',
    '送料',
    '発送',
    '配達',
    '배송',
    '배달',
  ],
  fee: ['fee', 'gebühr', 'frais', 'tarifa', 'comisión', 'taxa', 'commission', '手续费', '手續費', '手数料', '수수료'],
  restocking: ['restock', 'wiedereinlager', 'réapprovisionnement', 'reposición', 'reposição', 'riassortimento', '上架费', '再入庫', '재입고'],
  opened: ['opened', 'geöffnet', 'ouvert', 'abiert', 'aberto', 'aperto', 'aperti', '拆封', '已开封', '開封', '개봉'],
  cancel: ['cancel', 'stornier', 'storno', 'annul', 'anular', 'annull', 'disdett', '取消', 'キャンセル', '取り消', '취소'],
  exchange: ['exchange', 'umtausch', 'échange', 'troca', 'trocar', 'sostituzion', '换货', '換貨', '调换', '交換', '교환'],
  battery: ['batter', 'akku', 'batería', 'bateria', '电池', '電池', 'バッテリー', '배터리'],
};

const LATIN = /^[\p{Script=Latin}\s'’-]+$/u;
const TOPIC_RE = new RegExp(
  Object.entries(TOPICS)
    .map(([, words]) => {
      const sorted = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
      // Latin words of 4 letters or fewer are whole words, plural -s allowed ("fee" is not "feedback", "reso" not "resolve")
      const short = sorted.filter((w) => LATIN.test(w) && w.length <= 4);
      const latin = sorted.filter((w) => LATIN.test(w) && w.length > 4);
      const other = sorted.filter((w) => !LATIN.test(w));
      const parts = [
        short.length ? `(?<![\\p{L}\\p{N}])(?:${short.join('|')})s?(?![\\p{L}])` : '',
        latin.length ? `(?<![\\p{L}\\p{N}])(?:${latin.join('|')})` : '',
        other.join('|'),
      ].filter(Boolean);
      return `(${parts.join('|')})`;
    })
    .join('|'),
  'giu',
);
const NAMES = Object.keys(TOPICS);

/**
 * The topics `text` names (see {@link TOPICS}), in any of the nine languages.
 *
 * @example
 * topicsOf('Wie lange gilt die Garantie?'); // Set { 'warranty' }
 * topicsOf('我想退货退款'); // Set { 'return', 'refund' }
 */
export function topicsOf(text: string): Set<string> {
  return new Set(topicSpans(text.normalize('NFC')).map((s) => s.topic));
}

/** Where `text` names a topic: each match of a topic word, with offsets into `text` (end exclusive). */
export function topicSpans(text: string): { start: number; end: number; topic: string }[] {
  const out: { start: number; end: number; topic: string }[] = [];
  for (const m of text.matchAll(TOPIC_RE)) {
    const k = m.slice(1).findIndex((g) => g !== undefined);
    if (k >= 0) out.push({ start: m.index, end: m.index + m[0].length, topic: NAMES[k]! });
  }
  return out;
}

const factTopics = new WeakMap<KbFact, Set<string>>();
/** The topics a fact is about: those its name and keywords name. */
export function topicsOfFact(fact: KbFact): Set<string> {
  let t = factTopics.get(fact);
  if (!t) factTopics.set(fact, (t = topicsOf([fact.name, ...(fact.keywords ?? [])].join(' \n '))));
  return t;
}

const entryTopics = new WeakMap<KbEntry, Set<string>>();
/** The topics an entry is about: those its questions, answer, and facts' names and keywords name. */
export function topicsOfEntry(entry: KbEntry): Set<string> {
  let t = entryTopics.get(entry);
  if (!t) {
    t = topicsOf([...entry.questions, entry.answer, ...(entry.facts ?? []).flatMap((f) => [f.name, ...(f.keywords ?? [])])].join(' \n '));
    entryTopics.set(entry, t);
  }
  return t;
}

/**
 * The entry a message in another language is about, by topic: among the entries whose `language`
 * differs from the message's, the one whose topics overlap the message's most (Jaccard), when it
 * is the only one with that score. Null when the message names no topic or two entries tie.
 *
 * @example
 * entryByTopic('Wie lange gilt die Garantie?', 'de', kb.entries); // { entry: warranty, topics: ['warranty'] }
 */
export function entryByTopic(text: string, language: string, entries: readonly KbEntry[]): { entry: KbEntry; topics: string[] } | null {
  const asked = topicsOf(text);
  if (!asked.size) return null;
  const base = (l: string) => l.toLowerCase().split(/[-_]/u)[0]!;
  let best: { entry: KbEntry; score: number; shared: string[] } | null = null;
  let tie = false;
  for (const entry of entries) {
    if (base(entry.language) === base(language)) continue;
    const own = topicsOfEntry(entry);
    const shared = [...asked].filter((t) => own.has(t));
    if (!shared.length) continue;
    const score = shared.length / new Set([...asked, ...own]).size;
    if (!best || score > best.score + 1e-9) {
      best = { entry, score, shared };
      tie = false;
    } else if (Math.abs(score - best.score) <= 1e-9) tie = true;
  }
  return best && !tie ? { entry: best.entry, topics: best.shared } : null;
}

/**
 * The politeness strategies of Danescu-Niculescu-Mizil et al. (ACL 2013), as English patterns
 * that return the span that triggered them, plus a few support-chat additions. Used as model
 * features and as evidence in findings.
 */
import { caseFoldSafe, MessageAnalysis } from '../../../pipeline/analyze/message-analysis.js';
import { caseInsensitivePrefixes } from '../../../util/phrase-filter.js';
import { sharedPrefixScan } from '../../../util/shared-prefix-scan.js';

export interface StrategyHit {
  strategy: string;
  start: number;
  end: number;
}

const POSITIVE = [
  'great',
  'good',
  'nice',
  'excellent',
  'wonderful',
  'awesome',
  'amazing',
  'helpful',
  'perfect',
  'glad',
  'happy',
  'appreciate',
  'interesting',
  'fantastic',
  'pleasure',
  'welcome',
  'kind',
  'best',
  'cool',
  'fine',
  'love',
  'enjoy',
  'impressive',
  'useful',
  'valuable',
];
const NEGATIVE = [
  'bad',
  'wrong',
  'stupid',
  'terrible',
  'awful',
  'horrible',
  'ridiculous',
  'nonsense',
  'useless',
  'problem',
  'mistake',
  'error',
  'fail',
  'failed',
  'annoying',
  'waste',
  'hate',
  'worst',
  'poor',
  'silly',
  'lame',
  'crap',
  'damn',
  'vandalism',
  'disruptive',
  'unacceptable',
  'incorrect',
  'broken',
  'confusing',
  'pointless',
];
const HEDGES = [
  'think',
  'thought',
  'believe',
  'suppose',
  'guess',
  'maybe',
  'perhaps',
  'possibly',
  'probably',
  'might',
  'seem',
  'seems',
  'seemed',
  'apparently',
  'somewhat',
  'sort of',
  'kind of',
  'a bit',
  'a little',
  'likely',
  'unlikely',
  'suggest',
  'wonder',
  'wondering',
  'assume',
  'presumably',
  'roughly',
  'fairly',
  'quite',
  'rather',
  'typically',
  'generally',
  'usually',
  'mostly',
  'almost',
  'i feel',
  'it appears',
];
/**
 * Per word-list pattern (`words`): a literal every match holds, per alternative — the longest
 * space-free piece of the word ("a bit" → "bit", "i feel" → "feel"), not its first word ("a",
 * "i": in every message), so the shared scan rules the pattern out on most messages.
 */
const WORD_LIST_LITERALS = new Map<RegExp, string[]>();
const words = (list: string[]) => {
  const re = new RegExp(`\\b(?:${list.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
  WORD_LIST_LITERALS.set(
    re,
    list.map((w) => w.split(' ').reduce((a, b) => (b.length > a.length ? b : a))),
  );
  return re;
};

/** [strategy, pattern, only at the start of a sentence?] */
const RULES: [string, RegExp, boolean][] = [
  ['gratitude', /\b(?:thank(?:s| you)?|appreciate[ds]?|grateful|much obliged|cheers)\b/gi, false],
  [
    'deference',
    /\b(?:great|good|nice|interesting|excellent|wonderful|impressive|cool) (?:work|job|point|question|idea|catch|find|article|edit|edits|answer)\b/gi,
    false,
  ],
  ['greeting', /\b(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b/gi, true],
  ['apologizing', /\b(?:sorry|apologi[sz]e[sd]?|apologies|excuse me|forgive me|my bad|pardon|regret(?:fully)?)\b/gi, false],
  ['please_start', /\bplease\b/gi, true],
  ['please', /\bplease\b/gi, false],
  ['hedge', words(HEDGES), false],
  ['indirect_btw', /\bby the way\b|\bbtw\b|\bincidentally\b/gi, false],
  [
    'counterfactual_modal',
    /\b(?:could|would|might) you\b|\bwould it be possible\b|\bwould you mind\b|\bif you (?:could|would|don't mind)\b|\bwould be (?:great|nice|helpful|appreciated)\b/gi,
    false,
  ],
  ['indicative_modal', /\b(?:can|will) you\b/gi, false],
  ['first_person_start', /\b(?:i|my|mine|myself|i'm|i've|i'd|i'll)\b/gi, true],
  ['first_person_plural', /\b(?:we|our|ours|us|ourselves|let's)\b/gi, false],
  ['first_person', /\b(?:i|my|mine|myself|me|i'm|i've|i'd|i'll)\b/gi, false],
  ['second_person_start', /\b(?:you|your|yours|yourself|you're|you've|you'd|you'll)\b/gi, true],
  ['second_person', /\b(?:you|your|yours|yourself|you're|you've|you'd|you'll|u|ur)\b/gi, false],
  ['direct_question', /\b(?:what|why|who|how|where|when)\b/gi, true],
  ['direct_start', /\b(?:so|then|and|but|or)\b/gi, true],
  ['factuality', /\b(?:in fact|actually|really|the fact that|the point is|the reality is|the truth is|obviously|clearly|of course|indeed)\b/gi, false],
  ['subjunctive_could', /\bcould you\b/gi, false],
  ['positive_lexicon', words(POSITIVE), false],
  ['negative_lexicon', words(NEGATIVE), false],
  ['exclamation', /!+/g, false],
  ['question_marks', /\?{2,}/g, false],
  ['all_caps', /\b[A-Z]{4,}\b/g, false],
];

/**
 * The strategies that carry across languages, for es fr de pt it ko ru ja zh hi vi hu af ta: the
 * same feature names, so the English-trained weights apply. Stems, matched at a word start.
 */
const ml = (stems: string[]) => new RegExp(`(?<!\\p{L})(?:${stems.join('|')})`, 'giu');
/** The part of a pattern every match lies in: a multilingual one without its look-behind. */
const stemsOf = (re: RegExp) => re.source.replace(/^\(\?<!\\p\{L\}\)/, '');
const MULTILINGUAL: [string, RegExp, boolean][] = [
  [
    'gratitude',
    ml([
      'gracias',
      'agradec',
      'merci',
      'remerci',
      'danke',
      'vielen dank',
      'obrigad',
      'agradeç',
      'grazie',
      'ringrazi',
      '감사',
      '고맙',
      'спасибо',
      'благодар',
      'ありがとう',
      '感謝',
      '谢谢',
      '感谢',
      '多谢',
      'धन्यवाद',
      'शुक्रिया',
      'cảm ơn',
      'köszön',
      'dankie',
      'நன்றி',
    ]),
    false,
  ],
  [
    'please',
    ml([
      'por favor',
      "s'il vous pla",
      "s'il te pla",
      'bitte',
      'per favore',
      'пожалуйста',
      '주세요',
      '부탁',
      'お願い',
      'ください',
      '请',
      '麻烦',
      'कृपया',
      'vui lòng',
      'làm ơn',
      'kérem',
      'kérlek',
      'asseblief',
      'தயவு',
    ]),
    false,
  ],
  [
    'apologizing',
    ml([
      'perdón',
      'perdon',
      'disculp',
      'lo siento',
      'désolé',
      'desole',
      'excusez',
      'pardon',
      'entschuldig',
      'tut mir leid',
      'desculp',
      'sinto muito',
      'scusa',
      'scusi',
      'mi dispiace',
      '죄송',
      '미안',
      'извин',
      'простите',
      'すみません',
      '申し訳',
      'ごめん',
      '抱歉',
      '对不起',
      '不好意思',
      'माफ़',
      'माफ',
      'xin lỗi',
      'sajnál',
      'bocsán',
      'jammer',
      'மன்னி',
    ]),
    false,
  ],
  [
    'greeting',
    ml([
      'hola',
      'buenos días',
      'buenas',
      'bonjour',
      'salut',
      'hallo',
      'guten tag',
      'olá',
      'bom dia',
      'ciao',
      'buongiorno',
      '안녕',
      'здравствуй',
      'привет',
      'こんにちは',
      '您好',
      '你好',
      'नमस्ते',
      'xin chào',
      'szia',
      'jó napot',
      'வணக்கம்',
    ]),
    false,
  ],
  [
    'counterfactual_modal',
    ml([
      'podrías',
      'podría',
      'pourriez',
      'pourrais',
      'könnten sie',
      'würden sie',
      'könntest',
      'poderia',
      'potrebbe',
      'potresti',
      'могли бы',
      'не могли',
      '주시겠',
      '주실 수',
      'いただけ',
      'もらえ',
      '能否',
      '可否',
      '能不能',
      'कर सकते',
      'có thể',
      'tudná',
      'sou jy',
    ]),
    false,
  ],
  [
    'hedge',
    ml([
      'quizás',
      'quizá',
      'tal vez',
      'creo que',
      'peut-être',
      'je pense',
      'je crois',
      'vielleicht',
      'ich glaube',
      'talvez',
      'acho que',
      'forse',
      'penso che',
      '아마',
      'может быть',
      'наверное',
      'кажется',
      'たぶん',
      'かもしれ',
      '也许',
      '或许',
      'शायद',
      'có lẽ',
      'talán',
      'miskien',
    ]),
    false,
  ],
  [
    'negative_lexicon',
    ml([
      'estúpid',
      'ridícul',
      'basura',
      'stupide',
      'ridicule',
      'nul ',
      'dumm',
      'blöd',
      'idiot',
      'ridicol',
      'stupid',
      'глуп',
      'идиот',
      'бред',
      '바보',
      '멍청',
      '짜증',
      'बकवास',
      'मूर्ख',
      'ngu ',
      'hülye',
      'ostoba',
      'dom ',
      'onsin',
    ]),
    false,
  ],
];

const SENTENCE_START = /(?:^|[.!?\n]\s*|^\s*)$/;
const ALL_RULES = [...RULES, ...MULTILINGUAL];
/**
 * The lower-cased literals every match of a strategy pattern holds one of (`requiredLiterals`:
 * mostly its literal prefixes), in the message's one shared scan of its lower-cased text
 * (`sharedPrefixScan('lower', '*')`, with the phrasing rules): a pattern none of whose literals
 * occurs in the lower-cased text cannot match, so its regex does not run.
 * Sound for the `i` and `iu` flags alike on texts whose case folding their lower case stands in
 * for (`caseFoldSafe`; other texts run every regex). Checked in test/message-analysis.test.ts.
 */
const MAY_MATCH = sharedPrefixScan('lower', '*').filter(ALL_RULES.map(([, re]) => requiredLiterals(re)));

/**
 * Lower-cased literals one of which every match of strategy pattern `re` holds (in its text
 * lower-cased): a word list's pieces (`WORD_LIST_LITERALS`), `!` for the exclamation marks, `??`
 * for the repeated question marks, else the pattern's literal prefixes (null: none, always run).
 * Sound for the word lists: the ASCII letters of a `/i` (not `/u`) pattern match only ASCII
 * letters, whose lower case is the piece's.
 */
function requiredLiterals(re: RegExp): string[] | null {
  const pieces = WORD_LIST_LITERALS.get(re);
  if (pieces) return pieces;
  if (re.source === '!+') return ['!'];
  if (re.source === '\\?{2,}') return ['??'];
  return caseInsensitivePrefixes(stemsOf(re));
}

/**
 * Per strategy pattern (in `STRATEGY_PATTERNS` order): 0 when it cannot match `text`, 1 when it
 * may; null when the text's case folding needs every regex run. `known`: the text's lower case
 * and case-fold safety when the caller has them (they are not computed again); a message's
 * `MessageAnalysis` of `view.folded` (the flags then come from the message's shared scan). The
 * flags are shared: read them, never write them.
 */
export function strategiesThatMayMatch(text: string, known?: TextCase): Uint8Array | null {
  if (!(known ? known.caseFoldSafe : caseFoldSafe(text))) return null;
  if (known instanceof MessageAnalysis) return MAY_MATCH.flags(known);
  return MAY_MATCH.flagsOfText(known ? known.lower : text.toLowerCase());
}

/** A text's lower case and whether it stands in for its case folding, when the caller has them (a message's analysis of `view.folded`). */
export interface TextCase {
  readonly lower: string;
  readonly caseFoldSafe: boolean;
}

/** Every strategy pattern, in the order `strategiesThatMayMatch` flags them (for the soundness test). */
export const STRATEGY_PATTERNS: readonly RegExp[] = ALL_RULES.map(([, re]) => re);

/**
 * Every strategy hit in `text`, in order of position. "Start" strategies count only as the first
 * word of a sentence. `known`: as in `strategiesThatMayMatch`.
 *
 * @example
 * politenessStrategies('Could you please check it? Thanks!').map((h) => h.strategy);
 * // ['counterfactual_modal', 'subjunctive_could', 'please', 'gratitude', 'exclamation']
 */
export function politenessStrategies(text: string, known?: TextCase): StrategyHit[] {
  const hits: StrategyHit[] = [];
  const may = strategiesThatMayMatch(text, known);
  scannedFor++;
  for (let r = 0; r < ALL_RULES.length; r++) {
    if (may && !may[r]) continue;
    const [strategy, , atStart] = ALL_RULES[r]!;
    const scan = SCANS[r]!;
    const found = matchesOf(scan.from, text);
    const { starts, ends } = found;
    for (let k = 0; k < found.count; k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      if (scan.except && end - start <= scan.longestExcept && scan.except.has(text.slice(start, end).toLowerCase())) continue;
      if (atStart && !SENTENCE_START.test(text.slice(Math.max(0, start - 3), start))) continue;
      if (hits.length === hitRule.length) {
        const grown = new Int32Array(2 * hitRule.length);
        grown.set(hitRule);
        hitRule = grown;
      }
      hitRule[hits.length] = r;
      hits.push({ strategy, start, end });
    }
  }
  return distinctHits(hits);
}

/**
 * `politenessStrategies` the plain way, for the test of its fast paths: every rule's own
 * pattern (multilingual ones with their look-behind), no prefilter, no shared matches.
 */
export function politenessStrategiesByEveryRegex(text: string): StrategyHit[] {
  const hits: StrategyHit[] = [];
  for (let r = 0; r < ALL_RULES.length; r++) {
    const [strategy, pattern, atStart] = ALL_RULES[r]!;
    const re = new RegExp(pattern.source, pattern.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (atStart && !SENTENCE_START.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
      if (hits.length === hitRule.length) {
        const grown = new Int32Array(2 * hitRule.length);
        grown.set(hitRule);
        hitRule = grown;
      }
      hitRule[hits.length] = r;
      hits.push({ strategy, start: m.index, end: m.index + m[0].length });
    }
  }
  return distinctHits(hits);
}

/** `hits` (their rules in `hitRule`), one per strategy and position, in order of position then strategy name. */
function distinctHits(hits: StrategyHit[]): StrategyHit[] {
  // one hit per strategy and position (an English and a multilingual pattern may both match);
  // the general form does not count where its sentence-initial form already did. Keys are numbers
  // (position × strategies + strategy id), the order a precomputed rank of the names: the same
  // hits in the same order as string keys and localeCompare; the strategies of the realistic
  // chats' agent messages took 0.91–0.92× the CPU (same-process microbenchmark, medians of 21)
  // (loops and a module-level comparator, not arrows per call: decision 204)
  if (hits.length === 0) return hits;
  let initial: Set<number> | undefined;
  for (let k = 0; k < hits.length; k++) {
    const general = GENERAL_OF[RULE_STRATEGY[hitRule[k]!]!]!;
    if (general >= 0) (initial ??= new Set()).add(hits[k]!.start * STRATEGY_COUNT + general);
  }
  const seen = new Set<number>();
  const out: typeof hits = [];
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const key = h.start * STRATEGY_COUNT + RULE_STRATEGY[hitRule[k]!]!;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!initial?.has(key)) out.push(h);
  }
  return out.sort(byStartThenStrategy);
}

/**
 * How rule `r` finds its matches: the matches of rule `from`'s regex (its own, or a rule whose
 * pattern is the same word list plus some words), less those whose lower-cased text is in
 * `except`. `first_person_start` reads `first_person`'s matches less "me", `second_person_start`
 * `second_person`'s less "u" and "ur", `please` `please_start`'s: one regex run for two rules.
 * Exact because an extra word matches only where none of the shorter list's words does (it
 * comes after them in the alternation, or before words that start with an "i" the list's
 * earlier "i" already takes), and is a whole word in which no other match can start: the longer
 * list takes the same alternative wherever the shorter one matches, and an extra word's match
 * hides none (checked against every rule's own regex in strategies-fast-paths.test.ts).
 */
interface RuleScan {
  from: number;
  except: ReadonlySet<string> | null;
  /** The length of the longest word in `except` (a longer match is never one). */
  longestExcept: number;
}
const ruleIndex = (strategy: string) => ALL_RULES.findIndex(([name]) => name === strategy);
const SCANS: RuleScan[] = ALL_RULES.map((_, r) => ({ from: r, except: null, longestExcept: 0 }));
for (const [rule, from, except] of [
  ['first_person_start', 'first_person', ['me']],
  ['second_person_start', 'second_person', ['u', 'ur']],
  ['please', 'please_start', []],
] as const) {
  SCANS[ruleIndex(rule)] = {
    from: ruleIndex(from),
    except: except.length ? new Set(except) : null,
    longestExcept: Math.max(0, ...except.map((w) => w.length)),
  };
}

/**
 * The regex each rule runs (by rule index): its pattern, or for a multilingual one its stems
 * without the look-behind `(?<!\p{L})`, which `matchesOf` checks at each match instead of V8
 * running it at every position of the text.
 */
const SCAN_RES = ALL_RULES.map(([, re], r) => (r >= RULES.length ? new RegExp(stemsOf(re), re.flags) : re));
/** The multilingual patterns' look-behind alone, tested at one position (sticky). */
const NO_LETTER_BEFORE = /(?<!\p{L})/iuy;

/** One rule's matches in the current call's text: spans [starts[k], ends[k]) for k < count. */
interface RuleMatches {
  /** The `scannedFor` call these are for. */
  call: number;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}
/** Counts `politenessStrategies` calls, so a rule's matches are found once per call. */
let scannedFor = 0;
const MATCHES: RuleMatches[] = ALL_RULES.map(() => ({ call: 0, count: 0, starts: new Int32Array(8), ends: new Int32Array(8) }));

/**
 * Rule `r`'s regex matches in `text`, found on the first request of this call: those of
 * `pattern.exec` in a global loop. A multilingual rule runs its stems alone (`SCAN_RES`) and
 * keeps a match only when no letter precedes it, else it looks again one position on — the
 * leftmost position where the stems match and the look-behind holds, which is where the pattern
 * with its look-behind matches next, with the same alternative (the look-behind reads nothing of
 * the match), so the same matches.
 */
function matchesOf(r: number, text: string): RuleMatches {
  const found = MATCHES[r]!;
  if (found.call === scannedFor) return found;
  found.call = scannedFor;
  found.count = 0;
  const re = SCAN_RES[r]!;
  const lookBehind = r >= RULES.length;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (lookBehind) {
      NO_LETTER_BEFORE.lastIndex = m.index;
      if (!NO_LETTER_BEFORE.test(text)) {
        re.lastIndex = m.index + 1;
        continue;
      }
    }
    if (found.count === found.starts.length) {
      const starts = new Int32Array(2 * found.count);
      starts.set(found.starts);
      found.starts = starts;
      const ends = new Int32Array(2 * found.count);
      ends.set(found.ends);
      found.ends = ends;
    }
    found.starts[found.count] = m.index;
    found.ends[found.count++] = m.index + m[0].length;
  }
  return found;
}

/** The strategy names, each with an id (its index here). */
const STRATEGY_NAMES = [...new Set(ALL_RULES.map(([strategy]) => strategy))];
const STRATEGY_COUNT = STRATEGY_NAMES.length;
const STRATEGY_ID = new Map(STRATEGY_NAMES.map((name, id) => [name, id]));
/** Per rule: its strategy's id. */
const RULE_STRATEGY = Int32Array.from(ALL_RULES, ([strategy]) => STRATEGY_ID.get(strategy)!);
/** Per strategy id: the id of its general form when it is a sentence-initial one (`please_start` → `please`), else -1. */
const GENERAL_OF = Int32Array.from(STRATEGY_NAMES, (name) => (name.endsWith('_start') ? (STRATEGY_ID.get(name.slice(0, -6)) ?? -1) : -1));
/** Per strategy name: its place in `localeCompare` order (names that compare equal share one). */
const STRATEGY_RANK = new Map<string, number>();
{
  const sorted = [...STRATEGY_NAMES].sort((a, b) => a.localeCompare(b));
  let rank = 0;
  sorted.forEach((name, i) => {
    if (i > 0 && sorted[i - 1]!.localeCompare(name) !== 0) rank++;
    STRATEGY_RANK.set(name, rank);
  });
}
/** The rule of each hit of the current call, by hit index (reused). */
let hitRule = new Int32Array(64);

function byStartThenStrategy(a: { start: number; strategy: string }, b: { start: number; strategy: string }): number {
  return a.start - b.start || STRATEGY_RANK.get(a.strategy)! - STRATEGY_RANK.get(b.strategy)!;
}

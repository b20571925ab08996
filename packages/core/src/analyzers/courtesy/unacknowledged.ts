import type { MessageView } from '../../pipeline/analyze/contract.js';
import type { Finding, Severity } from '../../pipeline/validate/finding.js';
import { sentences } from '../../text/sentences.js';
import { foldChinese } from './conduct.js';
import { type ConductRules, compileFileRegexes } from './conduct-rules.js';

/**
 * Severity of the strict form: critical (fails the conversation under the default scorecard). An
 * independent reader judged 33 of 33 firings right: 28 on chats written blind by other sessions,
 * 5 on real helpdesk threads (decision 142, docs/precision.md); the loose form was 0.68 of 22.
 */
export const STRICT_NO_ACKNOWLEDGEMENT_SEVERITY: Severity = 'critical';

/** A bare reply is short: at most this many sentences and characters (normalized view). */
const MAX_SENTENCES = 3;
const MAX_CHARS = 240;

interface CompiledUnacknowledged {
  grievance: RegExp[];
  opening: RegExp[];
  request: RegExp[];
  softeners: RegExp[];
}

const hit = (res: readonly RegExp[], text: string): boolean => {
  for (const re of res) {
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
};

/** After a greeting: punctuation, emoji, and a short address ending in a comma or colon ("there,", "Lucía:", "signor Rossi,"). */
const AFTER_OPENING = /^(?:[\s,，、.。!！:：~～\p{Extended_Pictographic}]|\uFE0F)*/u;
/** A name or title of one to three space-separated words, not in a script without spaces (there a clause would pass for a name). */
const SHORT_ADDRESS =
  /^(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[^\s,，.。!！?？:：]){1,20}(?: (?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[^\s,，.。!！?？:：]){1,20}){0,2}[,，:：]\s*/u;

/** The reply without the greeting it opens with (the whole reply when it opens with none). */
function withoutOpening(opening: readonly RegExp[], text: string): string {
  for (const re of opening) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m || m.index !== 0 || !m[0]) continue;
    const afterGreeting = text.slice(m[0].length);
    const gap = AFTER_OPENING.exec(afterGreeting)![0];
    const rest = afterGreeting.slice(gap.length);
    // "hello there, …", "hola, lucía: …", "buongiorno signor rossi, …": a short address after the
    // greeting goes too, unless the greeting ended a sentence ("Buongiorno. Per favore…")
    return /[.。!！]/u.test(gap) ? rest : rest.replace(SHORT_ADDRESS, '');
  }
  return text;
}

export interface StrictUnacknowledged {
  /** Does a customer message report a real problem or anger (the strict form's complaint)? False when the language has no list. */
  aggrieved(language: string, normalized: string): boolean;
  /** Is an agent reply nothing but a short bare request (after any greeting, first sentence a request; no private-channel move, no remedy)? */
  bareRequest(language: string, normalized: string): boolean;
  /** Is this sentence (normalized view) nothing but a greeting of the language's `opening` list ("Hello!", 您好。)? */
  onlyOpening(language: string, normalized: string): boolean;
}

/**
 * The strict form of `politeness.no_acknowledgement` from the `unacknowledged` lists of conduct
 * rule files (one per language): a grievance answered by a short reply that is only a request.
 * The caller checks that the reply acknowledges nothing (the loose form's list).
 */
export function compileStrictUnacknowledged(files: readonly ConductRules[]): StrictUnacknowledged {
  const byLanguage = new Map<string, CompiledUnacknowledged>();
  for (const file of files) {
    const lists = file.unacknowledged;
    if (!lists) continue;
    const regexes = (sources: readonly string[]) => compileFileRegexes(file, sources);
    const known = byLanguage.get(file.language);
    const entry: CompiledUnacknowledged = {
      grievance: regexes(lists.grievance),
      opening: regexes(lists.opening),
      request: regexes(lists.request),
      softeners: regexes(lists.softeners),
    };
    byLanguage.set(
      file.language,
      known
        ? {
            grievance: [...known.grievance, ...entry.grievance],
            opening: [...known.opening, ...entry.opening],
            request: [...known.request, ...entry.request],
            softeners: [...known.softeners, ...entry.softeners],
          }
        : entry,
    );
  }
  const view = (language: string, text: string) => (language === 'zh' ? foldChinese(text) : text);
  return {
    onlyOpening(language, normalized) {
      const lists = byLanguage.get(language);
      const text = view(language, normalized).trim();
      return !!lists && !!text && !withoutOpening(lists.opening, text).trim();
    },
    aggrieved(language, normalized) {
      const lists = byLanguage.get(language);
      return !!lists && hit(lists.grievance, view(language, normalized));
    },
    bareRequest(language, normalized) {
      const lists = byLanguage.get(language);
      if (!lists) return false;
      const whole = view(language, normalized).trim();
      const text = withoutOpening(lists.opening, whole);
      if (!text || text.length > MAX_CHARS) return false;
      const parts = sentences(text).filter((s) => s.text.trim());
      if (parts.length > MAX_SENTENCES) return false;
      return hit(lists.request, parts[0]!.text.trim()) && !hit(lists.softeners, whole);
    },
  };
}

/**
 * The first agent reply to a complaint acknowledges nothing (no apology, understanding or thanks):
 * it goes straight to procedure or questions. Span: its first sentence. The loose form is info
 * (a QA lead agreed in 15 of 22 on real helpdesk threads, docs/precision.md); the strict form (a
 * grievance answered by a short bare request, `strict: true`) has `strictSeverity`; null: the loose form.
 */
export function noAcknowledgement(
  m: MessageView,
  complaint: number,
  strictSeverity: Severity | null,
  onlyOpening: (sentence: string) => boolean = () => false,
): Finding {
  const strict = strictSeverity !== null;
  // the span is the first sentence that is more than a greeting ("Hello! Please send…" → "Please send…")
  const parts = sentences(m.text).filter((p) => p.text.trim());
  const first = parts.find((p) => !onlyOpening(p.text.normalize('NFKC').toLowerCase())) ?? parts[0] ?? { start: 0, end: m.text.length, text: m.text };
  const end = first.start + first.text.trimEnd().length;
  return {
    analyzer: 'courtesy',
    code: 'politeness.no_acknowledgement',
    severity: strictSeverity ?? 'info',
    messageIndex: m.index,
    span: { start: first.start, end },
    evidence: m.text.slice(first.start, end),
    explanation: strict
      ? `the customer reported a real problem (message ${complaint}) and this reply is only a request: no apology, no understanding, no thanks, no remedy`
      : `the customer complained (message ${complaint}) and this reply acknowledges nothing: no apology, no understanding, no thanks`,
    rule: { id: `conduct.${m.language}.no_acknowledgement${strict ? '.strict' : ''}`, kind: 'rule', detail: strict ? { complaint, strict } : { complaint } },
    suggestion: 'acknowledge the problem first ("I\'m sorry the parcel arrived damaged"), then solve it',
  };
}

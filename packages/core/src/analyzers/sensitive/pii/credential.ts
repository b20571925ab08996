import { execAll } from './tokens.js';
import type { PiiCandidate, Recognizer } from './types.js';

/**
 * Secrets pasted into a chat: passwords, PINs, one-time and verification codes, card security
 * codes and security-question answers (`pii.credential`). A secret word alone never fires; it
 * needs a value right after it (through "is", ":", "是", "は", "lautet" …) that looks like one:
 * digits for codes, a token with a digit or symbol for passwords, a word for an answer. Asking
 * for one ("what is your PIN?", "密码是什么", "never share your code") has no value and is silent.
 */

const W = (alts: readonly string[]): string => `(?<![\\p{Script=Latin}\\p{N}_])(?:${alts.join('|')})(?![\\p{Script=Latin}\\p{N}_])`;
const C = (alts: readonly string[]): string => `(?:${alts.join('|')})`;

/** Codes: one-time, verification, PIN, card security codes. Value: 4–8 digits. */
const CODE_WORDS = [
  'pin(?:\\s+(?:code|number))?',
  'one[- ]time\\s+(?:password|code|passcode|pin)',
  'otp(?:\\s+code)?',
  'verification\\s+code',
  'security\\s+code',
  'auth(?:entication|orization)?\\s+code',
  '2fa\\s+code',
  'login\\s+code',
  'access\\s+code',
  'sms\\s+code',
  'passcode',
  'geheimzahl',
  'bestätigungscode',
  'verifizierungscode',
  'sicherheitscode',
  'einmalcode',
  'tan',
  'code\\s+pin',
  'code\\s+secret',
  'code\\s+de\\s+v[ée]rification',
  'code\\s+de\\s+s[ée]curit[ée]',
  'code\\s+à\\s+usage\\s+unique',
  'cryptogramme',
  'c[óo]digo\\s+(?:de\\s+verificaci[óo]n|de\\s+seguridad|otp|pin|de\\s+verifica[çc][ãa]o|de\\s+seguran[çc]a)(?!\\s+do\\s+cart)',
  'codice\\s+(?:pin|di\\s+verifica|di\\s+sicurezza|otp)',
];
const CODE_CJK = [
  '验证码',
  '校验码',
  '动态码',
  '动态密码',
  '短信码',
  'PIN码',
  'pin码',
  '暗証番号',
  '認証コード',
  '確認コード',
  'ワンタイムパスワード',
  '인증번호',
  '인증 번호',
  '인증코드',
];
const CODE = [W(CODE_WORDS), C(CODE_CJK)].join('|');

/** Card security codes (CVV, CVC, 安全码, セキュリティコード …). Value: 3–4 digits. */
const CARD_CODE_WORDS = [
  'cvv2?',
  'cvc2?',
  'cid',
  'card\\s+security\\s+code',
  'kartenprüfnummer',
  'cryptogramme(?:\\s+visuel)?',
  'c[óo]digo\\s+de\\s+seguran[çc]a\\s+do\\s+cart[ãa]o',
];
const CARD_CODE_CJK = ['安全码', 'CVV码', 'cvv码', '卡背面三位数', 'セキュリティコード', '보안코드', 'CVC번호'];
const CARD_CODE = [W(CARD_CODE_WORDS), C(CARD_CODE_CJK)].join('|');

/** Passwords. Value: 4–64 characters without spaces, with a digit or a symbol. */
const PASSWORD_WORDS = [
  'password',
  'passwd',
  'pwd',
  'pass\\s+word',
  'passwort',
  'kennwort',
  'mot\\s+de\\s+passe',
  'mdp',
  'contrase[ñn]a',
  'clave(?:\\s+de\\s+acceso)?',
  'senha',
  "parola\\s+d['’]ordine",
  // customers write in more languages than the product's nine: the commonest password words
  'пароль',
  'hasło',
  'şifre',
  'wachtwoord',
  'mật\\s+khẩu',
  'kata\\s+sandi',
  'lösenord',
  'adgangskode',
];
const PASSWORD_CJK = ['登录密码', '支付密码', '交易密码', '取款密码', '密码', '口令', 'パスワード', '비밀번호', '비번', '암호'];
const PASSWORD = [W(PASSWORD_WORDS), C(PASSWORD_CJK)].join('|');

/** Security-question answers. Value: one or two words. */
const ANSWER_WORDS = [
  "(?:mother['’]?s\\s+)?maiden\\s+name",
  'security\\s+(?:question\\s+)?answer',
  'answer\\s+to\\s+(?:the|your|my)\\s+security\\s+question',
  'memorable\\s+word',
  'mädchenname',
  'sicherheitsantwort',
  'nom\\s+de\\s+jeune\\s+fille',
  'r[ée]ponse\\s+secr[èe]te',
  'apellido\\s+de\\s+soltera',
  'respuesta\\s+(?:de\\s+seguridad|secreta)',
  'nome\\s+de\\s+solteira',
  'resposta\\s+(?:de\\s+seguran[çc]a|secreta)',
  'cognome\\s+da\\s+nubile',
  'risposta\\s+(?:di\\s+sicurezza|segreta)',
];
const ANSWER_CJK = [
  '密保问题答案',
  '密保答案',
  '安全问题的答案',
  '安全问题答案',
  '母亲的姓名',
  '母亲姓名',
  '秘密の質問の答え',
  '旧姓',
  '보안 질문 답변',
  '보안질문 답변',
  '어머니 성함',
];
const ANSWER = [W(ANSWER_WORDS), C(ANSWER_CJK)].join('|');

const COPULA = String.raw`\s*(?:(?:is|was|are|lautet|ist|est|es|é|è|sono|são)(?![\p{L}])|[=:：是为為はが은는이가])\s*`;
// the spaces after an optional copula belong to it (`\s*(?:copula\s*)?`, not `\s*(?:copula)?\s*`): with two `\s*`
// around nothing, a run of spaces after the cue was split every way before the digits failed (quadratic)
const OPT_COPULA = String.raw`\s*(?:(?:(?:is|was|lautet|ist|est|es|é|è)(?![\p{L}])|[=:：是为為はが은는이가])\s*)?`;
/** A few words may sit between the secret word and "is": "your new password for the portal is …". */
const FILLER = String.raw`(?:\s+(?:for|of|to|on|in|f[üu]r|de|du|del|da|di|per|pour|para)\s+[^\s,.;:!?。，：]{1,20}(?![^\s,.;:!?。，：])(?:\s+[^\s,.;:!?。，：]{1,20}(?![^\s,.;:!?。，：]))?)?`;

const CODE_RE = new RegExp(`(?:${CODE})${FILLER}${OPT_COPULA}(\\d{4,8})(?!\\d)`, 'giu');
const CARD_CODE_RE = new RegExp(`(?:${CARD_CODE})${OPT_COPULA}(\\d{3,4})(?!\\d)`, 'giu');
// with "is"/":"/"是" a value may be any token; without, it must come right after the word and hold a digit ("密码123456", "password Xy7kq9")
const PASSWORD_RE = new RegExp(
  `(?:${PASSWORD})${FILLER}(?:${COPULA}["'“‘「『]?([A-Za-z0-9!#$%&*+@^_~(\\[-][!#-&(-~]{3,63})|\\s*(?=[!#-&(-~]*\\d)([A-Za-z0-9][!#-&(-~]{3,63}))`,
  'giu',
);
const ANSWER_RE = new RegExp(`(?:${ANSWER})${COPULA}["'“‘「]?((?:[\\p{L}][\\p{L}'’-]{0,30})(?:\\s[\\p{Lu}][\\p{L}'’-]{0,30})?)`, 'giu');
/**
 * `alts` with those that start with the same plain character (not a class, group or escape, and
 * not quantified) as one `x(?:…|…)` each: the same texts, and V8 tries one alternative per first
 * character at each position instead of each in turn. The order changes, so only for a regex that
 * is tested, never read for its match (where the first alternative that matches wins).
 */
function byFirstCharacter(alts: readonly string[]): string[] {
  const entries: { first: string; rests: string[] }[] = [];
  const byFirst = new Map<string, { first: string; rests: string[] }>();
  for (const alt of alts) {
    const first = alt[0] ?? '';
    // a plain first character: one BMP character, not regex syntax, not quantified
    if (!/^[^\\[\]().|^$?*+{}\uD800-\uDFFF]$/.test(first) || /^[?*+{]/.test(alt.slice(1))) {
      entries.push({ first: '', rests: [alt] });
      continue;
    }
    let entry = byFirst.get(first);
    if (!entry) {
      entry = { first, rests: [] };
      byFirst.set(first, entry);
      entries.push(entry);
    }
    entry.rests.push(alt.slice(1));
  }
  return entries.map(({ first, rests }) => (rests.length === 1 ? first + rests[0] : `${first}(?:${rests.join('|')})`));
}

/**
 * Any cue word: the four word lists under one word-boundary pair, then the four CJK lists — the same
 * texts as `CODE|CARD_CODE|PASSWORD|ANSWER` (alternation distributes over the shared boundaries), and
 * alternatives with one first character joined (`byFirstCharacter`): on the 20,000 messages of the
 * 1,000 realistic chats, the one boundary pair took recognizeCredentials to 0.67× its time, the joined
 * first characters to a further 0.77× (same-process, 21 alternating passes each).
 */
const ANY_CUE = new RegExp(
  `${W(byFirstCharacter([...CODE_WORDS, ...CARD_CODE_WORDS, ...PASSWORD_WORDS, ...ANSWER_WORDS]))}|${C(byFirstCharacter([...CODE_CJK, ...CARD_CODE_CJK, ...PASSWORD_CJK, ...ANSWER_CJK]))}`,
  'iu',
);

/**
 * `ANY_CUE` without the look-behind in front of its word lists, so V8 can skip ahead to where an
 * alternative may start instead of running the look-behind at every position: the CJK lists (no
 * look-behind in `ANY_CUE`) in a group of their own, first, then the word lists with their
 * look-ahead. `holdsCue` checks the look-behind at each word match.
 */
const CUE_START = new RegExp(
  `(${C(byFirstCharacter([...CODE_CJK, ...CARD_CODE_CJK, ...PASSWORD_CJK, ...ANSWER_CJK]))})|${C(byFirstCharacter([...CODE_WORDS, ...CARD_CODE_WORDS, ...PASSWORD_WORDS, ...ANSWER_WORDS]))}(?![\\p{Script=Latin}\\p{N}_])`,
  'giu',
);
/** `W`'s look-behind alone, tested at one position (sticky). */
const NO_WORD_BEFORE = /(?<![\p{Script=Latin}\p{N}_])/iuy;

/**
 * `ANY_CUE.test(text)`, faster: every position where a cue alternative (with its look-ahead)
 * matches, leftmost first, until one is a CJK cue or has no Latin letter, digit or `_` before it.
 * The same answer on every text — `ANY_CUE` matches exactly where such a position exists, and
 * a word match whose look-behind fails at `i` was tried after the CJK lists at `i` (checked in
 * pii-fast-paths.test.ts). On the 12,000 messages of the 600 realistic chats it took 0.75× the time of
 * `ANY_CUE.test` (same-process, medians of 15 passes).
 */
function holdsCue(text: string): boolean {
  const re = CUE_START;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) return true;
    NO_WORD_BEFORE.lastIndex = m.index;
    if (NO_WORD_BEFORE.test(text)) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

/** `ANY_CUE.test(text)` (for the gate's test). */
export const anyCueByRegex = (text: string): boolean => ANY_CUE.test(text);

/** Does `text` hold a word that names a secret (the recognizer's own cue list)? A cheap gate for the masker. */
export function mayHoldCredential(text: string): boolean {
  return holdsCue(text);
}

const NOT_A_VALUE =
  /^(?:the|a|an|not|no|required|incorrect|wrong|invalid|expired|correct|reset|changed|sent|here|below|above|attached|same|your|my|our|this|that|what|which|case|sensitive|unknown|empty|blank|missing|needed|necessary|too|very|still|now|being|been|only|also|just|set|saved|stored|hidden|masked|protected|encrypted|strong|weak|secure|new|old|temporary|valid|falsch|richtig|incorrecte?|incorrecto|errada|errato|sbagliata)$/iu;
const MASKED = /^[*•xX#.\-_]+$/u;

/** Strip closing quotes and sentence punctuation the value pattern took along. */
const trimValue = (v: string): string => v.replace(/["'”’」』)\]]+$/u, '').replace(/[.!?,:;。！？]+$/u, '');

const secretLike = (v: string): boolean =>
  v.length >= 4 &&
  !MASKED.test(v) &&
  !NOT_A_VALUE.test(v) &&
  !/^https?:|^www\.|^[^@\s]+@[^@\s]+\.[a-z]{2,}$/iu.test(v) &&
  (/\d/.test(v) || /[^\p{L}\p{N}]/u.test(v) || /\p{Lu}.*\p{Lu}/u.test(v.slice(1)));

export const recognizeCredentials: Recognizer = (text) => {
  if (!holdsCue(text)) return [];
  const out: PiiCandidate[] = [];
  const push = (m: RegExpMatchArray, value: string, reason: string): void => {
    const start = m.index! + m[0].length - m[1]!.length;
    out.push({ type: 'credential', start, end: start + value.length, score: 0.9, reason });
  };
  for (const m of execAll(CODE_RE, text)) push(m, m[1]!, 'code digits after a PIN, one-time or verification code word');
  for (const m of execAll(CARD_CODE_RE, text)) push(m, m[1]!, 'three or four digits after a card security code word');
  for (const m of execAll(PASSWORD_RE, text)) {
    const raw = m[1] ?? m[2]!;
    const value = trimValue(raw);
    if (secretLike(value)) {
      const start = m.index! + m[0].length - raw.length;
      out.push({ type: 'credential', start, end: start + value.length, score: 0.9, reason: 'password-like value after a password word' });
    }
  }
  for (const m of execAll(ANSWER_RE, text)) {
    const value = m[1]!.replace(/[.!?,]+$/u, '');
    if (!NOT_A_VALUE.test(value.split(/\s/)[0]!) && value.length >= 2) push(m, value, 'answer after a security-question word');
  }
  return out;
};

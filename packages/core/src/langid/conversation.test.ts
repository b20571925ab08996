import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Conversation, Message, Role } from '../pipeline/validate/conversation.js';
import { ConversationSchema } from '../pipeline/validate/conversation.js';
import { evidenceScale, type LangidCalibration } from './calibration.js';
import { type ConversationLanguages, identifyConversationLanguages, MESSAGE_PREFIX, type MessageEvidence } from './conversation.js';
import { countLetters, langidText } from './features.js';
import { candidateSet, guessFromWeights, type LanguageGuess, scriptDecision } from './identify.js';
import { builtinLangidModel, type LangidModel } from './model.js';
import { cachedLogPrior, customerLanguagePrior, type LanguageDistribution, PRIOR_FLOOR } from './prior.js';
import { countScripts, scriptLanguage } from './script.js';
import { baseLanguage } from './tags.js';

// The implementation before the per-message work went into per-conversation arrays (11fb0f1): a
// Map of profiles keyed by role and author, a Float64Array per posterior, a LanguageGuess per
// message. The evidence is taken the plain way (langidText and the model's logLikelihoods), which
// gives what the prefix scan gives (prefix-scan.test.ts).

function referenceEvidence(text: string, model: LangidModel): MessageEvidence {
  const script = scriptLanguage(text, countScripts(text.slice(0, MESSAGE_PREFIX)));
  if (script !== 'latin') return { script, ll: null, letters: 0 };
  const prepared = langidText(text, MESSAGE_PREFIX);
  return { script, ll: model.logLikelihoods(prepared), letters: countLetters(prepared) };
}

function posterior(ll: Float64Array, letters: number, calibration: LangidCalibration, logPrior: ArrayLike<number>): Float64Array {
  const scale = evidenceScale(letters, calibration);
  const out = new Float64Array(ll.length);
  let max = -Infinity;
  for (let l = 0; l < ll.length; l++) {
    out[l] = logPrior[l]! + ll[l]! * scale;
    if (out[l]! > max) max = out[l]!;
  }
  if (max === -Infinity) return out.fill(0);
  let z = 0;
  for (let l = 0; l < ll.length; l++) {
    out[l] = Math.exp(out[l]! - max);
    z += out[l]!;
  }
  for (let l = 0; l < ll.length; l++) out[l] = out[l]! / z;
  return out;
}

function reference(
  conversation: Conversation,
  options: { languages?: readonly string[]; priorFloor?: number; context?: readonly Message[] } = {},
): ConversationLanguages {
  const { allowed, key: allowedKey } = candidateSet(options.languages);
  const floor = options.priorFloor ?? PRIOR_FLOOR;
  const context = options.context ?? [];
  const msgs = [...context, ...conversation.messages];
  const customer = conversation.customer;
  let q: LanguageDistribution | undefined;
  let qDone = false;
  const model = builtinLangidModel();
  const evidence = msgs.map((m) => (m.language ? { script: null, ll: null, letters: 0 } : referenceEvidence(m.text, model)));
  const anyLatin = evidence.some((e) => e.ll);
  const plainPrior = cachedLogPrior(model.languages, allowed, allowedKey, {});
  const customerPrior = customer
    ? cachedLogPrior(model.languages, allowed, allowedKey, { locale: customer.locale, country: customer.country }, floor)
    : plainPrior;
  const own = evidence.map((e, i) =>
    e.ll && anyLatin ? posterior(e.ll, e.letters, model.calibration, msgs[i]!.role === 'system' ? plainPrior : customerPrior) : null,
  );
  const key = (m: Message) => `${m.role}:${m.authorId ?? ''}`;
  const profiles = new Map<string, { sum: Float64Array; weight: number }>();
  own.forEach((p, i) => {
    if (!p) return;
    const acc = profiles.get(key(msgs[i]!)) ?? { sum: new Float64Array(p.length), weight: 0 };
    for (let l = 0; l < p.length; l++) acc.sum[l] = acc.sum[l]! + evidence[i]!.letters * p[l]!;
    acc.weight += evidence[i]!.letters;
    profiles.set(key(msgs[i]!), acc);
  });
  let pooled: { sum: Float64Array; weight: number } | undefined;
  for (const [k, p] of profiles) {
    if (k.startsWith('system:')) continue;
    pooled ??= { sum: new Float64Array(p.sum.length), weight: 0 };
    for (let l = 0; l < p.sum.length; l++) pooled.sum[l] = pooled.sum[l]! + p.sum[l]!;
    pooled.weight += p.weight;
  }
  const guesses: LanguageGuess[] = msgs.map((m, i) => {
    const given = baseLanguage(m.language);
    if (given) return { language: given, confidence: 1, method: 'none', logLikelihoods: {} };
    const { ll, letters, script } = evidence[i]!;
    if (!ll) {
      if (script === null) return { language: 'und', confidence: 0, method: 'none', logLikelihoods: {} };
      if (!qDone && m.role !== 'system')
        [q, qDone] = [customer ? customerLanguagePrior({ locale: customer.locale, country: customer.country }) : undefined, true];
      return scriptDecision(script, m.text, allowed, m.role !== 'system' ? q : undefined, floor);
    }
    const mine = own[i]!;
    const speaker = profiles.get(key(m))!;
    const alone = speaker.weight - letters <= 0 && letters <= 4 && m.role !== 'system';
    const profile = (alone && pooled) || speaker;
    const otherWeight = profile.weight - letters;
    if (otherWeight <= 0) return guessFromWeights(model.languages, mine, ll);
    const baseP = (m.role === 'system' ? plainPrior : customerPrior).map(Math.exp);
    const weights = new Float64Array(ll.length);
    for (let l = 0; l < ll.length; l++) {
      if (!(baseP[l]! > 0)) continue;
      const fromOthers = Math.max((profile.sum[l]! - letters * mine[l]!) / otherWeight, 0);
      weights[l] = (((1 - 0.8) * baseP[l]! + 0.8 * fromOthers) * mine[l]!) / baseP[l]!;
    }
    return guessFromWeights(model.languages, weights, ll);
  });
  const locale = baseLanguage(customer?.locale);
  const byRole = { customer: 'und', agent: 'und', bot: 'und', system: 'und' } as Record<Role, string>;
  for (const role of Object.keys(byRole) as Role[]) {
    const tally = new Map<string, number>();
    guesses.forEach((g, i) => {
      if (msgs[i]!.role === role && g.language !== 'und') tally.set(g.language, (tally.get(g.language) ?? 0) + msgs[i]!.text.length);
    });
    let best = 'und';
    let n = 0;
    for (const [lang, c] of tally) if (c > n) [best, n] = [lang, c];
    if (best === 'und' && role === 'customer' && locale) best = locale;
    byRole[role] = best;
  }
  return { messages: guesses.slice(context.length), byRole };
}

describe('identifyConversationLanguages', () => {
  const texts = fc.constantFrom(
    'Hello, my order arrived with a cracked screen and I would like a replacement please.',
    'Can you send a new one?',
    'ok',
    'No.',
    'Sí',
    'vale',
    'Nein',
    'ok thanks',
    'Hola, mi pedido todavía no ha llegado y necesito el paquete para mañana.',
    'Bonjour, je voudrais annuler ma commande.',
    'Grazie mille, a presto!',
    'Película de vidro trincada',
    'Ich habe die Rechnung noch nicht bekommen.',
    'Dank je wel voor je hulp',
    '荷物はいつ届きますか',
    '我的订单在哪里？',
    '了解',
    'Привет, где мой заказ?',
    '안녕하세요',
    'مرحبا',
    '😀👍',
    '12345',
    '',
    'https://example.com/track?id=1',
    'a'.repeat(250),
    'Das ist gut. '.repeat(20),
  );
  const roles = fc.constantFrom<Role>('customer', 'agent', 'bot', 'system');
  const message = fc.record({
    role: roles,
    text: fc.oneof({ weight: 4, arbitrary: texts }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
    authorId: fc.option(fc.constantFrom('', 'a1', 'a2', 'b'), { nil: undefined }),
    language: fc.option(fc.constantFrom('fr-FR', 'de', 'not a tag!'), { nil: undefined, freq: 8 }),
  });
  const conversation = fc.record({
    messages: fc.array(message, { maxLength: 12 }),
    context: fc.array(message, { maxLength: 3 }),
    customer: fc.option(
      fc.record({
        locale: fc.option(fc.constantFrom('pt-BR', 'de-AT', 'ja', 'es'), { nil: undefined }),
        country: fc.option(fc.constantFrom('BR', 'CH', 'JP', 'ES', 'DE'), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    languages: fc.option(fc.constantFrom(['en', 'de'], ['es', 'pt', 'fr'], ['zh', 'ja', 'en']), { nil: undefined }),
    priorFloor: fc.option(fc.constantFrom(0.2, 0.5, 1), { nil: undefined }),
  });
  const at = '2026-03-02T10:00:00Z';
  const parse = (m: { role: Role; text: string; authorId?: string | undefined; language?: string | undefined }) => {
    const out: Record<string, unknown> = { role: m.role, text: m.text, at };
    if (m.authorId !== undefined) out.authorId = m.authorId;
    if (m.language !== undefined) out.language = m.language;
    return out;
  };

  it('decides as the per-message implementation it replaced did, bit for bit, with and without context and an evidence cache', () => {
    fc.assert(
      fc.property(conversation, (g) => {
        const c = ConversationSchema.parse({ id: 'c', ...(g.customer ? { customer: g.customer } : {}), messages: g.messages.map(parse) });
        const context = ConversationSchema.parse({ id: 'x', messages: g.context.map(parse) }).messages;
        const options = { ...(g.languages ? { languages: g.languages } : {}), ...(g.priorFloor !== undefined ? { priorFloor: g.priorFloor } : {}) };
        expect(identifyConversationLanguages(c, options)).toEqual(reference(c, options));
        const evidenceCache = new WeakMap<Message, MessageEvidence>();
        const expected = reference(c, { ...options, context });
        expect(identifyConversationLanguages(c, { ...options, context, evidenceCache })).toEqual(expected);
        expect(identifyConversationLanguages(c, { ...options, context, evidenceCache })).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('follows a calibration changed between calls (the evidence-scale table is checked against its numbers)', () => {
    const c = ConversationSchema.parse({
      id: 'c',
      messages: ['Grazie mille, a presto!', 'Ciao', 'Bonjour, je voudrais annuler ma commande.'].map((text) => ({ role: 'customer', text, at })),
    });
    const calibration = builtinLangidModel().calibration as { t0: number };
    const t0 = calibration.t0;
    try {
      for (const t of [t0, 0.5, 40, t0]) {
        calibration.t0 = t;
        expect(identifyConversationLanguages(c)).toEqual(reference(c));
      }
    } finally {
      calibration.t0 = t0;
    }
  });
});

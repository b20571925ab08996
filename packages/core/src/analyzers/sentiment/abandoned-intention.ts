import { sentences } from '../../text/sentences.js';

/**
 * An intention given up in the same sentence: "I was going to file a complaint, but you fixed it",
 * "Ich wollte schon meinen Anwalt einschalten, aber jetzt ist alles gut", 我本来想投诉的，结果你们处理得太好了.
 * Per language: a marker of the intention being past or unrealised before the threat, and a turn
 * ("but", aber, 结果, けど) after it. Both must be there: "I was going to wait, but now I will dispute
 * the charge" keeps its threat, which comes after the turn (decision 167).
 */
const ABANDONED: Record<string, { before: RegExp; after: RegExp }> = {
  en: {
    before:
      /\b(?:was|were) (?:going to|gonna|about to|planning to|thinking of|ready to)\b|\bi (?:wanted|meant|almost|nearly|had planned|thought about|considered) /i,
    after: /\b(?:but|until|then|however|instead)\b/i,
  },
  de: { before: /\b(?:wollte|hätte|war kurz davor|war schon dabei|dachte schon)\b/i, after: /\b(?:aber|doch|dann|jedoch|allerdings)\b/i },
  fr: {
    before: /\b(?:j'allais|j'étais sur le point de|je voulais|j'ai failli|j'avais prévu de|je comptais)\b/i,
    after: /\b(?:mais|finalement|puis|cependant)\b/i,
  },
  es: { before: /\b(?:iba a|estaba a punto de|quería|casi|pensaba)\b/i, after: /\b(?:pero|al final|sin embargo|luego)\b/i },
  pt: { before: /\b(?:ia|estava prestes a|quase|queria|pensei em|estava pensando em)\b/i, after: /\b(?:mas|no fim|porém|depois)\b/i },
  it: { before: /\b(?:stavo per|volevo|ero sul punto di|avevo pensato di|quasi)\b/i, after: /\b(?:ma|poi|però|invece)\b/i },
  zh: { before: /本来想|本想|原本想|原本打算|本打算|本来打算|差点|都准备|正准备|都想/, after: /结果|但是|但|可是|不过|没想到|后来/ },
  ja: { before: /(?:しようと|するつもり|しようか)(?:思って|思った|考えて|して)|ところでした|寸前/, after: /けど|けれど|が、|でも|しかし/ },
  ko: { before: /하려고 했|할 뻔|하려다|하려던|생각이었/, after: /는데|지만|다가|그런데|근데/ },
};

/**
 * Is the escalation hit at [start, end) of `text` an intention the customer gave up in its
 * sentence: the language's marker before the hit's end, and a turn after the hit's start?
 */
export function abandonedIntention(language: string, text: string, start: number, end: number): boolean {
  const rule = ABANDONED[language];
  if (!rule) return false;
  const sentence = sentences(text).find((s) => s.start <= start && start < s.end);
  if (!sentence) return false;
  // the marker may sit inside the hit ("going to file a complaint"), the turn after its start (a
  // Chinese phrase hit can span the turn: 投诉的，结果你们…)
  return rule.before.test(text.slice(sentence.start, end)) && rule.after.test(text.slice(start + 1, sentence.end));
}

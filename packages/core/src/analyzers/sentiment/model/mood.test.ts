import { describe, expect, it } from 'vitest';
import { verdictMessages } from '../../../../test/verdict-messages.js';
import { MessageAnalysis } from '../../../pipeline/analyze/message-analysis.js';
import { normalizeText } from '../../../pipeline/normalize/text-view.js';
import { ACKNOWLEDGEMENT_SCORE, builtinMoodCues } from './mood.js';

// every message of the verdict fixtures, with its conversation's language (9 languages)
const messages = verdictMessages();

describe('mood cues with the prefilter scan kept in the message analysis', () => {
  it('give the same mood and redirect answer as a fresh scan of each text, on every verdict message, in either order', () => {
    const cues = builtinMoodCues();
    expect(messages.length).toBeGreaterThan(900);
    const padded = ['  I am so angry!!  ', '\tnot bad at all \n', '   ', ' 太差了 '].map((text) => ({ text, language: text.includes('太') ? 'zh' : 'en' }));
    for (const [k, { text, language }] of [...messages, ...padded].entries()) {
      const view = normalizeText(text);
      const alone = { mood: cues.moodOf(view.normalized, language, { polarity: -0.5 }), redirects: cues.redirects(view.normalized, language) };
      const analysis = new MessageAnalysis(view);
      // the scan is kept by whichever asks first
      const redirectsFirst = k % 2 === 1;
      const early = redirectsFirst ? cues.redirects(view.normalized, language, analysis) : undefined;
      const mood = cues.moodOf(view.normalized, language, { polarity: -0.5 }, undefined, analysis);
      const redirects = redirectsFirst ? early : cues.redirects(view.normalized, language, analysis);
      expect({ mood, redirects }, text).toEqual(alone);
    }
  });
});

describe('a bare acknowledgement (decision 156)', () => {
  const cues = builtinMoodCues();
  const read = (text: string, language: string, polarity = -0.6) => cues.moodOf(normalizeText(text).normalized, language, { polarity });
  // whatever the model reads into "ok", a message that only accepts the answer is neutral at the top of the band
  const acknowledgements: [string, string][] = [
    ['zh', '好的'],
    ['zh', '嗯嗯'],
    ['zh', '好吧。'],
    ['zh', '收到'],
    ['en', 'OK'],
    ['en', 'Got it.'],
    ['en', 'alright'],
    ['de', 'Alles klar.'],
    ['fr', "D'accord."],
    ['es', 'Vale'],
    ['pt', 'Beleza'],
    ['it', 'Va bene'],
    ['ja', '了解です'],
    ['ko', '알겠습니다'],
  ];
  it.each(acknowledgements)('%s: "%s" is neutral and scores the top of the neutral band', (language, text) => {
    const mood = read(text, language);
    expect(mood.label).toBe('neutral');
    expect(mood.score).toBe(ACKNOWLEDGEMENT_SCORE);
    expect(mood.cues.length).toBeGreaterThan(0); // a cue supports it: the outcome does not halve it
  });
  // refusals, answers and acknowledgements that say more keep the model's reading or their cue
  const others: [string, string, 'negative' | 'neutral' | 'positive'][] = [
    ['zh', '不用了', 'neutral'],
    ['zh', '好的 我等着', 'neutral'],
    ['zh', '好的！！', 'negative'],
    ['zh', '好的，谢谢', 'positive'],
    ['en', 'no', 'neutral'],
    ['en', 'ok thanks', 'positive'],
    ['en', 'ok but it still does not work', 'negative'],
    ['de', 'nein', 'neutral'],
    ['fr', 'non', 'neutral'],
  ];
  it.each(others)('%s: "%s" is %s, not an acknowledgement', (language, text, label) => {
    const mood = read(text, language);
    expect(mood.label).toBe(label);
    expect(mood.score).not.toBe(ACKNOWLEDGEMENT_SCORE);
  });
});

describe('a polite formula is neutral whatever the model reads into "no" or "sorry" (decision 163)', () => {
  const cues = builtinMoodCues();
  // −0.99: as sure as the English model is that "no that is all" is negative
  const read = (text: string, language: string) => cues.moodOf(normalizeText(text).normalized, language, { polarity: -0.99 });
  it.each([
    ['en', 'no that is all'],
    ['en', 'No, that’s it.'],
    ['en', 'You too.'],
    ['en', 'sorry to trouble you'],
    ['en', 'Sorry to bother you, the order number is 12345'],
    ['zh', '没有了'],
    ['zh', '麻烦你了'],
  ])('%s: "%s" is neutral and scores 0', (language, text) => {
    const mood = read(text, language);
    expect([mood.label, mood.score]).toEqual(['neutral', 0]);
  });
  it('not with a negative cue in it, and a question the model is sure of stays negative', () => {
    expect(read('Sorry to trouble you but this is the third broken one', 'en').label).toBe('negative');
    expect(read('Can you send the refund?', 'en').label).toBe('negative');
  });
});

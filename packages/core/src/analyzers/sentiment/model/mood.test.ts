import { describe, expect, it } from 'vitest';
import { verdictMessages } from '../../../../test/verdict-messages.js';
import { MessageAnalysis } from '../../../pipeline/analyze/message-analysis.js';
import { normalizeText } from '../../../pipeline/normalize/text-view.js';
import { builtinMoodCues } from './mood.js';

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

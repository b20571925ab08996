import { describe, expect, it } from 'vitest';
import { identifyConversationLanguages, identifyLanguage } from '../index.js';
import { MESSAGE_PREFIX } from './conversation.js';

const english = 'Thank you for contacting us, we have checked your order and the parcel left our warehouse this morning. ';
const german = 'Leider ist das Paket noch nicht angekommen und wir wissen nicht, wann es geliefert wird, bitte haben Sie Geduld. ';

describe('language ID inside a conversation reads a bounded prefix of each message', () => {
  it('decides a message on its first MESSAGE_PREFIX characters', () => {
    const text = english.repeat(2).slice(0, MESSAGE_PREFIX) + german.repeat(20);
    const conversation = { id: 'p', channel: 'chat', messages: [{ role: 'agent' as const, text, at: '2026-01-01T10:00:00Z' }] };
    expect(identifyConversationLanguages(conversation as never).messages[0]!.language).toBe('en');
    // a lone text is read on up to 2,000 characters: the German majority wins there
    expect(identifyLanguage(text).language).toBe('de');
  });
});

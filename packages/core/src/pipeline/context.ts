import type { MessageView } from '../analyzer/contract.js';
import { identifyConversationLanguages } from '../langid/conversation.js';
import type { LangidModel } from '../langid/model.js';
import { normalizeText } from '../normalize/text-view.js';
import type { Conversation, Role } from '../schemas/conversation.js';
import type { Issue } from '../schemas/result.js';
import type { Translator } from '../translate/translator.js';

export interface ContextOptions {
  languages?: readonly string[];
  langidModel?: LangidModel;
  translation?: { to: string; translator: Translator };
  signal?: AbortSignal;
}

export interface PreparedConversation {
  conversation: Conversation;
  messages: MessageView[];
  chronological: number[];
  languages: Record<Role, string>;
  issues: Issue[];
}

/** Build the shared per-message views (normalized text, time, language, translation). */
export async function prepareConversation(conversation: Conversation, options: ContextOptions = {}): Promise<PreparedConversation> {
  const issues: Issue[] = [];
  const langs = identifyConversationLanguages(conversation, {
    ...(options.languages ? { languages: options.languages } : {}),
    ...(options.langidModel ? { model: options.langidModel } : {}),
  });
  const messages: MessageView[] = conversation.messages.map((m, index) => {
    const view = normalizeText(m.text);
    if (view.invalidUtf16) {
      issues.push({ code: 'invalid_utf16', message: 'text contains lone UTF-16 surrogates; they read as U+FFFD in the normalized view', path: ['messages', index, 'text'] });
    }
    const guess = langs.messages[index]!;
    return {
      index,
      role: m.role,
      text: m.text,
      time: Date.parse(m.at),
      authorId: m.authorId,
      view,
      language: guess.language,
      languageConfidence: guess.confidence,
    };
  });
  if (options.translation) {
    const { to, translator } = options.translation;
    const todo = messages.filter((m) => m.language !== 'und' && m.language !== to && m.text.trim());
    if (todo.length) {
      try {
        const out = await translator.translate(todo.map((m) => m.text), { to, ...(options.signal ? { signal: options.signal } : {}) });
        if (out.length !== todo.length) throw new Error(`returned ${out.length} texts for ${todo.length}`);
        todo.forEach((m, k) => ((m as { translation?: string }).translation = out[k]));
      } catch (e) {
        issues.push({ code: 'translation_failed', message: `translator "${translator.name}" failed: ${(e as Error).message}` });
      }
    }
  }
  const chronological = messages.map((m) => m.index).sort((a, b) => messages[a]!.time - messages[b]!.time || a - b);
  return { conversation, messages, chronological, languages: langs.byRole, issues };
}


import type { MessageView } from '../analyzer/contract.js';
import { describeThrown } from '../errors.js';
import { identifyConversationLanguages } from '../langid/conversation.js';
import type { LangidModel } from '../langid/model.js';
import { normalizeText } from '../normalize/text-view.js';
import type { Conversation, Role } from '../schemas/conversation.js';
import type { Issue } from '../schemas/result.js';
import type { Translator } from '../translate/translator.js';
import { withTimeLimit } from './time-limit.js';

export interface ContextOptions {
  languages?: readonly string[];
  langidModel?: LangidModel;
  translation?: { to: string; translator: Translator };
  signal?: AbortSignal;
  /** Time limit of the translator call in milliseconds (default 10 000): past it, a `translation_failed` issue. */
  timeLimitMs?: number;
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
      issues.push({
        code: 'invalid_utf16',
        message: 'text contains lone UTF-16 surrogates; they read as U+FFFD in the normalized view',
        path: ['messages', index, 'text'],
      });
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
      const limit = options.timeLimitMs ?? 10_000;
      const timed = await withTimeLimit(limit, (signal) =>
        translator.translate(
          todo.map((m) => m.text),
          { to, signal: options.signal ? AbortSignal.any([options.signal, signal]) : signal },
        ),
      );
      const out = timed.ok ? timed.value : null;
      const problem = !timed.ok
        ? timed.timedOut
          ? `did not finish within ${limit} ms`
          : describeThrown(timed.error)
        : !Array.isArray(out) || out.length !== todo.length
          ? `returned ${Array.isArray(out) ? out.length : typeof out} texts for ${todo.length}`
          : null;
      if (problem) issues.push({ code: 'translation_failed', message: `translator "${translator.name}" failed: ${problem}` });
      else todo.forEach((m, k) => ((m as { translation?: string }).translation = String(out![k])));
    }
  }
  const chronological = messages.map((m) => m.index).sort((a, b) => messages[a]!.time - messages[b]!.time || a - b);
  return { conversation, messages, chronological, languages: langs.byRole, issues };
}

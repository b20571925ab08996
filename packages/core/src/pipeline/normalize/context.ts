import { describeThrown } from '../../errors.js';
import { conversationLanguageDecisions, type MessageEvidence } from '../../langid/conversation.js';
import type { LangidModel } from '../../langid/model.js';
import type { MessageView } from '../analyze/contract.js';
import { MessageAnalysis } from '../analyze/message-analysis.js';
import { withTimeLimit } from '../time-limit.js';
import type { Conversation, Message, Role } from '../validate/conversation.js';
import type { Issue } from '../validate/result.js';
import { timestampMs } from '../validate/timestamp.js';
import { hasLoneSurrogate, normalizeText } from './text-view.js';
import type { Translator } from './translator.js';

export interface ContextOptions {
  languages?: readonly string[];
  langidModel?: LangidModel;
  translation?: { to: string; translator: Translator };
  signal?: AbortSignal;
  /** Time limit of the translator call in milliseconds (default 10 000): past it, a `translation_failed` issue. */
  timeLimitMs?: number;
  /** Messages before the conversation's (a live session's window): read for language only. */
  languageContext?: { messages: readonly Message[]; evidenceCache: WeakMap<Message, MessageEvidence> };
}

export interface PreparedConversation {
  conversation: Conversation;
  messages: MessageView[];
  chronological: number[];
  languages: Record<Role, string>;
  issues: Issue[];
  /** Set when a translator was configured: the review language, its name and how many messages it could not translate. */
  translation?: TranslationSummary;
}

export interface TranslationSummary {
  to: string;
  translator: string;
  untranslated: number;
}

/** Build the shared per-message views (normalized text, time, language, translation). */
export async function prepareConversation(conversation: Conversation, options: ContextOptions = {}): Promise<PreparedConversation> {
  const issues: Issue[] = [];
  const langs = conversationLanguageDecisions(conversation, {
    languages: options.languages,
    model: options.langidModel,
    context: options.languageContext?.messages,
    evidenceCache: options.languageContext?.evidenceCache,
  });
  // loops, not per-call arrows (decision 204)
  const messages: MessageView[] = [];
  for (let index = 0; index < conversation.messages.length; index++) {
    const m = conversation.messages[index]!;
    const view = normalizeText(m.text); // lazy: built when an analyzer first reads it
    if (hasLoneSurrogate(m.text)) {
      issues.push({
        code: 'invalid_utf16',
        message: 'text contains lone UTF-16 surrogates; they read as U+FFFD in the normalized view',
        path: ['messages', index, 'text'],
      });
    }
    messages.push({
      index,
      role: m.role,
      text: m.text,
      time: timestampMs(m.at),
      authorId: m.authorId,
      view,
      language: langs.language[langs.first + index]!,
      languageConfidence: langs.confidence[langs.first + index]!,
      analysis: new MessageAnalysis(view),
    });
  }
  const translation = options.translation ? await translateMessages(messages, options.translation, options, issues) : undefined;
  const chronological = chronologicalOrder(messages);
  const prepared: PreparedConversation = { conversation, messages, chronological, languages: langs.byRole, issues };
  if (translation) prepared.translation = translation;
  return prepared;
}

/**
 * The message indexes by time, ties (and unparsable times) in message order: what
 * `indexes.sort((a, b) => time[a] - time[b] || a - b)` gives, without the sort (and its comparator
 * closure) when the messages already come in time order, as nearly all do.
 */
function chronologicalOrder(messages: readonly MessageView[]): number[] {
  const order: number[] = [];
  let inOrder = true;
  for (let k = 0; k < messages.length; k++) {
    order.push(messages[k]!.index);
    if (k > 0 && messages[k]!.time - messages[k - 1]!.time < 0) inOrder = false;
  }
  return inOrder ? order : order.sort((a, b) => messages[a]!.time - messages[b]!.time || a - b);
}

/**
 * Translate the messages not in `to`, one translator call per detected source language (all in
 * parallel, under one time limit), setting `translation` on each view. A failing call leaves a
 * `translation_failed` issue; a `null` slot leaves that message untranslated and counted.
 */
async function translateMessages(
  messages: MessageView[],
  { to, translator }: { to: string; translator: Translator },
  options: ContextOptions,
  issues: Issue[],
): Promise<TranslationSummary> {
  const summary: TranslationSummary = { to, translator: translator.name, untranslated: 0 };
  const todo = messages.filter((m) => m.language !== 'und' && m.language !== to && m.text.trim());
  if (!todo.length) return summary;
  const groups = new Map<string, MessageView[]>();
  for (const m of todo) groups.set(m.language, [...(groups.get(m.language) ?? []), m]);
  const limit = options.timeLimitMs ?? 10_000;
  const timed = await withTimeLimit(limit, (signal) => {
    const any = options.signal ? AbortSignal.any([options.signal, signal()]) : signal();
    return Promise.all(
      [...groups].map(([from, group]) =>
        translator.translate(
          group.map((m) => m.text),
          { from, to, signal: any },
        ),
      ),
    );
  });
  const outs = timed.ok ? timed.value : null;
  const groupList = [...groups.values()];
  const bad = outs?.findIndex((out, g) => !Array.isArray(out) || out.length !== groupList[g]!.length) ?? -1;
  const problem = !timed.ok
    ? timed.timedOut
      ? `did not finish within ${limit} ms`
      : describeThrown(timed.error)
    : bad >= 0
      ? `returned ${Array.isArray(outs![bad]) ? outs![bad]!.length : typeof outs![bad]} texts for ${groupList[bad]!.length}`
      : null;
  if (problem) {
    issues.push({ code: 'translation_failed', message: `translator "${translator.name}" failed: ${problem}` });
    return summary;
  }
  groupList.forEach((group, g) =>
    group.forEach((m, k) => {
      const text = outs![g]![k];
      if (text === null || text === undefined) summary.untranslated++;
      else (m as { translation?: string }).translation = String(text);
    }),
  );
  return summary;
}

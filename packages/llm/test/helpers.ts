import type { ConversationInput } from '@cxqa/core';
import { type ChatRequest, completion, questionIdsOf, type Scripted, transcriptOf } from './server.js';

export type ScriptAnswer = { answer: string; confidence?: number; evidence?: { message: number; text: string }[] };

/** A scripted model: for each question asked, the answer `pick` gives (default na without evidence). */
export function model(pick: (id: string, req: ChatRequest) => ScriptAnswer | undefined): (req: ChatRequest) => Scripted {
  return (req) =>
    completion({
      answers: questionIdsOf(req).map((id) => {
        const a = pick(id, req) ?? { answer: 'na' };
        return { id, answer: a.answer, confidence: a.confidence ?? 0.9, evidence: a.evidence ?? [] };
      }),
    });
}

/** A scripted model answering every question "yes", quoting the first agent line it was shown. */
export const agreeable = model((_, req) => {
  const line = transcriptOf(req).find((l) => l.role === 'agent') ?? transcriptOf(req)[0];
  return line ? { answer: 'yes', evidence: [{ message: line.index, text: line.text.slice(0, 40) }] } : { answer: 'na' };
});

const at = (min: number) => new Date(Date.UTC(2026, 2, 2, 10, min)).toISOString();

export function conversation(id: string, turns: [string, string][], extra: Partial<ConversationInput> = {}): ConversationInput {
  return { id, ...extra, messages: turns.map(([role, text], i) => ({ role: role as 'customer', text, at: at(i) })) };
}

export const UPSET = conversation('upset-1', [
  ['customer', 'My parcel is two weeks late and nobody answers. This is ridiculous!'],
  ['agent', "That is the courier's fault, not ours.   You should   contact DHL yourself."],
  ['customer', 'Seriously? I paid you, not DHL.'],
  ['agent', 'I have sent you a replacement today, tracking number follows by email.'],
]);

import { ABCD_CORPUS, loadAbcdConversations } from '../corpora/abcd.js';
import { loadStc3, STC3_CORPUS } from '../corpora/satisfaction.js';

export interface RealConversation {
  corpus: string;
  /** `zh` or `en`. */
  language: string;
  /** `tune` / `report` half for satisfaction-stc3-dev; ABCD counts as `tune`. */
  half: 'tune' | 'report';
  conversation: { id: string } & Record<string, unknown>;
}

/**
 * The real conversations precision is measured on: satisfaction-stc3-dev (Weibo helpdesk threads,
 * zh and their English translations) and the ABCD sample (English retail chats). Evaluation only.
 */
export function loadRealConversations(corporaDir: string): RealConversation[] {
  const out: RealConversation[] = [];
  for (const language of ['zh', 'en'] as const) {
    for (const t of loadStc3(corporaDir, language) ?? []) out.push({ corpus: STC3_CORPUS, language, half: t.half, conversation: t.conversation });
  }
  for (const c of loadAbcdConversations(corporaDir) ?? []) out.push({ corpus: ABCD_CORPUS, language: 'en', half: 'tune', conversation: c });
  return out;
}

/**
 * Codes that measure time between messages. Both corpora have no timestamps (messages are stamped
 * one minute apart), so these findings say nothing there and are left out of sampling and tallies.
 */
export const TIME_BASED_CODES = /^(?:timing\.(?!no_agent_response$)|script\.no_holding_message$)/;

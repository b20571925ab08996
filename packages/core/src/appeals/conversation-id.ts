import { maskConversationId } from '../pipeline/score/mask-result.js';

/**
 * Whether two conversation ids — as a user or an input file gives them, or as a Result shows
 * them — name the same conversation: equal, or equal once both are masked the way a Result's
 * `conversationId` is (`maskConversationId`). So an id that is itself personal data
 * (`jane.doe@example.com`, shown `j•••@•••.com`) matches either way. Ids whose masked forms are
 * the same cannot be told apart by them: a finding id (a hash of the real id) can.
 */
export function sameConversation(a: string, b: string | null): boolean {
  return b !== null && (a === b || maskConversationId(a) === maskConversationId(b));
}

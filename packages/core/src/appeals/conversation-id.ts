import { maskConversationId } from '../pipeline/score/mask-result.js';
import { boundedCache } from '../util/bounded-cache.js';

/** Masked ids, each computed once: `apply` and suppressions compare every result or finding with every appeal or entry. */
const masked = boundedCache<string, string>(10_000);
const shown = (id: string): string => {
  let m = masked.get(id);
  if (m === undefined) masked.set(id, (m = maskConversationId(id)));
  return m;
};

/**
 * Whether two conversation ids — as a user or an input file gives them, or as a Result shows
 * them — name the same conversation: equal, or equal once both are masked the way a Result's
 * `conversationId` is (`maskConversationId`). So an id that is itself personal data
 * (`jane.doe@example.com`, shown `j•••@•••.com`) matches either way. Ids whose masked forms are
 * the same cannot be told apart by them: a finding id (a hash of the real id) can.
 */
export function sameConversation(a: string, b: string | null): boolean {
  return b !== null && (a === b || shown(a) === shown(b));
}

import { createHash } from 'node:crypto';
import type { Versions } from '../validate/result.js';
import type { Scorecard } from '../validate/scorecard.js';

/**
 * A short hash of what decides an inspector's output, given its versions and scorecard: a worker's
 * inspector must have the main thread's, or the results of `workers: N` would differ from in-process ones.
 */
export function inspectorFingerprint(inspector: { versions: Versions; scorecard: Scorecard }): string {
  return createHash('sha256')
    .update(JSON.stringify([inspector.versions, inspector.scorecard]))
    .digest('hex')
    .slice(0, 16);
}

import { traditionalToSimplified } from '../../matcher/chinese-fold.js';
import { type Skeleton, skeletonOfView } from '../../matcher/skeleton.js';
import { keepShape } from '../../util/keep-shape.js';
import { normalizeText, type TextView } from '../normalize/text-view.js';

/**
 * Code points whose lower-case form (`String.prototype.toLowerCase`) is not what a case-insensitive
 * Unicode regex (`/iu`, simple case folding) compares them as: ſ and K-like signs, the Greek
 * letters with context-dependent or variant lower cases (Σ → ς or σ), Cyrillic Extended-C,
 * Cherokee (which folds to upper case), İ (lower-cases to two code units) and the astral
 * blocks that have case (by their high surrogate). A text holding none
 * of them contains the lower-cased literal of every `/iu` match; `caseFoldSafe` says so. The
 * exhaustive check over the Basic Multilingual Plane is in test/message-analysis.test.ts.
 */
const CASE_UNSAFE =
  /\u0345|[\u0130\u017f\u0370-\u03ff\u13a0-\u13ff\u1c80-\u1c8f\u1e9b\u1e9e\u1f00-\u1fff\u2126\u212a\u212b\uab70-\uabbf]|[\ud801\ud803\ud806\ud81b\ud83a]/;

/**
 * The per-message analysis every built-in analyzer reads, computed lazily and once per message
 * (one object per `MessageView`, made by the pipeline): the de-obfuscated skeleton the matchers
 * scan, derived texts and flags that cheap
 * prefilters test before any regex runs, and a memo that lets several analyzers (or a user's
 * analyzer) share one result per message — the complaint check of the courtesy and script
 * analyzers, the phrase prefilters of the rule sets.
 *
 * Read it as `message.analysis` in `analyze(context)`. Every field is a pure function of the
 * message text, so sharing never changes a result.
 *
 * @example
 * const analysis = new MessageAnalysis(normalizeText('Thank YOU!'));
 * analysis.lower; // 'thank you!'
 * analysis.memo(myKey, () => expensive(analysis.lower)); // computed once per message and key
 */
export class MessageAnalysis {
  readonly view: TextView;
  #lower: string | undefined;
  #caseFoldSafe: boolean | undefined;
  #memo: Map<unknown, unknown> | undefined;

  constructor(view: TextView) {
    this.view = view;
  }

  /**
   * `view.folded` lower-cased (same UTF-16 offsets unless the text holds İ): the text a
   * case-insensitive literal is searched in.
   */
  get lower(): string {
    if (this.#lower === undefined) this.#lower = this.view.folded.toLowerCase();
    return this.#lower;
  }

  /**
   * The de-obfuscated skeleton of `view.normalized` the matchers scan (look-alikes, leetspeak,
   * spelled-out letters and repeats undone, Traditional Chinese folded to Simplified), with each
   * unit's [start, end) in `view.normalized`: computed on first read and kept with the message,
   * for an analyzer that reads it more than once. The built-in matchers do not read it: given the
   * view, they reuse a kept skeleton when one exists, else recompute it in scratch space, which
   * costs less than keeping a copy (decision 111).
   */
  get skeleton(): Skeleton {
    return skeletonOfView(this.view, traditionalToSimplified);
  }

  /**
   * True when every `/iu` match of a literal in `view.folded` occurs lower-cased in `lower` (the
   * text holds no code point whose case folding differs from its lower case; see CASE_UNSAFE).
   * The astral blocks with case (Deseret, Osage, Vithkuqi, Old Hungarian, Warang Citi,
   * Medefaidrin, Adlam) make it false too, to stay on the side of running the regex.
   */
  get caseFoldSafe(): boolean {
    if (this.#caseFoldSafe === undefined) this.#caseFoldSafe = caseFoldSafe(this.view.folded);
    return this.#caseFoldSafe;
  }

  /**
   * The value `compute` returns for this message and `key`, computed on the first call and kept
   * with the message. `key` is usually the compiled object the result depends on (a rule set,
   * a model), so two analyzers holding the same object share the work; a result that depends
   * on more than the text (e.g. the language) must keep that in `key` or inside the value.
   */
  memo<T>(key: object, compute: () => T): T {
    this.#memo ??= new Map();
    const kept = this.#memo.get(key);
    if (kept !== undefined || this.#memo.has(key)) return kept as T; // one lookup when a value is kept
    const value = compute();
    this.#memo.set(key, value);
    return value;
  }
}
keepShape(new MessageAnalysis(normalizeText('')));

/**
 * Can the lower case of `text` stand in for its case folding (see CASE_UNSAFE)? For a text: every
 * `/i` or `/iu` match of a safe literal occurs lower-cased in `text.toLowerCase()`; for a literal:
 * it is safe to look for lower-cased.
 */
export function caseFoldSafe(text: string): boolean {
  return !CASE_UNSAFE.test(text);
}

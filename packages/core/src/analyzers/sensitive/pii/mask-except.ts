import { type MaskOptions, maskPersonalData } from './mask-text.js';

/** Stands in for a kept identifier while the rest is masked: a private-use character, neither letter, digit nor separator. */
const HOLE = '\uE000';
const WORD = /[\p{L}\p{N}]/u;

/**
 * `maskPersonalData` for a text that quotes identifiers of cxqa's own making — finding ids
 * (`c1c77c25e0b9f007`), chain heads (64 hex) — which the digit sweep would otherwise read as
 * phone numbers (`a1234567bcdef012` → `a•••••67bcdef012`). Each `own` string that stands in
 * `text` as a whole token (no letter or digit either side) is shown as it is; everything around
 * it is masked exactly as `maskPersonalData` masks it, the identifier standing as one character
 * that is neither letter, digit nor separator (digits either side of it are swept as runs of
 * their own). Pass only values the engine produced (finding ids read from Results, hashes it
 * computed), never input text: a kept string is shown whole whatever it holds.
 * Occurrences of an `own` string inside a longer token are masked like any text. A text already
 * holding U+E000 is masked whole (nothing kept).
 *
 * @example
 * maskPersonalDataExcept('valid ids: a1234567bcdef012, call 07946 095812', ['a1234567bcdef012'])
 * // 'valid ids: a1234567bcdef012, call ••••• ••••12'
 */
export function maskPersonalDataExcept(text: string, own: readonly string[], options: MaskOptions = {}): string {
  const ids = [...new Set(own.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  if (!ids.length || !text || text.includes(HOLE)) return maskPersonalData(text, options);
  const kept: string[] = [];
  let holed = '';
  for (let i = 0; i < text.length; ) {
    const id = WORD.test(text[i - 1] ?? '') ? undefined : ids.find((s) => text.startsWith(s, i) && !WORD.test(text[i + s.length] ?? ''));
    if (id === undefined) {
      holed += text[i];
      i++;
    } else {
      kept.push(id);
      holed += HOLE;
      i += id.length;
    }
  }
  if (!kept.length) return maskPersonalData(text, options);
  const pieces = maskPersonalData(holed, options).split(HOLE);
  // a mask that swallowed a hole (a secret's span is replaced whole) keeps nothing there: mask all
  if (pieces.length !== kept.length + 1) return maskPersonalData(text, options);
  return pieces.reduce((out, piece, i) => out + (i ? kept[i - 1] : '') + piece, '');
}

import { createRequire } from 'node:module';
import { CxqaError } from '../errors.js';

type Convert = (text: string) => string;
let convert: Convert | undefined;
/** BMP code point → folded code point; 0 = not looked up yet. */
const table = new Uint16Array(0x10000);

function load(): Convert {
  try {
    const opencc = createRequire(import.meta.url)('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert };
    return opencc.Converter({ from: 't', to: 'cn' });
  } catch (e) {
    throw new CxqaError(
      'model_missing',
      `@cxqa/core: Traditional→Simplified folding needs the opencc-js package (${(e as Error).message}); reinstall @cxqa/core or pass { traditionalChinese: 'keep' }`,
      { cause: e },
    );
  }
}

/**
 * Fold one Traditional Chinese character to its Simplified form (OpenCC t→cn, character by
 * character so offsets stay one-to-one); every other code point is returned unchanged.
 * The OpenCC tables (≈100 KB) load on first use.
 *
 * @example
 * String.fromCodePoint(traditionalToSimplified('媽'.codePointAt(0)!)); // '妈'
 */
export function traditionalToSimplified(cp: number): number {
  if (!((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff))) return cp;
  const hit = table[cp]!;
  if (hit !== 0) return hit;
  convert ??= load();
  const out = convert(String.fromCodePoint(cp));
  const chars = [...out];
  const folded = chars.length === 1 && chars[0]!.length === 1 ? chars[0]!.charCodeAt(0) : cp;
  table[cp] = folded;
  return folded;
}

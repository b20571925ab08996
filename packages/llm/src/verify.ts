import type { Span } from '@cxqa/core';

/** Collapse every run of whitespace to one space; `map[i]` is the original offset of normalized char i. */
function normalize(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      const start = i;
      while (i < text.length && /\s/u.test(text[i]!)) i++;
      norm += ' ';
      map.push(start);
      continue;
    }
    norm += ch;
    map.push(i);
    i++;
  }
  map.push(text.length);
  return { norm, map };
}

function squash(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * Where `quote` occurs in `text`, comparing with whitespace normalized and nothing else (case,
 * punctuation and width must match). A quote written with the transcript's own JSON escapes
 * (`\n`, `\"`, `\u003c`) is read back first. Returns the span in the ORIGINAL text, or null.
 */
export function locateQuote(text: string, quote: string): Span | null {
  const candidates = [squash(quote)];
  if (quote.includes('\\')) {
    try {
      candidates.push(squash(JSON.parse(`"${quote}"`) as string));
    } catch {
      /* not an escaped form */
    }
  }
  const { norm, map } = normalize(text);
  for (const q of candidates) {
    if (!q) continue;
    const at = norm.indexOf(q);
    if (at < 0) continue;
    const start = map[at]!;
    const last = at + q.length - 1;
    const end = map[last]! + 1;
    return { start, end };
  }
  return null;
}

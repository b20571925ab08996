import { type ParsedElementInfo, Tokenizer, TokenParser } from '@streamparser/json';

/**
 * A tokenizer that keeps an integer beyond Number.MAX_SAFE_INTEGER as its literal digits (a
 * string): `12345678901234567891` and `12345678901234567892` stay two ids instead of both
 * becoming 12345678901234567000. Other numbers are read as `Number` reads them.
 */
export class ExactIntegerTokenizer extends Tokenizer {
  // the library documents this override for keeping numbers as strings; its type says number
  override parseNumber(literal: string): number {
    const n = Number(literal);
    return Number.isInteger(n) && !Number.isSafeInteger(n) && /^-?\d+$/.test(literal) ? (literal as unknown as number) : n;
  }
}

/** A safe integer has at most 16 digits: text without a run of 16 digits needs no exact reading. */
const LONG_DIGITS = /\d{16}/;

/** What an exact parser reports: each value at `paths`, the first error, the end of the document. */
export interface ExactParserHandlers {
  onValue(info: ParsedElementInfo): void;
  onError(error: Error): void;
  onEnd(): void;
}

/**
 * `@streamparser/json`'s JSONParser with {@link ExactIntegerTokenizer}: the same wiring of
 * tokenizer and token parser, emitting the values at `paths` (JSONPath, `$.*` for array elements).
 */
export function exactJsonParser(paths: string[], handlers: ExactParserHandlers): { write(chunk: Buffer | string): void; end(): void } {
  const tokenizer = new ExactIntegerTokenizer();
  const parser = new TokenParser({ paths, keepStack: false });
  tokenizer.onToken = parser.write.bind(parser);
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  tokenizer.onError = handlers.onError;
  parser.onError = tokenizer.error.bind(tokenizer);
  parser.onValue = handlers.onValue;
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
    handlers.onEnd();
  };
  return { write: (chunk) => tokenizer.write(chunk), end: () => tokenizer.end() };
}

/**
 * `JSON.parse(text)`, except that an integer beyond 2^53 keeps its digits as a string (Node 20's
 * JSON.parse gives a reviver no source text). Throws JSON.parse's SyntaxError on invalid JSON.
 */
export function parseJsonExact(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!LONG_DIGITS.test(text)) return value;
  let exact: unknown = value;
  const parser = exactJsonParser(['$'], {
    onValue: (info) => {
      exact = info.value;
    },
    onError: (e) => {
      throw e;
    },
    onEnd: () => {},
  });
  parser.write(text);
  return exact;
}

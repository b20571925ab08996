const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const decoder = new TextDecoder('utf-16le');

/**
 * The string held by the first `length` code units of `codes` (which must be well-formed UTF-16).
 * TextDecoder is several times faster than String.fromCharCode.apply for chat-sized text.
 */
export function decodeUtf16(codes: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return decoder.decode(codes.subarray(0, length));
  let out = '';
  for (let k = 0; k < length; k += 8192) out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  return out;
}

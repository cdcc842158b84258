const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const fromCodes = String.fromCharCode;

/**
 * The text of `bytes[from, to)`: ASCII built straight from its codes (a decoder call costs more
 * than the short fields of an extract: ids, codes, dates, minutes), anything else through a strict UTF-8 decoder, which throws
 * on bytes that are not UTF-8.
 * @example textOfBytes(new TextEncoder().encode("x90834"), 1, 6, false) // "90834"
 */
export function textOfBytes(bytes: Uint8Array, from: number, to: number, nonAscii: boolean): string {
  if (nonAscii) return utf8.decode(bytes.subarray(from, to));
  const b = bytes;
  const a = from;
  switch (to - from) {
    case 0:
      return "";
    case 1:
      return fromCodes(b[a]);
    case 2:
      return fromCodes(b[a], b[a + 1]);
    case 3:
      return fromCodes(b[a], b[a + 1], b[a + 2]);
    case 4:
      return fromCodes(b[a], b[a + 1], b[a + 2], b[a + 3]);
    case 5:
      return fromCodes(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4]);
    case 6:
      return fromCodes(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5]);
    case 7:
      return fromCodes(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5], b[a + 6]);
    case 8:
      return fromCodes(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5], b[a + 6], b[a + 7]);
    case 9:
      return fromCodes(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5], b[a + 6], b[a + 7], b[a + 8]);
    case 10:
      return fromCodes(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
      );
    case 11:
      return fromCodes(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
        b[a + 10],
      );
    case 12:
      return fromCodes(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
        b[a + 10],
        b[a + 11],
      );
    default:
      // Longer ASCII (rare in an extract) through the decoder, which is exact for it too.
      return utf8.decode(bytes.subarray(from, to));
  }
}

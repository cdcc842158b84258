import { textOfBytes } from "./textOfBytes";

/** A field's flag: it has a byte above 127 (its text, UTF-8 checked, is kept decoded). */
export const FIELD_NON_ASCII = 1;
/** A field's flag: it is quoted and holds an escaped "" (its bytes keep both quotes). */
export const FIELD_ESCAPED = 2;

/**
 * One row as the CSV scanner found it: where each field's bytes are in `bytes` (quotes around a
 * quoted field left out), read before the next row replaces them. A reader takes the text of
 * the fields it needs, or reads their bytes as they are: no string is made for a field unread.
 * Two fields of rows well quoted have the same bytes exactly when they have the same text.
 */
export class CsvRowView {
  /** The bytes the fields' offsets point into (valid until the handler returns). */
  bytes: Uint8Array = new Uint8Array(0);
  /** Fields in the row. */
  count = 0;
  /** The line the row starts on (the header is line 1). */
  line = 1;
  /** A quote sat where RFC 4180 allows none (the field keeps its raw text). */
  badQuoting = false;
  /** Field k is bytes[starts[k], ends[k]). */
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  /** FIELD_NON_ASCII and FIELD_ESCAPED, by field. */
  flags = new Uint8Array(16);
  /** The text of each non-ASCII field, decoded (and checked) when the scanner ended it. */
  readonly decoded: string[] = [];

  /** Field k's length in bytes: 0 exactly when its text is "". */
  byteLength(k: number): number {
    return this.ends[k] - this.starts[k];
  }

  /** Field k's text, "" unescaped. */
  text(k: number): string {
    const flags = this.flags[k];
    const text =
      flags & FIELD_NON_ASCII
        ? this.decoded[k]
        : textOfBytes(this.bytes, this.starts[k], this.ends[k], false);
    return flags & FIELD_ESCAPED ? text.replace(/""/g, '"') : text;
  }

  /** Every field's text. */
  texts(): string[] {
    const texts: string[] = new Array(this.count);
    for (let k = 0; k < this.count; k++) texts[k] = this.text(k);
    return texts;
  }

  /** Room for field k (the scanner's). */
  reserve(k: number): void {
    if (k < this.starts.length) return;
    const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(old.length * 2);
      next.set(old);
      return next;
    };
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
  }

  /**
   * Fills this view with fields already split (an Excel range's cells), laid out as the scanner
   * lays out a file's: a quote doubled and flagged, a non-ASCII field kept decoded. So a reader
   * of rows takes either source through one path. The bytes go into one buffer kept from row to
   * row: a range of a million rows makes no garbage here.
   */
  setTexts(fields: readonly string[], line: number): void {
    this.count = fields.length;
    this.line = line;
    this.badQuoting = false;
    let at = 0;
    for (let k = 0; k < fields.length; k++) {
      this.reserve(k);
      const field = fields[k];
      // Room for the field's worst case: a quote doubled, or 3 UTF-8 bytes for a UTF-16 unit.
      if (this.laidOut.length < at + 3 * field.length) {
        const bigger = new Uint8Array(Math.max(2 * this.laidOut.length, at + 3 * field.length));
        bigger.set(this.laidOut.subarray(0, at));
        this.laidOut = bigger;
      }
      const bytes = this.laidOut;
      const start = at;
      let flags = 0;
      for (let j = 0; j < field.length; j++) {
        const code = field.charCodeAt(j);
        if (code > 127) {
          flags = FIELD_NON_ASCII;
          break;
        }
        if (code === 34) {
          bytes[at++] = 34;
          flags = FIELD_ESCAPED;
        }
        bytes[at++] = code;
      }
      if (flags & FIELD_NON_ASCII) {
        const escaped = field.replace(/"/g, '""');
        if (escaped !== field) flags |= FIELD_ESCAPED;
        at = start + encoder.encodeInto(escaped, bytes.subarray(start)).written;
        this.decoded[k] = escaped;
      }
      this.starts[k] = start;
      this.ends[k] = at;
      this.flags[k] = flags;
    }
    this.bytes = this.laidOut;
  }

  /** The buffer `setTexts` lays fields out in. */
  private laidOut = new Uint8Array(256);
}

const encoder = new TextEncoder();

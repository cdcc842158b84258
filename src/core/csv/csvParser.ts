import { CaseRateInputError } from "../errors";
import { CsvRowView, FIELD_ESCAPED, FIELD_NON_ASCII } from "./csvRow";
import { textOfBytes } from "./textOfBytes";

/**
 * A streaming RFC 4180 reader: UTF-8 bytes in, in chunks cut anywhere, rows out. Pure (no I/O), so
 * the command line's Node stream and the pane's File feed it alike. It scans bytes (every byte that
 * matters to CSV is ASCII, so UTF-8 needs no decoding to be split): CsvScanner gives each row's
 * fields as byte offsets, CsvParser as text.
 */

/** Receives each row: its fields, the line it starts on (the header is line 1), and whether a quote sat where RFC 4180 allows none. */
export type CsvRowHandler = (fields: string[], line: number, badQuoting: boolean) => void;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
/** The UTF-8 byte order mark. */
const BOM = [0xef, 0xbb, 0xbf];

/** Where the scanner is: between rows, at a field's start, inside a field, or just after a CR. */
const enum At {
  RowStart,
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the field's end, or the first of an escaped "". */
  QuoteInQuoted,
  /** A CR ended a row or a line inside quotes: an LF straight after it is the same line break. */
  AfterCr,
}

/**
 * The scanner under CsvParser, for readers that take fields as bytes: each row goes to the handler
 * as a CsvRowView (field offsets, no strings). Feed it chunks with `push`, then call `end`. Line
 * breaks are CRLF, LF or a lone CR; blank lines are not rows; a BOM at the start is dropped. A
 * row whose quoting breaks RFC 4180 (`ab"c`, `"x"y`) keeps that field's raw bytes and is marked,
 * for the caller to refuse. A field with bytes above 127 is checked as UTF-8 as it ends.
 * @example const ids: string[] = []; const csv = new CsvScanner((row) => ids.push(row.text(0))); csv.push(new TextEncoder().encode("a,b\n")); csv.end(); // ids: ["a"]
 */
export class CsvScanner {
  private readonly view = new CsvRowView();
  private state: At = At.RowStart;
  /**
   * The bytes of the row the last chunk ended inside, from its first byte, are work[0, carried):
   * its fields' offsets point into them; the next chunk is copied after them (one buffer, reused).
   */
  private work = new Uint8Array(0);
  private carried = 0;
  /** Where the current field starts, in the carried bytes once a chunk has ended inside it. */
  private fieldStart = 0;
  /** The physical line of the next byte; a row's number is the line it starts on. */
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  private badQuoting = false;
  /** The current field has a byte above 127 (so is decoded as UTF-8), or an escaped "". */
  private high = false;
  private escaped = false;
  /** The current quoted field's text had a CR last, so an LF next is the same line break. */
  private crInQuoted = false;
  /** The first bytes, until they show whether the file starts with a BOM. */
  private atStart: number[] | null = [];

  constructor(private readonly onRow: (row: CsvRowView) => void) {}

  /** Reads one chunk of the file; rows it completes go to the handler. */
  push(chunk: Uint8Array): void {
    // A plain Uint8Array over the chunk's memory (Node's Buffer is a subclass): byte reads stay of
    // one kind whether a row is carried or not, which the optimizing compiler rewards.
    let bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.atStart !== null) {
      const start = this.atStart;
      let i = 0;
      while (start.length < BOM.length && i < bytes.length) start.push(bytes[i++]);
      if (start.length < BOM.length && start.every((byte, index) => byte === BOM[index])) return;
      this.atStart = null;
      const bom = start.every((byte, index) => byte === BOM[index]);
      bytes = concat(Uint8Array.from(bom ? [] : start), bytes.subarray(i));
    }
    this.scan(bytes);
  }

  /** Ends the input: the last row, even without a line break, goes to the handler; an open quote is an error. */
  end(): void {
    if (this.atStart !== null) {
      const start = Uint8Array.from(this.atStart);
      this.atStart = null;
      this.scan(start);
    }
    const bytes = this.work.subarray(0, this.carried);
    this.view.bytes = bytes;
    switch (this.state) {
      case At.Quoted:
        throw new CaseRateInputError(
          `line ${this.quoteLine}`,
          "wrong-type",
          `line ${this.quoteLine}: a quoted field is never closed (no closing " before the end of the file).`,
        );
      case At.FieldStart:
        this.field(bytes, bytes.length, bytes.length, this.line);
        this.emit();
        break;
      case At.Unquoted:
        this.field(bytes, this.fieldStart, bytes.length, this.line);
        this.emit();
        break;
      case At.QuoteInQuoted:
        this.field(bytes, this.fieldStart + 1, bytes.length - 1, this.line);
        this.emit();
        break;
      default:
    }
    this.state = At.RowStart;
    this.carried = 0;
  }

  /** Ends the field `bytes[from, to)` of the row: its offsets and flags, its text if not ASCII (UTF-8 checked). */
  private field(bytes: Uint8Array, from: number, to: number, line: number): void {
    const view = this.view;
    const k = view.count++;
    view.reserve(k);
    view.starts[k] = from;
    view.ends[k] = to;
    let flags = this.escaped ? FIELD_ESCAPED : 0;
    if (this.high) {
      flags |= FIELD_NON_ASCII;
      try {
        view.decoded[k] = textOfBytes(bytes, from, to, true);
      } catch {
        throw new CaseRateInputError(
          `line ${line}`,
          "wrong-type",
          `line ${line}: the file is not UTF-8 text (save it as CSV UTF-8).`,
        );
      }
    }
    view.flags[k] = flags;
    this.high = false;
    this.escaped = false;
  }

  private emit(): void {
    const view = this.view;
    view.line = this.rowLine;
    view.badQuoting = this.badQuoting;
    this.badQuoting = false;
    this.onRow(view);
    view.count = 0;
  }

  /**
   * Scans the carried row's bytes and the new chunk. The hot loop is the unquoted field's: one
   * comparison for most bytes. Line breaks are counted in quoted text too.
   */
  private scan(chunk: Uint8Array): void {
    const resume = this.carried;
    let b = chunk;
    if (resume > 0) {
      const size = resume + chunk.length;
      if (this.work.length < size) {
        const bigger = new Uint8Array(Math.max(size, 2 * this.work.length));
        bigger.set(this.work.subarray(0, resume));
        this.work = bigger;
      }
      this.work.set(chunk, resume);
      b = this.work.subarray(0, size);
    }
    this.view.bytes = b;
    const n = b.length;
    let i = resume;
    let fieldStart = this.fieldStart;
    let rowStart = 0;
    let state = this.state;
    let line = this.line;
    while (i < n) {
      if (state === At.Unquoted || state === At.FieldStart) {
        if (state === At.FieldStart) {
          fieldStart = i;
          if (b[i] === QUOTE) {
            state = At.Quoted;
            this.quoteLine = line;
            this.crInQuoted = false;
            i++;
            continue;
          }
          state = At.Unquoted;
        }
        let c = 0;
        let high = false;
        while (i < n) {
          c = b[i];
          if (c <= COMMA) {
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
          } else if (c > 127) high = true;
          i++;
        }
        if (high) this.high = true;
        if (i === n) break;
        if (c === QUOTE) {
          this.badQuoting = true; // a quote inside an unquoted field: kept as text
          i++;
          continue;
        }
        this.field(b, fieldStart, i, line);
        i++;
        if (c === COMMA) {
          state = At.FieldStart;
          continue;
        }
        this.emit();
        line++;
        state = c === CR ? At.AfterCr : At.RowStart;
        continue;
      }
      if (state === At.RowStart || state === At.AfterCr) {
        const c = b[i];
        if (c === LF && state === At.AfterCr) {
          i++; // the LF of a CRLF
          state = At.RowStart;
        } else if (c === LF || c === CR) {
          i++; // a blank line: no row
          line++;
          state = c === CR ? At.AfterCr : At.RowStart;
        } else {
          this.rowLine = line;
          rowStart = i;
          state = At.FieldStart;
        }
        continue;
      }
      if (state === At.Quoted) {
        let crInQuoted = this.crInQuoted;
        let high = false;
        while (i < n) {
          const c = b[i];
          if (c === QUOTE) break;
          if (c === CR || (c === LF && !crInQuoted)) line++;
          else if (c > 127) high = true;
          crInQuoted = c === CR;
          i++;
        }
        this.crInQuoted = crInQuoted;
        if (high) this.high = true;
        if (i < n) {
          state = At.QuoteInQuoted;
          i++;
        }
        continue;
      }
      // At.QuoteInQuoted: the field ends, or the quote was the first of an escaped "".
      const c = b[i];
      if (c === QUOTE) {
        this.escaped = true;
        this.crInQuoted = false;
        state = At.Quoted;
        i++;
      } else if (c === COMMA || c === LF || c === CR) {
        this.field(b, fieldStart + 1, i - 1, line);
        i++;
        if (c === COMMA) state = At.FieldStart;
        else {
          this.emit();
          line++;
          state = c === CR ? At.AfterCr : At.RowStart;
        }
      } else {
        // Text after a closing quote: the field is kept raw, and the row marked.
        this.badQuoting = true;
        this.escaped = false;
        state = At.Unquoted;
      }
    }
    this.state = state;
    this.line = line;
    if (state === At.RowStart || state === At.AfterCr) {
      this.carried = 0;
      return;
    }
    // Inside a row: its bytes so far are kept at the start of the work buffer (the caller may
    // reuse the chunk's memory once push returns), and the offsets of its fields moved there.
    const rest = n - rowStart;
    if (b === chunk) {
      if (this.work.length < rest) this.work = new Uint8Array(Math.max(rest, 2 * this.work.length, 1024));
      this.work.set(chunk.subarray(rowStart));
    } else this.work.copyWithin(0, rowStart, n);
    this.carried = rest;
    const view = this.view;
    for (let k = 0; k < view.count; k++) {
      view.starts[k] -= rowStart;
      view.ends[k] -= rowStart;
    }
    this.fieldStart = fieldStart - rowStart;
  }
}

/**
 * A streaming RFC 4180 reader giving each row's fields as text (CsvScanner's rules). Feed it
 * chunks with `push`, then call `end`.
 * @example const rows: string[][] = []; const csv = new CsvParser((fields) => rows.push(fields)); csv.push(new TextEncoder().encode('a,"b,c"\n')); csv.end(); // rows: [["a", "b,c"]]
 */
export class CsvParser {
  private readonly scanner: CsvScanner;

  constructor(onRow: CsvRowHandler) {
    this.scanner = new CsvScanner((row) => onRow(row.texts(), row.line, row.badQuoting));
  }

  /** Reads one chunk of the file; rows it completes go to the handler. */
  push(chunk: Uint8Array): void {
    this.scanner.push(chunk);
  }

  /** Ends the input: the last row, even without a line break, goes to the handler; an open quote is an error. */
  end(): void {
    this.scanner.end();
  }
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const both = new Uint8Array(first.length + second.length);
  both.set(first, 0);
  both.set(second, first.length);
  return both;
}

/** One parsed row and the line it starts on. */
export interface CsvRow {
  readonly fields: string[];
  readonly line: number;
  readonly badQuoting: boolean;
}

/**
 * Every row of a whole CSV text, for input already in memory.
 * @example parseCsv([new TextEncoder().encode("a,b\r\n1,2")]) // [{ fields: ["a","b"], line: 1, badQuoting: false }, { fields: ["1","2"], line: 2, badQuoting: false }]
 */
export function parseCsv(chunks: Iterable<Uint8Array>): CsvRow[] {
  const rows: CsvRow[] = [];
  const parser = new CsvParser((fields, line, badQuoting) => rows.push({ fields, line, badQuoting }));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

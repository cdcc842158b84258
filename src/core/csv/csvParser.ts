import { CaseRateInputError } from "../errors";
import { textOfBytes } from "./textOfBytes";

/**
 * A streaming RFC 4180 reader: UTF-8 bytes in, in chunks cut anywhere, rows out. Pure (no I/O), so
 * the command line's Node stream and the pane's File feed it alike. It scans bytes (every byte that
 * matters to CSV is ASCII, so UTF-8 needs no decoding to be split) and decodes each field once.
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
 * Feed it chunks with `push`, then call `end`. Line breaks are CRLF, LF or a lone CR; blank lines
 * are not rows; a BOM at the start is dropped. A row whose quoting breaks RFC 4180 (`ab"c`,
 * `"x"y`) keeps that field's raw text and is marked, for the caller to refuse.
 * @example const rows: string[][] = []; const csv = new CsvParser((fields) => rows.push(fields)); csv.push(new TextEncoder().encode('a,"b,c"\n')); csv.end(); // rows: [["a", "b,c"]]
 */
export class CsvParser {
  private state: At = At.RowStart;
  private fields: string[] = [];
  /** The bytes of the field the last chunk ended inside (from its first byte, quote included). */
  private carry: Uint8Array = new Uint8Array(0);
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

  constructor(private readonly onRow: CsvRowHandler) {}

  /** Reads one chunk of the file; rows it completes go to the handler. */
  push(chunk: Uint8Array): void {
    let bytes = chunk;
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
    const bytes = this.carry;
    switch (this.state) {
      case At.Quoted:
        throw new CaseRateInputError(
          `line ${this.quoteLine}`,
          "wrong-type",
          `line ${this.quoteLine}: a quoted field is never closed (no closing " before the end of the file).`,
        );
      case At.FieldStart:
      case At.Unquoted:
        this.fields.push(this.text(bytes, 0, bytes.length));
        this.emit();
        break;
      case At.QuoteInQuoted:
        this.fields.push(this.text(bytes, 1, bytes.length - 1));
        this.emit();
        break;
      default:
    }
    this.state = At.RowStart;
    this.carry = new Uint8Array(0);
  }

  /** The field `bytes[from, to)` as text: "" unescaped, UTF-8 checked. */
  private text(bytes: Uint8Array, from: number, to: number): string {
    let text: string;
    try {
      text = textOfBytes(bytes, from, to, this.high);
    } catch {
      throw new CaseRateInputError(
        `line ${this.line}`,
        "wrong-type",
        `line ${this.line}: the file is not UTF-8 text (save it as CSV UTF-8).`,
      );
    }
    if (this.escaped) text = text.replace(/""/g, '"');
    this.high = false;
    this.escaped = false;
    return text;
  }

  private emit(): void {
    const fields = this.fields;
    const bad = this.badQuoting;
    this.fields = [];
    this.badQuoting = false;
    this.onRow(fields, this.rowLine, bad);
  }

  /**
   * Scans the carried field's bytes and the new chunk. The hot loop is the unquoted field's: one
   * comparison for most bytes. Line breaks are counted in quoted text too.
   */
  private scan(chunk: Uint8Array): void {
    const resume = this.carry.length;
    const b = resume === 0 ? chunk : concat(this.carry, chunk);
    const n = b.length;
    let i = resume;
    let fieldStart = 0;
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
        this.line = line;
        this.fields.push(this.text(b, fieldStart, i));
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
        this.line = line;
        this.fields.push(this.text(b, fieldStart + 1, i - 1));
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
    const inField = state === At.Unquoted || state === At.Quoted || state === At.QuoteInQuoted;
    // Copied: the caller may reuse the chunk's memory once push returns.
    this.carry = inField ? b.slice(fieldStart) : new Uint8Array(0);
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

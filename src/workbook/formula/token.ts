/**
 * The tokens of an Excel formula, as the one tokenizer (tokenize.ts) reads them. Every token keeps
 * where it stands in the formula (`start`, `end`) and its text as written, so a reader can rewrite
 * a formula around its tokens.
 */

/** One corner of a cell reference: D5 is row 5, column 4; "$" marks an absolute row or column. */
export interface CellCorner {
  readonly row: number;
  readonly column: number;
  readonly rowAbsolute: boolean;
  readonly columnAbsolute: boolean;
}

/** An operator: arithmetic, text join, comparison, percent, or ":" between non-cell operands. */
export type Operator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=" | "%" | ":";

/** Brackets and separators: call and array brackets, argument or column "," and array row ";". */
export type Punctuation = "(" | ")" | "{" | "}" | "," | ";";

interface Span {
  /** Index of the token's first character in the formula. */
  readonly start: number;
  /** Index just past the token. */
  readonly end: number;
  /** The token as written (formula.slice(start, end)). */
  readonly text: string;
}

/** A sheet prefix as written before "!", unquoted ("Case Rates" for 'Case Rates'!); absent when none. */
interface OnSheet {
  readonly sheet?: string;
}

export type Token = Span &
  (
    | { readonly kind: "number"; readonly value: number }
    /** A text constant; `closed` is false when the formula ends before its closing quote. */
    | { readonly kind: "string"; readonly value: string; readonly closed: boolean }
    | { readonly kind: "boolean"; readonly value: boolean }
    | { readonly kind: "error"; readonly code: string }
    /** A cell (D5) or a range of cells (D5:G9); `to` is absent for a single cell. */
    | (OnSheet & { readonly kind: "reference"; readonly from: CellCorner; readonly to?: CellCorner })
    /** Whole rows, such as 5:5 or $5:$9. */
    | (OnSheet & { readonly kind: "rows"; readonly from: number; readonly to: number })
    /** Whole columns, such as D:D or $D:$G (columns as numbers). */
    | (OnSheet & { readonly kind: "columns"; readonly from: number; readonly to: number })
    /** A function's name, written just before its "(" (which is the next token). */
    | { readonly kind: "function"; readonly name: string }
    /** A defined name, such as PenetrationRate. */
    | (OnSheet & { readonly kind: "name"; readonly name: string })
    | { readonly kind: "operator"; readonly operator: Operator }
    | { readonly kind: "punctuation"; readonly char: Punctuation }
    /** A character the tokenizer does not read (such as a quote that opens no sheet name). */
    | { readonly kind: "unknown" }
  );

/** The token of a kind, e.g. TokenOf<"reference">. */
export type TokenOf<K extends Token["kind"]> = Extract<Token, { kind: K }>;

import { type CellValue, type ExcelError, isError, VALUE } from "./values";

/**
 * Excel's rules for turning one kind of value into another, and for ordering values: the one place
 * the calculation decides what a blank, a text or a boolean means where a number is wanted.
 */

/** A value in arithmetic: a blank is 0, TRUE is 1, text "12" is 12 and "abc" is #VALUE!. */
export function toNumber(v: CellValue): number | ExcelError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isError(v)) return v;
  const trimmed = v.trim();
  if (trimmed === "" || !Number.isFinite(Number(trimmed))) return VALUE;
  return Number(trimmed);
}

/** A value as a logical test: a blank is FALSE, a number is TRUE unless 0, text only "TRUE"/"FALSE". */
export function toBoolean(v: CellValue): boolean | ExcelError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (isError(v)) return v;
  const upper = v.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return VALUE;
}

/** A value joined as text (&): a blank is "", TRUE is "TRUE", a number as JavaScript writes it. */
export function toText(v: CellValue): string | ExcelError {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return v;
}

/** Excel's ordering across types: numbers < text < booleans; text compares without regard to case. */
export function compare(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  // A blank compares as 0, "" or FALSE, whichever the other side is.
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  // Numbers that differ only in the last bits are equal, as in Excel and LibreOffice (approxEqual):
  // a case mix summing to 0.9999999999999999 is 1.
  if (Math.abs(x - y) <= Math.max(Math.abs(x), Math.abs(y)) * 2 ** -48) return 0;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The outcome of a comparison operator, given compare()'s answer. */
export function compared(op: string, c: number): boolean {
  return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] as boolean;
}

import type { CsvRowView } from "../csv/csvRow";
import type { ColumnIndexes } from "./columns";
import { dayNumber } from "./dayNumber";

/** A service row's values that are numbers, read and checked (its texts are the caller's to number). */
export interface EncounterValues {
  /** Whole days since 1970-01-01. */
  day: number;
  minutes: number;
  /** 0 without an amount column. */
  amount: number;
}

/** Why rows are refused, in the words `history.rejected[].reason` uses (the default column names). */
export const REJECTION = {
  fieldCount: "wrong number of fields",
  quoting: "a quote out of place (RFC 4180)",
  clientId: "client_id is empty",
  level: "level is empty",
  date: "service_date is not a date YYYY-MM-DD",
  code: "service_code is empty",
  minutesNotNumber: "minutes is not a number",
  minutesNotPositive: "minutes is not above 0",
  amountBlank: "amount is blank",
  amountNotNumber: "amount is not a number",
  amountNegative: "amount is negative",
} as const;

/** Rows refused for one reason: how many, and the first one's line (the header is line 1). */
export interface RejectedRows {
  readonly reason: string;
  readonly count: number;
  readonly firstLine: number;
}

/** What a clinician type left blank is called in the clinician mix. */
export const BLANK_CLINICIAN = "(blank)";

/** A plain decimal: digits with an optional sign and point; no exponent, hex, spaces or thousands separators. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Exact powers of ten: an integer below 2^53 divided by one is the correctly rounded decimal. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of bytes[from, to) when they are 1 to 15 digits with at most one point, read as
 * digits ÷ 10^k (both exact, so the quotient is the correctly rounded value, as Number gives);
 * NaN for anything else, which `decimalOfText` then decides. Reading the extract's numbers is a
 * large part of reading the extract.
 * @example plainDecimal(new TextEncoder().encode("30.0"), 0, 4) // 30
 */
export function plainDecimal(bytes: Uint8Array, from: number, to: number): number {
  let digits = 0;
  let count = 0;
  let point = -1;
  for (let i = from; i < to; i++) {
    const c = bytes[i] - 48;
    if (c >= 0 && c <= 9) {
      digits = digits * 10 + c;
      count++;
    } else if (c === -2 && point < 0)
      point = i; // "."
    else return NaN;
  }
  if (count === 0 || count > 15) return NaN;
  return point < 0 ? digits : digits / POWERS_OF_TEN[to - 1 - point];
}

/** The value of a plain decimal's text (a sign, more than 15 digits), NaN for anything else. */
function decimalOfText(text: string): number {
  return DECIMAL.test(text) ? Number(text) : NaN;
}

/** Field k of the row as a plain decimal, NaN if it is not one. */
function decimalField(row: CsvRowView, k: number): number {
  const value = plainDecimal(row.bytes, row.starts[k], row.ends[k]);
  return Number.isNaN(value) ? decimalOfText(row.text(k)) : value;
}

/**
 * Checks one data row by the header's column positions and reads its numbers into `values`:
 * undefined, or the reason it is refused (the first check it fails, in column order, so a row
 * is counted once). Its texts are left as bytes for the caller to number.
 * @example readEncounter(row, { client_id: 0, level: 1, service_date: 2, service_code: 3, clinician_type: -1, minutes: 4, amount: -1 }, 5, values) // undefined for "1,A,2025-01-02,90834,45", values { day: 20090, minutes: 45, amount: 0 }
 */
export function readEncounter(
  row: CsvRowView,
  columns: ColumnIndexes,
  width: number,
  values: EncounterValues,
): string | undefined {
  if (row.count !== width) return REJECTION.fieldCount;
  if (row.badQuoting) return REJECTION.quoting;
  if (row.byteLength(columns.client_id) === 0) return REJECTION.clientId;
  if (row.byteLength(columns.level) === 0) return REJECTION.level;
  const date = columns.service_date;
  const day = dayNumber(row.bytes, row.starts[date], row.ends[date]);
  if (day === undefined) return REJECTION.date;
  if (row.byteLength(columns.service_code) === 0) return REJECTION.code;
  const minutes = decimalField(row, columns.minutes);
  if (Number.isNaN(minutes)) return REJECTION.minutesNotNumber;
  if (!(minutes > 0)) return REJECTION.minutesNotPositive;
  let amount = 0;
  if (columns.amount >= 0) {
    const k = columns.amount;
    amount = plainDecimal(row.bytes, row.starts[k], row.ends[k]);
    if (Number.isNaN(amount)) {
      const text = row.text(k);
      if (text.trim() === "") return REJECTION.amountBlank;
      amount = decimalOfText(text);
      if (Number.isNaN(amount)) return REJECTION.amountNotNumber;
    }
    if (amount < 0) return REJECTION.amountNegative;
  }
  values.day = day;
  values.minutes = minutes;
  values.amount = amount;
  return undefined;
}

/** Refused rows counted by reason, each with its first line. */
export class Rejections {
  private readonly byReason = new Map<string, { count: number; firstLine: number }>();
  total = 0;

  add(reason: string, line: number): void {
    const seen = this.byReason.get(reason);
    if (seen === undefined) this.byReason.set(reason, { count: 1, firstLine: line });
    else seen.count++;
    this.total++;
  }

  /** The reasons in the order their first rows came. */
  list(): RejectedRows[] {
    return [...this.byReason.entries()]
      .map(([reason, { count, firstLine }]) => ({ reason, count, firstLine }))
      .sort((a, b) => a.firstLine - b.firstLine);
  }
}

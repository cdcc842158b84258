import type { ColumnIndexes } from "./columns";
import { dayNumber } from "./dayNumber";

/** One service row of the extract, read and checked. */
export interface Encounter {
  readonly clientId: string;
  readonly level: string;
  /** Whole days since 1970-01-01. */
  readonly day: number;
  readonly code: string;
  /** "" without a clinician_type column. */
  readonly clinician: string;
  readonly minutes: number;
  /** 0 without an amount column. */
  readonly amount: number;
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
 * The value of a plain decimal, NaN for anything else. Up to 15 digits it is read here as
 * digits ÷ 10^k (both exact, so the quotient is the correctly rounded value, as Number gives):
 * reading the extract's numbers is a large part of reading the extract.
 */
function decimal(text: string): number {
  const n = text.length;
  let digits = 0;
  let count = 0;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      digits = digits * 10 + c;
      count++;
    } else if (c === -2 && point < 0)
      point = i; // "."
    else return DECIMAL.test(text) ? Number(text) : NaN; // a sign, or not a number at all
  }
  if (count === 0) return NaN;
  if (count > 15) return Number(text);
  return point < 0 ? digits : digits / POWERS_OF_TEN[n - 1 - point];
}

/**
 * Reads one data row by the header's column positions: its values, or the reason it is refused
 * (the first check it fails, in column order, so a row is counted once).
 * @example readEncounter(["1", "A", "2025-01-02", "90834", "45"], { client_id: 0, level: 1, service_date: 2, service_code: 3, clinician_type: -1, minutes: 4, amount: -1 }, 5, false) // { clientId: "1", level: "A", day: 20090, code: "90834", clinician: "", minutes: 45, amount: 0 }
 */
export function readEncounter(
  fields: readonly string[],
  columns: ColumnIndexes,
  width: number,
  badQuoting: boolean,
): Encounter | string {
  if (fields.length !== width) return REJECTION.fieldCount;
  if (badQuoting) return REJECTION.quoting;
  const clientId = fields[columns.client_id];
  if (clientId === "") return REJECTION.clientId;
  const level = fields[columns.level];
  if (level === "") return REJECTION.level;
  const day = dayNumber(fields[columns.service_date]);
  if (day === undefined) return REJECTION.date;
  const code = fields[columns.service_code];
  if (code === "") return REJECTION.code;
  const clinicianText = columns.clinician_type < 0 ? "" : fields[columns.clinician_type];
  const minutes = decimal(fields[columns.minutes]);
  if (Number.isNaN(minutes)) return REJECTION.minutesNotNumber;
  if (!(minutes > 0)) return REJECTION.minutesNotPositive;
  let amount = 0;
  if (columns.amount >= 0) {
    const text = fields[columns.amount];
    if (text.trim() === "") return REJECTION.amountBlank;
    amount = decimal(text);
    if (Number.isNaN(amount)) return REJECTION.amountNotNumber;
    if (amount < 0) return REJECTION.amountNegative;
  }
  const clinician = columns.clinician_type >= 0 && clinicianText === "" ? BLANK_CLINICIAN : clinicianText;
  return { clientId, level, day, code, clinician, minutes, amount };
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

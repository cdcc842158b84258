/**
 * An Excel cell's value as the extract's text, so a range's rows take the CSV's path through the
 * core: dates Excel holds as serial numbers become YYYY-MM-DD, numbers their shortest decimal.
 */

/** Excel's serial number of 1970-01-01 (the 1900 date system). */
const SERIAL_OF_1970 = 25569;

/** Dates already written: an extract's rows share a few hundred days, and a Date costs far more than a lookup. */
const isoDates = new Map<number, string>();
const MAX_REMEMBERED = 100_000;

function isoDateOfSerial(serial: number): string {
  let text = isoDates.get(serial);
  if (text === undefined) {
    text = new Date((serial - SERIAL_OF_1970) * 86_400_000).toISOString().slice(0, 10);
    if (isoDates.size < MAX_REMEMBERED) isoDates.set(serial, text);
  }
  return text;
}

/**
 * A cell's value as text; `isDate` for the service_date column, where a number is Excel's serial
 * date (its time of day, if any, dropped). Text stays as it is, so the core judges it.
 * @example cellText(45658, true) // "2025-01-01"
 * @example cellText(45, false) // "45"
 */
export function cellText(value: unknown, isDate: boolean): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (isDate && Number.isFinite(value) && value >= 1) return isoDateOfSerial(Math.floor(value));
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value === null || value === undefined ? "" : String(value);
}

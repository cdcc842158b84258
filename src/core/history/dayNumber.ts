/**
 * The day number of an ISO date `YYYY-MM-DD` written in bytes[from, to) (whole days since
 * 1970-01-01), or undefined when they are not such a date. Read from the bytes, so an extract's
 * dates cost no string; parsed here: `new Date("2025-02-30")` is 2 March, not an error.
 * @example dayNumber(new TextEncoder().encode("1970-01-02"), 0, 10) // 1
 * @example dayNumber(new TextEncoder().encode("2025-02-29"), 0, 10) // undefined
 */
export function dayNumber(bytes: Uint8Array, from: number, to: number): number | undefined {
  if (to - from !== 10 || bytes[from + 4] !== 45 || bytes[from + 7] !== 45) return undefined;
  const year =
    digit(bytes[from]) * 1000 +
    digit(bytes[from + 1]) * 100 +
    digit(bytes[from + 2]) * 10 +
    digit(bytes[from + 3]);
  const month = digit(bytes[from + 5]) * 10 + digit(bytes[from + 6]);
  const day = digit(bytes[from + 8]) * 10 + digit(bytes[from + 9]);
  // A byte that is not a digit makes its number negative, which the checks below refuse.
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Days from civil (H. Hinnant's algorithm): years counted from March, so the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The digit a byte writes, or -10000 for any other byte (so a number with one is negative). */
function digit(byte: number): number {
  const value = byte - 48;
  return value >= 0 && value <= 9 ? value : -10000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

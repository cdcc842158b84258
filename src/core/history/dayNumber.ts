/**
 * The day number of an ISO date `YYYY-MM-DD` written in bytes[from, to) (whole days since
 * 1970-01-01), or undefined when they are not such a date. Read from the bytes, so an extract's
 * dates cost no string; parsed here: `new Date("2025-02-30")` is 2 March, not an error.
 * @example dayNumber(new TextEncoder().encode("1970-01-02"), 0, 10) // 1
 * @example dayNumber(new TextEncoder().encode("2025-02-29"), 0, 10) // undefined
 */
export function dayNumber(bytes: Uint8Array, from: number, to: number): number | undefined {
  if (to - from !== 10 || bytes[from + 4] !== 45 || bytes[from + 7] !== 45) return undefined;
  const year = digits(bytes, from, from + 4);
  const month = digits(bytes, from + 5, from + 7);
  const day = digits(bytes, from + 8, from + 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Days from civil (H. Hinnant's algorithm): years counted from March, so the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The number written by bytes[from, to) in decimal digits only; -1 if any is not a digit. */
function digits(bytes: Uint8Array, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = bytes[i] - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

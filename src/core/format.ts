/**
 * Numbers as text: the one rounding and the one thousands grouping every figure the program shows
 * goes through (the preview's cells, the audit's sentences, the functions reference, messages).
 */

/** A value's magnitude as decimal digits: |value| = 0.digits × 10^point (digits without leading zeros). */
function decimalDigits(value: number): { digits: string; point: number } {
  // JavaScript prints the shortest decimal that reads back as the value; that is the number shown.
  const [mantissa, exponent = "0"] = Math.abs(value).toString().split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  const all = whole + fraction;
  const leadingZeros = all.length - all.replace(/^0+/, "").length;
  return { digits: all.slice(leadingZeros), point: whole.length + Number(exponent) - leadingZeros };
}

/**
 * The value at exactly `decimals` decimals, rounded half away from zero on the shortest decimal
 * that reads back as it, as LibreOffice displays a cell: 1.005 → "1.01" (toFixed gives "1.00"),
 * 177727.49999999997 → "177727" (adding 1e-9 before rounding gave "177728"). No "-" when it
 * rounds to zero. Not excelRound: Excel's ROUND first trims to 15 significant digits, which makes
 * 177727.49999999997 into 177727.5 and shows "177728", where LibreOffice shows "177727".
 * @example fixedDecimals(12689.6, 2) // "12689.60"
 */
export function fixedDecimals(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const { digits, point } = decimalDigits(value);
  const kept = point + decimals;
  // Digits to keep, with the rounding digit deciding whether the last one goes up.
  let scaled = kept > 0 ? BigInt(digits.slice(0, kept).padEnd(kept, "0")) : 0n;
  if (kept >= 0 && (digits[kept] ?? "0") >= "5") scaled += 1n;
  const text = scaled.toString().padStart(decimals + 1, "0");
  const unsigned = decimals > 0 ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return value < 0 && scaled !== 0n ? `-${unsigned}` : unsigned;
}

/**
 * Groups the whole part of a written number in thousands, leaving sign and decimals as written.
 * @example groupThousands("-24030535.5") // "-24,030,535.5"
 */
export function groupThousands(written: string): string {
  return written.replace(/^(-?)(\d+)/, (_, sign: string, digits: string) => {
    return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  });
}

/**
 * A number with between `min` and `max` decimals (trailing zeros beyond `min` dropped), grouped
 * in thousands unless `grouping` is false.
 * @example decimalText(24030534.585, { max: 2 }) // "24,030,534.59"
 */
export function decimalText(
  value: number,
  { max, min = 0, grouping = true }: { max: number; min?: number; grouping?: boolean },
): string {
  if (!Number.isFinite(value)) return String(value);
  let text = fixedDecimals(value, max);
  const point = text.indexOf(".");
  if (point >= 0) {
    const keep = point + 1 + min;
    const trimmed = text.slice(keep).replace(/0+$/, "");
    text = text.slice(0, keep) + trimmed;
    if (text.endsWith(".")) text = text.slice(0, -1);
  }
  return grouping ? groupThousands(text) : text;
}

/**
 * Formats a number for an error message: up to 4 decimals, no trailing zeros, no grouping. It is
 * the core's message wording (a finance director reads "case_mix sums to 0.97"), not a cell's
 * display, so it groups nothing; its rounding is the one above.
 * @example describeNumber(-1e-300) // "-1e-300"
 */
export function describeNumber(value: number): string {
  // From 1e21 on a message keeps JavaScript's "1e+21" rather than twenty-two digits.
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const text = decimalText(value, { max: 4, grouping: false });
  // A number the 4 decimals would show as 0 keeps 4 significant digits instead (-1e-300, not 0).
  return text === "0" && value !== 0 ? String(Number(value.toPrecision(4))) : text;
}

/** Formats a share for an error message: 0.97 → "97%", 0.3333 → "33.33%". */
export function describePercent(share: number): string {
  return `${describeNumber(share * 100)}%`;
}

/** Longest text a message echoes before cutting it short. */
const ECHOED_TEXT_LENGTH = 40;

/** Quotes text for a one-line message: line breaks and runs of spaces as one space, long text cut with "…". */
export function describeText(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return `"${flat.length > ECHOED_TEXT_LENGTH ? `${flat.slice(0, ECHOED_TEXT_LENGTH)}…` : flat}"`;
}

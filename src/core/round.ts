import { requireFiniteResult } from "./validate";

/**
 * Excel's ROUND: half away from zero at `digits` decimals (negative digits round left of the point).
 * Like Excel it first trims the binary noise below 15 significant digits, so ROUND(1.005, 2) = 1.01
 * although 1.005 is stored as 1.00499999999999989…
 * A non-finite value passes through; a finite one that rounds past the largest number is refused.
 * @example excelRound(1.005, 2) // 1.01
 * @example excelRound(-2.5) // -3
 * @example excelRound(12689.39, -3) // 13000
 */
export function excelRound(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isInteger(digits)) digits = Math.trunc(digits);
  const trimmed = Number(Math.abs(value).toPrecision(15));
  // Near Number.MAX_VALUE the 15-digit form can overflow; such a value has nothing left to trim.
  const significant = Number.isFinite(trimmed) ? trimmed : Math.abs(value);
  // Rounding at or below the 15th significant digit changes nothing, and 10^digits could overflow.
  if (significant === 0 || digits >= 15 - Math.floor(Math.log10(significant))) {
    return Math.sign(value) * significant + 0;
  }
  const scale = 10 ** Math.abs(digits);
  const scaled = digits >= 0 ? significant * scale : significant / scale;
  const roundedScaled = Math.floor(Number(scaled.toPrecision(15)) + 0.5);
  if (roundedScaled === 0) return 0; // also when 10^-digits overflows (0 × Infinity would be NaN)
  // × 10^|digits| can land an ulp off the decimal (1E+300 → 9.999…E+299); trim it back to 15 digits.
  const magnitude = requireFiniteResult(
    "the rounded value",
    digits >= 0 ? roundedScaled / scale : Number((roundedScaled * scale).toPrecision(15)),
    ["the value and its decimals"],
  );
  return Math.sign(value) * magnitude + 0; // + 0 turns -0 into 0, as Excel has no negative zero
}

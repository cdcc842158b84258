/** How far a count computed as a product (consumers × mix) may stray from a whole number and still be it. */
const WHOLE_TOLERANCE = 1e-9;

/**
 * A count computed by multiplying decimals, with its binary rounding dropped: the whole number
 * when within 1e-9 relative of one, else the count unchanged (for fixed frequency to refuse).
 * @example wholeIfRoundingNoise(100 * 0.07) // 7 (the product is 7.000000000000001)
 */
export function wholeIfRoundingNoise(count: number): number {
  const whole = Math.round(count);
  return Math.abs(count - whole) <= WHOLE_TOLERANCE * Math.max(1, Math.abs(count)) ? whole : count;
}

/**
 * Figures read off a distribution on the grid 0, h, 2h, …: quantiles, the tail value at risk and
 * the probability of exceeding an amount.
 */

/** Rounding in the running sum never moves a quantile: F(x) ≥ p − this counts as reaching p. */
export const QUANTILE_TOLERANCE = 1e-12;

/**
 * The index of the smallest grid value whose cumulative probability reaches p, F ≥ p − 1e-12;
 * the top of the grid if none does.
 */
export function quantileIndex(cdf: Float64Array, p: number): number {
  const target = p - QUANTILE_TOLERANCE;
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cdf[middle] >= target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * E[S | S > x_q], the tail value at risk beyond the grid point `index` (x_q = index·h); x_q itself
 * when nothing lies beyond it.
 */
export function tailValueAtRisk(probabilities: Float64Array, h: number, index: number): number {
  let mass = 0;
  let weighted = 0;
  for (let k = probabilities.length - 1; k > index; k--) {
    mass += probabilities[k];
    weighted += k * probabilities[k];
  }
  return mass > 0 ? (weighted / mass) * h : index * h;
}

/** P(S > amount), summed from the top so a small probability keeps its precision. */
export function probabilityAbove(probabilities: Float64Array, h: number, amount: number): number {
  const first = Math.floor(amount / h) + 1;
  let mass = 0;
  for (let k = probabilities.length - 1; k >= Math.max(0, first); k--) mass += probabilities[k];
  return mass;
}

/** max(0, the quantile at `confidence` − budget): the risk reserve, what to hold on top of the budget. */
export function reserveAbove(cdf: Float64Array, h: number, confidence: number, budget: number): number {
  return Math.max(0, quantileIndex(cdf, confidence) * h - budget);
}

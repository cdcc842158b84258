/**
 * Putting a case's cost on the dollar grid 0, h, 2h, … without moving its mean: a point mass is
 * shared between its two neighbours; a continuous law is discretized by the unbiased method
 * (actuar's `discretize(method = "unbiased")`), which keeps E[X] by way of the limited expected
 * value E[min(X, x)].
 */

/** A cost of `dollars` with probability `probability`. */
export interface PointMass {
  readonly dollars: number;
  readonly probability: number;
}

/**
 * Point masses on the grid of step h: a mass at x between jh and (j+1)h goes to j with weight
 * (j+1 − x/h) and to j+1 with weight (x/h − j), so the mean is kept.
 * @example splitPointMasses([{ dollars: 2.5, probability: 1 }], 1) // [0, 0, 0.5, 0.5]
 */
export function splitPointMasses(masses: readonly PointMass[], h: number): Float64Array {
  const top = Math.max(0, ...masses.map((mass) => Math.floor(mass.dollars / h) + 1));
  const grid = new Float64Array(top + 1);
  for (const { dollars, probability } of masses) {
    const position = dollars / h;
    const below = Math.floor(position);
    const upperWeight = position - below;
    grid[below] += probability * (1 - upperWeight);
    grid[below + 1] += probability * upperWeight;
  }
  return trimTrailingZeros(grid);
}

function trimTrailingZeros(grid: Float64Array): Float64Array {
  let length = grid.length;
  while (length > 1 && grid[length - 1] === 0) length--;
  return grid.subarray(0, length);
}

/** What the unbiased method needs of a continuous law of cost (X ≥ 0, P(X = 0) = 0). */
export interface ContinuousCost {
  /** E[min(X, x)], the limited expected value. */
  limitedMean(x: number): number;
}

/**
 * The unbiased discretization on 0, h, …, Jh: f₀ = 1 − E[min(X, h)]/h, interior
 * fⱼ = (2 E[min(X, jh)] − E[min(X, (j−1)h)] − E[min(X, (j+1)h)])/h, and the last point
 * f_J = (E[min(X, Jh)] − E[min(X, (J−1)h)])/h: the law of min(X, Jh), whose mean it keeps
 * exactly. actuar's `discretize` leaves out the mass P(X > Jh) at the last point instead; kept
 * here, the probabilities sum to 1 (with 3,000 cases, 3,000 × 1e-12 would be lost otherwise).
 */
export function discretizeUnbiased(law: ContinuousCost, h: number, lastIndex: number): Float64Array {
  const limited = new Float64Array(lastIndex + 1);
  for (let j = 0; j <= lastIndex; j++) limited[j] = law.limitedMean(j * h);
  const grid = new Float64Array(lastIndex + 1);
  if (lastIndex === 0) {
    grid[0] = 1;
    return grid;
  }
  grid[0] = 1 - (limited[1] - limited[0]) / h;
  for (let j = 1; j < lastIndex; j++) grid[j] = (2 * limited[j] - limited[j - 1] - limited[j + 1]) / h;
  grid[lastIndex] = (limited[lastIndex] - limited[lastIndex - 1]) / h;
  return grid;
}

/**
 * The first grid index j with P(X > jh) < `threshold`, by doubling then bisection (survival
 * falls); a number above `limit` once the search passes it.
 */
export function firstIndexWithSurvivalBelow(
  survival: (x: number) => number,
  h: number,
  threshold: number,
  limit: number,
): number {
  let high = 1;
  while (survival(high * h) >= threshold) {
    if (high > limit) return high;
    high *= 2;
  }
  let low = 0;
  // Invariant: survival(low h) ≥ threshold > survival(high h); survival(0) = 1.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (survival(middle * h) < threshold) high = middle;
    else low = middle;
  }
  return high;
}

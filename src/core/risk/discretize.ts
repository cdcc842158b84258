/**
 * Putting a case's cost on the dollar grid 0, h, 2h, … without moving its mean: a point mass is
 * shared between its two neighbours; a continuous law is discretized by the unbiased method.
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

/** What the unbiased method needs of a continuous law of cost X ≥ 0 with P(X = 0) = 0. */
export interface ContinuousCost {
  /**
   * E[(X − x)⁺], the mean excess over x; small in the tail and computed there from upper tails,
   * so differences of it keep their precision where E[min(X, x)] = E[X] − E[(X − x)⁺] would not.
   */
  excessMean(x: number): number;
}

/**
 * The unbiased discretization on 0, h, …, Jh (actuar's `discretize(method = "unbiased")`, which
 * is written with the limited mean E[min(X, x)] = E[X] − π(x), π the mean excess): with
 * Dⱼ = π((j−1)h) − π(jh), f₀ = 1 − D₁/h, fⱼ = (Dⱼ − Dⱼ₊₁)/h and the last point f_J = D_J/h, the
 * law of min(X, Jh), whose mean it keeps. actuar's last point leaves out P(X > Jh) instead; kept
 * here, the probabilities sum to 1 (with 3,000 cases, 3,000 × 1e-12 would be lost otherwise).
 * Working from π, not from E[min(X, x)] ≈ E[X], avoids a cancellation that leaves ±1e-15 noise
 * (negative probabilities) in a long tail; any rounding below 0 that is left is set to 0.
 */
export function discretizeUnbiased(law: ContinuousCost, h: number, lastIndex: number): Float64Array {
  const grid = new Float64Array(lastIndex + 1);
  if (lastIndex === 0) {
    grid[0] = 1;
    return grid;
  }
  let excessBefore = law.excessMean(0);
  let excess = law.excessMean(h);
  let slice = excessBefore - excess; // D₁
  grid[0] = 1 - slice / h;
  for (let j = 1; j < lastIndex; j++) {
    excessBefore = excess;
    excess = law.excessMean((j + 1) * h);
    const next = excessBefore - excess;
    grid[j] = Math.max(0, (slice - next) / h);
    slice = next;
  }
  grid[lastIndex] = slice / h;
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

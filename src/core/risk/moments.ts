/**
 * Closed forms for the moments of the year's cost from the case costs' first three raw moments,
 * and the normal and Normal-Power approximations built on them.
 */
import { normalQuantile } from "./normalQuantile";

/** Mean, variance and third central moment. */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
  readonly third: number;
}

/**
 * Moments of the cost of `cases` cases with raw moments (E[X], E[X²], E[X³]): for a Poisson count
 * the cumulants are κₙ = λ E[Xⁿ]; for a fixed count n they are n times those of one case.
 */
export function levelYearMoments(
  rawMoments: readonly [number, number, number],
  cases: number,
  frequency: "poisson" | "fixed",
): Moments {
  const [m1, m2, m3] = rawMoments;
  if (frequency === "poisson") return { mean: cases * m1, variance: cases * m2, third: cases * m3 };
  return {
    mean: cases * m1,
    variance: cases * (m2 - m1 * m1),
    third: cases * (m3 - 3 * m1 * m2 + 2 * m1 ** 3),
  };
}

/** Moments of a sum of independent parts: cumulants add. */
export function sumMoments(parts: readonly Moments[]): Moments {
  return parts.reduce(
    (sum, part) => ({
      mean: sum.mean + part.mean,
      variance: sum.variance + part.variance,
      third: sum.third + part.third,
    }),
    { mean: 0, variance: 0, third: 0 },
  );
}

/**
 * Moments of a mixture (the law is partᵢ with probability wᵢ), taken about the overall mean to
 * avoid cancellation: with dᵢ = μᵢ − μ, σ² = Σ wᵢ (σᵢ² + dᵢ²), μ₃ = Σ wᵢ (μ₃ᵢ + 3σᵢ² dᵢ + dᵢ³).
 */
export function mixMoments(weights: readonly number[], parts: readonly Moments[]): Moments {
  const mean = parts.reduce((sum, part, i) => sum + weights[i] * part.mean, 0);
  let variance = 0;
  let third = 0;
  parts.forEach((part, i) => {
    const d = part.mean - mean;
    variance += weights[i] * (part.variance + d * d);
    third += weights[i] * (part.third + 3 * part.variance * d + d ** 3);
  });
  return { mean, variance, third };
}

/** γ = μ₃ / σ³, the skewness (0 when there is no spread). */
export function skewness(moments: Moments): number {
  return moments.variance > 0 ? moments.third / moments.variance ** 1.5 : 0;
}

/**
 * The normal approximation's quantile μ + σz and the Normal-Power one μ + σ(z + γ(z² − 1)/6),
 * z = Φ⁻¹(p).
 * @example approximateQuantiles({ mean: 0, variance: 1, third: 0 }, 0.95).normal // 1.64485362695147…
 */
export function approximateQuantiles(moments: Moments, p: number): { normal: number; normalPower: number } {
  const z = normalQuantile(p);
  const sigma = Math.sqrt(moments.variance);
  const gamma = skewness(moments);
  return {
    normal: moments.mean + sigma * z,
    normalPower: moments.mean + sigma * (z + (gamma * (z * z - 1)) / 6),
  };
}

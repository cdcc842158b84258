import {
  type ContinuousCost,
  type PointMass,
  discretizeUnbiased,
  firstIndexWithSurvivalBelow,
  splitPointMasses,
} from "./discretize";
import type { RiskLevel } from "./inputs";
import type { Sampler } from "./samplers";
import { incompleteGamma, normalSurvival } from "./specialFunctions";
import { CaseRateInputError } from "../errors";
import { describeNumber } from "../format";

/** A continuous law is discretized up to the first grid point where P(X > x) < this. */
export const SURVIVAL_CUTOFF = 1e-12;

/** Most points a distribution on the grid may take (4,194,304: 32 MB of doubles). */
export const MAX_GRID_POINTS = 1 << 22;

/** Refuses a grid longer than MAX_GRID_POINTS, in words a user can act on. */
export function requireGridPoints(points: number, what: string, gridHours: number): void {
  if (points > MAX_GRID_POINTS) {
    throw new CaseRateInputError(
      "risk gridHours",
      "grid-too-long",
      `risk gridHours: ${what} would need about ${Math.ceil(points).toLocaleString("en-US")} grid points at ${describeNumber(gridHours)} hours a step, more than ${MAX_GRID_POINTS.toLocaleString("en-US")}; use a larger gridHours.`,
    );
  }
}

/** How a level's case cost spreads: "none" (every case at its average), cohorts, or a family. */
export type Spread = "none" | "cohorts" | "gamma" | "lognormal";

/** The law of one case's cost in dollars at one level. */
export interface CaseCostLaw extends ContinuousCost {
  readonly spread: Spread;
  readonly mean: number;
  /** E[X], E[X²], E[X³]. */
  readonly rawMoments: readonly [number, number, number];
  /** P(X > x). */
  survival(x: number): number;
  /** Point masses for "none" and "cohorts"; empty for a continuous family. */
  readonly masses: readonly PointMass[];
  /** One simulated case cost. */
  draw(sampler: Sampler): number;
}

function discreteLaw(spread: Spread, masses: PointMass[]): CaseCostLaw {
  const moment = (n: number) => masses.reduce((sum, m) => sum + m.probability * m.dollars ** n, 0);
  let running = 0;
  const cdf = masses.map((m) => (running += m.probability));
  const last = masses.length - 1;
  return {
    // Inversion: the first mass whose cumulative probability reaches u (the last if rounding left
    // u above them all), found by bisection: a history's 1-hour bins make hundreds of masses.
    draw: (sampler) => {
      if (last === 0) return masses[0].dollars;
      const u = sampler.uniform();
      let low = 0;
      let high = last;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (u > cdf[middle]) low = middle + 1;
        else high = middle;
      }
      return masses[low].dollars;
    },
    spread,
    mean: moment(1),
    rawMoments: [moment(1), moment(2), moment(3)],
    masses,
    survival: (x) => masses.reduce((sum, m) => sum + (m.dollars > x ? m.probability : 0), 0),
    excessMean: (x) => masses.reduce((sum, m) => sum + m.probability * Math.max(0, m.dollars - x), 0),
  };
}

/** Gamma with mean μ and coefficient of variation cv: shape 1/cv², scale μ cv². */
function gammaLaw(mean: number, cv: number): CaseCostLaw {
  const shape = 1 / (cv * cv);
  const scale = mean / shape;
  const c2 = 1 + cv * cv;
  return {
    draw: (sampler) => scale * sampler.gamma(shape),
    spread: "gamma",
    mean,
    rawMoments: [mean, mean ** 2 * c2, mean ** 3 * c2 * (1 + 2 * cv * cv)],
    masses: [],
    survival: (x) => incompleteGamma(shape, x / scale).upper,
    // E[(X − x)⁺] = μ Q(a + 1, x/θ) − x Q(a, x/θ)
    excessMean: (x) =>
      x <= 0
        ? mean - x
        : mean * incompleteGamma(shape + 1, x / scale).upper - x * incompleteGamma(shape, x / scale).upper,
  };
}

/** Lognormal with mean μ and coefficient of variation cv: σ² = ln(1 + cv²), m = ln μ − σ²/2. */
function lognormalLaw(mean: number, cv: number): CaseCostLaw {
  const c2 = 1 + cv * cv;
  const sigma = Math.sqrt(Math.log(c2));
  const location = Math.log(mean) - (sigma * sigma) / 2;
  const z = (x: number) => (Math.log(x) - location) / sigma;
  return {
    draw: (sampler) => Math.exp(location + sigma * sampler.normal()),
    spread: "lognormal",
    mean,
    rawMoments: [mean, mean ** 2 * c2, mean ** 3 * c2 ** 3],
    masses: [],
    survival: (x) => (x <= 0 ? 1 : normalSurvival(z(x))),
    // E[(X − x)⁺] = μ (1 − Φ(z − σ)) − x (1 − Φ(z))
    excessMean: (x) => (x <= 0 ? mean - x : mean * normalSurvival(z(x) - sigma) - x * normalSurvival(z(x))),
  };
}

/**
 * The law of one case's cost (hours × the level's rate per hour) from the level's hours
 * distribution; a level without one has every case at its average hours.
 */
export function caseCostLaw(level: RiskLevel): CaseCostLaw {
  const rate = level.ratePerHour;
  const distribution = level.hoursDistribution;
  if (distribution === undefined) {
    return discreteLaw("none", [{ dollars: level.averageHours * rate, probability: 1 }]);
  }
  if ("cohorts" in distribution) {
    const episodes = distribution.cohorts.reduce((sum, cohort) => sum + cohort.episodes, 0);
    return discreteLaw(
      "cohorts",
      distribution.cohorts
        .filter((cohort) => cohort.episodes > 0)
        .map((cohort) => ({ dollars: cohort.averageHours * rate, probability: cohort.episodes / episodes })),
    );
  }
  const mean = level.averageHours * rate;
  return distribution.family === "gamma"
    ? gammaLaw(mean, distribution.cv)
    : lognormalLaw(mean, distribution.cv);
}

/**
 * The case cost's probabilities on the grid 0, h, 2h, … (h = gridHours × the model's rate): point
 * masses shared between neighbours, a continuous family discretized (unbiased) up to the first
 * grid point with survival < 1e-12. `what` names the level in the message when the grid is too long.
 */
export function caseCostOnGrid(law: CaseCostLaw, h: number, gridHours: number, what: string): Float64Array {
  if (law.masses.length > 0) {
    requireGridPoints(Math.max(...law.masses.map((mass) => mass.dollars)) / h, what, gridHours);
    return splitPointMasses(law.masses, h);
  }
  const last = firstIndexWithSurvivalBelow(law.survival, h, SURVIVAL_CUTOFF, MAX_GRID_POINTS);
  requireGridPoints(last, what, gridHours);
  return discretizeUnbiased(law, h, last);
}

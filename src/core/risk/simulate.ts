import { caseCostLaw } from "./caseCost";
import { Xoshiro128 } from "./prng";
import { Sampler } from "./samplers";
import type { ValidRiskInput } from "./inputs";

/** Simulated years of cost, sorted, and how many cases they drew. */
export interface SimulatedYears {
  /** The years' costs in increasing order. */
  readonly sortedCosts: Float64Array;
  readonly cases: number;
}

/** What a simulation shows each simulated year: its cases one by one, then the year's end. */
export interface SimulatedYearVisitor {
  /** One case of the level at `levelIndex` (in the input's order) and its cost. */
  visitCase(levelIndex: number, cost: number): void;
  /** The year `year` (0-based) has drawn all its cases. */
  endYear(year: number): void;
}

/**
 * Runs the seeded simulation of `simulationYears` years, showing `visitor` each case: each year a
 * scenario by its weight, then per level the count (Poisson or fixed) and each case's cost drawn
 * from the level's law. Returns how many cases it drew.
 */
export function simulateCases(input: ValidRiskInput, visitor: SimulatedYearVisitor): number {
  const sampler = new Sampler(Xoshiro128.fromSeed(input.seed));
  const laws = input.levels.map(caseCostLaw);
  let running = 0;
  const scenarioCdf = input.scenarios.map((scenario) => (running += scenario.weight));
  const lastScenario = input.scenarios.length - 1;
  let cases = 0;
  for (let year = 0; year < input.simulationYears; year++) {
    let s = 0;
    if (lastScenario > 0) {
      const u = sampler.uniform();
      while (s < lastScenario && u > scenarioCdf[s]) s++;
    }
    const expected = input.scenarios[s].expectedCases;
    laws.forEach((law, i) => {
      const count = input.frequency === "fixed" ? expected[i] : sampler.poisson(expected[i]);
      cases += count;
      for (let c = 0; c < count; c++) visitor.visitCase(i, law.draw(sampler));
    });
    visitor.endYear(year);
  }
  return cases;
}

/** Simulates the years (simulateCases) and sums each year's cost. */
export function simulateYears(input: ValidRiskInput): SimulatedYears {
  const costs = new Float64Array(input.simulationYears);
  let cost = 0;
  const cases = simulateCases(input, {
    visitCase: (_, caseCost) => {
      cost += caseCost;
    },
    endYear: (year) => {
      costs[year] = cost;
      cost = 0;
    },
  });
  return { sortedCosts: costs.sort(), cases };
}

/** Mean and standard error (sample standard deviation ÷ √n) of simulated costs. */
export function simulatedMean(costs: Float64Array): { mean: number; standardError: number } {
  const n = costs.length;
  const mean = costs.reduce((sum, cost) => sum + cost, 0) / n;
  const squares = costs.reduce((sum, cost) => sum + (cost - mean) ** 2, 0);
  return { mean, standardError: n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0 };
}

/** The 1-based rank ⌈p·n⌉ (p·n first rounded to 1e-9, so 0.95 × 10,000 is 9,500), within 1…n. */
function rank(p: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil(Math.round(p * n * 1e9) / 1e9)));
}

/**
 * The simulated quantile, the order statistic at rank ⌈p·n⌉, and its three-standard-error range:
 * the order statistics at ranks np ∓ 3√(np(1 − p)) (the binomial law of how many years fall below
 * the true quantile).
 */
export function simulatedQuantile(
  sortedCosts: Float64Array,
  p: number,
): { value: number; low: number; high: number } {
  const n = sortedCosts.length;
  const spread = 3 * Math.sqrt(n * p * (1 - p));
  return {
    value: sortedCosts[rank(p, n) - 1],
    low: sortedCosts[Math.max(1, Math.floor(n * p - spread)) - 1],
    high: sortedCosts[Math.min(n, Math.ceil(n * p + spread)) - 1],
  };
}

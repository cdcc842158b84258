import { type Spread, caseCostLaw } from "./caseCost";
import { type YearCostDistribution, exactDistribution } from "./aggregate";
import { cumulative } from "./gridVector";
import { type RiskInput, type ValidRiskInput, validateRiskInput } from "./inputs";
import {
  type Moments,
  approximateQuantiles,
  levelYearMoments,
  mixMoments,
  skewness,
  sumMoments,
} from "./moments";
import { probabilityAbove, quantileIndex, reserveAbove, tailValueAtRisk } from "./quantiles";
import { simulateYears, simulatedMean, simulatedQuantile } from "./simulate";

/** The probabilities quantiles are reported at (with the confidence added when it is not one). */
export const RISK_QUANTILES: readonly number[] = [0.5, 0.75, 0.9, 0.95, 0.99, 0.995];

/** Figures keyed by probability as text: "0.5", "0.95", "0.995". */
export type ByProbability = Record<string, number>;

/** One level's share of the risk. */
export interface LevelRisk {
  readonly id: string;
  readonly spread: Spread;
  /** Expected cases in the year (weighted over the scenarios). */
  readonly expectedCases: number;
  /** averageHours × ratePerHour: what the budget pays per case. */
  readonly caseRate: number;
  readonly averageHours: number;
  /** The mean hours of the level's distribution; differs from averageHours for a cohort table. */
  readonly averageHoursOfDistribution: number;
  /** Mean and standard deviation of the level's cost in the year. */
  readonly expectedCost: number;
  readonly standardDeviation: number;
  /** P(a case costs more than the case rate). */
  readonly shareOfCasesOverRate: number;
  /** E[(cost of a case − case rate)⁺]: what the costly minority takes beyond the rate, per case. */
  readonly expectedExcessPerCase: number;
}

/** The exact figures of the year's cost S. */
export interface ExactRisk {
  readonly budget: number;
  readonly confidence: number;
  readonly frequency: "poisson" | "fixed";
  readonly gridDollars: number;
  /** Closed forms from the case costs' moments. */
  readonly expectedCost: number;
  readonly standardDeviation: number;
  readonly skewness: number;
  /** Smallest grid value whose cumulative probability reaches p. */
  readonly quantiles: ByProbability;
  /** E[S | S > quantile]. */
  readonly tailValueAtRisk: ByProbability;
  /** max(0, quantile at the confidence − budget): what to hold on top of the budget. */
  readonly riskReserve: number;
  /** P(S > budget). */
  readonly probabilityOverBudget: number;
  readonly approximations: { readonly normal: ByProbability; readonly normalPower: ByProbability };
  readonly levels: readonly LevelRisk[];
  readonly distribution: YearCostDistribution;
}

/** The seeded simulation's figures, a cross-check on the exact ones. */
export interface SimulationRisk {
  readonly years: number;
  readonly seed: number;
  /** Cases drawn over all years (for a speed in cases per second). */
  readonly cases: number;
  readonly expectedCost: number;
  readonly standardError: number;
  /** The order statistic at rank ⌈p·n⌉. */
  readonly quantiles: ByProbability;
  /** Per probability, the order statistics three binomial standard errors either side. */
  readonly quantileRanges: Readonly<Record<string, { readonly low: number; readonly high: number }>>;
}

/** The exact figures and the simulation. */
export interface RiskOfYear extends ExactRisk {
  readonly simulation: SimulationRisk;
}

function probabilities(confidence: number): number[] {
  return [...new Set([...RISK_QUANTILES, confidence])].sort((a, b) => a - b);
}

function byProbability(ps: readonly number[], figure: (p: number) => number): ByProbability {
  return Object.fromEntries(ps.map((p) => [String(p), figure(p)]));
}

/** The year's moments and each level's, mixed over the scenarios. */
function yearMoments(input: ValidRiskInput): { year: Moments; levels: Moments[] } {
  const laws = input.levels.map(caseCostLaw);
  const weights = input.scenarios.map((scenario) => scenario.weight);
  const perScenario = input.scenarios.map((scenario) =>
    laws.map((law, i) => levelYearMoments(law.rawMoments, scenario.expectedCases[i], input.frequency)),
  );
  return {
    year: mixMoments(weights, perScenario.map(sumMoments)),
    levels: laws.map((_, i) =>
      mixMoments(
        weights,
        perScenario.map((levels) => levels[i]),
      ),
    ),
  };
}

function levelRisks(input: ValidRiskInput, moments: Moments[]): LevelRisk[] {
  return input.levels.map((level, i) => {
    const law = caseCostLaw(level);
    const caseRate = level.averageHours * level.ratePerHour;
    return {
      id: level.id,
      spread: law.spread,
      expectedCases: input.scenarios.reduce((sum, s) => sum + s.weight * s.expectedCases[i], 0),
      caseRate,
      averageHours: level.averageHours,
      averageHoursOfDistribution: law.mean / level.ratePerHour,
      expectedCost: moments[i].mean,
      standardDeviation: Math.sqrt(moments[i].variance),
      shareOfCasesOverRate: law.survival(caseRate),
      expectedExcessPerCase: law.excessMean(caseRate),
    };
  });
}

/**
 * The exact distribution of the year's cost and every figure read from it: quantiles, tail value
 * at risk, the risk reserve at the confidence, P(S > budget), the closed-form moments with the
 * normal and Normal-Power quantiles, and each level's share. No simulation.
 */
export function exactRisk(input: RiskInput): ExactRisk {
  return exactRiskOf(validateRiskInput(input));
}

function exactRiskOf(input: ValidRiskInput): ExactRisk {
  const distribution = exactDistribution(input);
  const h = distribution.gridDollars;
  const cdf = cumulative(distribution.probabilities);
  const moments = yearMoments(input);
  const ps = probabilities(input.confidence);
  const index = (p: number) => quantileIndex(cdf, p);
  return {
    budget: input.budget,
    confidence: input.confidence,
    frequency: input.frequency,
    gridDollars: h,
    expectedCost: moments.year.mean,
    standardDeviation: Math.sqrt(moments.year.variance),
    skewness: skewness(moments.year),
    quantiles: byProbability(ps, (p) => index(p) * h),
    tailValueAtRisk: byProbability(ps, (p) => tailValueAtRisk(distribution.probabilities, h, index(p))),
    riskReserve: reserveAbove(cdf, h, input.confidence, input.budget),
    probabilityOverBudget: probabilityAbove(distribution.probabilities, h, input.budget),
    approximations: {
      normal: byProbability(ps, (p) => approximateQuantiles(moments.year, p).normal),
      normalPower: byProbability(ps, (p) => approximateQuantiles(moments.year, p).normalPower),
    },
    levels: levelRisks(input, moments.levels),
    distribution,
  };
}

/**
 * Everything `exactRisk` gives, and the seeded simulation of `simulationYears` years as a
 * cross-check (its mean with a standard error, its quantiles with three-standard-error ranges).
 * @example riskOfYear(TOOLKIT_RISK_INPUT).riskReserve // about $1.04 million on the $24.03 million budget
 */
export function riskOfYear(input: RiskInput): RiskOfYear {
  const valid = validateRiskInput(input);
  const simulated = simulateYears(valid);
  const { mean, standardError } = simulatedMean(simulated.sortedCosts);
  const ps = probabilities(valid.confidence);
  const quantiles = ps.map((p) => simulatedQuantile(simulated.sortedCosts, p));
  return {
    ...exactRiskOf(valid),
    simulation: {
      years: valid.simulationYears,
      seed: valid.seed,
      cases: simulated.cases,
      expectedCost: mean,
      standardError,
      quantiles: byProbability(ps, (p) => quantiles[ps.indexOf(p)].value),
      quantileRanges: Object.fromEntries(
        ps.map((p, i) => [String(p), { low: quantiles[i].low, high: quantiles[i].high }]),
      ),
    },
  };
}

import { casesPerLevel } from "../caseMix";
import { CaseRateInputError } from "../errors";
import { describeNumber } from "../format";
import { requireNonNegative, requirePositive } from "../validate";
import type { HoursDistribution } from "./inputs";
import { type ByProbability, exactRisk } from "./riskOfYear";
import { wholeIfRoundingNoise } from "./wholeCount";

/** One level of the provider's year: its consumers and the level's hours. */
export interface ProviderRiskLevel {
  readonly id: string;
  /** Consumers at this level (consumers × the provider's mix): a whole number. */
  readonly consumers: number;
  readonly averageHours: number;
  readonly hoursDistribution?: HoursDistribution;
}

/**
 * The provider's levels: its consumers a year by its mix (casesPerLevel, which checks the mix),
 * each level with its hours per consumer and spread, in the levels' order.
 * @example providerRiskLevels(1000, [0.2, 0.8], [{ id: "A", averageHours: 10 }, { id: "B", averageHours: 30 }])[1].consumers // 800
 */
export function providerRiskLevels(
  consumers: number,
  mix: readonly number[],
  levels: readonly Omit<ProviderRiskLevel, "consumers">[],
): ProviderRiskLevel[] {
  const counts = casesPerLevel(
    consumers,
    mix,
    levels.map((level) => level.id),
  );
  return levels.map((level, i) => ({ ...level, consumers: counts[i] }));
}

/** The provider's year: its consumers' hours at the cost of an hour, against its revenue. */
export interface ProviderRiskInput {
  readonly levels: readonly ProviderRiskLevel[];
  /** The staff cost of one direct-service hour, in dollars. */
  readonly directCostPerHour: number;
  /** Other staff, contractors and overhead: the same whatever the hours. */
  readonly fixedCosts: number;
  /** Case-rate revenue plus other revenue. */
  readonly revenue: number;
  readonly confidence?: number;
  readonly gridHours?: number;
}

/** The provider's bet: the distribution of its expense against its revenue. */
export interface ProviderRisk {
  readonly confidence: number;
  readonly gridDollars: number;
  readonly revenue: number;
  readonly fixedCosts: number;
  /** E[Σ hours × directCostPerHour]: the hours' cost. */
  readonly expectedCostOfCare: number;
  /** expectedCostOfCare + fixedCosts. */
  readonly expectedExpense: number;
  /** revenue − expectedExpense. */
  readonly expectedMargin: number;
  /** P(expense > revenue). */
  readonly probabilityOfLoss: number;
  /** Quantiles of the expense (the hours' cost + fixedCosts). */
  readonly quantiles: ByProbability;
  /** max(0, the expense's quantile at the confidence − revenue). */
  readonly reserveToCover: number;
}

/**
 * Consumers at a level as a whole number: binary rounding (370.00000000000006) is dropped, any
 * other fraction is refused, since the provider's risk counts each consumer (fixed frequency).
 */
function wholeConsumers(level: ProviderRiskLevel): number {
  const field = `provider consumers at level ${level.id}`;
  const consumers = wholeIfRoundingNoise(requireNonNegative(field, level.consumers));
  if (!Number.isInteger(consumers)) {
    throw new CaseRateInputError(
      field,
      "not-a-whole-number",
      `${field} (consumers × the provider's case mix) are ${describeNumber(consumers)}; the provider's risk counts whole consumers, so choose consumers and a mix that give a whole number at every level.`,
    );
  }
  return consumers;
}

/**
 * The provider's expense distribution through the core's exact risk: fixed counts, each hour at
 * directCostPerHour, the hours' cost held against revenue − fixedCosts, fixedCosts added back.
 * @example providerRisk({ levels: [{ id: "A", consumers: 10, averageHours: 10 }], directCostPerHour: 100, fixedCosts: 1000, revenue: 12000 }).reserveToCover // 0 (expense is 11,000 for sure)
 */
export function providerRisk(input: ProviderRiskInput): ProviderRisk {
  const costPerHour = requirePositive("provider direct cost per hour", input.directCostPerHour);
  const fixedCosts = requireNonNegative("provider fixed costs", input.fixedCosts);
  const revenue = requireNonNegative("provider revenue", input.revenue);
  const room = revenue - fixedCosts;
  const care = exactRisk({
    levels: input.levels.map((level) => ({
      id: level.id,
      expectedCases: wholeConsumers(level),
      averageHours: level.averageHours,
      ratePerHour: costPerHour,
      ...(level.hoursDistribution === undefined ? {} : { hoursDistribution: level.hoursDistribution }),
    })),
    ratePerHour: costPerHour,
    // Fixed costs above revenue leave no room: every year is a loss.
    budget: Math.max(0, room),
    frequency: "fixed",
    ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
    ...(input.gridHours === undefined ? {} : { gridHours: input.gridHours }),
  });
  const quantiles = Object.fromEntries(
    Object.entries(care.quantiles).map(([p, cost]) => [p, cost + fixedCosts]),
  );
  const expectedExpense = care.expectedCost + fixedCosts;
  return {
    confidence: care.confidence,
    gridDollars: care.gridDollars,
    revenue,
    fixedCosts,
    expectedCostOfCare: care.expectedCost,
    expectedExpense,
    expectedMargin: revenue - expectedExpense,
    probabilityOfLoss: room < 0 ? 1 : care.probabilityOverBudget,
    quantiles,
    reserveToCover: Math.max(0, quantiles[String(care.confidence)] - revenue),
  };
}

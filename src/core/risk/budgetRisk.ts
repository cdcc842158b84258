/**
 * The two figures the worksheet functions return, each from the exact distribution alone: the
 * same values as exactRisk's, without the moments, tails and levels it also computes (which
 * would add to the functions bundle and to each recalculation).
 */
import { exactDistribution } from "./aggregate";
import { cumulative } from "./gridVector";
import { type RiskInput, validateRiskInput } from "./inputs";
import { probabilityAbove, reserveAbove } from "./quantiles";

/**
 * exactRisk(input).riskReserve: max(0, the year's cost quantile at the confidence − budget).
 * @example exactRiskReserve(TOOLKIT_RISK_INPUT) // about $1.04 million on the $24.03 million budget
 */
export function exactRiskReserve(input: RiskInput): number {
  const valid = validateRiskInput(input);
  const distribution = exactDistribution(valid);
  return reserveAbove(
    cumulative(distribution.probabilities),
    distribution.gridDollars,
    valid.confidence,
    valid.budget,
  );
}

/** exactRisk(input).probabilityOverBudget: P(the year's cost > budget). */
export function exactProbabilityOverBudget(input: RiskInput): number {
  const valid = validateRiskInput(input);
  const distribution = exactDistribution(valid);
  return probabilityAbove(distribution.probabilities, distribution.gridDollars, valid.budget);
}

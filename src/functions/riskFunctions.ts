/**
 * VBP.RISK_RESERVE and VBP.LOSS_PROBABILITY's work: Excel's cohort tables as the core's risk
 * input, the exact distribution, the core's errors as Excel's. functions.ts loads this module with
 * import(), so it and the risk core it pulls in form their own chunk, out of the first-load bundle.
 */
import { exactProbabilityOverBudget, exactRiskReserve } from "../core/risk/budgetRisk";
import { type CohortTableRisk, cohortTableRiskInput } from "../core/risk/cohortTable";
import type { RiskInput } from "../core/risk/inputs";
import { listArg, numberArg, optionalNumberArg } from "./excelArgs";
import { type ArgumentNames, excelCall } from "./excelErrors";
import { matchingRowsArg, raggedRowsArg } from "./raggedRows";

/** The Excel arguments of the risk functions by the core's field ids. */
const RISK_ARGS = {
  cases: "cases",
  episodes: "episodes",
  averageHours: "average_hours",
  ratePerHour: "rate_per_hour",
  budget: "budget",
  confidence: "confidence",
} as const satisfies ArgumentNames;

/** The risk functions' arguments as the core's cohort tables. */
function cohortTableArgs(
  cases: unknown,
  episodes: unknown,
  average_hours: unknown,
  rate_per_hour: unknown,
  budget: unknown,
  confidence?: unknown,
): CohortTableRisk {
  const table = raggedRowsArg(RISK_ARGS.episodes, episodes, "enter 0 if the cohort has no episodes");
  const rates = listArg(RISK_ARGS.ratePerHour, rate_per_hour).values;
  return {
    cases: listArg(RISK_ARGS.cases, cases, "enter 0 if the level has no cases").values,
    episodes: table.rows,
    averageHours: matchingRowsArg(RISK_ARGS.averageHours, average_hours, RISK_ARGS.episodes, table),
    ratePerHour: rates.length === 1 ? rates[0] : rates,
    budget: numberArg(RISK_ARGS.budget, budget),
    confidence: optionalNumberArg(RISK_ARGS.confidence, confidence),
  };
}

/** Excel's arguments as a cohort table's risk input, `measure`d; throws Excel's error on bad input. */
function measureCohortTables(
  measure: (input: RiskInput) => number,
  ...args: Parameters<typeof cohortTableArgs>
): number {
  return excelCall(RISK_ARGS, () => measure(cohortTableRiskInput(cohortTableArgs(...args))));
}

/** VBP.RISK_RESERVE's result from Excel's arguments; throws Excel's error on bad input. */
export function riskReserveOf(...args: Parameters<typeof cohortTableArgs>): number {
  return measureCohortTables(exactRiskReserve, ...args);
}

/** VBP.LOSS_PROBABILITY's result from Excel's arguments (no confidence); throws Excel's error on bad input. */
export function lossProbabilityOf(
  cases: unknown,
  episodes: unknown,
  average_hours: unknown,
  rate_per_hour: unknown,
  budget: unknown,
): number {
  return measureCohortTables(
    exactProbabilityOverBudget,
    cases,
    episodes,
    average_hours,
    rate_per_hour,
    budget,
  );
}

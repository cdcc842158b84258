import { caseMixBudget } from "./budget";
import { caseRate } from "./caseRate";
import { expectedCases } from "./penetration";
import { pmpm } from "./pmpm";
import { requireNonEmpty, requireNonNegative, requireUniqueIds } from "./validate";

/** A level of care as the payor defines it (steps 3–6). */
export interface LevelOfCare {
  readonly id: string;
  readonly name: string;
  /** Share of cases at this level, 0–1. */
  readonly caseMix: number;
  /** Average service hours per episode. */
  readonly averageHours: number;
  /** Overrides the model's rate per hour where this level's service mix differs (note to step 6). */
  readonly ratePerHour?: number;
}

/** The payor's rate-setting model: steps 1–6 of the toolkit. */
export interface RateModel {
  readonly enrollees: number;
  readonly penetrationRate: number;
  /** Dollars per hour of service. */
  readonly ratePerHour: number;
  readonly levels: readonly LevelOfCare[];
}

/** One level's results, unrounded. */
export interface LevelResult {
  readonly id: string;
  readonly name: string;
  readonly caseMix: number;
  readonly cases: number;
  readonly averageHours: number;
  readonly ratePerHour: number;
  readonly caseRate: number;
  readonly totalCost: number;
}

/** Step 7's results, unrounded. */
export interface RateModelResult {
  readonly totalCases: number;
  readonly levels: LevelResult[];
  readonly totalBudget: number;
  /** The budget per enrollee per month. */
  readonly pmpm: number;
}

/** Runs steps 2, 4 and 7: cases, cases per level, case rates, the budget and its PMPM equivalent. */
export function computeRateModel(model: RateModel): RateModelResult {
  requireNonEmpty("levels", model.levels, "level of care");
  const ids = model.levels.map((level) => level.id);
  requireUniqueIds("levels", ids);
  const defaultRate = requireNonNegative("rate per hour", model.ratePerHour);
  const ratesPerHour = model.levels.map((level) =>
    level.ratePerHour === undefined
      ? defaultRate
      : requireNonNegative(`rate per hour for level ${level.id}`, level.ratePerHour),
  );
  const caseRates = model.levels.map((level, i) =>
    caseRate(requireNonNegative(`average hours for level ${level.id}`, level.averageHours), ratesPerHour[i]),
  );
  const totalCases = expectedCases(model.enrollees, model.penetrationRate);
  const budget = caseMixBudget(
    totalCases,
    model.levels.map((level) => level.caseMix),
    caseRates,
    ids,
  );
  const levels = model.levels.map((level, i) => ({
    id: level.id,
    name: level.name,
    caseMix: level.caseMix,
    cases: budget.lines[i].cases,
    averageHours: level.averageHours,
    ratePerHour: ratesPerHour[i],
    caseRate: caseRates[i],
    totalCost: budget.lines[i].totalCost,
  }));
  return {
    totalCases,
    levels,
    totalBudget: budget.totalBudget,
    pmpm: pmpm(budget.totalBudget, model.enrollees),
  };
}

import { field } from "./fields";
import { requireFiniteResult, requireNonNegative, requirePositive, requireWholePositive } from "./validate";

/** Months in the year a case-rate budget covers, the default for PMPM. */
export const MONTHS_PER_YEAR = 12;

const BUDGET = field("budget");
const ENROLLEES = field("enrollees");
const MONTHS = field("months");

/**
 * Per member per month: budget ÷ (enrollees × months), to set a case-rate budget beside capitation.
 * @example pmpm(360000, 30000) // 1
 * @example pmpm(360000, 30000, 6) // 2
 */
export function pmpm(budget: number, enrollees: number, months: number = MONTHS_PER_YEAR): number {
  return requireFiniteResult(
    "the amount per member per month",
    requireNonNegative(BUDGET, budget) /
      (requirePositive(ENROLLEES, enrollees) * requireWholePositive(MONTHS, months)),
    [BUDGET, ENROLLEES, MONTHS],
  );
}

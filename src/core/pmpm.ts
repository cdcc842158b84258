import { requireNonNegative, requirePositive, requireWholePositive } from "./validate";

/** Months in the year a case-rate budget covers, the default for PMPM. */
export const MONTHS_PER_YEAR = 12;

/** Per member per month: budget ÷ (enrollees × months), to set a case-rate budget beside capitation. */
export function pmpm(budget: number, enrollees: number, months: number = MONTHS_PER_YEAR): number {
  return (
    requireNonNegative("budget", budget) /
    (requirePositive("enrollees", enrollees) * requireWholePositive("months", months))
  );
}

import { field } from "./fields";
import { requireFiniteResult, requireNonNegative } from "./validate";

const AVERAGE_HOURS = field("averageHours");
const RATE_PER_HOUR = field("ratePerHour");

/**
 * Case rate: average hours per episode × rate per hour (step 7). Unrounded.
 * @example caseRate(30, 158.62) // 4758.6
 */
export function caseRate(averageHours: number, ratePerHour: number): number {
  return requireFiniteResult(
    "the case rate",
    requireNonNegative(AVERAGE_HOURS, averageHours) * requireNonNegative(RATE_PER_HOUR, ratePerHour),
    [AVERAGE_HOURS, RATE_PER_HOUR],
  );
}

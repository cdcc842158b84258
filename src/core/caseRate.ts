import { requireNonNegative } from "./validate";

/** Case rate: average hours per episode × rate per hour (step 7). Unrounded. */
export function caseRate(averageHours: number, ratePerHour: number): number {
  return requireNonNegative("average hours", averageHours) * requireNonNegative("rate per hour", ratePerHour);
}

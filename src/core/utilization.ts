import { field } from "./fields";
import { weightedAverage } from "./weightedAverage";

/**
 * Weighted average hours of utilization cohorts: Σ clients × average hours ÷ Σ clients.
 * The toolkit's Level B cohorts (239, 418, 251, 202 clients at 8, 20, 40, 65 hours) give 30.1.
 * @example weightedAverageHours([239, 418, 251, 202], [8, 20, 40, 65]) // 30.127927927927928
 */
export function weightedAverageHours(clients: readonly number[], averageHours: readonly number[]): number {
  return weightedAverage(
    {
      weights: field("clients"),
      values: field("averageHours"),
      item: "cohort",
      result: "the average across cohorts",
    },
    clients,
    averageHours,
  );
}

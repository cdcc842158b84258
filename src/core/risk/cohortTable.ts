import { field } from "../fields";
import { requireNonEmpty, requireSameLength } from "../validate";
import { weightedAverage } from "../weightedAverage";
import type { RiskInput, RiskLevel } from "./inputs";

/** Levels given as the worksheet functions take them: a cohort table per level, rates, a budget. */
export interface CohortTableRisk {
  /** Expected cases a year per level (the Poisson means). */
  readonly cases: readonly number[];
  /** Per level, each cohort's episodes; a level may have fewer cohorts than another. */
  readonly episodes: readonly (readonly number[])[];
  /** Per level, each cohort's average hours, in the order of `episodes`. */
  readonly averageHours: readonly (readonly number[])[];
  /** One rate per hour for every level, or one per level. */
  readonly ratePerHour: number | readonly number[];
  readonly budget: number;
  readonly confidence?: number;
}

/**
 * A RiskInput from cohort tables, levels named "1", "2"… in order. A level's case-rate hours are
 * its table's weighted average (Σ episodes × hours ÷ Σ episodes), so budget and distribution share
 * one mean; a one-cohort level has no spread. The grid's rate is the smallest level rate, the
 * finest grid (1 hour at that rate).
 * @example cohortTableRiskInput({ cases: [1110], episodes: [[239, 418, 251, 202]], averageHours: [[8, 20, 40, 65]], ratePerHour: 158.62, budget: 5281959 }).levels[0].averageHours // 30.127927927927928
 */
export function cohortTableRiskInput(table: CohortTableRisk): RiskInput {
  requireNonEmpty(field("cases"), table.cases, "level");
  requireSameLength(field("cases"), table.cases, field("episodes"), table.episodes);
  requireSameLength(field("episodes"), table.episodes, field("averageHours"), table.averageHours);
  const rates =
    typeof table.ratePerHour === "number"
      ? table.cases.map(() => table.ratePerHour as number)
      : table.ratePerHour;
  requireSameLength(field("cases"), table.cases, field("ratePerHour"), rates);
  const levels = table.cases.map((expectedCases, i): RiskLevel => {
    const id = String(i + 1);
    const episodes = table.episodes[i];
    const hours = table.averageHours[i];
    const averageHours = weightedAverage(
      {
        weights: field("episodes"),
        values: field("averageHours"),
        item: `level ${id} cohort`,
        result: `the average hours of level ${id}`,
      },
      episodes,
      hours,
    );
    return {
      id,
      expectedCases,
      averageHours,
      ratePerHour: rates[i],
      hoursDistribution: {
        cohorts: episodes.map((count, k) => ({ episodes: count, averageHours: hours[k] })),
      },
    };
  });
  return {
    levels,
    ratePerHour: Math.min(...rates),
    budget: table.budget,
    confidence: table.confidence,
  };
}

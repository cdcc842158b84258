import { CaseRateInputError } from "../errors";
import { describeNumber } from "../format";
import type { HoursCohort } from "../risk/inputs";

/** One row of a level's cohort table: the toolkit's Level B table ("Low Utilization", 4–10 hours…). */
export interface HistoryCohort {
  /** Smallest episode hours inside the cohort. */
  readonly fromHours: number;
  /** Largest episode hours inside the cohort. */
  readonly toHours: number;
  readonly episodes: number;
  readonly averageHours: number;
}

/** Consecutive values of a sorted list that share a group number, with their count and sum. */
interface Group {
  readonly first: number;
  readonly last: number;
  readonly count: number;
  readonly sum: number;
}

/** Splits ascending values into runs of equal `groupOf(value)`: the non-empty groups only, in order. */
function groupSorted(sorted: ArrayLike<number>, groupOf: (value: number) => number): Group[] {
  const groups: Group[] = [];
  let start = 0;
  while (start < sorted.length) {
    const group = groupOf(sorted[start]);
    let end = start;
    let sum = 0;
    while (end < sorted.length && groupOf(sorted[end]) === group) sum += sorted[end++];
    groups.push({ first: sorted[start], last: sorted[end - 1], count: end - start, sum });
    start = end;
  }
  return groups;
}

/**
 * Checks cohort cut points: finite numbers in strictly rising order.
 * @example requireCutPoints([10, 30, 50]) // [10, 30, 50]
 */
export function requireCutPoints(cuts: readonly number[]): readonly number[] {
  cuts.forEach((cut, i) => {
    if (typeof cut !== "number" || !Number.isFinite(cut)) {
      throw new CaseRateInputError("cohorts", "not-a-number", `cohort cut point ${i + 1} is not a number.`);
    }
    if (i > 0 && !(cut > cuts[i - 1])) {
      throw new CaseRateInputError(
        "cohorts",
        "out-of-range",
        `cohort cut points must rise: ${describeNumber(cut)} comes after ${describeNumber(cuts[i - 1])}.`,
      );
    }
  });
  return cuts;
}

/**
 * A level's cohort table: with cuts c₁ < … < cₖ the cohorts (−∞, c₁], (c₁, c₂], …, (cₖ, ∞) of hours
 * per episode, the non-empty ones only. `sorted` is ascending, `cuts` checked by requireCutPoints.
 * @example cohortTable(Float64Array.of(4, 8, 12), [10]) // [{fromHours: 4, toHours: 8, episodes: 2, averageHours: 6}, {fromHours: 12, …}]
 */
export function cohortTable(sorted: ArrayLike<number>, cuts: readonly number[]): HistoryCohort[] {
  let cohort = 0;
  // Values arrive ascending, so the cohort number only ever moves up.
  const cohortOf = (hours: number): number => {
    while (cohort < cuts.length && hours > cuts[cohort]) cohort++;
    return cohort;
  };
  return groupSorted(sorted, cohortOf).map((group) => ({
    fromHours: group.first,
    toHours: group.last,
    episodes: group.count,
    averageHours: group.sum / group.count,
  }));
}

/**
 * The histogram of hours per episode in 1-hour bins (k − 1, k], non-empty bins only, each with its
 * episodes' exact mean: the cohort table `case-rate risk` reads as a level's hoursDistribution.
 * @example hourBins(Float64Array.of(0.5, 1, 2.5)) // [{episodes: 2, averageHours: 0.75}, {episodes: 1, averageHours: 2.5}]
 */
export function hourBins(sorted: ArrayLike<number>): HoursCohort[] {
  return groupSorted(sorted, Math.ceil).map((group) => ({
    episodes: group.count,
    averageHours: group.sum / group.count,
  }));
}

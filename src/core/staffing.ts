import { CaseRateInputError } from "./errors";
import { describeNumber } from "./format";
import { sumProduct } from "./sums";
import {
  requireCaseMix,
  requireNonEmpty,
  requireNonNegative,
  requirePositive,
  requireSameLength,
} from "./validate";

/**
 * Full-time equivalents needed (part B, section 4 of the toolkit): Σ cases × average service hours
 * per episode ÷ direct-service hours one FTE delivers in a year. Unrounded.
 */
export function fteNeed(
  cases: readonly number[],
  averageHours: readonly number[],
  directHoursPerFte: number,
): number {
  requireNonEmpty("cases", cases, "level of care");
  requireSameLength("cases", cases, "average hours", averageHours);
  const checkedCases = cases.map((c, i) => requireNonNegative(`cases of level ${i + 1}`, c));
  const hours = averageHours.map((h, i) => requireNonNegative(`average hours of level ${i + 1}`, h));
  const perFte = requirePositive("direct hours per FTE", directHoursPerFte);
  return sumProduct("cases", checkedCases, "average hours", hours) / perFte;
}

/**
 * Caseload (part B, section 3): the consumers one FTE can carry at a case mix, direct-service hours
 * per FTE per year ÷ Σ case mix × average hours per episode. An all-Level-C caseload (80 hours)
 * is smaller than an all-Level-A one (10 hours). Unrounded.
 */
export function caseload(
  directHoursPerFte: number,
  caseMix: readonly number[],
  averageHours: readonly number[],
): number {
  const perFte = requireNonNegative("direct hours per FTE", directHoursPerFte);
  requireSameLength("case mix", caseMix, "average hours", averageHours);
  const mix = requireCaseMix("case mix", caseMix);
  const hours = averageHours.map((h, i) => requireNonNegative(`average hours of level ${i + 1}`, h));
  const hoursPerCase = sumProduct("case mix", mix, "average hours", hours);
  if (hoursPerCase === 0) {
    throw new CaseRateInputError(
      "average hours",
      "division-by-zero",
      "case mix × average hours total 0 hours per case; no caseload follows.",
    );
  }
  return perFte / hoursPerCase;
}

/** A bound of a level's hour range: one number for every consumer, or one per consumer. */
export type HourBound = number | readonly number[];

function boundAt(field: string, bound: HourBound, index: number): number {
  return typeof bound === "number"
    ? requireNonNegative(field, bound)
    : requireNonNegative(`${field} of consumer ${index + 1}`, bound[index]);
}

/**
 * The share of consumers whose service hours fall within their level's range, bounds included: the
 * toolkit's step 8 metric "75% of consumers are receiving the intensity of service that's within the
 * LOC range". `low` and `high` are one bound for all, or one per consumer (their level's bounds).
 */
export function shareWithinRange(hours: readonly number[], low: HourBound, high: HourBound): number {
  requireNonEmpty("hours", hours, "consumer's hours");
  if (typeof low !== "number") requireSameLength("hours", hours, "low", low, "consumer");
  if (typeof high !== "number") requireSameLength("hours", hours, "high", high, "consumer");
  let within = 0;
  hours.forEach((value, i) => {
    const h = requireNonNegative(hours.length === 1 ? "hours" : `hours of consumer ${i + 1}`, value);
    const lo = boundAt("low", low, i);
    const hi = boundAt("high", high, i);
    if (lo > hi) {
      const where = typeof high === "number" && typeof low === "number" ? "" : ` for consumer ${i + 1}`;
      throw new CaseRateInputError(
        "high",
        "out-of-range",
        `high is ${describeNumber(hi)} but low is ${describeNumber(lo)}${where}; high must be at least low.`,
      );
    }
    if (h >= lo && h <= hi) within++;
  });
  return within / hours.length;
}

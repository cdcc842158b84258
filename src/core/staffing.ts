import { CaseRateInputError } from "./errors";
import { entryOf, type Field, field } from "./fields";
import { describeNumber } from "./format";
import { sumProduct } from "./sums";
import {
  requireCaseMix,
  requireFiniteResult,
  requireNonEmpty,
  requireNonNegative,
  requirePositive,
  requireSameLength,
} from "./validate";

const CASES = field("cases");
const AVERAGE_HOURS = field("averageHours");
const DIRECT_HOURS_PER_FTE = field("directHoursPerFte");
const CASE_MIX = field("caseMix");

/** Each level's average hours, checked and named "average hours of level 2". */
function levelHours(averageHours: readonly number[]): number[] {
  return averageHours.map((h, i) => requireNonNegative(entryOf(AVERAGE_HOURS, i, `of level ${i + 1}`), h));
}

/**
 * Full-time equivalents needed (part B, section 4 of the toolkit): Σ cases × average service hours
 * per episode ÷ direct-service hours one FTE delivers in a year. Unrounded.
 * @example fteNeed([600, 1110, 990, 300], [10, 30, 80, 110], 1500) // 101
 */
export function fteNeed(
  cases: readonly number[],
  averageHours: readonly number[],
  directHoursPerFte: number,
): number {
  requireNonEmpty(CASES, cases, "level of care");
  requireSameLength(CASES, cases, AVERAGE_HOURS, averageHours);
  const checkedCases = cases.map((c, i) => requireNonNegative(entryOf(CASES, i, `of level ${i + 1}`), c));
  const hours = levelHours(averageHours);
  const perFte = requirePositive(DIRECT_HOURS_PER_FTE, directHoursPerFte);
  return requireFiniteResult("the FTE need", sumProduct(CASES, checkedCases, AVERAGE_HOURS, hours) / perFte, [
    CASES,
    AVERAGE_HOURS,
    DIRECT_HOURS_PER_FTE,
  ]);
}

/**
 * Caseload (part B, section 3): the consumers one FTE can carry at a case mix, direct-service hours
 * per FTE per year ÷ Σ case mix × average hours per episode. An all-Level-C caseload (80 hours)
 * is smaller than an all-Level-A one (10 hours). Unrounded.
 * @example caseload(1200, [0, 0, 1, 0], [10, 30, 80, 110]) // 15
 */
export function caseload(
  directHoursPerFte: number,
  caseMix: readonly number[],
  averageHours: readonly number[],
): number {
  const perFte = requireNonNegative(DIRECT_HOURS_PER_FTE, directHoursPerFte);
  requireSameLength(CASE_MIX, caseMix, AVERAGE_HOURS, averageHours);
  const mix = requireCaseMix(CASE_MIX, caseMix);
  const inputs = [DIRECT_HOURS_PER_FTE, CASE_MIX, AVERAGE_HOURS];
  // An overflowed divisor would give a caseload of 0 where the true caseload is merely small.
  const hoursPerCase = requireFiniteResult(
    "the caseload",
    sumProduct(CASE_MIX, mix, AVERAGE_HOURS, levelHours(averageHours)),
    inputs,
  );
  if (hoursPerCase === 0) {
    throw new CaseRateInputError(
      AVERAGE_HOURS,
      "division-by-zero",
      (name) => `${name(CASE_MIX)} × ${name(AVERAGE_HOURS)} total 0 hours per case; no caseload follows.`,
    );
  }
  return requireFiniteResult("the caseload", perFte / hoursPerCase, inputs);
}

/** A bound of a level's hour range: one number for every consumer, or one per consumer. */
export type HourBound = number | readonly number[];

const HOURS = field("hours");
const LOW = field("low");
const HIGH = field("high");

function boundAt(bounds: Field, bound: HourBound, index: number): number {
  return typeof bound === "number"
    ? requireNonNegative(bounds, bound)
    : requireNonNegative(entryOf(bounds, index, `of consumer ${index + 1}`), bound[index]);
}

/**
 * The share of consumers whose service hours fall within their level's range, bounds included: the
 * toolkit's step 8 metric "75% of consumers are receiving the intensity of service that's within the
 * LOC range". `low` and `high` are one bound for all, or one per consumer (their level's bounds).
 * @example shareWithinRange([8, 20, 40, 65], 10, 50) // 0.5
 */
export function shareWithinRange(hours: readonly number[], low: HourBound, high: HourBound): number {
  requireNonEmpty(HOURS, hours, "consumer's hours");
  if (typeof low !== "number") requireSameLength(HOURS, hours, LOW, low, "consumer");
  if (typeof high !== "number") requireSameLength(HOURS, hours, HIGH, high, "consumer");
  let within = 0;
  hours.forEach((value, i) => {
    const h = requireNonNegative(
      hours.length === 1 ? HOURS : entryOf(HOURS, i, `of consumer ${i + 1}`),
      value,
    );
    const lo = boundAt(LOW, low, i);
    const hi = boundAt(HIGH, high, i);
    if (lo > hi) {
      const where = typeof high === "number" && typeof low === "number" ? "" : ` for consumer ${i + 1}`;
      throw new CaseRateInputError(
        HIGH,
        "out-of-range",
        (name) =>
          `${name(HIGH)} is ${describeNumber(hi)} but ${name(LOW)} is ${describeNumber(lo)}${where}; ${name(HIGH)} must be at least ${name(LOW)}.`,
      );
    }
    if (h >= lo && h <= hi) within++;
  });
  return within / hours.length;
}

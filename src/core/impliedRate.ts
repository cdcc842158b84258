import { CaseRateInputError } from "./errors";
import { entryOf, field } from "./fields";
import { sumProduct } from "./sums";
import { requireFiniteResult, requireNonNegative } from "./validate";

const TOTAL_BUDGET = field("totalBudget");
const CASES = field("cases");
const AVERAGE_HOURS = field("averageHours");

/**
 * The rate per hour a published budget implies: total budget ÷ Σ cases × average hours.
 * The toolkit's $24,030,535 over 151,500 hours gives $158.6174, not the printed $158.62.
 * @example impliedRatePerHour(24030535, [600, 1110, 990, 300], [10, 30, 80, 110]) // 158.61739273927392
 */
export function impliedRatePerHour(
  totalBudget: number,
  cases: readonly number[],
  averageHours: readonly number[],
): number {
  const budget = requireNonNegative(TOTAL_BUDGET, totalBudget);
  const checkedCases = cases.map((c, i) => requireNonNegative(entryOf(CASES, i, `of level ${i + 1}`), c));
  const hours = averageHours.map((h, i) =>
    requireNonNegative(entryOf(AVERAGE_HOURS, i, `of level ${i + 1}`), h),
  );
  // An overflowed divisor would give a rate of 0 where the true rate is merely small.
  const totalHours = requireFiniteResult(
    "the total of cases × average hours",
    sumProduct(CASES, checkedCases, AVERAGE_HOURS, hours),
    [CASES, AVERAGE_HOURS],
  );
  if (totalHours === 0) {
    throw new CaseRateInputError(
      CASES,
      "division-by-zero",
      (name) => `${name(CASES)} × ${name(AVERAGE_HOURS)} total 0; no rate per hour follows.`,
    );
  }
  return requireFiniteResult("the rate per hour", budget / totalHours, [TOTAL_BUDGET, CASES, AVERAGE_HOURS]);
}

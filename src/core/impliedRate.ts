import { CaseRateInputError } from "./errors";
import { sumProduct } from "./sums";
import { requireNonNegative } from "./validate";

/**
 * The rate per hour a published budget implies: total budget ÷ Σ cases × average hours.
 * The toolkit's $24,030,535 over 151,500 hours gives $158.6174, not the printed $158.62.
 */
export function impliedRatePerHour(
  totalBudget: number,
  cases: readonly number[],
  averageHours: readonly number[],
): number {
  const budget = requireNonNegative("total budget", totalBudget);
  const checkedCases = cases.map((c, i) => requireNonNegative(`cases of level ${i + 1}`, c));
  const hours = averageHours.map((h, i) => requireNonNegative(`average hours of level ${i + 1}`, h));
  const totalHours = sumProduct("cases", checkedCases, "average hours", hours);
  if (totalHours === 0) {
    throw new CaseRateInputError(
      "cases",
      "division-by-zero",
      "cases × average hours total 0; no rate per hour follows.",
    );
  }
  return budget / totalHours;
}

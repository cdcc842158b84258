import { casesPerLevel } from "./caseMix";
import { entryOf, field } from "./fields";
import { sum } from "./sums";
import { requireFiniteResult, requireNonNegative, requireSameLength } from "./validate";

/** One level's line of the budget table. */
export interface BudgetLine {
  readonly caseMix: number;
  readonly cases: number;
  readonly caseRate: number;
  /** cases × case rate */
  readonly totalCost: number;
}

/** The budget table: a line per level and the total. */
export interface Budget {
  readonly totalCases: number;
  readonly lines: BudgetLine[];
  readonly totalBudget: number;
}

const CASES = field("cases");
const CASE_RATE = field("caseRate");
const CASE_RATES = field("caseRate", "case rates");

/**
 * Budget of one level: cases × case rate.
 * @example levelBudget(1110, 4758.6) // 5282046
 */
export function levelBudget(cases: number, caseRate: number): number {
  return requireFiniteResult(
    "the budget",
    requireNonNegative(CASES, cases) * requireNonNegative(CASE_RATE, caseRate),
    [CASES, CASE_RATE],
  );
}

/**
 * The step 7 budget: total cases spread over the levels by case mix, each level's cases × its case
 * rate, and the total. Nothing is rounded.
 * @example caseMixBudget(3000, [0.5, 0.5], [1000, 3000]).totalBudget // 6000000
 */
export function caseMixBudget(
  totalCases: number,
  caseMix: readonly number[],
  caseRates: readonly number[],
  levelIds?: readonly string[],
): Budget {
  requireSameLength(field("caseMix"), caseMix, CASE_RATES, caseRates);
  const cases = casesPerLevel(totalCases, caseMix, levelIds);
  const lines = cases.map((levelCases, i) => {
    const rate = requireNonNegative(
      entryOf(CASE_RATE, i, `for level ${levelIds?.[i] ?? i + 1}`),
      caseRates[i],
    );
    return {
      caseMix: caseMix[i],
      cases: levelCases,
      caseRate: rate,
      totalCost: levelBudget(levelCases, rate),
    };
  });
  const totalBudget = requireFiniteResult("the budget", sum(lines.map((line) => line.totalCost)), [
    field("totalCases"),
    CASE_RATES,
  ]);
  return { totalCases, lines, totalBudget };
}

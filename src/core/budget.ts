import { casesPerLevel } from "./caseMix";
import { sum } from "./sums";
import { requireNonNegative, requireSameLength } from "./validate";

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

/** Budget of one level: cases × case rate. */
export function levelBudget(cases: number, caseRate: number): number {
  return requireNonNegative("cases", cases) * requireNonNegative("case rate", caseRate);
}

/**
 * The step 7 budget: total cases spread over the levels by case mix, each level's cases × its case
 * rate, and the total. Nothing is rounded.
 */
export function caseMixBudget(
  totalCases: number,
  caseMix: readonly number[],
  caseRates: readonly number[],
  levelIds?: readonly string[],
): Budget {
  requireSameLength("case mix", caseMix, "case rates", caseRates);
  const cases = casesPerLevel(totalCases, caseMix, levelIds);
  const lines = cases.map((levelCases, i) => {
    const rate = requireNonNegative(`case rate for level ${levelIds?.[i] ?? i + 1}`, caseRates[i]);
    return {
      caseMix: caseMix[i],
      cases: levelCases,
      caseRate: rate,
      totalCost: levelBudget(levelCases, rate),
    };
  });
  return { totalCases, lines, totalBudget: sum(lines.map((line) => line.totalCost)) };
}

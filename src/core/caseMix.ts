import { field } from "./fields";
import { requireCaseMix, requireFiniteResult, requireNonNegative } from "./validate";

const TOTAL_CASES = field("totalCases");
const CASE_MIX = field("caseMix");

/**
 * Cases at each level of care: total cases × that level's case-mix share (step 4). Unrounded.
 * @example casesPerLevel(3000, [0.2, 0.37, 0.33, 0.1]) // [600, 1110, 990, 300]
 */
export function casesPerLevel(
  totalCases: number,
  caseMix: readonly number[],
  levelIds?: readonly string[],
): number[] {
  const total = requireNonNegative(TOTAL_CASES, totalCases);
  const labels = levelIds?.map((id) => `level ${id}`);
  return requireCaseMix(CASE_MIX, caseMix, labels).map((share) =>
    requireFiniteResult("the number of cases", total * share, [TOTAL_CASES, CASE_MIX]),
  );
}

import { requireCaseMix, requireNonNegative } from "./validate";

/** Cases at each level of care: total cases × that level's case-mix share (step 4). Unrounded. */
export function casesPerLevel(
  totalCases: number,
  caseMix: readonly number[],
  levelIds?: readonly string[],
): number[] {
  const total = requireNonNegative("total cases", totalCases);
  const labels = levelIds?.map((id) => `level ${id}`);
  return requireCaseMix("case mix", caseMix, labels).map((share) => total * share);
}

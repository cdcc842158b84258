/**
 * What the functions returned as Infinity or NaN is #NUM!; a range where one number is expected,
 * and a share typed as a percentage, get accurate messages.
 */
import {
  averageHours,
  blendedRate,
  caseloadSize,
  caseRates,
  cases,
  casemixBudget,
  casemixCases,
  fteNeeded,
  impliedRate,
  perMemberPerMonth,
} from "../../src/functions/functions";
import { excelErrorOf, installStandIn } from "./standIn";

installStandIn();

const asRange = (values: unknown[][]) => values as number[][];
const tooLarge = (what: string, check: string) =>
  `${what} is too large to compute (over 1.8e308); check ${check}.`;

describe("a result too large for a number is #NUM!, naming the arguments to check", () => {
  test.each([
    [
      "CASERATE({1e308},{10})",
      () => caseRates([[1e308]], [[10]]),
      tooLarge("the case rate", "average_hours and rate_per_hour"),
    ],
    [
      "CASERATE in a range names the cell",
      () => caseRates([[1], [1e308]], [[10], [10]]),
      tooLarge("the case rate", "average_hours at position 2 and rate_per_hour at position 2"),
    ],
    [
      "CASEMIX_BUDGET(1e308, {1}, {10})",
      () => casemixBudget(1e308, [[1]], [[10]]),
      tooLarge("the budget", "total_cases and case_rates"),
    ],
    [
      "PMPM(1, 5e-324)",
      () => perMemberPerMonth(1, 5e-324),
      tooLarge("the amount per member per month", "budget, enrollees and months"),
    ],
    [
      "IMPLIED_RATE(1e308, {1e-10}, {1})",
      () => impliedRate(1e308, [[1e-10]], [[1]]),
      tooLarge("the rate per hour", "total_budget, cases and average_hours"),
    ],
    [
      "FTE_NEED({1e308;1e308}, {10;10}, 1)",
      () => fteNeeded([[1e308], [1e308]], [[10], [10]], 1),
      tooLarge("the FTE need", "cases, average_hours and direct_hours_per_fte"),
    ],
    [
      "CASELOAD(1e308, {1}, {1e-10})",
      () => caseloadSize(1e308, [[1]], [[1e-10]]),
      tooLarge("the caseload", "direct_hours_per_fte, case_mix and average_hours"),
    ],
    [
      "AVERAGE_HOURS({1e308;1e308}, {8;20})",
      () => averageHours([[1e308], [1e308]], [[8], [20]]),
      tooLarge("the average across cohorts", "clients and average_hours"),
    ],
    [
      "BLENDED_RATE({1e308;1e308}, {1;1})",
      () => blendedRate([[1e308], [1e308]], [[1], [1]]),
      tooLarge("the blended rate per hour", "hours and rate_per_hour"),
    ],
  ])("%s", (_name, call, message) => {
    expect(excelErrorOf(call)).toEqual({ code: "#NUM!", message });
  });
});

describe("accurate messages", () => {
  test("CASES({30000}, 0.1): a range where a single number is expected", () => {
    expect(excelErrorOf(() => cases(asRange([[30000]]) as unknown as number, 0.1))).toEqual({
      code: "#VALUE!",
      message: "enrollees must be a single number, not a range of 1 cell.",
    });
    expect(excelErrorOf(() => perMemberPerMonth(1, 10, asRange([[1, 2]]) as unknown as number))).toEqual({
      code: "#VALUE!",
      message: "months must be a single number, not a range of 2 cells.",
    });
  });

  test("TRUE where a number is expected is named as Excel shows it", () => {
    expect(excelErrorOf(() => cases(true as unknown as number, 0.1)).message).toBe(
      "enrollees must be a number, not TRUE.",
    );
  });

  test("CASEMIX_CASES(3000, {1.0001}): the hint gives 0.010001, not 0.01", () => {
    expect(excelErrorOf(() => casemixCases(3000, [[1.0001]])).message).toBe(
      "case_mix for level 1 is 100.01%; a share cannot exceed 100%. If you meant 1.0001%, enter 1.0001% or 0.010001.",
    );
  });

  test("a share of -1e-300 is shown as typed", () => {
    expect(excelErrorOf(() => casemixCases(3000, [[1], [-1e-300]])).message).toBe(
      "case_mix for level 2 is -1e-300; it cannot be negative.",
    );
  });

  test("text with a line break stays on one line", () => {
    expect(excelErrorOf(() => casemixCases(3000, asRange([[0.5], ["a\nb"]]))).message).toBe(
      'case_mix has text "a b" at position 2; enter a number.',
    );
  });
});

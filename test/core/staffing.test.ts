/** FTE need, caseload and the share within range: hand-computed values and the validation. */
import { caseload, fteNeed, shareWithinRange } from "../../src/core";
import { inputError } from "../helpers/inputError";

// The toolkit's cases (step 7) and average hours (step 5): 600×10 + 1110×30 + 990×80 + 300×110 = 151,500 hours.
const CASES = [600, 1110, 990, 300];
const HOURS = [10, 30, 80, 110];
const MIX = [0.2, 0.37, 0.33, 0.1];

describe("fteNeed", () => {
  test("Σ cases × hours ÷ direct hours per FTE", () => {
    expect(fteNeed(CASES, HOURS, 1500)).toBe(101); // 151,500 ÷ 1,500
    expect(fteNeed([200, 370, 330, 100], HOURS, 1200)).toBeCloseTo(50500 / 1200, 12); // 42.083…
    expect(fteNeed([1], [0], 1200)).toBe(0);
  });

  test.each([
    [() => fteNeed([], [], 1200), "cases", "empty", "cases is empty; enter at least one level of care."],
    [
      () => fteNeed([1, 2], [10], 1200),
      "average hours",
      "length-mismatch",
      "cases has 2 values but average hours has 1; give one per level.",
    ],
    [
      () => fteNeed([1, -2], [10, 20], 1200),
      "cases of level 2",
      "negative",
      "cases of level 2 is -2; it cannot be negative.",
    ],
    [
      () => fteNeed([1], [Number.NaN], 1200),
      "average hours of level 1",
      "not-a-number",
      "average hours of level 1 must be a finite number, not NaN.",
    ],
    [
      () => fteNeed([1], [10], 0),
      "direct hours per FTE",
      "division-by-zero",
      "direct hours per FTE is 0; it must be more than 0.",
    ],
    [
      () => fteNeed([1], [10], -5),
      "direct hours per FTE",
      "negative",
      "direct hours per FTE is -5; it cannot be negative.",
    ],
  ])("refuses bad input %#", (call, field, problem, message) => {
    expect(inputError(call)).toEqual({ field, problem, message });
  });
});

describe("caseload", () => {
  test("direct hours ÷ Σ case mix × hours", () => {
    // Hours per case at the toolkit's mix: 2 + 11.1 + 26.4 + 11 = 50.5.
    expect(caseload(1200, MIX, HOURS)).toBeCloseTo(1200 / 50.5, 12);
    // All Level C (80 hours) against all Level A (10 hours): the toolkit's Clinician X and Y.
    expect(caseload(1200, [0, 0, 1, 0], HOURS)).toBe(15);
    expect(caseload(1200, [1, 0, 0, 0], HOURS)).toBe(120);
    expect(caseload(0, [1], [10])).toBe(0);
  });

  test.each([
    [
      () => caseload(1200, [0.5, 0.4], [10, 20]),
      "case mix",
      "mix-not-100",
      "case mix sums to 90%, not 100%.",
    ],
    [
      () => caseload(1200, [0.5, 0.5], [10]),
      "average hours",
      "length-mismatch",
      "case mix has 2 values but average hours has 1; give one per level.",
    ],
    [
      () => caseload(1200, [1.5, -0.5], [10, 20]),
      "case mix for level 1",
      "share-above-one",
      "case mix for level 1 is 150%; a share cannot exceed 100%. If you meant 1.5%, enter 1.5% or 0.015.",
    ],
    [
      () => caseload(1200, [1], [-10]),
      "average hours of level 1",
      "negative",
      "average hours of level 1 is -10; it cannot be negative.",
    ],
    [
      () => caseload(-1, [1], [10]),
      "direct hours per FTE",
      "negative",
      "direct hours per FTE is -1; it cannot be negative.",
    ],
    [
      () => caseload(1200, [1, 0], [0, 20]),
      "average hours",
      "division-by-zero",
      "case mix × average hours total 0 hours per case; no caseload follows.",
    ],
    [() => caseload(1200, [], []), "case mix", "empty", "case mix is empty; enter at least one share."],
  ])("refuses bad input %#", (call, field, problem, message) => {
    expect(inputError(call)).toEqual({ field, problem, message });
  });
});

describe("shareWithinRange", () => {
  test("counts hours within [low, high], bounds included", () => {
    // Level B's cohort averages against Zontanos's Level B guideline of 10 to 50 hours.
    expect(shareWithinRange([8, 20, 40, 65], 10, 50)).toBe(0.5);
    expect(shareWithinRange([10, 50], 10, 50)).toBe(1);
    expect(shareWithinRange([9.99, 50.01], 10, 50)).toBe(0);
    // Each consumer against their level's guideline (A to D).
    expect(shareWithinRange([12, 45, 90, 150], [5, 10, 50, 80], [15, 50, 110, 140])).toBe(0.75);
    // One bound per consumer, the other shared.
    expect(shareWithinRange([12, 45, 90], [5, 10, 50], 100)).toBe(1);
    expect(shareWithinRange([7], 7, 7)).toBe(1);
  });

  test.each([
    [
      () => shareWithinRange([], 1, 2),
      "hours",
      "empty",
      "hours is empty; enter at least one consumer's hours.",
    ],
    [
      () => shareWithinRange([1, 2], [1], 5),
      "low",
      "length-mismatch",
      "hours has 2 values but low has 1; give one per consumer.",
    ],
    [
      () => shareWithinRange([1, 2], 0, [5, 6, 7]),
      "high",
      "length-mismatch",
      "hours has 2 values but high has 3; give one per consumer.",
    ],
    [
      () => shareWithinRange([1, -2], 0, 5),
      "hours of consumer 2",
      "negative",
      "hours of consumer 2 is -2; it cannot be negative.",
    ],
    [() => shareWithinRange([-2], 0, 5), "hours", "negative", "hours is -2; it cannot be negative."],
    [() => shareWithinRange([1], -1, 5), "low", "negative", "low is -1; it cannot be negative."],
    [
      () => shareWithinRange([1, 2], [0, -1], 5),
      "low of consumer 2",
      "negative",
      "low of consumer 2 is -1; it cannot be negative.",
    ],
    [
      () => shareWithinRange([1], 10, 5),
      "high",
      "out-of-range",
      "high is 5 but low is 10; high must be at least low.",
    ],
    [
      () => shareWithinRange([1, 2], [1, 10], [5, 5]),
      "high",
      "out-of-range",
      "high is 5 but low is 10 for consumer 2; high must be at least low.",
    ],
  ])("refuses bad input %#", (call, field, problem, message) => {
    expect(inputError(call)).toEqual({ field, problem, message });
  });
});

/** Messages that describe what was typed faithfully: tiny and huge numbers, and the percentage hint. */
import { computeRateModel } from "../../src/core";
import { TOOLKIT_RATE_MODEL } from "../../src/core/toolkit/example";
import { requireNonNegative, requireNumber, requireShare } from "../../src/core/validate";
import { inputError } from "../helpers/inputError";

describe("numbers in messages", () => {
  test("a tiny negative is shown as typed, not as 0 ('is 0; it cannot be negative' before)", () => {
    expect(inputError(() => requireNonNegative("case mix", -1e-300)).message).toBe(
      "case mix is -1e-300; it cannot be negative.",
    );
    expect(inputError(() => requireNonNegative("hours", -0.00001234)).message).toBe(
      "hours is -0.00001234; it cannot be negative.",
    );
    const levels = TOOLKIT_RATE_MODEL.levels.map((level, i) =>
      i === 0 ? { ...level, caseMix: -1e-300 } : level,
    );
    expect(inputError(() => computeRateModel({ ...TOOLKIT_RATE_MODEL, levels })).message).toBe(
      "case mix for level A is -1e-300; it cannot be negative.",
    );
  });

  test("a huge negative keeps its exponent", () => {
    expect(inputError(() => requireNonNegative("budget", -1e308)).message).toBe(
      "budget is -1e+308; it cannot be negative.",
    );
  });

  test("text is echoed on one line and cut short", () => {
    expect(inputError(() => requireNumber("enrollees", "thirty\nthousand")).message).toBe(
      'enrollees must be a number, not "thirty thousand".',
    );
    expect(inputError(() => requireNumber("enrollees", "x".repeat(100))).message).toBe(
      `enrollees must be a number, not "${"x".repeat(40)}…".`,
    );
  });
});

describe("the percentage hint gives the share the percentage really is", () => {
  test("1.0001 typed for 1.0001%: enter 0.010001 (not 0.01)", () => {
    expect(inputError(() => requireShare("case mix", 1.0001)).message).toBe(
      "case mix is 100.01%; a share cannot exceed 100%. If you meant 1.0001%, enter 1.0001% or 0.010001.",
    );
  });

  test("no hint when the number is not shown exactly (1.00001 is not '1%')", () => {
    expect(inputError(() => requireShare("case mix", 1.00001)).message).toBe(
      "case mix is 100.001%; a share cannot exceed 100%.",
    );
  });

  test("the usual hint is unchanged: 10 → 10% or 0.1", () => {
    expect(inputError(() => requireShare("penetration rate", 10)).message).toBe(
      "penetration rate is 1000%; a share cannot exceed 100%. If you meant 10%, enter 10% or 0.1.",
    );
  });
});

/** A case mix within the tolerance but not exactly 100%: accepted, used as typed, and warned about. */
import { CASE_MIX_TOLERANCE, computeRateModel, type RateModel } from "../../src/core";
import { caseMixWarning, rateModelWarnings } from "../../src/core/caseMixWarning";
import { TOOLKIT_RATE_MODEL } from "../../src/core/toolkit/example";

/** The toolkit's model with level D's share set to `share` (0.10 in the toolkit). */
const withShareD = (share: number): RateModel => ({
  ...TOOLKIT_RATE_MODEL,
  levels: TOOLKIT_RATE_MODEL.levels.map((level) => (level.id === "D" ? { ...level, caseMix: share } : level)),
});

describe("caseMixWarning", () => {
  test("100.009% is warned about, with the sum shown to the digit that differs", () => {
    expect(caseMixWarning("case mix", [0.2, 0.37, 0.33, 0.10009], "the budget")).toBe(
      "case mix sums to 100.009%, not exactly 100%; the budget uses the shares as typed.",
    );
    expect(caseMixWarning("case mix", [0.2, 0.37, 0.33, 0.0999999], "the budget")).toBe(
      "case mix sums to 99.99999%, not exactly 100%; the budget uses the shares as typed.",
    );
  });

  test("a mix that is 100% but for binary rounding gets no warning", () => {
    const shares = [0.2, 0.37, 0.33, 0.1];
    expect(shares.reduce((sum, share) => sum + share, 0)).not.toBe(1); // 1.0000000000000002
    expect(caseMixWarning("case mix", shares, "the budget")).toBeNull();
    expect(caseMixWarning("case mix", [0.1, 0.2, 0.3, 0.4], "the budget")).toBeNull();
    expect(caseMixWarning("case mix", Array<number>(10).fill(0.1), "the budget")).toBeNull();
  });

  test("a mix the arithmetic refuses (outside the tolerance) gets no warning: it gets an error", () => {
    expect(caseMixWarning("case mix", [0.2, 0.37, 0.3, 0.1], "the budget")).toBeNull();
    expect(caseMixWarning("case mix", [1 + 2 * CASE_MIX_TOLERANCE], "the budget")).toBeNull();
  });

  test("at the tolerance's edge it still warns", () => {
    expect(caseMixWarning("case mix", [0.5, 0.5 + CASE_MIX_TOLERANCE * 0.99], "the budget")).toBe(
      "case mix sums to 100.0099%, not exactly 100%; the budget uses the shares as typed.",
    );
  });
});

describe("rateModelWarnings, and the budget uses the mix as typed", () => {
  test("the toolkit's model deserves no warning", () => {
    expect(rateModelWarnings(TOOLKIT_RATE_MODEL)).toEqual([]);
  });

  test("100.009%: one warning, and the budget is the typed shares' (not rescaled to 100%)", () => {
    const model = withShareD(0.10009);
    expect(rateModelWarnings(model)).toEqual([
      "case mix sums to 100.009%, not exactly 100%; the budget uses the shares as typed.",
    ]);
    const typed = computeRateModel(model);
    const exact = computeRateModel(TOOLKIT_RATE_MODEL);
    // Level D's 0.00009 more share of 3,000 cases at its case rate: about $4,711 more.
    expect(typed.totalBudget - exact.totalBudget).toBeCloseTo(3000 * 0.00009 * 110 * 158.61739, 6);
    expect(typed.levels[3].cases).toBeCloseTo(300.27, 9);
  });

  test("a provider's own mix is warned about as the provider's", () => {
    const model: RateModel = {
      ...TOOLKIT_RATE_MODEL,
      provider: {
        consumers: 1000,
        directHoursPerFte: 992.64,
        caseMix: { A: 0.2, B: 0.37, C: 0.33, D: 0.10005 },
      },
    };
    expect(rateModelWarnings(model)).toEqual([
      "provider case mix sums to 100.005%, not exactly 100%; the provider section uses the shares as typed.",
    ]);
  });
});

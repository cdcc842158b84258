/**
 * No core function returns a non-finite number: valid inputs whose result overflows raise
 * CaseRateInputError "result-not-finite", in words a finance director can act on.
 */
import {
  blendedRatePerHour,
  caseload,
  caseMixBudget,
  caseRate,
  caseRateRevenue,
  clinicianMixRatePerHour,
  computeProviderModel,
  computeRateModel,
  excelRound,
  fteNeed,
  impliedRatePerHour,
  levelBudget,
  pmpm,
  type ProviderModel,
  rateIntervalFor,
  weightedAverageHours,
} from "../../src/core";
import { TOOLKIT_RATE_MODEL } from "../../src/core/toolkit/example";
import { requireFiniteResult } from "../../src/core/validate";
import { inputError } from "../helpers/inputError";

const tooLarge = (what: string, check: string) =>
  `${what} is too large to compute (over 1.8e308); check ${check}.`;

describe("results that overflow are refused, naming the result and the inputs to check", () => {
  test.each([
    [
      "caseRate(1e308, 10)",
      () => caseRate(1e308, 10),
      tooLarge("the case rate", "average hours and rate per hour"),
    ],
    ["levelBudget(1e308, 10)", () => levelBudget(1e308, 10), tooLarge("the budget", "cases and case rate")],
    [
      "caseMixBudget(1e308, [1], [10])",
      () => caseMixBudget(1e308, [1], [10]),
      tooLarge("the budget", "cases and case rate"),
    ],
    [
      "caseMixBudget: each line finite, the total not",
      () => caseMixBudget(1e308, [0.5, 0.5], [3, 3]),
      tooLarge("the budget", "total cases and case rates"),
    ],
    [
      "pmpm(1, 5e-324)",
      () => pmpm(1, 5e-324),
      tooLarge("the amount per member per month", "budget, enrollees and months"),
    ],
    [
      "impliedRatePerHour(1e308, [1e-10], [1])",
      () => impliedRatePerHour(1e308, [1e-10], [1]),
      tooLarge("the rate per hour", "total budget, cases and average hours"),
    ],
    [
      "impliedRatePerHour with cases × hours over the largest number (not a rate of 0)",
      () => impliedRatePerHour(1000, [1e308], [10]),
      tooLarge("the total of cases × average hours", "cases and average hours"),
    ],
    [
      "fteNeed([1e308, 1e308], [10, 10], 1)",
      () => fteNeed([1e308, 1e308], [10, 10], 1),
      tooLarge("the FTE need", "cases, average hours and direct hours per FTE"),
    ],
    [
      "caseload(1e308, [1], [1e-10])",
      () => caseload(1e308, [1], [1e-10]),
      tooLarge("the caseload", "direct hours per FTE, case mix and average hours"),
    ],
    [
      "weightedAverageHours([1e308, 1e308], [8, 20]) (NaN before)",
      () => weightedAverageHours([1e308, 1e308], [8, 20]),
      tooLarge("the average across cohorts", "clients and average hours"),
    ],
    [
      "blendedRatePerHour([1e308, 1e308], [1, 1]) (NaN before)",
      () => blendedRatePerHour([1e308, 1e308], [1, 1]),
      tooLarge("the blended rate per hour", "service hours and rate per hour"),
    ],
    [
      "clinicianMixRatePerHour at a mix of 100.01%",
      () => clinicianMixRatePerHour([0.50005, 0.50005], [Number.MAX_VALUE, Number.MAX_VALUE]),
      tooLarge("the cost per hour", "cost per hour"),
    ],
    [
      "caseRateRevenue(1e308, [1], [10])",
      () => caseRateRevenue(1e308, [1], [10]),
      tooLarge("the case-rate revenue", "consumers and case rates"),
    ],
    [
      "excelRound(1.7e308, -308)",
      () => excelRound(1.7e308, -308),
      tooLarge("the rounded value", "the value and its decimals"),
    ],
    [
      "rateIntervalFor a tiny multiplier",
      () => rateIntervalFor({ printed: 1e308, multiplier: 1e-10, decimals: 0, label: "total budget" }),
      tooLarge("the rate per hour", "printed total budget, multiplier of total budget and decimals"),
    ],
  ])("%s", (_name, call, message) => {
    const error = inputError(call);
    expect(error.problem).toBe("result-not-finite");
    expect(error.message).toBe(message);
  });
});

describe("computeRateModel: what compute printed as null with exit 0", () => {
  const fteOverflow = tooLarge("the FTE need", "cases, average hours and direct hours per FTE");

  test("provider consumers 1e308", () => {
    const error = inputError(() =>
      computeRateModel({ ...TOOLKIT_RATE_MODEL, provider: { consumers: 1e308, directHoursPerFte: 1000 } }),
    );
    expect(error).toEqual({ field: "cases", problem: "result-not-finite", message: fteOverflow });
  });

  test("direct hours per FTE 1e-320", () => {
    const error = inputError(() =>
      computeRateModel({ ...TOOLKIT_RATE_MODEL, provider: { consumers: 1000, directHoursPerFte: 1e-320 } }),
    );
    expect(error.message).toBe(fteOverflow);
  });

  test("enrollees near the largest number overflow the budget", () => {
    const error = inputError(() => computeRateModel({ ...TOOLKIT_RATE_MODEL, enrollees: 1e308 }));
    expect(error.problem).toBe("result-not-finite");
  });
});

describe("computeProviderModel", () => {
  const model: ProviderModel = {
    consumers: 1000,
    caseMix: [1],
    averageHours: [10],
    caseRates: [2000],
    directHoursPerFte: 1000,
    fteOnPayroll: 8,
    directSalaryPerFte: 50_000,
    benefitsPct: 0,
    payrollTaxPct: 0,
    otherStaffSalaries: 0,
    contractorFees: 0,
    overhead: 0,
    otherRevenue: 0,
  };

  test("a salary that overflows once benefits are added", () => {
    const error = inputError(() =>
      computeProviderModel({ ...model, directSalaryPerFte: 1e308, benefitsPct: 1 }),
    );
    expect(error.message).toBe(
      tooLarge("the loaded cost per FTE", "salary per FTE, benefits and payroll taxes"),
    );
  });

  test("fixed costs that add up past the largest number", () => {
    const error = inputError(() =>
      computeProviderModel({ ...model, contractorFees: 1e308, overhead: 1e308 }),
    );
    expect(error.message).toBe(
      tooLarge("the fixed costs", "other staff salaries, contractor fees and overhead"),
    );
  });

  test("a margin % over a tiny revenue (-Infinity before)", () => {
    const error = inputError(() =>
      computeProviderModel({ ...model, caseRates: [0], otherRevenue: 1e-320, overhead: 1e10 }),
    );
    expect(error.message).toBe(tooLarge("the margin %", "consumers, case rates and other revenue"));
  });

  test("without revenue the margin % stays undefined (NaN), the one figure no input defines", () => {
    expect(computeProviderModel({ ...model, caseRates: [0] }).marginPct).toBeNaN();
  });
});

test("requireFiniteResult passes a finite number through and refuses NaN and ±Infinity", () => {
  expect(requireFiniteResult("the budget", 5, ["cases"])).toBe(5);
  for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    expect(inputError(() => requireFiniteResult("the budget", value, ["cases", "case rates"]))).toEqual({
      field: "cases",
      problem: "result-not-finite",
      message: tooLarge("the budget", "cases and case rates"),
    });
  }
});

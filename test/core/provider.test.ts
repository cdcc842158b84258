/**
 * The provider model ("How to manage under case rates"): hand-computed values for the illustrative
 * Zontanos example, properties over generated models (fast-check), and one test per message.
 */
import fc from "fast-check";
import {
  type ProductivityAssumptions,
  type ProviderModel,
  type RateModel,
  caseRateRevenue,
  computeProviderModel,
  computeProviderSection,
  computeRateModel,
  directHoursPerFte,
  parseRateModel,
} from "../../src/core";
import { TOOLKIT_LEVELS, TOOLKIT_RATE_MODEL, TOOLKIT_RATE_PER_HOUR } from "../../src/core/toolkit/example";
import {
  PROVIDER_DIRECT_HOURS_PER_FTE,
  PROVIDER_ILLUSTRATION,
  PROVIDER_PRODUCTIVITY,
} from "../../src/core/toolkit/providerExample";
import { inputError } from "../helpers/inputError";

const RUNS = { numRuns: 200 };

/** |a − b| within `relative` of the larger magnitude (exact when both are 0). */
function expectRelativelyClose(actual: number, expected: number, relative: number): void {
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * scale);
}

const sum = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);

const MIX = [0.2, 0.37, 0.33, 0.1];
const HOURS = [10, 30, 80, 110];
/** The payor's case rates (step 7): average hours × the rate per hour the toolkit computed with. */
const CASE_RATES = computeRateModel(TOOLKIT_RATE_MODEL).levels.map((level) => level.caseRate);

/** Zontanos with the illustrative productivity, salaries, overhead and other revenue. */
const ZONTANOS: ProviderModel = {
  consumers: PROVIDER_ILLUSTRATION.consumersPerYear,
  caseMix: TOOLKIT_LEVELS.map((level) => level.caseMix),
  averageHours: TOOLKIT_LEVELS.map((level) => level.averageHours),
  caseRates: CASE_RATES,
  directHoursPerFte: PROVIDER_DIRECT_HOURS_PER_FTE,
  fteOnPayroll: PROVIDER_ILLUSTRATION.fteOnPayroll,
  directSalaryPerFte: PROVIDER_ILLUSTRATION.directSalaryPerFte,
  benefitsPct: PROVIDER_ILLUSTRATION.benefitsPct,
  payrollTaxPct: PROVIDER_ILLUSTRATION.payrollTaxPct,
  otherStaffSalaries: PROVIDER_ILLUSTRATION.otherStaffSalaries,
  contractorFees: PROVIDER_ILLUSTRATION.contractorFees,
  overhead: sum(PROVIDER_ILLUSTRATION.overhead),
  otherRevenue: sum(PROVIDER_ILLUSTRATION.otherRevenue),
};

describe("the illustrative Zontanos example, by hand", () => {
  // (2,080 paid − 200 leave and training) × 60% productivity × (1 − 12% no-shows)
  const DIRECT_HOURS = 1880 * 0.6 * 0.88; // 992.64
  // 1,000 × (0.2×10 + 0.37×30 + 0.33×80 + 0.1×110) = 1,000 × 50.5
  const HOURS_NEEDED = 50_500;
  const FTE_NEED = 50_500 / 992.64; // 50.874…
  const LOADED = 78_000 * (1 + 0.24 + 0.0765); // 102,687
  const COST_PER_HOUR = 102_687 / 992.64; // 103.448…
  const DIRECT_STAFF_COST = (50_500 / 992.64) * 102_687; // 5,224,143.19…
  const OTHER_STAFF_COST = 1_350_000 * 1.3165; // 1,777,275
  // Case rates at $158.61739 an hour: 1,586.1739, 4,758.5217, 12,689.3912 and 17,447.9129.
  // 200 × 1,586.1739 + 370 × 4,758.5217 + 330 × 12,689.3912 + 100 × 17,447.9129 = 8,010,178.195
  const CASE_RATE_REVENUE = 8_010_178.195;
  const OTHER_REVENUE = 300_000 + 150_000 + 40_000 + 20_000; // 510,000
  const OVERHEAD = 700_000 + 120_000 + 90_000 + 80_000 + 110_000 + 60_000; // 1,160,000
  const FIXED = OTHER_STAFF_COST + 250_000 + OVERHEAD; // 3,187,275
  const TOTAL_REVENUE = CASE_RATE_REVENUE + OTHER_REVENUE; // 8,520,178.195
  const TOTAL_EXPENSE = DIRECT_STAFF_COST + FIXED; // 8,411,418.19…
  const MARGIN = TOTAL_REVENUE - TOTAL_EXPENSE; // 108,760.00…

  const result = computeProviderModel(ZONTANOS);

  test("the illustrative inputs are the ones computed by hand here", () => {
    expect(TOOLKIT_RATE_PER_HOUR).toBe(158.61739);
    expect(ZONTANOS.caseMix).toEqual(MIX);
    expect(ZONTANOS.averageHours).toEqual(HOURS);
    [1586.1739, 4758.5217, 12689.3912, 17447.9129].forEach((rate, i) =>
      expectRelativelyClose(CASE_RATES[i], rate, 1e-14),
    );
    expect(ZONTANOS.overhead).toBe(1_160_000);
    expect(ZONTANOS.otherRevenue).toBe(510_000);
  });

  test("direct-service hours per FTE: (2,080 − 200) × 0.6 × 0.88 = 992.64", () => {
    expect(PROVIDER_PRODUCTIVITY).toEqual({
      paidHoursPerFte: 2080,
      timeOffAndTrainingHours: 200,
      productivity: 0.6,
      noShowRate: 0.12,
    });
    expectRelativelyClose(directHoursPerFte(PROVIDER_PRODUCTIVITY), DIRECT_HOURS, 1e-15);
    expectRelativelyClose(PROVIDER_DIRECT_HOURS_PER_FTE, 992.64, 1e-15);
  });

  test("consumers by level and hours needed: 200, 370, 330, 100 consumers; 50,500 hours", () => {
    [200, 370, 330, 100].forEach((n, i) => expectRelativelyClose(result.consumersByLevel[i], n, 1e-15));
    expect(result.consumersByLevel).toHaveLength(4);
    expectRelativelyClose(result.hoursNeeded, HOURS_NEEDED, 1e-14);
  });

  test("FTE need 50,500 ÷ 992.64 = 50.87; gap over 46 on payroll 4.87", () => {
    expectRelativelyClose(result.fteNeed, FTE_NEED, 1e-14);
    expect(result.fteNeed).toBeCloseTo(50.8744, 4);
    expectRelativelyClose(result.fteGap, FTE_NEED - 46, 1e-13);
    expect(result.fteGap).toBeCloseTo(4.8744, 4);
  });

  test("blended caseload: 992.64 ÷ 50.5 hours a consumer = 19.66 consumers per FTE", () => {
    expectRelativelyClose(result.caseload, 992.64 / 50.5, 1e-14);
    expect(result.caseload).toBeCloseTo(19.6562, 4);
  });

  test("loaded cost per FTE 78,000 × 1.3165 = 102,687; cost per direct hour 102,687 ÷ 992.64", () => {
    expectRelativelyClose(result.loadedCostPerFte, LOADED, 1e-14);
    expectRelativelyClose(result.loadedCostPerFte, 102_687, 1e-14);
    expectRelativelyClose(result.costPerDirectHour, COST_PER_HOUR, 1e-14);
    expect(result.costPerDirectHour).toBeCloseTo(103.4484, 4);
  });

  test("staffing costs: direct 5,224,143.19 (FTE need × loaded cost), other staff 1,777,275", () => {
    expectRelativelyClose(result.directStaffCost, DIRECT_STAFF_COST, 1e-14);
    expect(result.directStaffCost).toBeCloseTo(5_224_143.19, 2);
    expectRelativelyClose(result.otherStaffCost, OTHER_STAFF_COST, 1e-14);
    expectRelativelyClose(result.otherStaffCost, 1_777_275, 1e-14);
  });

  test("revenue: case rates 8,010,178.195 plus other revenue 510,000", () => {
    expectRelativelyClose(result.caseRateRevenue, CASE_RATE_REVENUE, 1e-14);
    expectRelativelyClose(result.totalRevenue, TOTAL_REVENUE, 1e-14);
    expectRelativelyClose(result.totalRevenue, 8_520_178.195, 1e-14);
  });

  test("expense 8,411,418.19, margin 108,760.00, margin 1.28% of revenue", () => {
    expectRelativelyClose(result.totalExpense, TOTAL_EXPENSE, 1e-14);
    expect(result.totalExpense).toBeCloseTo(8_411_418.19, 2);
    expectRelativelyClose(result.margin, MARGIN, 1e-9);
    expect(result.margin).toBeCloseTo(108_760.0, 2);
    expectRelativelyClose(result.marginPct, MARGIN / TOTAL_REVENUE, 1e-9);
    expect(result.marginPct).toBeCloseTo(0.012765, 6);
  });

  test("value bonus per level: consumers × (case rate − hours × cost per direct hour)", () => {
    const expected = [200, 370, 330, 100].map((n, i) => n * (CASE_RATES[i] - HOURS[i] * COST_PER_HOUR));
    expect(result.valueBonusByLevel).toHaveLength(4);
    expected.forEach((bonus, i) => expectRelativelyClose(result.valueBonusByLevel[i], bonus, 1e-12));
    // Level A: 200 × (1,586.1739 − 10 × 103.448…) = 110,338.02
    expect(result.valueBonusByLevel[0]).toBeCloseTo(110_338.02, 2);
    expect(result.valueBonusByLevel[3]).toBeCloseTo(606_859.11, 2);
  });

  test("break-even: hours × 1.0208 (fixed 3,187,275), productivity 58.78%", () => {
    expectRelativelyClose(FIXED, 3_187_275, 1e-15);
    const factor = (TOTAL_REVENUE - FIXED) / DIRECT_STAFF_COST;
    expect(result.breakEvenHoursFactor).not.toBeNull();
    expectRelativelyClose(result.breakEvenHoursFactor ?? Number.NaN, factor, 1e-13);
    expect(result.breakEvenHoursFactor).toBeCloseTo(1.020819, 6);
    const productivity = result.breakEvenProductivity(0.6);
    expect(productivity).not.toBeNull();
    expectRelativelyClose(
      productivity ?? Number.NaN,
      (0.6 * DIRECT_STAFF_COST) / (TOTAL_REVENUE - FIXED),
      1e-13,
    );
    expect(productivity).toBeCloseTo(0.587764, 6);
  });

  test("every ProviderResult field is covered above", () => {
    expect(Object.keys(result).sort()).toEqual(
      [
        "consumersByLevel",
        "hoursNeeded",
        "fteNeed",
        "fteGap",
        "caseload",
        "loadedCostPerFte",
        "costPerDirectHour",
        "directStaffCost",
        "otherStaffCost",
        "caseRateRevenue",
        "totalRevenue",
        "totalExpense",
        "margin",
        "marginPct",
        "valueBonusByLevel",
        "breakEvenHoursFactor",
        "breakEvenProductivity",
      ].sort(),
    );
  });

  test("caseRateRevenue: 1,000 × Σ mix × case rate = 8,010,178.195", () => {
    expectRelativelyClose(caseRateRevenue(1000, MIX, CASE_RATES), CASE_RATE_REVENUE, 1e-14);
    expect(caseRateRevenue(0, MIX, CASE_RATES)).toBe(0);
    expect(caseRateRevenue(10, [1], [1500])).toBe(15_000);
  });
});

describe("the compute model's provider section", () => {
  const levels = computeRateModel(TOOLKIT_RATE_MODEL).levels;

  test("with the payor's mix: the FTE need, caseload and revenue of the provider model", () => {
    const section = computeProviderSection({ consumers: 1000, directHoursPerFte: 992.64 }, levels);
    const full = computeProviderModel(ZONTANOS);
    expect(Object.keys(section)).toEqual(["fteNeed", "caseload", "revenue"]);
    expectRelativelyClose(section.fteNeed, full.fteNeed, 1e-14);
    expectRelativelyClose(section.caseload, full.caseload, 1e-14);
    expectRelativelyClose(section.revenue, full.caseRateRevenue, 1e-14);
    expectRelativelyClose(section.fteNeed, 50_500 / 992.64, 1e-14);
    expectRelativelyClose(section.caseload, 992.64 / 50.5, 1e-14);
    expectRelativelyClose(section.revenue, 8_010_178.195, 1e-14);
  });

  test("with its own mix by level id: 50% A, 50% B is 20 hours a consumer", () => {
    const section = computeProviderSection(
      { consumers: 500, directHoursPerFte: 1000, caseMix: { A: 0.5, B: 0.5, C: 0, D: 0 } },
      levels,
    );
    expectRelativelyClose(section.fteNeed, (500 * 20) / 1000, 1e-14); // 10 FTEs
    expectRelativelyClose(section.caseload, 1000 / 20, 1e-14); // 50 consumers per FTE
    expectRelativelyClose(section.revenue, 500 * 20 * TOOLKIT_RATE_PER_HOUR, 1e-14);
  });

  test("computeRateModel adds `provider` only when the model has a provider section", () => {
    expect(computeRateModel(TOOLKIT_RATE_MODEL)).not.toHaveProperty("provider");
    const withProvider = computeRateModel({
      ...TOOLKIT_RATE_MODEL,
      provider: { consumers: 1000, directHoursPerFte: PROVIDER_DIRECT_HOURS_PER_FTE },
    });
    expect(Object.keys(withProvider)).toEqual(["totalCases", "levels", "totalBudget", "pmpm", "provider"]);
    expect(withProvider.provider).toEqual(
      computeProviderSection({ consumers: 1000, directHoursPerFte: PROVIDER_DIRECT_HOURS_PER_FTE }, levels),
    );
    const { provider: _provider, ...payor } = withProvider;
    expect(payor).toEqual(computeRateModel(TOOLKIT_RATE_MODEL));
  });

  test("a level's own rate per hour reaches the provider's revenue through its case rate", () => {
    const model: RateModel = {
      ...TOOLKIT_RATE_MODEL,
      levels: TOOLKIT_LEVELS.map((level) => (level.id === "D" ? { ...level, ratePerHour: 200 } : level)),
      provider: { consumers: 1000, directHoursPerFte: 992.64 },
    };
    const revenue = 1000 * (TOOLKIT_RATE_PER_HOUR * (0.2 * 10 + 0.37 * 30 + 0.33 * 80) + 0.1 * 110 * 200);
    expectRelativelyClose(computeRateModel(model).provider?.revenue ?? Number.NaN, revenue, 1e-14);
  });

  test("parseRateModel reads the provider section, with and without a case mix", () => {
    const json = { ...TOOLKIT_RATE_MODEL, levels: [...TOOLKIT_LEVELS] };
    expect(parseRateModel({ ...json, provider: { consumers: 1000, directHoursPerFte: 992.64 } })).toEqual({
      ...TOOLKIT_RATE_MODEL,
      provider: { consumers: 1000, directHoursPerFte: 992.64 },
    });
    const caseMix = { A: 0.1, B: 0.4, C: 0.4, D: 0.1 };
    expect(parseRateModel({ ...json, provider: { consumers: 10, directHoursPerFte: 900, caseMix } })).toEqual(
      {
        ...TOOLKIT_RATE_MODEL,
        provider: { consumers: 10, directHoursPerFte: 900, caseMix },
      },
    );
    expect(parseRateModel(json)).not.toHaveProperty("provider");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** A number from `min` to `max` (no NaN, no infinity). */
const between = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/**
 * 0 or a number from 1e-6 to `max` (subnormal values such as 1e-323 underflow when multiplied, where
 * no relative tolerance holds; they are no rates, costs or hours).
 */
const nonNegative = (max: number) => fc.oneof(fc.constant(0), between(1e-6, max));

/** 1–6 levels: positive weights normalised into a mix, positive hours, case rates. */
const levelsArbitrary = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 1, max: 1000 }),
      averageHours: between(0.5, 300),
      caseRate: nonNegative(40_000),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((levels) => {
    const total = levels.reduce((s, level) => s + level.weight, 0);
    return {
      caseMix: levels.map((level) => level.weight / total),
      averageHours: levels.map((level) => level.averageHours),
      caseRates: levels.map((level) => level.caseRate),
    };
  });

const productivityArbitrary: fc.Arbitrary<ProductivityAssumptions> = fc.record({
  paidHoursPerFte: between(1000, 2600),
  timeOffAndTrainingHours: nonNegative(400),
  productivity: between(0.2, 1),
  noShowRate: nonNegative(0.3),
});

/** A provider model with its productivity assumptions (direct hours per FTE computed from them). */
const providerArbitrary = fc
  .record({
    levels: levelsArbitrary,
    assumptions: productivityArbitrary,
    consumers: between(1, 100_000),
    fteOnPayroll: nonNegative(1000),
    directSalaryPerFte: between(20_000, 200_000),
    benefitsPct: nonNegative(0.5),
    payrollTaxPct: nonNegative(0.2),
    otherStaffSalaries: nonNegative(5_000_000),
    contractorFees: nonNegative(2_000_000),
    overhead: nonNegative(5_000_000),
    otherRevenue: nonNegative(5_000_000),
  })
  .map(({ levels, assumptions, ...rest }) => ({
    assumptions,
    model: { ...rest, ...levels, directHoursPerFte: directHoursPerFte(assumptions) } as ProviderModel,
  }));

describe("properties", () => {
  test("at the break-even hours factor (every level's hours scaled by it) the margin is 0", () => {
    let checked = 0;
    fc.assert(
      fc.property(providerArbitrary, ({ model }) => {
        const factor = computeProviderModel(model).breakEvenHoursFactor;
        fc.pre(factor !== null);
        const scaled = computeProviderModel({
          ...model,
          averageHours: model.averageHours.map((hours) => hours * (factor as number)),
        });
        expect(Math.abs(scaled.margin)).toBeLessThanOrEqual(1e-9 * scaled.totalRevenue);
        checked++;
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(RUNS.numRuns / 2);
  });

  test("at the break-even productivity (direct hours per FTE recomputed with it) the margin is 0", () => {
    let checked = 0;
    fc.assert(
      fc.property(providerArbitrary, ({ model, assumptions }) => {
        const productivity = computeProviderModel(model).breakEvenProductivity(assumptions.productivity);
        fc.pre(productivity !== null && productivity <= 1);
        const atBreakEven = computeProviderModel({
          ...model,
          directHoursPerFte: directHoursPerFte({ ...assumptions, productivity: productivity as number }),
        });
        expect(Math.abs(atBreakEven.margin)).toBeLessThanOrEqual(1e-9 * atBreakEven.totalRevenue);
        checked++;
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(RUNS.numRuns / 4);
  });

  test("Σ value bonus = case-rate revenue − direct staff cost", () => {
    fc.assert(
      fc.property(providerArbitrary, ({ model }) => {
        const result = computeProviderModel(model);
        const bonus = result.valueBonusByLevel.reduce((s, value) => s + value, 0);
        const scale = Math.max(result.caseRateRevenue, result.directStaffCost);
        expect(Math.abs(bonus - (result.caseRateRevenue - result.directStaffCost))).toBeLessThanOrEqual(
          1e-12 * scale,
        );
      }),
      RUNS,
    );
  });

  test("doubling consumers doubles the FTE need, hours and revenue; the caseload stays", () => {
    fc.assert(
      fc.property(providerArbitrary, ({ model }) => {
        const base = computeProviderModel(model);
        const doubled = computeProviderModel({ ...model, consumers: 2 * model.consumers });
        expect(doubled.fteNeed).toBe(2 * base.fteNeed);
        expect(doubled.hoursNeeded).toBe(2 * base.hoursNeeded);
        expect(doubled.caseRateRevenue).toBe(2 * base.caseRateRevenue);
        expect(doubled.directStaffCost).toBe(2 * base.directStaffCost);
        expect(doubled.caseload).toBe(base.caseload);
      }),
      RUNS,
    );
  });

  test("FTE need × caseload = consumers; margin = revenue − expense; expense = direct + fixed", () => {
    fc.assert(
      fc.property(providerArbitrary, ({ model }) => {
        const r = computeProviderModel(model);
        expectRelativelyClose(r.fteNeed * r.caseload, model.consumers, 1e-12);
        expectRelativelyClose(r.fteNeed, r.hoursNeeded / model.directHoursPerFte, 1e-15);
        expect(r.margin).toBe(r.totalRevenue - r.totalExpense);
        expect(r.marginPct).toBe(r.totalRevenue === 0 ? Number.NaN : r.margin / r.totalRevenue);
        const fixed = r.otherStaffCost + model.contractorFees + model.overhead;
        expectRelativelyClose(r.totalExpense, r.directStaffCost + fixed, 1e-15);
      }),
      RUNS,
    );
  });

  test("no break-even when fixed costs exceed revenue: both null, and the margin is negative", () => {
    fc.assert(
      fc.property(providerArbitrary, nonNegative(2), ({ model }, excess) => {
        const revenue = computeProviderModel(model).totalRevenue;
        const load = 1 + model.benefitsPct + model.payrollTaxPct;
        const fixedWithoutOverhead = model.otherStaffSalaries * load + model.contractorFees;
        // Overhead that takes fixed costs past revenue by `excess` × revenue (and at least $1).
        const overhead = Math.max(0, revenue - fixedWithoutOverhead) + excess * revenue + 1;
        const result = computeProviderModel({ ...model, overhead });
        expect(result.breakEvenHoursFactor).toBeNull();
        expect(result.breakEvenProductivity(0.6)).toBeNull();
        expect(result.margin).toBeLessThan(0);
      }),
      RUNS,
    );
  });
});

describe("no break-even and no revenue", () => {
  test("with no consumers there is no direct staff cost to scale: break-evens are null", () => {
    const result = computeProviderModel({ ...ZONTANOS, consumers: 0 });
    expect(result.fteNeed).toBe(0);
    expect(result.directStaffCost).toBe(0);
    expect(result.breakEvenHoursFactor).toBeNull();
    expect(result.breakEvenProductivity(0.6)).toBeNull();
  });

  test("fixed costs equal to revenue: null (no positive factor)", () => {
    const fixedWithoutOverhead = 1_777_275 + 250_000;
    const revenue = computeProviderModel(ZONTANOS).totalRevenue;
    const result = computeProviderModel({ ...ZONTANOS, overhead: revenue - fixedWithoutOverhead });
    expect(result.breakEvenHoursFactor).toBeNull();
  });

  test("margin % is NaN with no revenue at all", () => {
    const result = computeProviderModel({ ...ZONTANOS, caseRates: [0, 0, 0, 0], otherRevenue: 0 });
    expect(result.totalRevenue).toBe(0);
    expect(result.marginPct).toBeNaN();
    expect(result.margin).toBe(-result.totalExpense);
  });
});

// ---------------------------------------------------------------------------------------------
// Validation: one test per message the provider code adds.

describe("directHoursPerFte refuses", () => {
  test("time off and training beyond the paid hours", () => {
    expect(
      inputError(() => directHoursPerFte({ ...PROVIDER_PRODUCTIVITY, timeOffAndTrainingHours: 2100 })),
    ).toEqual({
      field: "time off and training hours",
      problem: "out-of-range",
      message: "time off and training hours are 2100, more than the 2080 paid hours per FTE.",
    });
    // All of the paid hours away is allowed: no direct hours (refused later as a divisor).
    expect(directHoursPerFte({ ...PROVIDER_PRODUCTIVITY, timeOffAndTrainingHours: 2080 })).toBe(0);
  });

  test("a productivity typed as a percentage, with the hint", () => {
    expect(inputError(() => directHoursPerFte({ ...PROVIDER_PRODUCTIVITY, productivity: 60 }))).toEqual({
      field: "productivity",
      problem: "share-above-one",
      message: "productivity is 6000%; a share cannot exceed 100%. If you meant 60%, enter 60% or 0.6.",
    });
  });

  test("a no-show rate above 100%, and negative paid hours", () => {
    expect(inputError(() => directHoursPerFte({ ...PROVIDER_PRODUCTIVITY, noShowRate: 12 }))).toEqual({
      field: "no-show rate",
      problem: "share-above-one",
      message: "no-show rate is 1200%; a share cannot exceed 100%. If you meant 12%, enter 12% or 0.12.",
    });
    expect(inputError(() => directHoursPerFte({ ...PROVIDER_PRODUCTIVITY, paidHoursPerFte: -1 }))).toEqual({
      field: "paid hours per FTE",
      problem: "negative",
      message: "paid hours per FTE is -1; it cannot be negative.",
    });
  });
});

describe("computeProviderModel refuses", () => {
  test("a mix that is not 100%", () => {
    expect(inputError(() => computeProviderModel({ ...ZONTANOS, caseMix: [0.2, 0.37, 0.3, 0.1] }))).toEqual({
      field: "case mix",
      problem: "mix-not-100",
      message: "case mix sums to 97%, not 100%.",
    });
  });

  test("lists of different lengths (average hours, then case rates)", () => {
    expect(inputError(() => computeProviderModel({ ...ZONTANOS, averageHours: [10, 30, 80] }))).toEqual({
      field: "average hours",
      problem: "length-mismatch",
      message: "case mix has 4 values but average hours has 3; give one per level.",
    });
    expect(
      inputError(() => computeProviderModel({ ...ZONTANOS, caseRates: CASE_RATES.slice(0, 2) })),
    ).toEqual({
      field: "case rates",
      problem: "length-mismatch",
      message: "case mix has 4 values but case rates has 2; give one per level.",
    });
  });

  test("0 direct hours per FTE: a division by zero", () => {
    const zeroHours = directHoursPerFte({ ...PROVIDER_PRODUCTIVITY, productivity: 0 });
    expect(inputError(() => computeProviderModel({ ...ZONTANOS, directHoursPerFte: zeroHours }))).toEqual({
      field: "direct hours per FTE",
      problem: "division-by-zero",
      message: "direct hours per FTE is 0; it must be more than 0.",
    });
  });

  test("negative costs and a productivity above 100% asked of the break-even", () => {
    expect(inputError(() => computeProviderModel({ ...ZONTANOS, overhead: -5 }))).toEqual({
      field: "overhead",
      problem: "negative",
      message: "overhead is -5; it cannot be negative.",
    });
    expect(inputError(() => computeProviderModel({ ...ZONTANOS, caseRates: [1, -2, 3, 4] }))).toEqual({
      field: "case rate of level 2",
      problem: "negative",
      message: "case rate of level 2 is -2; it cannot be negative.",
    });
    expect(inputError(() => computeProviderModel(ZONTANOS).breakEvenProductivity(60))).toEqual({
      field: "productivity",
      problem: "share-above-one",
      message: "productivity is 6000%; a share cannot exceed 100%. If you meant 60%, enter 60% or 0.6.",
    });
  });
});

describe("caseRateRevenue refuses", () => {
  test("a mix that is not 100%, lists of different lengths, negative case rates", () => {
    expect(inputError(() => caseRateRevenue(1000, [0.5, 0.4], [1, 2]))).toEqual({
      field: "case mix",
      problem: "mix-not-100",
      message: "case mix sums to 90%, not 100%.",
    });
    expect(inputError(() => caseRateRevenue(1000, MIX, [1, 2, 3]))).toEqual({
      field: "case rates",
      problem: "length-mismatch",
      message: "case mix has 4 values but case rates has 3; give one per level.",
    });
    expect(inputError(() => caseRateRevenue(1000, [0.5, 0.5], [100, -100]))).toEqual({
      field: "case rate of level 2",
      problem: "negative",
      message: "case rate of level 2 is -100; it cannot be negative.",
    });
  });
});

describe("the compute model's provider section refuses", () => {
  const withProvider = (provider: unknown): unknown => ({
    ...TOOLKIT_RATE_MODEL,
    levels: [...TOOLKIT_LEVELS],
    provider,
  });
  const compute = (provider: unknown) => () => computeRateModel(parseRateModel(withProvider(provider)));

  test("0 direct hours per FTE: a division by zero", () => {
    expect(inputError(compute({ consumers: 1000, directHoursPerFte: 0 }))).toEqual({
      field: "direct hours per FTE",
      problem: "division-by-zero",
      message: "direct hours per FTE is 0; it must be more than 0.",
    });
  });

  test("negative consumers", () => {
    expect(inputError(compute({ consumers: -5, directHoursPerFte: 992.64 }))).toEqual({
      field: "provider consumers",
      problem: "negative",
      message: "provider consumers is -5; it cannot be negative.",
    });
  });

  test("a provider case mix that is not 100% says it is the provider's", () => {
    expect(
      inputError(
        compute({ consumers: 1000, directHoursPerFte: 992.64, caseMix: { A: 0.2, B: 0.37, C: 0.3, D: 0.1 } }),
      ),
    ).toEqual({
      field: "provider case mix",
      problem: "mix-not-100",
      message: "provider case mix sums to 97%, not 100%.",
    });
    expect(
      inputError(
        compute({ consumers: 1000, directHoursPerFte: 992.64, caseMix: { A: 20, B: 0, C: 0, D: 0 } }),
      ),
    ).toEqual({
      field: "provider case mix for level A",
      problem: "share-above-one",
      message:
        "provider case mix for level A is 2000%; a share cannot exceed 100%. If you meant 20%, enter 20% or 0.2.",
    });
  });

  test("provider.caseMix naming a level that is not in the model", () => {
    expect(
      inputError(
        compute({
          consumers: 1000,
          directHoursPerFte: 992.64,
          caseMix: { A: 0.5, B: 0.5, C: 0, D: 0, E: 0 },
        }),
      ),
    ).toEqual({
      field: "provider.caseMix.E",
      problem: "out-of-range",
      message: 'provider.caseMix names level "E", which is not among the levels (A, B, C, D).',
    });
  });

  test("provider.caseMix leaving a level out", () => {
    expect(
      inputError(compute({ consumers: 1000, directHoursPerFte: 992.64, caseMix: { A: 0.5, C: 0.5, D: 0 } })),
    ).toEqual({
      field: "provider.caseMix.B",
      problem: "blank",
      message: "provider.caseMix.B is missing.",
    });
  });

  test("provider fields mistyped or missing", () => {
    expect(inputError(compute({ consumers: "1000", directHoursPerFte: 992.64 }))).toEqual({
      field: "provider.consumers",
      problem: "not-a-number",
      message: 'provider.consumers must be a number, not "1000".',
    });
    expect(inputError(compute({ consumers: 1000 }))).toEqual({
      field: "provider.directHoursPerFte",
      problem: "blank",
      message: "provider.directHoursPerFte is missing.",
    });
    expect(inputError(compute({ consumers: 1000, directHoursPerFte: null }))).toEqual({
      field: "provider.directHoursPerFte",
      problem: "not-a-number",
      message: "provider.directHoursPerFte must be a number, not null.",
    });
    expect(
      inputError(
        compute({ consumers: 1000, directHoursPerFte: 992.64, caseMix: { A: "20%", B: 0.8, C: 0, D: 0 } }),
      ),
    ).toEqual({
      field: "provider.caseMix.A",
      problem: "not-a-number",
      message: 'provider.caseMix.A must be a number, not "20%".',
    });
    expect(inputError(compute([1000, 992.64]))).toEqual({
      field: "provider",
      problem: "wrong-type",
      message: "provider must be an object with named fields.",
    });
    expect(
      inputError(compute({ consumers: 1000, directHoursPerFte: 992.64, caseMix: [0.2, 0.37, 0.33, 0.1] })),
    ).toEqual({
      field: "provider.caseMix",
      problem: "wrong-type",
      message: "provider.caseMix must be an object with named fields.",
    });
  });
  test("break-even productivity above 100% cannot be reached: null", () => {
    // Other costs leave so little room that the direct staff would need more than every hour at work.
    const result = computeProviderModel({ ...ZONTANOS, overhead: ZONTANOS.overhead + 2_500_000 });
    expect(result.breakEvenHoursFactor).not.toBeNull();
    expect(result.breakEvenHoursFactor!).toBeLessThan(0.6);
    expect(result.breakEvenProductivity(0.6)).toBeNull();
  });
});

/** Each core function against values worked out by hand. */
import {
  blendedRatePerHour,
  caseMixBudget,
  caseRate,
  casesByScenario,
  casesPerLevel,
  clinicianMixRatePerHour,
  computeRateModel,
  consistentRateInterval,
  excelRound,
  expectedCases,
  impliedRatePerHour,
  levelBudget,
  MONTHS_PER_YEAR,
  pmpm,
  type PrintedFigure,
  rateIntervalFor,
  reproducesPrinted,
  simplestDecimalIn,
  weightedAverageHours,
} from "../../src/core";

describe("expectedCases (step 2)", () => {
  test("30,000 enrollees at 10% give 3,000 cases", () => {
    expect(expectedCases(30000, 0.1)).toBe(3000);
  });
  test("12,345 enrollees at 20% give 2,469 cases", () => {
    expect(expectedCases(12345, 0.2)).toBeCloseTo(2469, 9);
  });
  test("0% and 100% penetration, and no enrollees", () => {
    expect(expectedCases(1000, 0)).toBe(0);
    expect(expectedCases(1000, 1)).toBe(1000);
    expect(expectedCases(0, 0.5)).toBe(0);
  });
});

describe("casesByScenario (step 2)", () => {
  test("low, medium and high rates in the order given", () => {
    const scenarios = casesByScenario(30000, [
      { name: "Low", penetrationRate: 0.09 },
      { name: "Medium", penetrationRate: 0.1 },
      { name: "High", penetrationRate: 0.11 },
    ]);
    expect(scenarios.map((s) => s.name)).toEqual(["Low", "Medium", "High"]);
    expect(scenarios.map((s) => s.penetrationRate)).toEqual([0.09, 0.1, 0.11]);
    expect(scenarios[0].cases).toBeCloseTo(2700, 9);
    expect(scenarios[1].cases).toBeCloseTo(3000, 9);
    expect(scenarios[2].cases).toBeCloseTo(3300, 9);
  });
  test("no scenarios give no rows", () => {
    expect(casesByScenario(30000, [])).toEqual([]);
  });
});

describe("casesPerLevel (step 4)", () => {
  test("3,000 cases at 20/37/33/10% give 600, 1,110, 990 and 300", () => {
    const cases = casesPerLevel(3000, [0.2, 0.37, 0.33, 0.1]);
    [600, 1110, 990, 300].forEach((expected, i) => expect(cases[i]).toBeCloseTo(expected, 9));
  });
  test("200 cases at 25/75% give 50 and 150; cases are not rounded (7 at 50/50% give 3.5 each)", () => {
    expect(casesPerLevel(200, [0.25, 0.75])).toEqual([50, 150]);
    expect(casesPerLevel(7, [0.5, 0.5], ["A", "B"])).toEqual([3.5, 3.5]);
  });
});

describe("weightedAverageHours (utilization cohorts)", () => {
  test("Level B's cohorts (239, 418, 251, 202 clients at 8, 20, 40, 65 h) average 33,442 / 1,110 h", () => {
    expect(weightedAverageHours([239, 418, 251, 202], [8, 20, 40, 65])).toBeCloseTo(33442 / 1110, 12);
    expect(excelRound(33442 / 1110, 1)).toBe(30.1);
  });
  test("one cohort averages its own hours; a cohort with no clients weighs nothing", () => {
    expect(weightedAverageHours([5], [12])).toBe(12);
    expect(weightedAverageHours([0, 10], [100, 3])).toBe(3);
  });
});

describe("blendedRatePerHour (step 6)", () => {
  test("100 h at $200 and 300 h at $100 blend to $125", () => {
    expect(blendedRatePerHour([100, 300], [200, 100])).toBe(125);
  });
  test("equal hours give the plain average", () => {
    expect(blendedRatePerHour([10, 10], [55.5, 331.3])).toBeCloseTo(193.4, 12);
  });
});

describe("clinicianMixRatePerHour (step 6)", () => {
  test("25% prescriber at $200 and 75% masters at $100 cost $125 an hour", () => {
    expect(clinicianMixRatePerHour([0.25, 0.75], [200, 100], ["prescriber", "masters"])).toBe(125);
  });
  test("H0036's mix (25% prescriber, 18% masters, 57% below masters) at $240/$120/$60", () => {
    // 0.25 × 240 + 0.18 × 120 + 0.57 × 60 = 60 + 21.6 + 34.2 = 115.8
    expect(clinicianMixRatePerHour([0.25, 0.18, 0.57], [240, 120, 60])).toBeCloseTo(115.8, 12);
  });
});

describe("caseRate (step 7)", () => {
  test("80 h × $158.62 = $12,689.60; 10 h × $158.62 = $1,586.20", () => {
    expect(caseRate(80, 158.62)).toBeCloseTo(12689.6, 9);
    expect(caseRate(10, 158.62)).toBeCloseTo(1586.2, 9);
  });
  test("no hours or no rate give $0", () => {
    expect(caseRate(0, 158.62)).toBe(0);
    expect(caseRate(80, 0)).toBe(0);
  });
});

describe("levelBudget and caseMixBudget (step 7)", () => {
  test("600 cases × $1,586 = $951,600", () => {
    expect(levelBudget(600, 1586)).toBe(951600);
  });
  test("3,000 cases at the toolkit's mix and printed case rates total $24,030,600", () => {
    const budget = caseMixBudget(
      3000,
      [0.2, 0.37, 0.33, 0.1],
      [1586, 4759, 12689, 17448],
      ["A", "B", "C", "D"],
    );
    expect(budget.totalCases).toBe(3000);
    expect(budget.lines.map((line) => line.caseMix)).toEqual([0.2, 0.37, 0.33, 0.1]);
    expect(budget.lines.map((line) => line.caseRate)).toEqual([1586, 4759, 12689, 17448]);
    [600, 1110, 990, 300].forEach((cases, i) => expect(budget.lines[i].cases).toBeCloseTo(cases, 9));
    [951600, 5282490, 12562110, 5234400].forEach((cost, i) =>
      expect(budget.lines[i].totalCost).toBeCloseTo(cost, 6),
    );
    expect(budget.totalBudget).toBeCloseTo(24030600, 6);
  });
  test("nothing is rounded: 3 cases at 50/50% and $10 give 1.5 cases and $15 a level", () => {
    const budget = caseMixBudget(3, [0.5, 0.5], [10, 10]);
    expect(budget.lines.map((line) => line.totalCost)).toEqual([15, 15]);
    expect(budget.totalBudget).toBe(30);
  });
});

describe("pmpm", () => {
  test("a year has 12 months by default: $24,030,535 over 30,000 enrollees is $66.7515 PMPM", () => {
    expect(MONTHS_PER_YEAR).toBe(12);
    expect(pmpm(24030535, 30000)).toBeCloseTo(24030535 / 360000, 12);
    expect(excelRound(pmpm(24030535, 30000), 2)).toBe(66.75);
    expect(pmpm(1200, 100)).toBe(1);
  });
  test("given months: $1,200 over 100 enrollees and 6 months is $2 PMPM", () => {
    expect(pmpm(1200, 100, 6)).toBe(2);
    expect(pmpm(1200, 100, 1)).toBe(12);
  });
});

describe("impliedRatePerHour", () => {
  test("$1,000 over 2 cases × 10 h and 3 cases × 20 h implies $12.50 an hour", () => {
    expect(impliedRatePerHour(1000, [2, 3], [10, 20])).toBe(12.5);
  });
  test("the toolkit's $24,030,535 over 151,500 hours implies $158.6173927", () => {
    const rate = impliedRatePerHour(24030535, [600, 1110, 990, 300], [10, 30, 80, 110]);
    expect(rate).toBe(24030535 / 151500);
    expect(rate).toBeCloseTo(158.6173927, 7);
  });
});

describe("rateIntervalFor (half-open)", () => {
  const levelC: PrintedFigure = { printed: 12689, multiplier: 80, decimals: 0 };

  test("$12,689 at 80 h: [12,688.5 / 80, 12,689.5 / 80) = [158.60625, 158.61875)", () => {
    expect(rateIntervalFor(levelC)).toEqual({ low: 158.60625, high: 158.61875 });
  });
  test("the low bound reproduces the printed figure, the high bound does not", () => {
    const { low, high } = rateIntervalFor(levelC);
    expect(excelRound(low * 80, 0)).toBe(12689);
    expect(reproducesPrinted(low, levelC)).toBe(true);
    expect(excelRound(high * 80, 0)).toBe(12690);
    expect(reproducesPrinted(high, levelC)).toBe(false);
  });
  test("cents: $158.62 at 2 decimals needs a rate in [158.615, 158.625); 158.615 reproduces it, 158.625 does not", () => {
    const cents: PrintedFigure = { printed: 158.62, multiplier: 1, decimals: 2 };
    const { low, high } = rateIntervalFor(cents);
    expect(low).toBeCloseTo(158.615, 12);
    expect(high).toBeCloseTo(158.625, 12);
    expect(reproducesPrinted(158.615, cents)).toBe(true);
    expect(reproducesPrinted(158.625, cents)).toBe(false);
  });
});

describe("consistentRateInterval", () => {
  const ten: PrintedFigure = { printed: 10, multiplier: 1, decimals: 0 }; // [9.5, 10.5)

  test("overlapping intervals intersect: [9.5, 10.5) ∩ [10.25, 10.75) = [10.25, 10.5)", () => {
    expect(consistentRateInterval([ten, { printed: 21, multiplier: 2, decimals: 0 }])).toEqual({
      low: 10.25,
      high: 10.5,
    });
  });
  test("one figure gives its own interval", () => {
    expect(consistentRateInterval([ten])).toEqual({ low: 9.5, high: 10.5 });
  });
  test("disjoint intervals give null", () => {
    expect(consistentRateInterval([ten, { printed: 30, multiplier: 2, decimals: 0 }])).toBeNull();
  });
  test("intervals that only touch give null (half-open: 10.5 prints 11, not 10)", () => {
    expect(consistentRateInterval([ten, { printed: 11, multiplier: 1, decimals: 0 }])).toBeNull();
  });
});

describe("simplestDecimalIn", () => {
  test("the toolkit's interval [158.6173894…, 158.6173927…) holds 158.61739", () => {
    expect(simplestDecimalIn({ low: 158.6173894389439, high: 158.61739267676768 })).toBe(158.61739);
  });
  test("a whole number when one fits: [2.3, 5) gives 3", () => {
    expect(simplestDecimalIn({ low: 2.3, high: 5 })).toBe(3);
  });
  test("the low bound counts (half-open): [3, 3.5) gives 3, [1.25, 1.3) gives 1.25", () => {
    expect(simplestDecimalIn({ low: 3, high: 3.5 })).toBe(3);
    expect(simplestDecimalIn({ low: 1.25, high: 1.3 })).toBe(1.25);
  });
  test("the result always lies in the interval", () => {
    for (const interval of [
      { low: 0.15, high: 0.2 },
      { low: 158.60625, high: 158.61875 },
      { low: 1e-7, high: 2e-7 },
    ]) {
      const value = simplestDecimalIn(interval);
      expect(value).toBeGreaterThanOrEqual(interval.low);
      expect(value).toBeLessThan(interval.high);
    }
  });
});

describe("computeRateModel", () => {
  test("a level's own rate per hour overrides the model's (note to step 6)", () => {
    const result = computeRateModel({
      enrollees: 1000,
      penetrationRate: 0.1,
      ratePerHour: 100,
      levels: [
        { id: "A", name: "A", caseMix: 0.5, averageHours: 10 },
        { id: "B", name: "B", caseMix: 0.5, averageHours: 20, ratePerHour: 150 },
      ],
    });
    expect(result.totalCases).toBe(100);
    expect(result.levels).toEqual([
      {
        id: "A",
        name: "A",
        caseMix: 0.5,
        cases: 50,
        averageHours: 10,
        ratePerHour: 100,
        caseRate: 1000,
        totalCost: 50000,
      },
      {
        id: "B",
        name: "B",
        caseMix: 0.5,
        cases: 50,
        averageHours: 20,
        ratePerHour: 150,
        caseRate: 3000,
        totalCost: 150000,
      },
    ]);
    expect(result.totalBudget).toBe(200000);
    expect(result.pmpm).toBeCloseTo(200000 / 12000, 12);
  });
  test("a per-level rate of 0 is used, not the model's", () => {
    const result = computeRateModel({
      enrollees: 100,
      penetrationRate: 1,
      ratePerHour: 100,
      levels: [{ id: "A", name: "A", caseMix: 1, averageHours: 10, ratePerHour: 0 }],
    });
    expect(result.levels[0].caseRate).toBe(0);
    expect(result.totalBudget).toBe(0);
    expect(result.pmpm).toBe(0);
  });
});

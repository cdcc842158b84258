/** The model's risk keys (parsed from the one schema), the adapter to the risk input, and the provider's bet. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { computeRateModel, parseRateModel, type RateModel } from "../../src/core";
import {
  exactRisk,
  providerRisk,
  providerRiskInputOfModel,
  riskInputOfModel,
  TOOLKIT_RISK_INPUT,
  TOOLKIT_SCENARIOS,
} from "../../src/core/risk";
import { wholeIfRoundingNoise } from "../../src/core/risk/wholeCount";
import { inputError } from "../helpers/inputError";

const RISK = JSON.parse(readFileSync(path.resolve(__dirname, "../../examples/risk.json"), "utf8")) as Record<
  string,
  unknown
> & { levels: Record<string, unknown>[]; provider: Record<string, unknown> };

const PAYOR = { ...RISK, provider: undefined, risk: undefined };
const WEIGHTED = {
  ...PAYOR,
  penetrationScenarios: { Low: 0.09, Medium: 0.1, High: 0.11 },
  risk: { scenarioWeights: { Low: 0.25, Medium: 0.5, High: 0.25 } },
};

function inputOf(json: unknown) {
  const model = parseRateModel(JSON.parse(JSON.stringify(json)));
  return { model, result: computeRateModel(model), input: riskInputOfModel(model, computeRateModel(model)) };
}

describe("parsing the risk keys", () => {
  test("examples/risk.json: hoursDistribution, the provider's cost figures and the risk section", () => {
    const model = parseRateModel(RISK);
    expect(model.levels.map((level) => level.hoursDistribution)).toEqual(
      TOOLKIT_RISK_INPUT.levels.map((level) => level.hoursDistribution),
    );
    expect(model.provider).toEqual({
      consumers: 1000,
      directHoursPerFte: 992.64,
      directCostPerHour: 103.45,
      fixedCosts: 3_187_275,
      otherRevenue: 510_000,
    });
    expect(model.risk).toEqual({ confidence: 0.95 });
  });

  test("every risk setting and the scenarios are read as given; keys left out stay out", () => {
    const model = parseRateModel({
      ...WEIGHTED,
      risk: {
        frequency: "fixed",
        confidence: 0.99,
        gridHours: 0.5,
        simulationYears: 100,
        seed: 7,
        scenarioWeights: { High: 0.25, Low: 0.25, Medium: 0.5 },
      },
    });
    expect(model.penetrationScenarios).toEqual({ Low: 0.09, Medium: 0.1, High: 0.11 });
    expect(model.risk).toEqual({
      frequency: "fixed",
      confidence: 0.99,
      gridHours: 0.5,
      simulationYears: 100,
      seed: 7,
      scenarioWeights: { High: 0.25, Low: 0.25, Medium: 0.5 },
    });
    expect("risk" in parseRateModel(PAYOR)).toBe(false);
    expect(
      "directCostPerHour" in
        (parseRateModel({ ...RISK, provider: { consumers: 1, directHoursPerFte: 1 } }).provider ?? {}),
    ).toBe(false);
  });

  test.each<[string, unknown, string, string]>([
    [
      "an unknown key in hoursDistribution",
      {
        ...PAYOR,
        levels: [
          { ...RISK.levels[0], hoursDistribution: { family: "gamma", cv: 0.6, mean: 10 } },
          ...RISK.levels.slice(1),
        ],
      },
      "levels[0].hoursDistribution.mean",
      "unknown key 'mean' in levels[0].hoursDistribution.",
    ],
    [
      "an unknown key in a cohort",
      {
        ...PAYOR,
        levels: [
          RISK.levels[0],
          { ...RISK.levels[1], hoursDistribution: { cohorts: [{ episodes: 1, averagehours: 8 }] } },
        ],
      },
      "levels[1].hoursDistribution.cohorts[0].averagehours",
      "unknown key 'averagehours' in levels[1].hoursDistribution.cohorts[0]; did you mean 'averageHours'?",
    ],
    [
      "a provider's fixedcosts",
      { ...RISK, provider: { ...RISK.provider, fixedcosts: 1 } },
      "provider.fixedcosts",
      "unknown key 'fixedcosts' in provider; did you mean 'fixedCosts'?",
    ],
    [
      "a misspelt penetrationScenarios",
      { ...PAYOR, penetrationScenario: { Low: 0.09 } },
      "penetrationScenario",
      "unknown key 'penetrationScenario' in the model; did you mean 'penetrationScenarios'?",
    ],
  ])("%s is refused with a suggestion", (_label, json, field, message) => {
    expect(inputError(() => parseRateModel(json))).toMatchObject({ field, message });
  });

  test.each<[string, unknown, string]>([
    [
      "cv 0",
      { family: "gamma", cv: 0 },
      "levels[0].hoursDistribution.cv (the coefficient of variation) must be above 0, not 0.",
    ],
    [
      "cv as text",
      { family: "gamma", cv: "0.6" },
      'levels[0].hoursDistribution.cv must be a number, not "0.6".',
    ],
    ["no cv", { family: "lognormal" }, "levels[0].hoursDistribution.cv is missing."],
    [
      "another family",
      { family: "weibull", cv: 1 },
      'levels[0].hoursDistribution.family must be "gamma" or "lognormal", not "weibull".',
    ],
    [
      "both forms",
      { family: "gamma", cv: 1, cohorts: [] },
      "levels[0].hoursDistribution gives both cohorts and a family; give one of them.",
    ],
    [
      "neither form",
      {},
      'levels[0].hoursDistribution needs either cohorts or a family ("gamma" or "lognormal") with its cv.',
    ],
    [
      "negative episodes",
      { cohorts: [{ episodes: -1, averageHours: 8 }] },
      "levels[0].hoursDistribution.cohorts[0].episodes must be a whole number of cases, 0 or more, not -1.",
    ],
    [
      "a fraction of an episode",
      { cohorts: [{ episodes: 1.5, averageHours: 8 }] },
      "levels[0].hoursDistribution.cohorts[0].episodes must be a whole number of cases, 0 or more, not 1.5.",
    ],
    [
      "negative hours",
      { cohorts: [{ episodes: 1, averageHours: -8 }] },
      "levels[0].hoursDistribution.cohorts[0].averageHours is -8; it cannot be negative.",
    ],
  ])("a hoursDistribution with %s is refused", (_label, hoursDistribution, message) => {
    const json = { ...PAYOR, levels: [{ ...RISK.levels[0], hoursDistribution }, ...RISK.levels.slice(1)] };
    expect(inputError(() => parseRateModel(json)).message).toBe(message);
  });

  test.each<[string, unknown, string]>([
    ["frequency", { frequency: "binomial" }, 'risk.frequency must be "poisson" or "fixed", not "binomial".'],
    ["empty weights", { scenarioWeights: {} }, "risk.scenarioWeights is empty; name at least one scenario."],
    [
      "a weight as text",
      { scenarioWeights: { Low: "25%", Medium: 0.5, High: 0.25 } },
      'risk.scenarioWeights.Low must be a number, not "25%".',
    ],
    [
      "a scenario in the wrong case",
      { scenarioWeights: { low: 0.25, Medium: 0.5, High: 0.25 } },
      'risk.scenarioWeights names scenario "low", which is not among the penetrationScenarios (Low, Medium, High); did you mean "Low"?',
    ],
  ])("risk with %s is refused", (_label, risk, message) => {
    expect(inputError(() => parseRateModel({ ...WEIGHTED, risk })).message).toBe(message);
  });
});

describe("riskInputOfModel: the model's cases, rates and budget, one source", () => {
  test("the toolkit's example gives the core's TOOLKIT_RISK_INPUT but for the budget: compute's unrounded one", () => {
    const { result, input } = inputOf(PAYOR);
    // The core's example holds the printed $24,030,535; the model's budget is computeRateModel's.
    expect(input).toEqual({ ...TOOLKIT_RISK_INPUT, budget: result.totalBudget });
    expect(result.totalBudget).toBeCloseTo(24_030_534.585, 6);
  });

  test("scenarioWeights give the toolkit's scenarios: 2,700, 3,000 and 3,300 cases by the mix", () => {
    const { input } = inputOf(WEIGHTED);
    expect(input.scenarios).toEqual(TOOLKIT_SCENARIOS);
  });

  test("a penetration scenario's rate above 100% is refused by name", () => {
    const json = { ...WEIGHTED, penetrationScenarios: { Low: 1.09, Medium: 0.1, High: 0.11 } };
    expect(inputError(() => inputOf(json)).message).toContain("penetration rate of scenario Low is 109%");
  });

  test("fixed frequency: cases of 7.000000000000001 (100 × 0.07) count as 7; 17.5 is refused", () => {
    const small = (enrollees: number) => ({
      enrollees,
      penetrationRate: 1,
      ratePerHour: 100,
      levels: [
        {
          id: "A",
          caseMix: 0.07,
          averageHours: 2,
          hoursDistribution: {
            cohorts: [
              { episodes: 1, averageHours: 1 },
              { episodes: 1, averageHours: 3 },
            ],
          },
        },
        { id: "B", caseMix: 0.93, averageHours: 1 },
      ],
      risk: { frequency: "fixed" },
    });
    expect(100 * 0.07).not.toBe(7);
    const { input } = inputOf(small(100));
    expect(input.levels.map((level) => level.expectedCases)).toEqual([7, 93]);
    expect(exactRisk(input).expectedCost).toBeCloseTo((7 * 2 + 93) * 100, 6);
    expect(inputError(() => exactRisk(inputOf(small(250)).input)).message).toBe(
      "expected cases for level A: with fixed frequency the number of cases must be a whole number, not 17.5.",
    );
  });

  test("wholeIfRoundingNoise drops binary rounding only", () => {
    expect(wholeIfRoundingNoise(7.000000000000001)).toBe(7);
    expect(wholeIfRoundingNoise(1109.9999999999998)).toBe(1110);
    expect(wholeIfRoundingNoise(7.001)).toBe(7.001);
    expect(wholeIfRoundingNoise(0.5)).toBe(0.5);
  });
});

describe("providerRisk: the provider's expense against its revenue", () => {
  // Two consumers, each 1 or 3 hours with probability 1/2, at $100 an hour: the hours' cost is
  // $200, $400 or $600 with probability 1/4, 1/2, 1/4.
  const levels = [
    {
      id: "A",
      consumers: 2,
      averageHours: 2,
      hoursDistribution: {
        cohorts: [
          { episodes: 1, averageHours: 1 },
          { episodes: 1, averageHours: 3 },
        ],
      },
    },
  ];

  test("by hand: expense $250, $450 or $650 against $480 of revenue", () => {
    const risk = providerRisk({ levels, directCostPerHour: 100, fixedCosts: 50, revenue: 480 });
    expect(risk.expectedCostOfCare).toBeCloseTo(400, 9);
    expect(risk.expectedExpense).toBeCloseTo(450, 9);
    expect(risk.expectedMargin).toBeCloseTo(30, 9);
    expect(risk.probabilityOfLoss).toBeCloseTo(0.25, 12);
    expect(risk.quantiles["0.5"]).toBeCloseTo(450, 9);
    expect(risk.quantiles["0.95"]).toBeCloseTo(650, 9);
    expect(risk.reserveToCover).toBeCloseTo(170, 9);
    expect(risk.gridDollars).toBe(100);
  });

  test("fixed costs above revenue: every year is a loss", () => {
    const risk = providerRisk({ levels, directCostPerHour: 100, fixedCosts: 500, revenue: 400 });
    expect(risk.probabilityOfLoss).toBe(1);
    expect(risk.reserveToCover).toBeCloseTo(1_100 - 400, 9);
  });

  test("revenue above every expense: no reserve, no loss", () => {
    const risk = providerRisk({ levels, directCostPerHour: 100, fixedCosts: 50, revenue: 700 });
    expect(risk.probabilityOfLoss).toBe(0);
    expect(risk.reserveToCover).toBe(0);
  });

  test("consumers that are not whole are refused, naming the level", () => {
    expect(
      inputError(() =>
        providerRisk({
          levels: [{ ...levels[0], consumers: 2.5 }],
          directCostPerHour: 100,
          fixedCosts: 0,
          revenue: 1,
        }),
      ).message,
    ).toBe(
      "provider consumers at level A (consumers × the provider's case mix) are 2.5; the provider's risk counts whole consumers, so choose consumers and a mix that give a whole number at every level.",
    );
  });

  test("from the model: the provider's mix, compute's revenue + otherRevenue; none without directCostPerHour", () => {
    const model = parseRateModel({
      ...RISK,
      provider: { ...RISK.provider, caseMix: { A: 0.5, B: 0.5, C: 0, D: 0 } },
    }) as RateModel;
    const result = computeRateModel(model);
    const input = providerRiskInputOfModel(model, result);
    expect(input?.levels.map((level) => level.consumers)).toEqual([500, 500, 0, 0]);
    expect(input).toMatchObject({
      directCostPerHour: 103.45,
      fixedCosts: 3_187_275,
      revenue: (result.provider?.revenue ?? NaN) + 510_000,
    });
    const plain = parseRateModel({ ...RISK, provider: { consumers: 1000, directHoursPerFte: 992.64 } });
    expect(providerRiskInputOfModel(plain, computeRateModel(plain))).toBeUndefined();
  });
});

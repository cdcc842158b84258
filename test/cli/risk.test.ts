/**
 * `case-rate risk MODEL.json` run for real (`node bin/case-rate.js risk …` on the compiled lib/,
 * built by test/globalSetup.js): the toolkit's figures, the fixed keys, bad input, and the
 * composition with `compute` (one budget). The simulation is kept to 2,000 years.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { computeRateModel, parseRateModel } from "../../src/core";
import { exactRisk, RISK_QUANTILES } from "../../src/core/risk";
import { TOOLKIT_RISK_INPUT } from "../../src/core/risk/toolkitExample";
import { caseRateProcess as caseRate, expectUsageFailure } from "../helpers/caseRateCli";
import { scratchFolder } from "./scratchFolder";

const ROOT = path.resolve(__dirname, "../..");
const RISK_TEXT = readFileSync(path.join(ROOT, "examples", "risk.json"), "utf8");
const SIMULATION_YEARS = 2_000;

type Model = Record<string, unknown> & {
  levels: Record<string, unknown>[];
  risk: Record<string, unknown>;
  provider?: Record<string, unknown>;
};
type Figures = Record<string, number>;
interface Report {
  budget: number;
  expectedCost: number;
  standardDeviation: number;
  skewness: number;
  gridDollars: number;
  quantiles: Figures;
  tailValueAtRisk: Figures;
  confidence: number;
  riskReserve: number;
  probabilityOverBudget: number;
  approximations: { normal: Figures; normalPower: Figures };
  simulation: {
    years: number;
    seed: number;
    expectedCost: number;
    standardError: number;
    quantiles: Figures;
  };
  levels: Record<string, unknown>[];
  provider?: { risk: Record<string, unknown> & { quantiles: Figures } };
}

let scratch = "";
let example: { status: number | null; stdout: string; stderr: string };
let report: Report;

/** examples/risk.json with a short simulation and `change` applied, written to the scratch folder. */
function modelFile(name: string, change: (model: Model) => void = () => undefined): string {
  const model = JSON.parse(RISK_TEXT) as Model;
  model.risk = { ...model.risk, simulationYears: SIMULATION_YEARS };
  change(model);
  const file = path.join(scratch, name);
  writeFileSync(file, JSON.stringify(model, null, 2));
  return file;
}

beforeAll(() => {
  scratch = scratchFolder("risk");
  example = caseRate("risk", modelFile("example.json"));
  report = JSON.parse(example.stdout) as Report;
});

afterAll(() => {
  if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
});

describe("case-rate risk examples/risk.json (the toolkit's example, 2,000 simulated years)", () => {
  test("exit 0, nothing on stderr, the fixed keys", () => {
    expect(example.stderr).toBe("");
    expect(example.status).toBe(0);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "budget",
        "expectedCost",
        "standardDeviation",
        "skewness",
        "gridDollars",
        "quantiles",
        "tailValueAtRisk",
        "confidence",
        "riskReserve",
        "probabilityOverBudget",
        "approximations",
        "simulation",
        "levels",
        "provider",
      ]),
    );
    const keys = RISK_QUANTILES.map(String);
    expect(keys).toEqual(["0.5", "0.75", "0.9", "0.95", "0.99", "0.995"]);
    for (const figures of [
      report.quantiles,
      report.tailValueAtRisk,
      report.approximations.normal,
      report.approximations.normalPower,
      report.simulation.quantiles,
    ]) {
      expect(Object.keys(figures)).toEqual(keys);
      for (const value of Object.values(figures)) expect(value).toBeGreaterThan(report.budget * 0.9);
    }
    expect(Object.keys(report.simulation)).toEqual([
      "years",
      "seed",
      "expectedCost",
      "standardError",
      "quantiles",
    ]);
    expect(report.simulation).toMatchObject({ years: SIMULATION_YEARS, seed: 1 });
    for (const level of report.levels) {
      expect(Object.keys(level)).toEqual([
        "id",
        "spread",
        "expectedCases",
        "caseRate",
        "averageHours",
        "averageHoursOfDistribution",
        "expectedCost",
        "standardDeviation",
        "shareOfCasesOverRate",
        "expectedExcessPerCase",
      ]);
    }
    expect(Object.keys(report.provider?.risk ?? {})).toEqual(
      expect.arrayContaining(["expectedCostOfCare", "probabilityOfLoss", "quantiles", "reserveToCover"]),
    );
  });

  test("the budget is compute's totalBudget, the same file through both commands", () => {
    const computed = JSON.parse(caseRate("compute", path.join(scratch, "example.json")).stdout) as {
      totalBudget: number;
      levels: { cases: number; caseRate: number }[];
    };
    expect(report.budget).toBe(computed.totalBudget);
    expect(report.levels.map((level) => level.expectedCases)).toEqual(computed.levels.map((l) => l.cases));
    expect(report.levels.map((level) => level.caseRate)).toEqual(computed.levels.map((l) => l.caseRate));
  });

  test("the toolkit's reserve: about $1,041,957 at 95% on the $24,030,535 budget", () => {
    // The core's TOOLKIT_RISK_INPUT holds the printed budget, $24,030,535; the model's budget is
    // computeRateModel's unrounded 3,000 × 50.5 hours × $158.61739 = $24,030,534.585. The 95%
    // quantile is the same grid point, so the reserves differ by exactly the $0.415 of rounding.
    const printed = exactRisk(TOOLKIT_RISK_INPUT);
    expect(report.budget).toBeCloseTo(24_030_534.585, 6);
    expect(printed.budget).toBe(24_030_535);
    expect(report.quantiles["0.95"]).toBe(printed.quantiles["0.95"]);
    expect(report.riskReserve).toBeCloseTo(printed.riskReserve + 0.415, 6);
    expect(Math.round(printed.riskReserve)).toBe(1_041_957);
    expect(Math.round(report.riskReserve)).toBe(1_041_958);
    expect(report.riskReserve).toBe(report.quantiles["0.95"] - report.budget);
    expect(report.confidence).toBe(0.95);
    expect(report.gridDollars).toBe(158.61739);
  });

  test("each level says its spread; Level B's cohort table averages 30.128 hours against step 5's 30", () => {
    const byId = Object.fromEntries(report.levels.map((level) => [level.id, level]));
    expect(byId.B).toMatchObject({ spread: "cohorts", averageHours: 30 });
    expect(byId.B.averageHoursOfDistribution).toBeCloseTo(33_442 / 1_110, 12);
    for (const id of ["A", "C", "D"]) expect(byId[id]).toMatchObject({ spread: "gamma" });
  });

  test("the simulation agrees with the exact quantiles within three standard errors of its mean", () => {
    expect(Math.abs(report.simulation.expectedCost - report.expectedCost)).toBeLessThan(
      3 * report.simulation.standardError,
    );
  });

  test("a level without hoursDistribution has no spread, and the output says so", () => {
    const file = modelFile("flat.json", (model) => {
      delete model.levels[0].hoursDistribution;
      delete model.provider;
    });
    const flat = JSON.parse(caseRate("risk", file).stdout) as Report;
    expect(flat.levels[0]).toMatchObject({
      id: "A",
      spread: "none",
      averageHoursOfDistribution: 10,
      shareOfCasesOverRate: 0,
      expectedExcessPerCase: 0,
    });
    expect(flat.provider).toBeUndefined();
  });
});

test("scenarioWeights over the toolkit's penetration scenarios: a wider spread on the same budget", () => {
  const file = modelFile("scenarios.json", (model) => {
    model.penetrationScenarios = { Low: 0.09, Medium: 0.1, High: 0.11 };
    model.risk.scenarioWeights = { Low: 0.25, Medium: 0.5, High: 0.25 };
    delete model.provider;
  });
  const mixed = JSON.parse(caseRate("risk", file).stdout) as Report;
  expect(mixed.budget).toBe(report.budget);
  // Symmetric weights around Medium: the same expected cases, a larger reserve (the $2.4 M swing).
  expect(mixed.levels.map((level) => level.expectedCases)).toEqual(report.levels.map((l) => l.expectedCases));
  expect(mixed.expectedCost).toBeCloseTo(report.expectedCost, 2);
  expect(mixed.standardDeviation).toBeGreaterThan(2 * report.standardDeviation);
  expect(mixed.riskReserve).toBeGreaterThan(2 * report.riskReserve);
});

describe("the provider's bet (provider.risk)", () => {
  test("revenue is compute's case-rate revenue plus otherRevenue; the reserve covers the expense's 95% quantile", () => {
    const model = parseRateModel(JSON.parse(RISK_TEXT));
    const provider = computeRateModel(model).provider;
    const risk = report.provider?.risk;
    expect(risk?.revenue).toBe((provider?.revenue ?? NaN) + 510_000);
    expect(risk?.fixedCosts).toBe(3_187_275);
    // Level B's consumers at the cohort table's 30.128 hours: 200×10 + 370×30.128 + 330×80 + 100×110.
    expect(risk?.expectedCostOfCare).toBeCloseTo(
      (2_000 + (370 * 33_442) / 1_110 + 26_400 + 11_000) * 103.45,
      4,
    );
    expect(risk?.reserveToCover).toBeCloseTo((risk?.quantiles["0.95"] ?? NaN) - (risk?.revenue as number), 6);
    expect(risk?.probabilityOfLoss).toBeGreaterThan(0);
    expect(risk?.probabilityOfLoss).toBeLessThan(0.5);
  });

  test("compute reports the provider's cost figures back, after its own keys", () => {
    const computed = JSON.parse(caseRate("compute", path.join(scratch, "example.json")).stdout) as {
      provider: Record<string, number>;
    };
    expect(Object.keys(computed.provider)).toEqual([
      "fteNeed",
      "caseload",
      "revenue",
      "directCostPerHour",
      "fixedCosts",
      "otherRevenue",
    ]);
    expect(computed.provider).toMatchObject({
      directCostPerHour: 103.45,
      fixedCosts: 3_187_275,
      otherRevenue: 510_000,
    });
  });

  test("consumers × mix that are not whole are refused, naming the level", () => {
    const file = modelFile("fraction.json", (model) => {
      model.provider = { ...model.provider, consumers: 1001 };
    });
    expectUsageFailure(
      caseRate("risk", file),
      "provider consumers at level A (consumers × the provider's case mix) are 200.2",
      "whole",
    );
  });
});

describe("help", () => {
  test("risk --help describes the keys, the output and the exit codes; the main help lists risk", () => {
    const help = caseRate("risk", "--help");
    expect(help.status).toBe(0);
    for (const part of [
      "Usage: case-rate risk MODEL.json",
      "hoursDistribution",
      "cohorts",
      "scenarioWeights",
      "simulationYears",
      "riskReserve",
      "probabilityOfLoss",
      "Exit codes",
    ])
      expect(help.stdout).toContain(part);
    expect(caseRate("--help").stdout).toContain("risk MODEL.json");
  });
});

describe("bad input: exit 2, one line on stderr, nothing on stdout", () => {
  const scenarios = (model: Model, weights: Record<string, number>) => {
    model.penetrationScenarios = { Low: 0.09, Medium: 0.1, High: 0.11 };
    model.risk.scenarioWeights = weights;
  };
  test.each<[string, (model: Model) => void, string]>([
    [
      "an unknown key in risk",
      (model) => {
        model.risk.confidance = 0.9;
      },
      "unknown key 'confidance' in risk; did you mean 'confidence'?",
    ],
    [
      "scenario weights not summing to 1",
      (model) => scenarios(model, { Low: 0.25, Medium: 0.5, High: 0.5 }),
      "risk scenarioWeights: the weights sum to 1.25, not 1.",
    ],
    [
      "a weight naming an unknown scenario",
      (model) => scenarios(model, { Low: 0.25, Medum: 0.5, High: 0.25 }),
      'risk.scenarioWeights names scenario "Medum", which is not among the penetrationScenarios (Low, Medium, High); did you mean "Medium"?',
    ],
    [
      "a scenario left without a weight",
      (model) => scenarios(model, { Low: 0.5, Medium: 0.5 }),
      'risk.scenarioWeights gives no weight to penetration scenario "High"',
    ],
    [
      "weights without penetration scenarios",
      (model) => {
        model.risk.scenarioWeights = { Medium: 1 };
      },
      "risk.scenarioWeights weighs penetration scenarios, but the model has no penetrationScenarios; add them",
    ],
    [
      "cv of 0",
      (model) => {
        model.levels[0].hoursDistribution = { family: "gamma", cv: 0 };
      },
      "levels[0].hoursDistribution.cv (the coefficient of variation) must be above 0, not 0.",
    ],
    [
      "a negative cv",
      (model) => {
        model.levels[2].hoursDistribution = { family: "lognormal", cv: -0.5 };
      },
      "levels[2].hoursDistribution.cv (the coefficient of variation) must be above 0, not -0.5.",
    ],
    [
      "negative episodes",
      (model) => {
        model.levels[1].hoursDistribution = { cohorts: [{ episodes: -239, averageHours: 8 }] };
      },
      "levels[1].hoursDistribution.cohorts[0].episodes must be a whole number of cases, 0 or more, not -239.",
    ],
    [
      "fixed frequency with cases that are not whole",
      (model) => {
        model.risk.frequency = "fixed";
        model.enrollees = 30001;
      },
      "expected cases for level A: with fixed frequency the number of cases must be a whole number, not 600.02.",
    ],
  ])("%s", (label, change, message) => {
    const file = modelFile(`${label.replace(/\W+/g, "-")}.json`, change);
    expectUsageFailure(caseRate("risk", file), `${path.basename(file)}: ${message}`);
  });

  test("no file, two files", () => {
    expectUsageFailure(caseRate("risk"), "risk takes one MODEL.json file");
    expectUsageFailure(caseRate("risk", "a.json", "b.json"), "risk takes one MODEL.json file");
    expectUsageFailure(caseRate("risk", path.join(scratch, "nowhere.json")), "nowhere.json: no such file.");
  });
});

/**
 * `case-rate contract MODEL.json [--actuals ACTUALS.json]` run for real (`node bin/case-rate.js`
 * on the compiled lib/, built by test/globalSetup.js): the example's fixed keys, the settlement
 * against the core's, and bad input as one line on stderr with exit 2. Simulations kept short.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { computeRateModel, parseRateModel } from "../../src/core";
import { parseActuals, settleYear, settlementLevelsOf } from "../../src/core/contract";
import { CONTRACT_HELP } from "../../src/cli/contract";
import { caseRateProcess as caseRate, expectUsageFailure } from "../helpers/caseRateCli";
import { scratchFolder } from "./scratchFolder";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples", "contract.json");
const ACTUALS = path.join(ROOT, "examples", "actuals.json");
const MODEL_TEXT = readFileSync(EXAMPLE, "utf8");

type Model = Record<string, unknown> & { contract: Record<string, unknown>; risk: Record<string, unknown> };

let scratch = "";

/** examples/contract.json with 500 simulated years and `change` applied, in the scratch folder. */
function modelFile(name: string, change: (model: Model) => void = () => undefined): string {
  const model = JSON.parse(MODEL_TEXT) as Model;
  model.risk = { ...model.risk, simulationYears: 500 };
  change(model);
  const file = path.join(scratch, name);
  writeFileSync(file, JSON.stringify(model));
  return file;
}

function jsonFile(name: string, value: unknown): string {
  const file = path.join(scratch, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

beforeAll(() => {
  scratch = scratchFolder("contract");
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

test("the example with its actuals: the fixed keys, and the settlement the core draws up", () => {
  const file = modelFile("example.json");
  const run = caseRate("contract", file, "--actuals", ACTUALS);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const report = JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
  expect(Object.keys(report)).toEqual([
    "withoutTerms",
    "withTerms",
    "exact",
    "simulation",
    "feeForService",
    "settlement",
  ]);
  const outcomeKeys = [
    "expectedProviderMargin",
    "probabilityOfLoss",
    "marginQuantiles",
    "expectedPayorCost",
    "payorCostQuantiles",
  ];
  expect(Object.keys(report.withoutTerms)).toEqual(outcomeKeys);
  expect(Object.keys(report.withTerms)).toEqual([...outcomeKeys, "terms"]);
  expect(Object.keys(report.withTerms.marginQuantiles as object)).toEqual([
    "0.01",
    "0.05",
    "0.5",
    "0.95",
    "0.99",
  ]);
  expect(Object.keys(report.withTerms.terms as object)).toEqual([
    "outlierPayments",
    "corridorAdjustment",
    "stopLossAdjustment",
    "withheld",
    "withholdEarned",
    "qualityBonus",
    "sharedSavings",
  ]);
  const levels = (report.feeForService.levels as Record<string, number>[]).map((level) => Object.keys(level));
  expect(levels[0]).toEqual(["id", "caseRate", "feeForServicePerCase", "breakEvenHours"]);
  // The settlement is the core's, amount for amount.
  const model = parseRateModel(JSON.parse(readFileSync(file, "utf8")));
  const {
    lines,
    arrangement: _a,
    cases: _c,
    payments: _p,
    ...expected
  } = settleYear(
    model.contract ?? {},
    settlementLevelsOf(computeRateModel(model)),
    parseActuals(JSON.parse(readFileSync(ACTUALS, "utf8"))),
  );
  expect(report.settlement).toEqual({ ...expected, lines });
  expect(Object.keys(report.settlement)).toEqual([
    "caseRatePayments",
    "outlierPayments",
    "corridorAdjustment",
    "stopLossAdjustment",
    "withheld",
    "withholdEarned",
    "qualityBonus",
    "feeForServicePayments",
    "sharedSavings",
    "netToProvider",
    "costOfCare",
    "providerMargin",
    "lines",
  ]);
});

test("the options may come before the model; without --actuals there is no settlement, without feeForService no comparison", () => {
  const file = modelFile("plain.json", (model) => {
    delete model.contract.feeForService;
  });
  const run = caseRate("contract", file);
  expect(run.status).toBe(0);
  expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual([
    "withoutTerms",
    "withTerms",
    "exact",
    "simulation",
  ]);
  expect(caseRate("contract", "--actuals", ACTUALS, file).status).toBe(0);
});

test("the shared-savings arrangement: fee-for-service payments and the savings shared", () => {
  const file = modelFile("shared.json", (model) => {
    model.contract = {
      arrangement: "sharedSavings",
      sharedSavings: { sharingRate: 0.5, minimumSavingsRate: 0.02 },
    };
  });
  const actuals = jsonFile("shared-actuals.json", {
    cases: [
      { level: "A", cost: 1000, paid: 1200 },
      { level: "B", cost: 4000 },
    ],
  });
  const run = caseRate("contract", file, "--actuals", actuals);
  expect(run.status).toBe(0);
  const settlement = (JSON.parse(run.stdout) as { settlement: Record<string, number> }).settlement;
  // Benchmark: the two case rates 1,586.1739 + 4,758.5217; spending 1,200 + 4,000.
  const savings = 1586.1739 + 4758.5217 - 5200;
  expect(settlement.feeForServicePayments).toBe(5200);
  expect(settlement.sharedSavings).toBeCloseTo(0.5 * savings, 8);
  expect(settlement.netToProvider).toBeCloseTo(5200 + 0.5 * savings, 8);
});

test("a bad term in the model: exit 2, one line naming the file and the key", () => {
  const file = modelFile("bad.json", (model) => {
    model.contract = { ...model.contract, stopLoss: -0.2 };
  });
  expectUsageFailure(
    caseRate("contract", file),
    `${file}: contract.stopLoss is -0.2; it cannot be negative.`,
  );
  const beside = modelFile("beside.json", (model) => {
    model.contract = { ...model.contract, arrangement: "sharedSavings", sharedSavings: { sharingRate: 0.5 } };
  });
  expectUsageFailure(
    caseRate("contract", beside),
    "contract.outlier is a case-rate term, but the arrangement is sharedSavings",
  );
});

test("bad actuals: exit 2, one line naming the actuals file and the case", () => {
  const file = modelFile("ok.json");
  const unknownLevel = jsonFile("level.json", { cases: [{ level: "Z", cost: 10 }], measures: {} });
  expectUsageFailure(
    caseRate("contract", file, "--actuals", unknownLevel),
    `${unknownLevel}: cases[0].level is "Z"`,
  );
  const missingMeasure = jsonFile("measure.json", { cases: [{ level: "A", cost: 10 }], measures: {} });
  expectUsageFailure(
    caseRate("contract", file, "--actuals", missingMeasure),
    "measure withinRange has no value for the year",
  );
  const typo = jsonFile("typo.json", { case: [] });
  expectUsageFailure(
    caseRate("contract", file, "--actuals", typo),
    "unknown key 'case' in actuals; did you mean 'cases'?",
  );
  expectUsageFailure(caseRate("contract", file, "--actuals", path.join(scratch, "none.json")), "none.json");
});

test("usage: one model, known options only", () => {
  expectUsageFailure(caseRate("contract"), "contract takes one MODEL.json file");
  expectUsageFailure(caseRate("contract", EXAMPLE, "--episode", "x.csv"), "unknown option --episode");
  expectUsageFailure(caseRate("contract", EXAMPLE, "--episodes"), "--episodes needs a value");
  expectUsageFailure(caseRate("contract", EXAMPLE, "--actuals"), "--actuals needs a value");
});

test("contract --help lists every contract key and fits 100 columns", () => {
  const run = caseRate("contract", "--help");
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(CONTRACT_HELP);
  for (const key of [
    "thresholdMultiple",
    "gainCorridors",
    "corridorTarget",
    "qualityGate",
    "ladder",
    "billableShare",
    "expectedMeasures",
  ]) {
    expect(CONTRACT_HELP).toMatch(new RegExp(`^ +${key} `, "m"));
  }
  expect(CONTRACT_HELP.split("\n").filter((line) => line.length > 100)).toEqual([]);
});

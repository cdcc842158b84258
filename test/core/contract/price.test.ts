/**
 * Pricing before signing: every simulated year settled by the same settle(), on the risk issue's
 * seeded simulation; the closed-form expected outlier payments against the simulation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { computeRateModel, parseRateModel, type RateModel } from "../../../src/core";
import {
  type ContractTerms,
  contractPricingInputOfModel,
  expectedMeasureValues,
  priceContract,
} from "../../../src/core/contract";
import { riskInputOfModel, validateRiskInput } from "../../../src/core/risk";
import { simulatedMean, simulateYears } from "../../../src/core/risk/simulate";

const ROOT = path.resolve(__dirname, "../../..");
const EXAMPLE = JSON.parse(readFileSync(path.join(ROOT, "examples", "contract.json"), "utf8")) as Record<
  string,
  unknown
>;

/** Years for the tests whose assertions hold in every year (identities, bounds, closed forms). */
const FEW_YEARS = 200;

/**
 * The example model with a short simulation, `contract` as its terms, with or without its
 * provider; `years` by default enough for a three-standard-error comparison.
 */
function model(contract: unknown, provider = true, years = provider ? 4000 : 1000): RateModel {
  const { provider: section, ...rest } = EXAMPLE;
  return parseRateModel({
    ...rest,
    ...(provider ? { provider: section } : {}),
    risk: { simulationYears: years, seed: 7 },
    contract,
  });
}

function priced(parsed: RateModel) {
  return priceContract(contractPricingInputOfModel(parsed, computeRateModel(parsed)));
}

test.each([
  ["the provider's consumers at its direct cost per hour", true],
  ["the payor's Poisson year at the levels' rates", false],
])(
  "simulated outlier payments agree with the closed form within three standard errors: %s",
  (_title, provider) => {
    const pricing = priced(model({ outlier: { thresholdMultiple: 1.5, payorShare: 0.8 } }, provider));
    const { outlierPayments } = pricing.exact;
    expect(outlierPayments).toBeGreaterThan(0);
    const difference = Math.abs(pricing.withTerms.terms.outlierPayments - outlierPayments);
    expect(difference).toBeLessThan(3 * pricing.simulation.standardErrors.outlierPayments);
  },
);

test("the closed form is exact on a cohort table: level B alone, fixed counts, thresholds in dollars", () => {
  // Level B's cohorts at $103.45 an hour: 8, 20, 40 and 65 hours with 239, 418, 251 and 202 episodes.
  const parsed = model(
    { outlier: { thresholdCost: { A: 1e9, B: 5000, C: 1e9, D: 1e9 }, payorShare: 0.5 } },
    true,
    FEW_YEARS,
  );
  const pricing = priced(parsed);
  // Only the 65-hour cohort ($6,724.25) is above $5,000 (40 hours is $4,138).
  const excess = (202 / 1110) * (65 * 103.45 - 5000);
  expect(pricing.exact.outlierPayments).toBeCloseTo(370 * 0.5 * excess, 6);
});

test("without terms, the one seeded simulation gives the risk command's simulated cost", () => {
  const parsed = model({}, false, FEW_YEARS);
  const result = computeRateModel(parsed);
  const pricing = priceContract(contractPricingInputOfModel(parsed, result));
  const simulated = simulateYears(validateRiskInput(riskInputOfModel(parsed, result)));
  // Payments are Σ case rates of the simulated cases; the margin is payments − the simulated cost.
  expect(pricing.withoutTerms.expectedPayorCost - pricing.withoutTerms.expectedProviderMargin).toBeCloseTo(
    simulatedMean(simulated.sortedCosts).mean,
    4,
  );
  expect(pricing.withTerms).toMatchObject({
    expectedProviderMargin: pricing.withoutTerms.expectedProviderMargin,
    terms: { outlierPayments: 0, corridorAdjustment: 0, stopLossAdjustment: 0, withheld: 0 },
  });
});

test("a stop-loss lifts the worst margins and costs the payor; the quantiles are ordered", () => {
  const parsed = model({ stopLoss: 0.01, corridorTarget: 1 }, false, FEW_YEARS);
  const pricing = priced(parsed);
  const q = pricing.withTerms.marginQuantiles;
  expect(q["0.01"]).toBeLessThanOrEqual(q["0.05"]);
  expect(q["0.05"]).toBeLessThanOrEqual(q["0.5"]);
  expect(q["0.5"]).toBeLessThanOrEqual(q["0.95"]);
  expect(q["0.95"]).toBeLessThanOrEqual(q["0.99"]);
  expect(pricing.withTerms.probabilityOfLoss).toBeLessThanOrEqual(pricing.withoutTerms.probabilityOfLoss);
  expect(q["0.01"]).toBeGreaterThanOrEqual(pricing.withoutTerms.marginQuantiles["0.01"]);
  expect(pricing.withTerms.terms.stopLossAdjustment).toBeGreaterThanOrEqual(0);
  expect(pricing.withTerms.expectedPayorCost).toBeCloseTo(
    pricing.withoutTerms.expectedPayorCost + pricing.withTerms.terms.stopLossAdjustment,
    4,
  );
});

test("measures default to their targets when pricing; expectedMeasures overrides", () => {
  const terms: ContractTerms = {
    withhold: {
      percent: 0.02,
      measures: [
        { id: "a", weight: 0.5, target: 0.75, direction: "atLeast", scoring: "gate" },
        { id: "b", weight: 0.5, target: 0.1, direction: "atMost", scoring: "gate" },
      ],
    },
    expectedMeasures: { b: 0.2 },
  };
  expect(expectedMeasureValues(terms)).toEqual({ a: 0.75, b: 0.2 });
  const pricing = priced(
    model(
      {
        withhold: { percent: 0.02, measures: [{ id: "a", weight: 1, target: 0.75, direction: "atLeast" }] },
      },
      true,
      FEW_YEARS,
    ),
  );
  expect(pricing.withTerms.terms.withholdEarned).toBeCloseTo(pricing.withTerms.terms.withheld, 6);
});

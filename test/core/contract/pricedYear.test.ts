/**
 * The one decision of the year a contract is priced on: the provider's consumers at fixed counts
 * at its direct cost per hour when it has one, else the payor's year at each level's rate; a
 * contract's costPerHour is the cost of an hour in either.
 */
import { pricedYear } from "../../../src/core/contract";
import type { ProviderRiskInput, RiskInput } from "../../../src/core/risk";

const PAYOR: RiskInput = {
  levels: [
    {
      id: "A",
      expectedCases: 60.5,
      averageHours: 10,
      ratePerHour: 150,
      hoursDistribution: { family: "gamma", cv: 0.6 },
    },
    { id: "B", expectedCases: 110, averageHours: 30, ratePerHour: 160 },
  ],
  ratePerHour: 150,
  budget: 600000,
  confidence: 0.9,
  simulationYears: 500,
  seed: 7,
};

const PROVIDER: ProviderRiskInput = {
  levels: [
    {
      id: "A",
      consumers: 20.000000000000004,
      averageHours: 12,
      hoursDistribution: { family: "gamma", cv: 0.6 },
    },
    { id: "B", consumers: 80, averageHours: 28 },
  ],
  directCostPerHour: 103.45,
  fixedCosts: 1000,
  revenue: 250000,
};

test("without a provider year: the payor's year as it is", () => {
  expect(pricedYear(PAYOR, undefined)).toBe(PAYOR);
});

test("without a provider year, at a cost of an hour: every level's hours at it, nothing else changed", () => {
  const year = pricedYear(PAYOR, undefined, 100);
  expect(year.levels.map((level) => level.ratePerHour)).toEqual([100, 100]);
  expect({ ...year, levels: [] }).toEqual({ ...PAYOR, levels: [] });
  expect(year.levels.map(({ ratePerHour: _rate, ...rest }) => rest)).toEqual(
    PAYOR.levels.map(({ ratePerHour: _rate, ...rest }) => rest),
  );
});

test("with a provider year: its consumers at fixed whole counts at its direct cost, the payor's seed and years", () => {
  expect(pricedYear(PAYOR, PROVIDER)).toEqual({
    levels: [
      {
        id: "A",
        expectedCases: 20,
        averageHours: 12,
        ratePerHour: 103.45,
        hoursDistribution: { family: "gamma", cv: 0.6 },
      },
      { id: "B", expectedCases: 80, averageHours: 28, ratePerHour: 103.45 },
    ],
    ratePerHour: 103.45,
    budget: 250000,
    frequency: "fixed",
    simulationYears: 500,
    seed: 7,
  });
});

test("with a provider year, at a cost of an hour: the provider's consumers, each hour at that cost", () => {
  const year = pricedYear(PAYOR, PROVIDER, 120);
  expect(year.levels.map((level) => [level.expectedCases, level.ratePerHour])).toEqual([
    [20, 120],
    [80, 120],
  ]);
  expect(year.ratePerHour).toBe(120);
});

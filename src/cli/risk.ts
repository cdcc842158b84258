import { computeRateModel, parseRateModel } from "../core";
import { rateModelWarnings } from "../core/caseMixWarning";
import { type KeySpec, LEVEL_KEYS, MODEL_KEYS, PROVIDER_KEYS, type Section } from "../core/modelSchema";
import {
  type ProviderRisk,
  type RiskOfYear,
  MAX_SIMULATION_YEARS,
  RISK_QUANTILES,
  providerRisk,
  providerRiskInputOfModel,
  riskInputOfModel,
  riskOfYear,
} from "../core/risk";
import { describeModelKeys } from "./compute";
import { readJsonFile } from "./readJson";

/** The schema's spec of `key` in `section`. */
function specOf(section: Section, key: string): KeySpec {
  const spec = section.find((candidate) => candidate.key === key);
  if (spec === undefined) throw new Error(`the model schema declares no key ${key}`);
  return spec;
}

/** The model keys risk reads beyond compute's, as the schema declares them, for --help. */
const RISK_MODEL_KEYS: Section = [
  { ...specOf(LEVEL_KEYS, "hoursDistribution"), key: "levels[].hoursDistribution" },
  {
    ...specOf(MODEL_KEYS, "provider"),
    keys: ["directCostPerHour", "fixedCosts", "otherRevenue"].map((key) => specOf(PROVIDER_KEYS, key)),
  },
  specOf(MODEL_KEYS, "penetrationScenarios"),
  specOf(MODEL_KEYS, "risk"),
];

export const RISK_HELP = `Usage: case-rate risk MODEL.json

Reads a rate-setting model (the keys of 'case-rate compute --help') and prints, as JSON, the
distribution of the year's cost under its case rates: computed exactly on a grid of case costs,
with closed-form approximations and a seeded simulation as cross-checks.

The model's keys for risk, besides compute's (any other key is refused):
${describeModelKeys(RISK_MODEL_KEYS)}
Output (dollars, unrounded; quantiles keyed "${RISK_QUANTILES.join('", "')}" and the confidence):
  budget (compute's totalBudget), expectedCost, standardDeviation, skewness, gridDollars,
  quantiles, tailValueAtRisk (E[cost | cost > quantile]), confidence,
  riskReserve = max(0, quantile at confidence - budget), probabilityOverBudget,
  approximations.normal, approximations.normalPower, frequency,
  simulation (years, seed, expectedCost, standardError, quantiles),
  levels[] (id, spread: "none", "cohorts", "gamma" or "lognormal", expectedCases, caseRate,
  averageHours, averageHoursOfDistribution, expectedCost, standardDeviation,
  shareOfCasesOverRate, expectedExcessPerCase), and with provider.directCostPerHour
  provider.risk (confidence, revenue = case-rate revenue + otherRevenue, fixedCosts,
  expectedCostOfCare, expectedExpense, expectedMargin, probabilityOfLoss, quantiles of the
  expense, reserveToCover). The provider's consumers x its mix must be whole at every level.
Simulation: at most ${MAX_SIMULATION_YEARS} years; the default 10000 takes a few seconds.

Exit codes: 0 done; 2 the file or a field is unusable (one line on stderr says which).
Example: case-rate risk examples/risk.json
`;

/** What `risk` prints: the year's figures without the grid itself, and the provider's bet. */
export type RiskReport = ReturnType<typeof reportOf>;

/** The printed figures: the fixed keys first; the distribution's grid is left out (it can be millions of points). */
function reportOf(year: RiskOfYear, provider: ProviderRisk | undefined) {
  return {
    budget: year.budget,
    expectedCost: year.expectedCost,
    standardDeviation: year.standardDeviation,
    skewness: year.skewness,
    gridDollars: year.gridDollars,
    quantiles: year.quantiles,
    tailValueAtRisk: year.tailValueAtRisk,
    confidence: year.confidence,
    riskReserve: year.riskReserve,
    probabilityOverBudget: year.probabilityOverBudget,
    approximations: year.approximations,
    frequency: year.frequency,
    simulation: {
      years: year.simulation.years,
      seed: year.simulation.seed,
      expectedCost: year.simulation.expectedCost,
      standardError: year.simulation.standardError,
      quantiles: year.simulation.quantiles,
    },
    levels: year.levels.map((level) => ({
      id: level.id,
      spread: level.spread,
      expectedCases: level.expectedCases,
      caseRate: level.caseRate,
      averageHours: level.averageHours,
      averageHoursOfDistribution: level.averageHoursOfDistribution,
      expectedCost: level.expectedCost,
      standardDeviation: level.standardDeviation,
      shareOfCasesOverRate: level.shareOfCasesOverRate,
      expectedExcessPerCase: level.expectedExcessPerCase,
    })),
    ...(provider === undefined ? {} : { provider: { risk: provider } }),
  };
}

/** `case-rate risk MODEL.json`: the year's cost distribution of the model, and its warnings for stderr. */
export function risk(modelPath: string): { report: RiskReport; warnings: readonly string[] } {
  const model = parseRateModel(readJsonFile(modelPath));
  const result = computeRateModel(model);
  const providerInput = providerRiskInputOfModel(model, result);
  return {
    report: reportOf(
      riskOfYear(riskInputOfModel(model, result)),
      providerInput === undefined ? undefined : providerRisk(providerInput),
    ),
    warnings: rateModelWarnings(model),
  };
}

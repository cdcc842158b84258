/** Risk models the suites check: the toolkit's, a five-level one, one with per-level rates, one with fixed counts. */
import type { RiskInput } from "../../../src/core/risk";
import { TOOLKIT_RISK_INPUT, TOOLKIT_SCENARIOS } from "../../../src/core/risk/toolkitExample";

/** A model under test, with the simulated years its cross-check takes. */
export interface RiskCase {
  readonly name: string;
  readonly input: RiskInput;
}

const budgetOf = (levels: RiskInput["levels"]) =>
  levels.reduce((sum, level) => sum + level.expectedCases * level.averageHours * level.ratePerHour, 0);

const fiveLevels: RiskInput["levels"] = [
  {
    id: "L1",
    expectedCases: 400,
    averageHours: 6,
    ratePerHour: 120,
    hoursDistribution: { family: "lognormal", cv: 0.8 },
  },
  { id: "L2", expectedCases: 300, averageHours: 12.5, ratePerHour: 120 },
  {
    id: "L3",
    expectedCases: 250,
    averageHours: 35,
    ratePerHour: 120,
    hoursDistribution: {
      cohorts: [
        { episodes: 120, averageHours: 10 },
        { episodes: 80, averageHours: 35.5 },
        { episodes: 50, averageHours: 90 },
      ],
    },
  },
  {
    id: "L4",
    expectedCases: 150,
    averageHours: 90,
    ratePerHour: 120,
    hoursDistribution: { family: "gamma", cv: 1.3 },
  },
  {
    id: "L5",
    expectedCases: 100,
    averageHours: 200,
    ratePerHour: 120,
    hoursDistribution: { family: "lognormal", cv: 0.5 },
  },
];

const perLevelRates: RiskInput["levels"] = [
  {
    id: "Outpatient",
    expectedCases: 120,
    averageHours: 8,
    ratePerHour: 110,
    hoursDistribution: { family: "gamma", cv: 0.7 },
  },
  {
    id: "Intensive",
    expectedCases: 60,
    averageHours: 40,
    ratePerHour: 158.61739,
    hoursDistribution: {
      cohorts: [
        { episodes: 30, averageHours: 18.25 },
        { episodes: 22, averageHours: 45 },
        { episodes: 8, averageHours: 101.5 },
      ],
    },
  },
  {
    id: "Residential",
    expectedCases: 20,
    averageHours: 150,
    ratePerHour: 210,
    hoursDistribution: { family: "lognormal", cv: 0.6 },
  },
];

const fixedLevels: RiskInput["levels"] = [
  {
    id: "X",
    expectedCases: 24,
    averageHours: 12,
    ratePerHour: 100,
    hoursDistribution: {
      cohorts: [
        { episodes: 10, averageHours: 4 },
        { episodes: 25, averageHours: 10 },
        { episodes: 5, averageHours: 30 },
      ],
    },
  },
  {
    id: "Y",
    expectedCases: 16,
    averageHours: 30,
    ratePerHour: 100,
    hoursDistribution: { family: "gamma", cv: 0.5 },
  },
];

/** The models, each with a simulation small enough for the suite's time. */
export const RISK_CASES: readonly RiskCase[] = [
  { name: "the toolkit's example", input: { ...TOOLKIT_RISK_INPUT, simulationYears: 2_000 } },
  {
    name: "the toolkit's example over its penetration scenarios",
    input: { ...TOOLKIT_RISK_INPUT, scenarios: TOOLKIT_SCENARIOS, simulationYears: 1_000, seed: 7 },
  },
  {
    name: "five levels, 2-hour grid",
    input: {
      levels: fiveLevels,
      ratePerHour: 120,
      budget: budgetOf(fiveLevels),
      gridHours: 2,
      simulationYears: 3_000,
    },
  },
  {
    name: "per-level rates, 2-hour grid",
    input: {
      levels: perLevelRates,
      ratePerHour: 150,
      budget: budgetOf(perLevelRates),
      gridHours: 2,
      confidence: 0.9,
    },
  },
  {
    name: "fixed counts (40 cases)",
    input: {
      levels: fixedLevels,
      ratePerHour: 100,
      budget: budgetOf(fixedLevels),
      gridHours: 2,
      frequency: "fixed",
    },
  },
];

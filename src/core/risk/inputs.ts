import { CaseRateInputError } from "../errors";
import { type Field, entryOf, field as fieldOf } from "../fields";
import { describeNumber } from "../format";
import {
  CASE_MIX_TOLERANCE,
  requireNonEmpty,
  requireNonNegative,
  requireNumber,
  requirePositive,
  requireSameLength,
  requireUniqueIds,
} from "../validate";

/** One cohort of a level's history: `episodes` cases that took `averageHours` hours each on average. */
export interface HoursCohort {
  readonly episodes: number;
  readonly averageHours: number;
}

/**
 * How the hours of one case spread around the level's average: a cohort table (hours are cohort
 * k's `averageHours` with probability episodesₖ ÷ Σ episodes) or a continuous family whose mean is
 * the level's `averageHours` and whose coefficient of variation is `cv`.
 */
export type HoursDistribution =
  | { readonly cohorts: readonly HoursCohort[] }
  | { readonly family: "gamma" | "lognormal"; readonly cv: number };

/** A level of care as the risk computation sees it. */
export interface RiskLevel {
  readonly id: string;
  /** Expected cases a year (the Poisson mean), or the exact count with fixed frequency. */
  readonly expectedCases: number;
  /** The case rate's hours: the budget pays averageHours × ratePerHour per case. */
  readonly averageHours: number;
  readonly ratePerHour: number;
  /** Left out: no spread, every case at its average hours. */
  readonly hoursDistribution?: HoursDistribution;
}

/** A penetration scenario: its weight and its expected cases per level, in the levels' order. */
export interface RiskScenario {
  readonly name: string;
  readonly weight: number;
  readonly expectedCases: readonly number[];
}

/** Everything the year's cost distribution depends on. */
export interface RiskInput {
  readonly levels: readonly RiskLevel[];
  /** The model's rate per hour: the grid step is gridHours × this, in dollars. */
  readonly ratePerHour: number;
  /** What the year's cost is held against (the model's total budget), in dollars. */
  readonly budget: number;
  /** "poisson" (default): cases at a level are Poisson; "fixed": exactly expectedCases, whole. */
  readonly frequency?: "poisson" | "fixed";
  /** The quantile the risk reserve is held at; default 0.95. */
  readonly confidence?: number;
  /** The grid step in hours of the model's rate; default 1. */
  readonly gridHours?: number;
  /** Simulated years for the cross-check; default 10,000. */
  readonly simulationYears?: number;
  /** The simulation's seed, a whole number from 0 to 4,294,967,295; default 1. */
  readonly seed?: number;
  /** A weighted mixture of scenarios; when given it replaces the levels' expectedCases. */
  readonly scenarios?: readonly RiskScenario[];
}

/** RiskInput checked, with its defaults filled in and scenario weights summing to exactly 1. */
export interface ValidRiskInput {
  readonly levels: readonly RiskLevel[];
  readonly ratePerHour: number;
  readonly budget: number;
  readonly frequency: "poisson" | "fixed";
  readonly confidence: number;
  readonly gridHours: number;
  readonly gridDollars: number;
  readonly simulationYears: number;
  readonly seed: number;
  readonly scenarios: readonly RiskScenario[];
}

export const RISK_DEFAULTS = {
  frequency: "poisson",
  confidence: 0.95,
  gridHours: 1,
  simulationYears: 10_000,
  seed: 1,
} as const;

/** Most simulated years accepted: ten million. */
export const MAX_SIMULATION_YEARS = 10_000_000;

/** "field: message", the field named by the adapter when the core names it by id. */
function problem(field: Field, kind: ConstructorParameters<typeof CaseRateInputError>[1], message: string) {
  return new CaseRateInputError(field, kind, (name) => `${name(field)}: ${message}`);
}

function requireWhole(field: Field, value: unknown, what: string): number {
  const number = requireNonNegative(field, value);
  if (!Number.isInteger(number)) {
    throw problem(
      field,
      "not-a-whole-number",
      `${what} must be a whole number, not ${describeNumber(number)}.`,
    );
  }
  return number;
}

function validateHoursDistribution(level: RiskLevel, index: number): void {
  const distribution = level.hoursDistribution;
  if (distribution === undefined) return;
  const field = `hoursDistribution for level ${level.id}`;
  const episodesField = entryOf(fieldOf("episodes", "hoursDistribution"), index, `for level ${level.id}`);
  if ("cohorts" in distribution) {
    if (!Array.isArray(distribution.cohorts) || distribution.cohorts.length === 0) {
      throw problem(field, "empty", "the cohort table is empty; give at least one cohort.");
    }
    for (const cohort of distribution.cohorts) {
      const episodes = Number(cohort?.episodes);
      if (typeof cohort?.episodes !== "number" || !Number.isInteger(episodes) || episodes < 0) {
        throw problem(episodesField, "not-a-whole-number", "episodes must be whole numbers ≥ 0.");
      }
      const hours = cohort.averageHours;
      if (typeof hours !== "number" || !Number.isFinite(hours) || hours < 0) {
        throw problem(field, "negative", "averageHours must be numbers ≥ 0.");
      }
    }
    if (distribution.cohorts.every((cohort) => cohort.episodes === 0)) {
      throw problem(field, "empty", "every cohort has 0 episodes; at least one needs episodes.");
    }
    return;
  }
  if ("family" in distribution) {
    if (distribution.family !== "gamma" && distribution.family !== "lognormal") {
      throw problem(
        field,
        "wrong-type",
        `family must be "gamma" or "lognormal", not "${String(distribution.family)}".`,
      );
    }
    const cv = distribution.cv;
    if (typeof cv !== "number" || !Number.isFinite(cv) || cv <= 0 || cv > 10) {
      throw problem(
        field,
        "out-of-range",
        `cv (the coefficient of variation) must be a number above 0 and at most 10, not ${String(cv)}.`,
      );
    }
    if (!(level.averageHours > 0)) {
      throw problem(
        field,
        "out-of-range",
        `a ${distribution.family} distribution needs the level's averageHours above 0.`,
      );
    }
    return;
  }
  throw problem(field, "wrong-type", 'give either "cohorts" or "family" with "cv".');
}

function validateCases(field: Field, value: unknown, fixed: boolean): number {
  return fixed
    ? requireWhole(field, value, "with fixed frequency the number of cases")
    : requireNonNegative(field, value);
}

/**
 * Checks a RiskInput and fills in its defaults; bad input raises a CaseRateInputError naming the
 * field, e.g. "hoursDistribution for level B: episodes must be whole numbers ≥ 0."
 */
export function validateRiskInput(input: RiskInput): ValidRiskInput {
  requireNonEmpty("levels", input.levels, "level of care");
  requireUniqueIds(
    "levels",
    input.levels.map((level) => level.id),
  );
  const frequency = input.frequency ?? RISK_DEFAULTS.frequency;
  if (frequency !== "poisson" && frequency !== "fixed") {
    throw problem(
      "risk frequency",
      "wrong-type",
      `must be "poisson" or "fixed", not "${String(frequency)}".`,
    );
  }
  const fixed = frequency === "fixed";
  input.levels.forEach((level, i) => {
    const forLevel = `for level ${level.id}`;
    validateCases(entryOf(fieldOf("cases", "expected cases"), i, forLevel), level.expectedCases, fixed);
    requireNonNegative(entryOf(fieldOf("averageHours"), i, forLevel), level.averageHours);
    requirePositive(entryOf(fieldOf("ratePerHour"), i, forLevel), level.ratePerHour);
    validateHoursDistribution(level, i);
  });
  const ratePerHour = requirePositive(fieldOf("ratePerHour"), input.ratePerHour);
  const budget = requireNonNegative(fieldOf("budget"), input.budget);
  const confidenceField = fieldOf("confidence", "risk confidence");
  const confidence = requireNumber(confidenceField, input.confidence ?? RISK_DEFAULTS.confidence);
  if (!(confidence >= 0.5 && confidence < 1)) {
    throw problem(
      confidenceField,
      "out-of-range",
      `must be at least 0.5 and below 1 (0.95 = 95%), not ${describeNumber(confidence)}.`,
    );
  }
  const gridHours = requirePositive("risk gridHours", input.gridHours ?? RISK_DEFAULTS.gridHours);
  const simulationYears = requireWhole(
    "risk simulationYears",
    input.simulationYears ?? RISK_DEFAULTS.simulationYears,
    "the number of simulated years",
  );
  if (simulationYears < 1 || simulationYears > MAX_SIMULATION_YEARS) {
    throw problem(
      "risk simulationYears",
      "out-of-range",
      `must be from 1 to ${MAX_SIMULATION_YEARS}, not ${simulationYears}.`,
    );
  }
  const seed = requireWhole("risk seed", input.seed ?? RISK_DEFAULTS.seed, "the seed");
  if (seed > 0xffffffff) {
    throw problem("risk seed", "out-of-range", `must be a whole number from 0 to 4294967295, not ${seed}.`);
  }
  return {
    levels: input.levels,
    ratePerHour,
    budget,
    frequency,
    confidence,
    gridHours,
    gridDollars: gridHours * ratePerHour,
    simulationYears,
    seed,
    scenarios: validateScenarios(input, fixed),
  };
}

function validateScenarios(input: RiskInput, fixed: boolean): RiskScenario[] {
  const levelCases = input.levels.map((level) => level.expectedCases);
  if (input.scenarios === undefined) return [{ name: "model", weight: 1, expectedCases: levelCases }];
  requireNonEmpty("risk scenarioWeights", input.scenarios, "scenario");
  for (const scenario of input.scenarios) {
    const field = `scenario ${scenario.name}`;
    requireNonNegative(`weight of ${field}`, scenario.weight);
    requireSameLength("levels", input.levels, `expected cases of ${field}`, scenario.expectedCases);
    scenario.expectedCases.forEach((cases, index) =>
      validateCases(`expected cases of ${field} for level ${input.levels[index].id}`, cases, fixed),
    );
  }
  const total = input.scenarios.reduce((sum, scenario) => sum + scenario.weight, 0);
  if (Math.abs(total - 1) > CASE_MIX_TOLERANCE) {
    throw problem(
      "risk scenarioWeights",
      "mix-not-100",
      `the weights sum to ${describeNumber(total)}, not 1.`,
    );
  }
  return input.scenarios.map((scenario) => ({ ...scenario, weight: scenario.weight / total }));
}

import { CaseRateInputError } from "../../core/errors";
import {
  type ByProbability,
  type HoursDistribution,
  type RiskInput,
  cumulative,
  type ProviderRiskInput,
  exactRisk,
  providerRisk,
  providerRiskLevels,
} from "../../core/risk";
import type { CalculatedWorkbook } from "../calc";
import type { Naming } from "../freeNames";

/** Bars the chart of the year's cost draws between its 0.05% and 99.95% quantiles. */
export const DISTRIBUTION_BARS = 60;
/** The probabilities the chart's span runs between. */
const SPAN = [0.0005, 0.9995] as const;

/** One bar of the year's cost: its cost range's middle and its probability, by where it lies. */
export interface DistributionBar {
  /** The middle of the bar's cost range, in dollars. */
  readonly cost: number;
  readonly probability: number;
  readonly where: "within budget" | "within reserve" | "beyond reserve";
}

/** The core's exact figures for the workbook's inputs, and what they were computed from. */
export interface RiskFigures {
  readonly riskReserve: number;
  readonly probabilityOverBudget: number;
  /** Exact quantiles of the year's cost, keyed "0.5", …, with the confidence's among them. */
  readonly quantiles: ByProbability;
  readonly confidence: number;
  /** The fingerprint of the inputs: the closed-form moments and the budget they were computed at. */
  readonly expectedCost: number;
  readonly standardDeviation: number;
  readonly skewness: number;
  readonly budget: number;
  readonly bars: readonly DistributionBar[];
  /** The provider's exact figures, when the workbook has the provider model and its inputs are in. */
  readonly provider?: ProviderRiskFigures;
}

/** The core's providerRisk for the Dashboard, and what it was computed from. */
export interface ProviderRiskFigures {
  readonly probabilityOfLoss: number;
  readonly reserveToCover: number;
  readonly confidence: number;
  /** The inputs: consumers, cost of a direct hour, fixed costs, revenue, planned hours per consumer. */
  readonly consumers: number;
  readonly costPerDirectHour: number;
  readonly fixedCosts: number;
  readonly revenue: number;
  readonly plannedHoursPerConsumer: number;
}

/** A calculated name's numbers, or undefined when one is not a number (an input left blank). */
export function numbers(calc: CalculatedWorkbook, name: string): (number | null)[] {
  return (calc.named(name) ?? []).map((cell) =>
    cell.ok && typeof cell.value === "number" ? cell.value : null,
  );
}

/** A level's hours distribution as the Risk sheet's inputs give it: gamma by its cv, else its cohorts. */
function hoursOf(
  cv: number | null,
  episodes: readonly (number | null)[],
  hours: readonly (number | null)[],
): HoursDistribution | undefined {
  if (cv !== null) return { family: "gamma", cv };
  const cohorts = episodes.flatMap((count, k) =>
    count !== null && count > 0 ? [{ episodes: count, averageHours: hours[k] ?? 0 }] : [],
  );
  return cohorts.length > 0 ? { cohorts } : undefined;
}

/**
 * The risk input the workbook's own inputs describe, read from its first calculation: each level's
 * cases, rate per hour, average hours and spread (Risk's cv and cohort table), the budget and the
 * confidence. Undefined until every input is in.
 */
export function riskInputOf(calc: CalculatedWorkbook, naming: Naming): RiskInput | undefined {
  const one = (name: string) => numbers(calc, naming.name(name))[0] ?? null;
  const complete = calc.named(naming.name("InputsComplete"))?.[0];
  if (!complete?.ok || complete.value !== true) return undefined;
  const ids = (calc.named(naming.name("LevelIds")) ?? []).map((cell) => (cell.ok ? String(cell.value) : ""));
  const cases = numbers(calc, naming.name("LevelCases"));
  const rates = numbers(calc, naming.name("RiskLevelRates"));
  const hours = numbers(calc, naming.name("AverageHours"));
  const cvs = numbers(calc, naming.name("HoursCV"));
  const episodes = numbers(calc, naming.name("RiskCohortEpisodes"));
  const cohortHours = numbers(calc, naming.name("RiskCohortHours"));
  const [ratePerHour, budget, confidence] = ["RatePerHour", "TotalBudget", "RiskConfidence"].map(one);
  const values = [...cases, ...rates, ...hours, ratePerHour, budget, confidence];
  if (values.some((value) => value === null)) return undefined;
  const count = ids.length;
  // The cohort tables are cohorts down, levels across: level i's column is every count-th cell.
  const column = (cells: readonly (number | null)[], i: number) => cells.filter((_, k) => k % count === i);
  return {
    levels: ids.map((id, i) => {
      const spread = hoursOf(cvs[i], column(episodes, i), column(cohortHours, i));
      return {
        id,
        expectedCases: cases[i] as number,
        averageHours: hours[i] as number,
        ratePerHour: rates[i] as number,
        ...(spread === undefined ? {} : { hoursDistribution: spread }),
      };
    }),
    ratePerHour: ratePerHour as number,
    budget: budget as number,
    confidence: confidence as number,
  };
}

/** The provider model's figures the provider's year is built from. */
interface ProviderCells {
  readonly consumers: number;
  readonly mix: readonly number[];
  /** Planned hours per consumer, by level. */
  readonly planned: readonly number[];
  readonly costPerDirectHour: number;
  readonly fixedCosts: number;
  readonly revenue: number;
}

/** The provider model's figures from a first calculation; undefined until its inputs are in. */
function providerCellsOf(calc: CalculatedWorkbook, naming: Naming): ProviderCells | undefined {
  const complete = calc.named(naming.name("ProviderInputsComplete"))?.[0];
  if (!complete?.ok || complete.value !== true) return undefined;
  const one = (name: string) => numbers(calc, naming.name(name))[0] ?? null;
  const mix = numbers(calc, naming.name("ProviderCaseMix"));
  const planned = numbers(calc, naming.name("PlannedHours"));
  const [consumers, costPerDirectHour, expense, directStaff, revenue] = [
    "ConsumersPerYear",
    "CostPerDirectHour",
    "TotalExpense",
    "DirectStaffCost",
    "TotalRevenue",
  ].map(one);
  const all = [...mix, ...planned, consumers, costPerDirectHour, expense, directStaff, revenue];
  if (all.some((v) => v === null)) return undefined;
  return {
    consumers: consumers as number,
    mix: mix as number[],
    planned: planned as number[],
    costPerDirectHour: costPerDirectHour as number,
    fixedCosts: (expense as number) - (directStaff as number),
    revenue: revenue as number,
  };
}

/**
 * The provider's year from the Dashboard's chosen scenario (undefined until the provider model's
 * inputs are in): its consumers by its mix (whole numbers, or the core refuses), its planned
 * hours with the payor's spread per level, a direct hour at its staff cost, the other expenses
 * fixed, against its total revenue; the payor's confidence.
 */
export function providerRiskInputOf(
  calc: CalculatedWorkbook,
  naming: Naming,
  payor: RiskInput,
): ProviderRiskInput | undefined {
  const cells = providerCellsOf(calc, naming);
  return cells === undefined ? undefined : providerYearOf(cells, payor);
}

/** The provider's year from its cells, with the payor's spread and confidence. */
function providerYearOf(cells: ProviderCells, payor: RiskInput): ProviderRiskInput {
  return {
    levels: providerRiskLevels(
      cells.consumers,
      cells.mix,
      payor.levels.map((level, i) => ({
        id: level.id,
        averageHours: cells.planned[i],
        ...(level.hoursDistribution === undefined ? {} : { hoursDistribution: level.hoursDistribution }),
      })),
    ),
    directCostPerHour: cells.costPerDirectHour,
    fixedCosts: cells.fixedCosts,
    revenue: cells.revenue,
    ...(payor.confidence === undefined ? {} : { confidence: payor.confidence }),
  };
}

/** The core's providerRisk of the provider's year (providerRiskInputOf), and what it was computed from. */
function providerFiguresOf(
  calc: CalculatedWorkbook,
  naming: Naming,
  payor: RiskInput,
): ProviderRiskFigures | undefined {
  const cells = providerCellsOf(calc, naming);
  if (cells === undefined) return undefined;
  const risk = providerRisk(providerYearOf(cells, payor));
  return {
    probabilityOfLoss: risk.probabilityOfLoss,
    reserveToCover: risk.reserveToCover,
    confidence: risk.confidence,
    consumers: cells.consumers,
    costPerDirectHour: cells.costPerDirectHour,
    fixedCosts: cells.fixedCosts,
    revenue: cells.revenue,
    plannedHoursPerConsumer: cells.mix.reduce((sum, share, i) => sum + share * cells.planned[i], 0),
  };
}

/** Runs a core computation, undefined when the core refuses an input (the cells then say so). */
export function unlessRefused<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CaseRateInputError) return undefined;
    throw error;
  }
}

/** The exact distribution grouped into DISTRIBUTION_BARS bars of equal cost width. */
function barsOf(risk: ReturnType<typeof exactRisk>): DistributionBar[] {
  const { probabilities, gridDollars: h } = risk.distribution;
  const cdf = cumulative(probabilities);
  const at = (p: number) =>
    Math.max(
      0,
      cdf.findIndex((c) => c >= p),
    );
  const [low, high] = SPAN.map(at);
  const width = Math.max(1, Math.ceil((high - low + 1) / DISTRIBUTION_BARS));
  const budget = risk.budget;
  const reserveTop = budget + risk.riskReserve;
  return Array.from({ length: DISTRIBUTION_BARS }, (_, bar) => {
    const first = low + bar * width;
    const last = Math.min(probabilities.length - 1, first + width - 1);
    const probability = first > last ? 0 : cdf[last] - (first > 0 ? cdf[first - 1] : 0);
    const cost = ((first + last) / 2) * h;
    const where = cost <= budget ? "within budget" : cost <= reserveTop ? "within reserve" : "beyond reserve";
    return { cost, probability, where };
  });
}

/**
 * The core's exact risk figures for the inputs a first build of the workbook holds (its
 * calculation, as the preview calculates it), or undefined when an input is missing or the core refuses one: the
 * exact cells then say so. Both writers write what this gives, so the pane and the file agree.
 */
export function riskFiguresOf(calc: CalculatedWorkbook, naming: Naming): RiskFigures | undefined {
  const input = riskInputOf(calc, naming);
  if (input === undefined) return undefined;
  const provider = unlessRefused(() => providerFiguresOf(calc, naming, input));
  return unlessRefused(() => {
    const risk = exactRisk(input);
    return {
      riskReserve: risk.riskReserve,
      probabilityOverBudget: risk.probabilityOverBudget,
      quantiles: risk.quantiles,
      confidence: risk.confidence,
      expectedCost: risk.expectedCost,
      standardDeviation: risk.standardDeviation,
      skewness: risk.skewness,
      budget: risk.budget,
      bars: barsOf(risk),
      ...(provider === undefined ? {} : { provider }),
    };
  });
}

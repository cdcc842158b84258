import { caseMixBudget } from "./budget";
import { caseRate } from "./caseRate";
import { casesPerLevel } from "./caseMix";
import { caseRateRevenue } from "./provider";
import { entryOf, field } from "./fields";
import { caseload, fteNeed } from "./staffing";
import { expectedCases } from "./penetration";
import { ownValue } from "./own";
import { pmpm } from "./pmpm";
import type { HoursDistribution } from "./risk/inputs";
import {
  requireCaseMix,
  requireNonEmpty,
  requireNonNegative,
  requirePositive,
  requireUniqueIds,
} from "./validate";

/** A level of care as the payor defines it (steps 3–6). */
export interface LevelOfCare {
  readonly id: string;
  readonly name: string;
  /** Share of cases at this level, 0–1. */
  readonly caseMix: number;
  /** Average service hours per episode. */
  readonly averageHours: number;
  /** Overrides the model's rate per hour where this level's service mix differs (note to step 6). */
  readonly ratePerHour?: number;
  /** How hours per case spread around averageHours (for risk); left out, every case at the average. */
  readonly hoursDistribution?: HoursDistribution;
}

/** The `risk` section: how the year's cost distribution is computed (defaults in RISK_DEFAULTS). */
export interface RiskSection {
  readonly frequency?: "poisson" | "fixed";
  readonly confidence?: number;
  readonly gridHours?: number;
  readonly simulationYears?: number;
  readonly seed?: number;
  /** Weight per penetration scenario name; the names are exactly the model's penetrationScenarios. */
  readonly scenarioWeights?: Readonly<Record<string, number>>;
}

/** The payor's rate-setting model: steps 1–6 of the toolkit. */
export interface RateModel {
  readonly enrollees: number;
  readonly penetrationRate: number;
  /** Dollars per hour of service. */
  readonly ratePerHour: number;
  readonly levels: readonly LevelOfCare[];
  /** A provider serving consumers under these case rates (the toolkit's "manage under case rates"). */
  readonly provider?: ProviderSection;
  /** Named penetration rates (the toolkit's Low 9%, Medium 10%, High 11%), weighted by risk.scenarioWeights. */
  readonly penetrationScenarios?: Readonly<Record<string, number>>;
  readonly risk?: RiskSection;
}

/** A provider's year under the payor's case rates: what the command line's provider section takes. */
export interface ProviderSection {
  readonly consumers: number;
  /** Direct-service hours one FTE delivers a year. */
  readonly directHoursPerFte: number;
  /** The provider's own mix by level id; the payor's case mix when left out. */
  readonly caseMix?: Readonly<Record<string, number>>;
  /** The staff cost of one direct-service hour, in dollars (gives the provider's risk). */
  readonly directCostPerHour?: number;
  /** Other staff, contractors and overhead a year, in dollars. */
  readonly fixedCosts?: number;
  /** Revenue besides the case rates a year, in dollars. */
  readonly otherRevenue?: number;
}

/** The provider's cost figures, as given: reported back by compute, used by risk. */
export interface ProviderCostFigures {
  readonly directCostPerHour?: number;
  readonly fixedCosts?: number;
  readonly otherRevenue?: number;
}

/** The provider section's results, unrounded, with the cost figures given reported back. */
export interface ProviderSectionResult extends ProviderCostFigures {
  readonly fteNeed: number;
  /** Consumers one FTE carries at the provider's mix. */
  readonly caseload: number;
  /** Case-rate revenue: consumers × Σ mix × case rate. */
  readonly revenue: number;
}

/** One level's results, unrounded. */
export interface LevelResult {
  readonly id: string;
  readonly name: string;
  readonly caseMix: number;
  readonly cases: number;
  readonly averageHours: number;
  readonly ratePerHour: number;
  readonly caseRate: number;
  readonly totalCost: number;
}

/** Step 7's results, unrounded. */
export interface RateModelResult {
  readonly totalCases: number;
  readonly levels: LevelResult[];
  readonly totalBudget: number;
  /** The budget per enrollee per month. */
  readonly pmpm: number;
  readonly provider?: ProviderSectionResult;
}

/**
 * Runs steps 2, 4 and 7: cases, cases per level, case rates, the budget and its PMPM equivalent.
 * @example computeRateModel({ enrollees: 1000, penetrationRate: 0.1, ratePerHour: 100, levels: [{ id: "A", name: "A", caseMix: 1, averageHours: 10 }] }).totalBudget // 100000
 */
export function computeRateModel(model: RateModel): RateModelResult {
  requireNonEmpty("levels", model.levels, "level of care");
  const ids = model.levels.map((level) => level.id);
  requireUniqueIds("levels", ids);
  const defaultRate = requireNonNegative(field("ratePerHour"), model.ratePerHour);
  // Each level's inputs by id and entry, so an adapter can say which level in its own words.
  const ofLevel = (id: "ratePerHour" | "averageHours", i: number) =>
    entryOf(field(id), i, `for level ${ids[i]}`);
  const ratesPerHour = model.levels.map((level, i) =>
    level.ratePerHour === undefined
      ? defaultRate
      : requireNonNegative(ofLevel("ratePerHour", i), level.ratePerHour),
  );
  const caseRates = model.levels.map((level, i) =>
    caseRate(requireNonNegative(ofLevel("averageHours", i), level.averageHours), ratesPerHour[i]),
  );
  const totalCases = expectedCases(model.enrollees, model.penetrationRate);
  const budget = caseMixBudget(
    totalCases,
    model.levels.map((level) => level.caseMix),
    caseRates,
    ids,
  );
  const levels = model.levels.map((level, i) => ({
    id: level.id,
    name: level.name,
    caseMix: level.caseMix,
    cases: budget.lines[i].cases,
    averageHours: level.averageHours,
    ratePerHour: ratesPerHour[i],
    caseRate: caseRates[i],
    totalCost: budget.lines[i].totalCost,
  }));
  const result = {
    totalCases,
    levels,
    totalBudget: budget.totalBudget,
    pmpm: pmpm(budget.totalBudget, model.enrollees),
  };
  return model.provider ? { ...result, provider: computeProviderSection(model.provider, levels) } : result;
}

/**
 * FTE need, blended caseload and case-rate revenue of a provider at the payor's case rates.
 * @example computeProviderSection({ consumers: 100, directHoursPerFte: 1000 }, computeRateModel({ enrollees: 1000, penetrationRate: 0.1, ratePerHour: 100, levels: [{ id: "A", name: "A", caseMix: 1, averageHours: 10 }] }).levels) // { fteNeed: 1, caseload: 100, revenue: 100000 }
 */
export function computeProviderSection(
  provider: ProviderSection,
  levels: readonly LevelResult[],
): ProviderSectionResult {
  const ids = levels.map((level) => level.id);
  const mix = providerMix(provider, levels);
  const consumers = requireNonNegative(field("consumers", "provider consumers"), provider.consumers);
  const hours = levels.map((level) => level.averageHours);
  return {
    fteNeed: fteNeed(casesPerLevel(consumers, mix, ids), hours, provider.directHoursPerFte),
    caseload: caseload(provider.directHoursPerFte, mix, hours),
    revenue: caseRateRevenue(
      consumers,
      mix,
      levels.map((level) => level.caseRate),
    ),
    ...providerCostFigures(provider),
  };
}

/**
 * The provider's mix in the levels' order: its own, checked, or the payor's.
 * @example providerMix({ consumers: 10, directHoursPerFte: 1000 }, [{ id: "A", caseMix: 1 }]) // [1]
 */
export function providerMix(provider: ProviderSection, levels: readonly LevelResult[]): number[] {
  const ownMix = provider.caseMix;
  // The provider's own mix is named as such; the payor's was checked with the budget.
  return ownMix
    ? requireCaseMix(
        field("providerCaseMix"),
        levels.map((level) => ownValue(ownMix, level.id)),
        levels.map((level) => `level ${level.id}`),
      )
    : levels.map((level) => level.caseMix);
}

/** The cost figures given, each checked ≥ 0 (a cost per hour above 0); the ones left out stay out. */
function providerCostFigures(provider: ProviderSection): ProviderCostFigures {
  const { directCostPerHour, fixedCosts, otherRevenue } = provider;
  return {
    ...(directCostPerHour === undefined
      ? {}
      : { directCostPerHour: requirePositive("provider direct cost per hour", directCostPerHour) }),
    ...(fixedCosts === undefined
      ? {}
      : { fixedCosts: requireNonNegative("provider fixed costs", fixedCosts) }),
    ...(otherRevenue === undefined
      ? {}
      : { otherRevenue: requireNonNegative("provider other revenue", otherRevenue) }),
  };
}

import { cellAddress, sheetReference } from "../a1";
import { FIRST_VALUE_COLUMN, type SheetBuilder, type ValueLook } from "../layout";
import { formula } from "../spec";
import type { Naming } from "../freeNames";
import type { DefinedName } from "../spec";
import type { StarterOptions } from "./options";

/** The payor's sheets (steps 1–8), in the toolkit's order; Checks always comes last. */
export const PAYOR_SHEETS = ["Guide", "Inputs", "Case Rates", "Scenarios", "Metrics"] as const;
/** The provider's sheets ("How to manage under case rates"), added when the provider model is asked for. */
export const PROVIDER_SHEETS = [
  "Provider Inputs",
  "Provider Model",
  "Dashboard",
  "Sensitivity",
  "Actuals",
  "Monitoring",
] as const;
/** Every sheet the starter workbook can have, in order. */
export const STARTER_SHEETS = [...PAYOR_SHEETS, ...PROVIDER_SHEETS, "Checks"] as const;
export type StarterSheet = (typeof STARTER_SHEETS)[number];

/** Every workbook-scoped name the starter workbook defines. */
export const STARTER_NAMES = [
  "Enrollees",
  "ScenarioNames",
  "PenetrationRates",
  "Scenario",
  "LevelIds",
  "CaseMix",
  "MinimumHours",
  "MaximumHours",
  "AverageHours",
  "LevelRatesPerHour",
  "RatePerHour",
  "BilledRatesPerHour",
  "ServiceHours",
  "MetricTargets",
  "RiskReservePct",
  "MonthsPerYear",
  "CaseMixTolerance",
  "CheckTolerance",
  "PenetrationRate",
  "TotalCases",
  "CaseRates",
  "LevelCases",
  "LevelBudgets",
  "TotalBudget",
  "PMPM",
  "RiskReserve",
  "BudgetWithReserve",
  "VolumeWeightedRate",
  "ScenarioCases",
  "ScenarioBudgets",
  "InputsComplete",
  "MasterCheck",
  "CheckStatus",
  "RangeShareTarget",
] as const;

/** The names the provider model adds. */
export const PROVIDER_NAMES = [
  "ProviderScenarioNames",
  "ConsumerScenarios",
  "ProviderScenario",
  "MarketShare",
  "ProviderCaseMix",
  "GuidelineLow",
  "GuidelineHigh",
  "PlannedHours",
  "PaidHoursPerFte",
  "TimeOffAndTrainingHours",
  "Productivity",
  "NoShowRate",
  "FteOnPayroll",
  "DirectSalaryPerFte",
  "BenefitsPct",
  "PayrollTaxPct",
  "OtherStaffSalaries",
  "ContractorFees",
  "OverheadItems",
  "OtherRevenueItems",
  "SensitivityStep",
  "ProviderInputsComplete",
  "DirectHoursPerFte",
  "LoadedCostPerFte",
  "Caseload",
  "ConsumersPerYear",
  "HoursNeeded",
  "FteNeed",
  "FteGap",
  "CaseRateRevenue",
  "OtherRevenue",
  "TotalRevenue",
  "DirectStaffCost",
  "OtherStaffCost",
  "Overhead",
  "TotalExpense",
  "Margin",
  "MarginPct",
  "CostPerDirectHour",
  "BreakEvenHoursFactor",
  "BreakEvenProductivity",
  "ActualConsumers",
  "ActualHours",
  "ActualReviewed",
  "ActualWithinRange",
  "ActualDirectCost",
  "ActualOtherCost",
] as const;

export type StarterName = (typeof STARTER_NAMES)[number] | (typeof PROVIDER_NAMES)[number];

/** The sheets and names a build with these options writes, for the writers' free-name search. */
export function starterWanted(options: StarterOptions): { sheets: StarterSheet[]; names: StarterName[] } {
  return options.provider
    ? { sheets: [...STARTER_SHEETS], names: [...STARTER_NAMES, ...PROVIDER_NAMES] }
    : { sheets: [...PAYOR_SHEETS, "Checks"], names: [...STARTER_NAMES] };
}

/** What every sheet builder needs: the options, the names in use, and where to record names. */
export class StarterContext {
  readonly names: DefinedName[] = [];
  /** Resolved defined names, e.g. n.Enrollees → "Enrollees" (or "Enrollees_2" on a clash). */
  readonly n: Record<StarterName, string>;

  constructor(
    readonly options: StarterOptions,
    private readonly naming: Naming,
  ) {
    this.n = Object.fromEntries(
      [...STARTER_NAMES, ...PROVIDER_NAMES].map((name) => [name, naming.name(name)]),
    ) as Record<StarterName, string>;
  }

  /** The sheet's name as written (e.g. "Case Rates (2)" when the user already has one). */
  sheet(sheet: StarterSheet): string {
    return this.naming.sheet(sheet);
  }

  /** A reference to an address on another sheet, quoted as formulas need. */
  ref(sheet: StarterSheet, address: string): string {
    return sheetReference(this.sheet(sheet), address);
  }

  /** Records a workbook-scoped name for an absolute address on a sheet. */
  define(name: StarterName, sheet: StarterSheet, absoluteAddress: string, comment: string): void {
    this.names.push({ name: this.n[name], reference: this.ref(sheet, absoluteAddress), comment });
  }

  /** A line with one formula in the first value column, named workbook-wide; returns its row. */
  namedLine(
    sheet: SheetBuilder,
    at: StarterSheet,
    name: StarterName,
    label: string,
    units: string,
    expression: string,
    look: ValueLook,
    comment: string,
  ): number {
    const row = sheet.line(label, units, [formula(expression)], look);
    this.define(name, at, cellAddress(row, FIRST_VALUE_COLUMN, true), comment);
    return row;
  }

  /** Wraps an output so that, until every input is in, it reads "enter inputs" rather than an error. */
  output(expression: string): string {
    return `IF(${this.n.InputsComplete},${expression},"enter inputs")`;
  }

  /** The same for the provider model, whose inputs include the payor's case rates. */
  providerOutput(expression: string): string {
    return `IF(${this.n.ProviderInputsComplete},${expression},"enter inputs")`;
  }
}

import { sheetReference } from "../a1";
import type { Naming } from "../freeNames";
import type { DefinedName } from "../spec";
import type { StarterOptions } from "./options";

/** The starter workbook's sheets, in the toolkit's order. */
export const STARTER_SHEETS = ["Guide", "Inputs", "Case Rates", "Scenarios", "Metrics", "Checks"] as const;
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
] as const;
export type StarterName = (typeof STARTER_NAMES)[number];

/** What every sheet builder needs: the options, the names in use, and where to record names. */
export class StarterContext {
  readonly names: DefinedName[] = [];
  /** Resolved defined names, e.g. n.Enrollees → "Enrollees" (or "Enrollees_2" on a clash). */
  readonly n: Record<StarterName, string>;

  constructor(
    readonly options: StarterOptions,
    private readonly naming: Naming,
  ) {
    this.n = Object.fromEntries(STARTER_NAMES.map((name) => [name, naming.name(name)])) as Record<
      StarterName,
      string
    >;
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

  /** Wraps an output so that, until every input is in, it reads "enter inputs" rather than an error. */
  output(expression: string): string {
    return `IF(${this.n.InputsComplete},${expression},"enter inputs")`;
  }
}

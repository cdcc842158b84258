import { sheetReference } from "../a1";
import type { Naming } from "../freeNames";
import type { DefinedName } from "../spec";
import type { StarterOptions } from "./options";

/** The payor's sheets (steps 1–8), in the toolkit's order; Checks always comes last. */
export const PAYOR_SHEETS = [
  "Guide",
  "Inputs",
  "Case Rates",
  "Scenarios",
  "Risk",
  "Metrics",
  "Contract",
  "Settlement",
] as const;
/**
 * The record of an encounter history, added when the inputs come from one (after the payor's
 * sheets). Not "History": Excel reserves that name (its change tracking), and refuses a sheet so named.
 */
export const HISTORY_SHEET = "Encounter History" as const;
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
export const STARTER_SHEETS = [...PAYOR_SHEETS, HISTORY_SHEET, ...PROVIDER_SHEETS, "Checks"] as const;
export type StarterSheet = (typeof STARTER_SHEETS)[number];

/**
 * A defined name as the sheets spell it (before a clash renames it). The list of names is not kept
 * apart: it is whatever the sheets define (see starterWanted), and describeStarterWorkbook refuses
 * a formula that reads a name no sheet defines.
 */
export type StarterName = string;

/** The sheets a build with these options writes, in order. */
export function starterSheets(options: StarterOptions): StarterSheet[] {
  return [
    ...PAYOR_SHEETS,
    ...(options.history ? [HISTORY_SHEET] : []),
    ...(options.provider ? PROVIDER_SHEETS : []),
    "Checks",
  ];
}

/** What every sheet builder needs: the options, the names in use, and where to record names. */
export class StarterContext {
  private readonly names: DefinedName[] = [];
  /** Resolved defined names, e.g. n.Enrollees → "Enrollees" (or "Enrollees_2" on a clash). */
  readonly n: Readonly<Record<StarterName, string>>;
  /** Every name a formula has asked n for, to be sure each is defined once the sheets are built. */
  private readonly read = new Set<StarterName>();
  private readonly defined = new Set<StarterName>();

  constructor(
    readonly options: StarterOptions,
    private readonly naming: Naming,
  ) {
    // A name may be read before the sheet defining it is built (every sheet shows MasterCheck).
    this.n = new Proxy<Record<StarterName, string>>(
      {},
      {
        get: (_target, name: string) => {
          this.read.add(name);
          return naming.name(name);
        },
      },
    );
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
    if (this.defined.has(name)) throw new Error(`The starter workbook defines ${name} twice.`);
    this.defined.add(name);
    this.names.push({ name: this.naming.name(name), reference: this.ref(sheet, absoluteAddress), comment });
  }

  /** The names recorded, once every sheet is built; a name read but never defined is a defect. */
  definedNames(): DefinedName[] {
    const undefinedNames = [...this.read].filter((name) => !this.defined.has(name));
    if (undefinedNames.length > 0)
      throw new Error(`The starter workbook reads names it does not define: ${undefinedNames.join(", ")}.`);
    return this.names;
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

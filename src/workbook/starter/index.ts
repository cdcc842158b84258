import { IDENTITY_NAMING, type Naming } from "../freeNames";
import type { SheetSpec, WorkbookSpec } from "../spec";
import { caseRatesSheet } from "./caseRates";
import { checksSheet } from "./checks";
import { StarterContext, type StarterSheet } from "./context";
import { guideSheet } from "./guide";
import { inputsSheet } from "./inputs";
import { metricsSheet } from "./metrics";
import type { StarterOptions } from "./options";
import { scenariosSheet } from "./scenarios";

export { STARTER_NAMES, STARTER_SHEETS } from "./context";
export {
  SCENARIOS,
  type ScenarioName,
  type StarterLevel,
  type StarterOptions,
  starterOptions,
} from "./options";

/**
 * Describes the starter workbook: the toolkit's steps 1–8 as live native formulas, with names,
 * formats, validations and checks. `naming` gives the sheet and defined names to use (free ones,
 * when the user's workbook already has some of ours).
 */
export function describeStarterWorkbook(
  options: StarterOptions,
  naming: Naming = IDENTITY_NAMING,
): WorkbookSpec {
  const ctx = new StarterContext(options, naming);
  const inputs = inputsSheet(ctx);
  const caseRates = caseRatesSheet(ctx, inputs.layout);
  const sheets: Record<StarterSheet, SheetSpec> = {
    Guide: guideSheet(ctx),
    Inputs: inputs.spec,
    "Case Rates": caseRates.spec,
    Scenarios: scenariosSheet(ctx, inputs.layout, caseRates.layout),
    Metrics: metricsSheet(ctx, inputs.layout),
    Checks: checksSheet(ctx),
  };
  return { sheets: Object.values(sheets), names: ctx.names };
}

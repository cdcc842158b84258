import { IDENTITY_NAMING, type Naming } from "../freeNames";
import { providerSheets } from "../provider";
import type { WorkbookSpec } from "../spec";
import { caseRatesSheet } from "./caseRates";
import { checksSheet } from "./checks";
import { StarterContext, type StarterSheet, starterSheets } from "./context";
import { guideSheet } from "./guide";
import { historySheet } from "./historySheet";
import { inputsSheet } from "./inputs";
import { metricsSheet } from "./metrics";
import type { StarterOptions } from "./options";
import { riskSheet } from "./risk";
import { type RiskFigures, riskFiguresOf } from "./riskFigures";
import { calculateWorkbook } from "../calc";
import { contractChecks } from "../contract/checks";
import { contractSheet } from "../contract/contractSheet";
import { type ContractFigures, contractFiguresOf } from "../contract/contractFigures";
import { settlementSheet } from "../contract/settlementSheet";
import { contractCells } from "../contract/termFormulas";
import { scenariosSheet } from "./scenarios";

export { HISTORY_SHEET, PROVIDER_SHEETS, STARTER_SHEETS } from "./context";
export { starterOptionsOfHistory } from "./fromHistory";
export {
  SCENARIOS,
  type ScenarioName,
  type StarterLevel,
  type HistorySource,
  type StarterHistory,
  type StarterInputs,
  type StarterOptions,
  starterOptions,
} from "./options";

/**
 * Describes the starter workbook: the toolkit's steps 1–8 (and, when asked, the provider's model)
 * as live native formulas, with names, formats, validations and checks. `naming` gives the sheet
 * and defined names to use (free ones, when the user's workbook already has some of ours).
 */
export function describeStarterWorkbook(
  options: StarterOptions,
  naming: Naming = IDENTITY_NAMING,
): WorkbookSpec {
  // The exact risk figures come from the core for the inputs the first build holds.
  const first = describeWith(options, naming, undefined, undefined);
  const calc = calculateWorkbook(first);
  const figures = riskFiguresOf(calc, naming);
  const contract = contractFiguresOf(calc, naming);
  return figures === undefined && contract === undefined
    ? first
    : describeWith(options, naming, figures, contract);
}

/** The starter workbook with the exact risk figures given (undefined: not computed). */
function describeWith(
  options: StarterOptions,
  naming: Naming,
  figures: RiskFigures | undefined,
  contractFigures: ContractFigures | undefined,
): WorkbookSpec {
  const ctx = new StarterContext(options, naming);
  const inputs = inputsSheet(ctx);
  const caseRates = caseRatesSheet(ctx, inputs.layout);
  const payor = [
    guideSheet(ctx),
    inputs.spec,
    caseRates.spec,
    scenariosSheet(ctx, inputs.layout, caseRates.layout),
    riskSheet(ctx, inputs.layout, caseRates.layout, figures),
    metricsSheet(ctx, inputs.layout),
  ];
  const contract = contractSheet(ctx);
  payor.push(
    contract.spec,
    settlementSheet(ctx, contract.layout, inputs.layout, caseRates.layout, contractFigures),
    ...(options.history ? [historySheet(ctx, options.history)] : []),
  );
  const provider = options.provider
    ? providerSheets(ctx, caseRates.layout, figures?.provider, {
        caseRates: caseRates.layout,
        cells: contractCells(ctx, contract.layout),
      })
    : { sheets: [], checks: [] };
  return {
    sheets: [...payor, ...provider.sheets, checksSheet(ctx, [...contractChecks(ctx), ...provider.checks])],
    names: ctx.definedNames(),
  };
}

/**
 * The sheets and names a build with these options writes, for the writers' free-name search. The
 * names come from the sheets' own definitions: a build with the names as wanted lists them. The
 * core's figures fill values only, so a build without them (no pricing run) defines the same names.
 */
export function starterWanted(options: StarterOptions): { sheets: StarterSheet[]; names: string[] } {
  return {
    sheets: starterSheets(options),
    names: describeWith(options, IDENTITY_NAMING, undefined, undefined).names.map((name) => name.name),
  };
}

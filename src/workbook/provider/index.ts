import type { SheetSpec } from "../spec";
import type { CaseRatesLayout } from "../starter/caseRates";
import type { Check } from "../starter/checks";
import type { StarterContext } from "../starter/context";
import type { ProviderRiskFigures } from "../starter/riskFigures";
import { providerChecks } from "./checks";
import { dashboardSheet } from "./dashboard";
import { actualsSheet, type MonitoringContract, monitoringSheet } from "./monitoring";
import { providerInputsSheet } from "./providerInputs";
import { providerModelSheet } from "./providerModel";
import { sensitivitySheet } from "./sensitivity";

/**
 * The provider's clinical-financial model (the toolkit's "How to manage under case rates"), as the
 * starter workbook's extra sheets, and the checks they add to the master check.
 */
export function providerSheets(
  ctx: StarterContext,
  caseRates: CaseRatesLayout,
  riskFigures: ProviderRiskFigures | undefined,
  contract?: MonitoringContract,
): { sheets: SheetSpec[]; checks: Check[] } {
  const inputs = providerInputsSheet(ctx);
  const model = providerModelSheet(ctx, inputs.layout, caseRates);
  const dashboard = dashboardSheet(ctx, inputs.layout, model.layout, caseRates, riskFigures);
  const sensitivity = sensitivitySheet(ctx);
  const actuals = actualsSheet(ctx);
  return {
    sheets: [
      inputs.spec,
      model.spec,
      dashboard.spec,
      sensitivity.spec,
      actuals.spec,
      monitoringSheet(ctx, inputs.layout, actuals.layout, contract),
    ],
    checks: providerChecks(ctx),
  };
}

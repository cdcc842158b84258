import { cellAddress, rangeAddress, rowAnchoredAddress } from "../a1";
import { FIRST_VALUE_COLUMN, type ValueLook } from "../layout";
import { type CellContent, formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { CaseRatesLayout } from "../starter/caseRates";
import type { StarterContext } from "../starter/context";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";
import { PROVIDER_SCENARIOS, type ProviderInputsLayout } from "./providerInputs";

/** Rows of the Provider Model that the dashboard and charts read, one value per scenario column. */
export interface ProviderModelLayout {
  readonly scenarioRow: number;
  readonly consumersRow: number;
  readonly hoursRow: number;
  readonly fteNeedRow: number;
  readonly payrollRow: number;
  readonly gapRow: number;
  readonly directCostRow: number;
  readonly otherStaffRow: number;
  readonly contractorsRow: number;
  readonly overheadRow: number;
  readonly caseRateRevenueRow: number;
  readonly otherRevenueRow: number;
  readonly revenueRow: number;
  readonly expenseRow: number;
  readonly marginRow: number;
}

/**
 * The Provider Model sheet: the toolkit's sections 1–7 for each consumer scenario side by side,
 * one formula per row carried across the scenario columns.
 */
export function providerModelSheet(
  ctx: StarterContext,
  inputs: ProviderInputsLayout,
  caseRates: CaseRatesLayout,
): { spec: SheetSpec; layout: ProviderModelLayout } {
  const { n, options } = ctx;
  const columns = PROVIDER_SCENARIOS.map((_, i) => FIRST_VALUE_COLUMN + i);
  const sheet = startSheet(
    ctx,
    "Provider Model",
    "Sections 1–7 of the clinical-financial model for each consumer scenario; the dashboard shows the one chosen.",
    TAB_COLORS.calcs,
    [2, 44, 22, ...columns.map(() => 16)],
    3,
  );
  const width = columns.length + 2;
  const at = (row: number, column: number) => cellAddress(row, column);
  const perScenario = (build: (column: number) => string): CellContent[] =>
    columns.map((c) => formula(build(c)));
  const out = (build: (column: number) => string) => perScenario((c) => ctx.providerOutput(build(c)));
  const look = (numberFormat: string, style: ValueLook["style"] = "calc"): ValueLook => ({
    style,
    numberFormat,
  });
  const inputAt = (row: number, levelIndex: number) =>
    ctx.ref("Provider Inputs", cellAddress(row, FIRST_VALUE_COLUMN + levelIndex, true));
  const levelTotal = (rows: readonly number[], c: number) =>
    `SUM(${rangeAddress(rows[0], c, rows[rows.length - 1], c)})`;
  const loadOnSalary = `(1+${n.BenefitsPct}+${n.PayrollTaxPct})`;

  sheet.section("1 · Consumers and consumer mix", width);
  const scenarioRow = sheet.line(
    "Scenario",
    "",
    perScenario((c) => ctx.ref("Provider Inputs", rowAnchoredAddress(inputs.scenarioNameRow, c))),
    { style: "header" },
  );
  const consumersRow = sheet.line(
    "Consumers per year",
    "consumers",
    out((c) => ctx.ref("Provider Inputs", rowAnchoredAddress(inputs.consumersRow, c))),
    look(NUMBER_FORMATS.count, "total"),
  );
  const levelConsumerRows = options.levels.map((level, i) =>
    sheet.line(
      `Consumers, level ${level.id}`,
      "consumers",
      out((c) => `${rowAnchoredAddress(consumersRow, c)}*${inputAt(inputs.caseMixRow, i)}`),
      look(NUMBER_FORMATS.countDecimal),
    ),
  );
  sheet.line(
    "Share of the payor's expected cases",
    "% of cases",
    out((c) => `${at(consumersRow, c)}/${n.TotalCases}`),
    look(NUMBER_FORMATS.percent),
  );

  sheet.section("2 · Service hours", width);
  const levelHourRows = options.levels.map((level, i) =>
    sheet.line(
      `Hours, level ${level.id}`,
      "hours a year",
      out((c) => `${at(levelConsumerRows[i], c)}*${inputAt(inputs.plannedHoursRow, i)}`),
      look(NUMBER_FORMATS.count),
    ),
  );
  const hoursRow = sheet.line(
    "Hours needed",
    "hours a year",
    out((c) => levelTotal(levelHourRows, c)),
    look(NUMBER_FORMATS.count, "total"),
  );

  sheet.section("3 · Caseload sizes", width);
  sheet.namedLine({
    name: "DirectHoursPerFte",
    label: "Direct-service hours per FTE",
    units: "hours a year",
    expression: ctx.providerOutput(
      `(${n.PaidHoursPerFte}-${n.TimeOffAndTrainingHours})*${n.Productivity}*(1-${n.NoShowRate})`,
    ),
    look: look(NUMBER_FORMATS.countDecimal),
    comment: "Direct-service hours one FTE delivers a year",
  });

  options.levels.forEach((level, i) =>
    sheet.line(
      `Caseload if every consumer were level ${level.id}`,
      "consumers per FTE",
      [formula(ctx.providerOutput(`${n.DirectHoursPerFte}/${inputAt(inputs.plannedHoursRow, i)}`))],
      look(NUMBER_FORMATS.countDecimal),
    ),
  );
  sheet.namedLine({
    name: "Caseload",
    label: "Caseload at the consumer mix",
    units: "consumers per FTE",
    expression: ctx.providerOutput(
      `${n.DirectHoursPerFte}/SUMPRODUCT(${n.ProviderCaseMix},${n.PlannedHours})`,
    ),
    look: look(NUMBER_FORMATS.countDecimal, "total"),
    comment: "Consumers one FTE carries at the provider's mix",
  });

  sheet.section("4 · Full-time equivalents", width);
  const fteNeedRow = sheet.line(
    "FTEs needed",
    "direct-service FTEs",
    out((c) => `${at(hoursRow, c)}/${n.DirectHoursPerFte}`),
    look(NUMBER_FORMATS.countDecimal, "total"),
  );
  const payrollRow = sheet.line(
    "FTEs on payroll",
    "direct-service FTEs",
    out(() => n.FteOnPayroll),
    look(NUMBER_FORMATS.countDecimal),
  );
  const gapRow = sheet.line(
    "Staffing gap (need − payroll)",
    "FTEs",
    out((c) => `${at(fteNeedRow, c)}-${at(payrollRow, c)}`),
    look(NUMBER_FORMATS.countDecimal),
  );

  sheet.section("5 · Staffing costs", width);
  sheet.namedLine({
    name: "LoadedCostPerFte",
    label: "Cost of a direct-service FTE",
    units: "$ a year",
    expression: ctx.providerOutput(`${n.DirectSalaryPerFte}*${loadOnSalary}`),
    look: look(NUMBER_FORMATS.dollars),
    comment: "Salary, benefits and payroll taxes of one direct-service FTE",
  });

  sheet.namedLine({
    name: "CostPerDirectHour",
    label: "Cost of a direct-service hour",
    units: "$ per hour",
    expression: ctx.providerOutput(`${n.LoadedCostPerFte}/${n.DirectHoursPerFte}`),
    look: look(NUMBER_FORMATS.dollarsCents),
    comment: "Staff cost of one hour of direct service",
  });

  const directCostRow = sheet.line(
    "Direct-service staff",
    "$ a year",
    out((c) => `${at(fteNeedRow, c)}*${n.LoadedCostPerFte}`),
    look(NUMBER_FORMATS.dollars),
  );
  const otherStaffRow = sheet.line(
    "Other staff",
    "$ a year",
    out(() => `${n.OtherStaffSalaries}*${loadOnSalary}`),
    look(NUMBER_FORMATS.dollars),
  );
  const contractorsRow = sheet.line(
    "Contractors",
    "$ a year",
    out(() => n.ContractorFees),
    look(NUMBER_FORMATS.dollars),
  );
  const staffingRow = sheet.line(
    "Staffing costs",
    "$ a year",
    out((c) => `SUM(${rangeAddress(directCostRow, c, contractorsRow, c)})`),
    look(NUMBER_FORMATS.dollars, "total"),
  );

  sheet.section("6 · Overhead", width);
  const overheadRow = sheet.line(
    "Overhead",
    "$ a year",
    out(() => `SUM(${n.OverheadItems})`),
    look(NUMBER_FORMATS.dollars, "total"),
  );

  sheet.section("7 · Projected revenue", width);
  const levelRevenueRows = options.levels.map((level, i) =>
    sheet.line(
      `Case-rate revenue, level ${level.id}`,
      "$ a year",
      out(
        (c) =>
          `${at(levelConsumerRows[i], c)}*${ctx.ref("Case Rates", cellAddress(caseRates.caseRateRow, FIRST_VALUE_COLUMN + i, true))}`,
      ),
      look(NUMBER_FORMATS.dollars),
    ),
  );
  const caseRateRevenueRow = sheet.line(
    "Case-rate revenue",
    "$ a year",
    out((c) => levelTotal(levelRevenueRows, c)),
    look(NUMBER_FORMATS.dollars, "total"),
  );
  const otherRevenueRow = sheet.line(
    "Other revenue",
    "$ a year",
    out(() => `SUM(${n.OtherRevenueItems})`),
    look(NUMBER_FORMATS.dollars),
  );
  const revenueRow = sheet.line(
    "Total revenue",
    "$ a year",
    out((c) => `${at(caseRateRevenueRow, c)}+${at(otherRevenueRow, c)}`),
    look(NUMBER_FORMATS.dollars, "total"),
  );

  sheet.section("Revenue and expense", width);
  const expenseRow = sheet.line(
    "Total expense",
    "$ a year",
    out((c) => `${at(staffingRow, c)}+${at(overheadRow, c)}`),
    look(NUMBER_FORMATS.dollars, "total"),
  );
  const marginRow = sheet.line(
    "Margin",
    "$ a year",
    out((c) => `${at(revenueRow, c)}-${at(expenseRow, c)}`),
    look(NUMBER_FORMATS.dollars, "total"),
  );
  sheet.line(
    "Margin %",
    "% of revenue",
    out((c) => `IF(${at(revenueRow, c)}=0,"no revenue",${at(marginRow, c)}/${at(revenueRow, c)})`),
    look(NUMBER_FORMATS.percent),
  );

  return {
    spec: sheet.build(),
    layout: {
      scenarioRow,
      consumersRow,
      hoursRow,
      fteNeedRow,
      payrollRow,
      gapRow,
      directCostRow,
      otherStaffRow,
      contractorsRow,
      overheadRow,
      caseRateRevenueRow,
      otherRevenueRow,
      revenueRow,
      expenseRow,
      marginRow,
    },
  };
}

import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN, type ValueLook } from "../layout";
import { formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { CaseRatesLayout } from "../starter/caseRates";
import type { StarterContext, StarterName } from "../starter/context";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";
import type { ProviderInputsLayout } from "./providerInputs";
import type { ProviderModelLayout } from "./providerModel";

/** Where the dashboard keeps the data its charts draw. */
export interface DashboardLayout {
  readonly firstCategoryRow: number;
  readonly lastCategoryRow: number;
}

/**
 * The Dashboard (section 8): capacity against demand and revenue against expense for the chosen
 * scenario, the value bonus per level, and break-even. Balance lights are green or red but do not
 * feed the master check: an unbalanced plan is a finding, not a broken model.
 */
export function dashboardSheet(
  ctx: StarterContext,
  inputs: ProviderInputsLayout,
  model: ProviderModelLayout,
  caseRates: CaseRatesLayout,
): { spec: SheetSpec; layout: DashboardLayout } {
  const { n, options } = ctx;
  const sheet = startSheet(
    ctx,
    "Dashboard",
    "Have we balanced clinicians with the services we plan? Do revenues balance with expenses? (the chosen scenario)",
    TAB_COLORS.calcs,
    [2, 46, 22, 18, 4, 60],
  );
  const value = FIRST_VALUE_COLUMN;
  const width = 3;
  /** The chosen scenario's value of a Provider Model row. */
  const pick = (row: number) =>
    `INDEX(${ctx.ref("Provider Model", rangeAddress(row, FIRST_VALUE_COLUMN, row, FIRST_VALUE_COLUMN + 2, true))},MATCH(${n.ProviderScenario},${n.ProviderScenarioNames},0))`;
  const look = (numberFormat: string, style: ValueLook["style"] = "calc"): ValueLook => ({
    style,
    numberFormat,
  });
  const named = (
    label: string,
    units: string,
    expression: string,
    numberFormat: string,
    name?: StarterName,
    style?: ValueLook["style"],
  ) =>
    name
      ? sheet.namedLine({
          name,
          label,
          units,
          expression: ctx.providerOutput(expression),
          look: look(numberFormat, style),
          comment: label,
        })
      : sheet.line(label, units, [formula(ctx.providerOutput(expression))], look(numberFormat, style));
  const light = (label: string, test: string) => {
    const row = sheet.line(label, "", [formula(`IF(${n.ProviderInputsComplete},${test},FALSE)`)], {
      style: "check",
    });
    sheet.highlightCheck(cellAddress(row, value));
  };
  const levelInput = (row: number, i: number) =>
    ctx.ref("Provider Inputs", cellAddress(row, FIRST_VALUE_COLUMN + i, true));
  const caseRate = (i: number) =>
    ctx.ref("Case Rates", cellAddress(caseRates.caseRateRow, FIRST_VALUE_COLUMN + i, true));

  sheet.section("Scenario", width);
  sheet.line("Consumer scenario shown", "", [formula(n.ProviderScenario)], { style: "header" });
  named(
    "Consumers per year",
    "consumers",
    pick(model.consumersRow),
    NUMBER_FORMATS.count,
    "ConsumersPerYear",
    "total",
  );

  sheet.section("Capacity and demand", width);
  named("Hours needed", "hours a year", pick(model.hoursRow), NUMBER_FORMATS.count, "HoursNeeded");
  named(
    "Hours the payroll can deliver",
    "hours a year",
    `${n.FteOnPayroll}*${n.DirectHoursPerFte}`,
    NUMBER_FORMATS.count,
  );
  named(
    "FTEs needed",
    "direct-service FTEs",
    pick(model.fteNeedRow),
    NUMBER_FORMATS.countDecimal,
    "FteNeed",
    "total",
  );
  named("FTEs on payroll", "direct-service FTEs", n.FteOnPayroll, NUMBER_FORMATS.countDecimal);
  named("Staffing gap (need − payroll)", "FTEs", pick(model.gapRow), NUMBER_FORMATS.countDecimal, "FteGap");
  light("Clinicians on payroll cover the planned services", `${n.FteGap}<=0`);

  sheet.section("Revenue and expense", width);
  const firstCategoryRow = named(
    "Case-rate revenue",
    "$ a year",
    pick(model.caseRateRevenueRow),
    NUMBER_FORMATS.dollars,
    "CaseRateRevenue",
  );
  named("Other revenue", "$ a year", pick(model.otherRevenueRow), NUMBER_FORMATS.dollars, "OtherRevenue");
  named(
    "Direct-service staff",
    "$ a year",
    pick(model.directCostRow),
    NUMBER_FORMATS.dollars,
    "DirectStaffCost",
  );
  named("Other staff", "$ a year", pick(model.otherStaffRow), NUMBER_FORMATS.dollars, "OtherStaffCost");
  const contractorsRow = named("Contractors", "$ a year", pick(model.contractorsRow), NUMBER_FORMATS.dollars);
  const lastCategoryRow = named(
    "Overhead",
    "$ a year",
    pick(model.overheadRow),
    NUMBER_FORMATS.dollars,
    "Overhead",
  );
  named("Total revenue", "$ a year", pick(model.revenueRow), NUMBER_FORMATS.dollars, "TotalRevenue", "total");
  named("Total expense", "$ a year", pick(model.expenseRow), NUMBER_FORMATS.dollars, "TotalExpense", "total");
  named("Margin", "$ a year", pick(model.marginRow), NUMBER_FORMATS.dollars, "Margin", "total");
  named(
    "Margin %",
    "% of revenue",
    `IF(${n.TotalRevenue}=0,"no revenue",${n.Margin}/${n.TotalRevenue})`,
    NUMBER_FORMATS.percent,
    "MarginPct",
  );
  light("Revenues cover expenses", `${n.Margin}>=0`);

  sheet.section("Value bonus by level (case-rate revenue − cost of the care delivered)", width);
  const bonusRows = options.levels.map((level, i) =>
    named(
      `Value bonus, level ${level.id}`,
      "$ a year",
      `${n.ConsumersPerYear}*${levelInput(inputs.caseMixRow, i)}*(${caseRate(i)}-${levelInput(inputs.plannedHoursRow, i)}*${n.CostPerDirectHour})`,
      NUMBER_FORMATS.dollars,
    ),
  );
  named(
    "Value bonus, all levels",
    "$ a year",
    `SUM(${rangeAddress(bonusRows[0], value, bonusRows[bonusRows.length - 1], value)})`,
    NUMBER_FORMATS.dollars,
    undefined,
    "total",
  );

  sheet.section("Break-even (revenue = expense)", width);
  const fixedCosts = `${n.OtherStaffCost}+${cellAddress(contractorsRow, value)}+${n.Overhead}`;
  named(
    "Factor on every level's hours",
    "× planned hours",
    `IF(AND(${n.DirectStaffCost}>0,${n.TotalRevenue}>${fixedCosts}),(${n.TotalRevenue}-(${fixedCosts}))/${n.DirectStaffCost},"none: other costs exceed revenue")`,
    "0.000",
    "BreakEvenHoursFactor",
  );
  options.levels.forEach((level, i) =>
    named(
      `Break-even average hours, level ${level.id}`,
      "hours per episode",
      `IF(ISNUMBER(${n.BreakEvenHoursFactor}),${levelInput(inputs.plannedHoursRow, i)}*${n.BreakEvenHoursFactor},"none")`,
      NUMBER_FORMATS.hours,
    ),
  );
  named(
    "Break-even productivity",
    "% of hours at work",
    // Productivity ÷ factor above 100% cannot be reached: say so rather than show it.
    `IF(ISNUMBER(${n.BreakEvenHoursFactor}),IF(${n.Productivity}<=${n.BreakEvenHoursFactor},${n.Productivity}/${n.BreakEvenHoursFactor},"none: above 100%"),"none")`,
    NUMBER_FORMATS.percent,
    "BreakEvenProductivity",
  );
  sheet.put(
    sheet.row,
    LABEL_COLUMN,
    ["Direct staff are planned at the FTEs the hours need, so expense grows in step with hours:"],
    { style: "note" },
  );
  sheet.skip();
  sheet.put(
    sheet.row,
    LABEL_COLUMN,
    [
      "factor = (revenue − other staff − contractors − overhead) ÷ direct-staff cost; productivity ÷ factor likewise.",
    ],
    { style: "note" },
  );
  sheet.skip();
  const chartColumn = value + 2;
  const ref = (sheetName: "Dashboard" | "Provider Model", address: string) => ctx.ref(sheetName, address);
  sheet.chart({
    kind: "column",
    title: "Revenue and expense by category (chosen scenario)",
    from: cellAddress(4, chartColumn),
    to: cellAddress(22, chartColumn),
    categories: ref(
      "Dashboard",
      rangeAddress(firstCategoryRow, LABEL_COLUMN, lastCategoryRow, LABEL_COLUMN, true),
    ),
    series: [
      {
        name: "$ a year",
        values: ref("Dashboard", rangeAddress(firstCategoryRow, value, lastCategoryRow, value, true)),
      },
    ],
  });
  const scenarioColumns = (row: number) =>
    rangeAddress(row, FIRST_VALUE_COLUMN, row, FIRST_VALUE_COLUMN + 2, true);
  sheet.chart({
    kind: "column",
    title: "FTEs needed and on payroll, by consumer scenario",
    from: cellAddress(24, chartColumn),
    to: cellAddress(42, chartColumn),
    categories: ref("Provider Model", scenarioColumns(model.scenarioRow)),
    series: [
      { name: "FTEs needed", values: ref("Provider Model", scenarioColumns(model.fteNeedRow)) },
      { name: "FTEs on payroll", values: ref("Provider Model", scenarioColumns(model.payrollRow)) },
    ],
  });
  return { spec: sheet.build(), layout: { firstCategoryRow, lastCategoryRow } };
}

import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN, UNITS_COLUMN, type ValueLook } from "../layout";
import { formula, type SheetSpec } from "../spec";
import { CHART_COLORS } from "../chartColors";
import { NUMBER_FORMATS } from "../styles";
import type { CaseRatesLayout } from "../starter/caseRates";
import type { StarterContext, StarterName } from "../starter/context";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";
import type { StarterSheetBuilder } from "../starter/starterSheet";
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
  /** A line of one formula, wrapped to read "enter inputs" until they are in; named when `name` is given. */
  const named = ({
    label,
    units,
    expression,
    numberFormat,
    name,
    style,
  }: {
    label: string;
    units: string;
    expression: string;
    numberFormat: string;
    name?: StarterName;
    style?: ValueLook["style"];
  }) =>
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
  named({
    label: "Consumers per year",
    units: "consumers",
    expression: pick(model.consumersRow),
    numberFormat: NUMBER_FORMATS.count,
    name: "ConsumersPerYear",
    style: "total",
  });

  sheet.section("Capacity and demand", width);
  named({
    label: "Hours needed",
    units: "hours a year",
    expression: pick(model.hoursRow),
    numberFormat: NUMBER_FORMATS.count,
    name: "HoursNeeded",
  });
  named({
    label: "Hours the payroll can deliver",
    units: "hours a year",
    expression: `${n.FteOnPayroll}*${n.DirectHoursPerFte}`,
    numberFormat: NUMBER_FORMATS.count,
  });
  named({
    label: "FTEs needed",
    units: "direct-service FTEs",
    expression: pick(model.fteNeedRow),
    numberFormat: NUMBER_FORMATS.countDecimal,
    name: "FteNeed",
    style: "total",
  });
  named({
    label: "FTEs on payroll",
    units: "direct-service FTEs",
    expression: n.FteOnPayroll,
    numberFormat: NUMBER_FORMATS.countDecimal,
  });
  named({
    label: "Staffing gap (need − payroll)",
    units: "FTEs",
    expression: pick(model.gapRow),
    numberFormat: NUMBER_FORMATS.countDecimal,
    name: "FteGap",
  });
  light("Clinicians on payroll cover the planned services", `${n.FteGap}<=0`);

  // A P&L: the revenue lines and their total, the expense lines and theirs, then the margin.
  sheet.section("Revenue and expense", width);
  const firstCategoryRow = named({
    label: "Case-rate revenue",
    units: "$ a year",
    expression: pick(model.caseRateRevenueRow),
    numberFormat: NUMBER_FORMATS.dollars,
    name: "CaseRateRevenue",
  });
  const otherRevenueRow = named({
    label: "Other revenue",
    units: "$ a year",
    expression: pick(model.otherRevenueRow),
    numberFormat: NUMBER_FORMATS.dollars,
    name: "OtherRevenue",
  });
  named({
    label: "Total revenue",
    units: "$ a year",
    expression: pick(model.revenueRow),
    numberFormat: NUMBER_FORMATS.dollars,
    name: "TotalRevenue",
    style: "total",
  });
  const directStaffRow = named({
    label: "Direct-service staff",
    units: "$ a year",
    expression: pick(model.directCostRow),
    numberFormat: NUMBER_FORMATS.dollars,
    name: "DirectStaffCost",
  });
  const otherStaffRow = named({
    label: "Other staff",
    units: "$ a year",
    expression: pick(model.otherStaffRow),
    numberFormat: NUMBER_FORMATS.dollars,
    name: "OtherStaffCost",
  });
  const contractorsRow = named({
    label: "Contractors",
    units: "$ a year",
    expression: pick(model.contractorsRow),
    numberFormat: NUMBER_FORMATS.dollars,
  });
  const lastCategoryRow = named({
    label: "Overhead",
    units: "$ a year",
    expression: pick(model.overheadRow),
    numberFormat: NUMBER_FORMATS.dollars,
    name: "Overhead",
  });
  named({
    label: "Total expense",
    units: "$ a year",
    expression: pick(model.expenseRow),
    numberFormat: NUMBER_FORMATS.dollars,
    name: "TotalExpense",
    style: "total",
  });
  named({
    label: "Margin",
    units: "$ a year",
    expression: pick(model.marginRow),
    numberFormat: NUMBER_FORMATS.dollars,
    name: "Margin",
    style: "total",
  });
  named({
    label: "Margin %",
    units: "% of revenue",
    expression: `IF(${n.TotalRevenue}=0,"no revenue",${n.Margin}/${n.TotalRevenue})`,
    numberFormat: NUMBER_FORMATS.percent,
    name: "MarginPct",
  });
  light("Revenues cover expenses", `${n.Margin}>=0`);

  sheet.section("Value bonus by level (case-rate revenue − cost of the care delivered)", width);
  // Two short notes: a longer one would run on under the chart beside them.
  sheet.note("Value bonus = case-rate revenue − the direct-service staff cost of the care delivered,");
  sheet.note("before other staff, contractors and overhead; below, how it becomes the margin.");
  const bonusRows = options.levels.map((level, i) =>
    named({
      label: `Value bonus, level ${level.id}`,
      units: "$ a year",
      expression: `${n.ConsumersPerYear}*${levelInput(inputs.caseMixRow, i)}*(${caseRate(i)}-${levelInput(inputs.plannedHoursRow, i)}*${n.CostPerDirectHour})`,
      numberFormat: NUMBER_FORMATS.dollars,
    }),
  );
  named({
    label: "Value bonus, all levels",
    units: "$ a year",
    expression: `SUM(${rangeAddress(bonusRows[0], value, bonusRows[bonusRows.length - 1], value)})`,
    numberFormat: NUMBER_FORMATS.dollars,
    name: "ValueBonus",
    style: "total",
  });

  // The bridge is exact: Σ value bonus = case-rate revenue − direct-service staff (the core's
  // computeProviderModel), so margin = value bonus + other revenue − the other costs.
  sheet.section("From value bonus to margin", width);
  const firstBridgeRow = named({
    label: "Value bonus",
    units: "$ a year",
    expression: n.ValueBonus,
    numberFormat: NUMBER_FORMATS.dollars,
  });
  named({
    label: "Plus other revenue",
    units: "$ a year",
    expression: n.OtherRevenue,
    numberFormat: NUMBER_FORMATS.dollars,
  });
  named({
    label: "Less other staff",
    units: "$ a year",
    expression: `-${n.OtherStaffCost}`,
    numberFormat: NUMBER_FORMATS.dollars,
  });
  named({
    label: "Less contractors",
    units: "$ a year",
    expression: `-${cellAddress(contractorsRow, value)}`,
    numberFormat: NUMBER_FORMATS.dollars,
  });
  const lastBridgeRow = named({
    label: "Less overhead",
    units: "$ a year",
    expression: `-${n.Overhead}`,
    numberFormat: NUMBER_FORMATS.dollars,
  });
  named({
    label: "Margin, from the value bonus",
    units: "$ a year",
    expression: `SUM(${rangeAddress(firstBridgeRow, value, lastBridgeRow, value)})`,
    numberFormat: NUMBER_FORMATS.dollars,
    name: "BridgedMargin",
    style: "total",
  });

  sheet.section("Break-even (revenue = expense)", width);
  const fixedCosts = `${n.OtherStaffCost}+${cellAddress(contractorsRow, value)}+${n.Overhead}`;
  named({
    label: "Factor on every level's hours",
    units: "× planned hours",
    expression: `IF(AND(${n.DirectStaffCost}>0,${n.TotalRevenue}>${fixedCosts}),(${n.TotalRevenue}-(${fixedCosts}))/${n.DirectStaffCost},"none: other costs exceed revenue")`,
    numberFormat: "0.000",
    name: "BreakEvenHoursFactor",
  });
  options.levels.forEach((level, i) =>
    named({
      label: `Break-even average hours, level ${level.id}`,
      units: "hours per episode",
      expression: `IF(ISNUMBER(${n.BreakEvenHoursFactor}),${levelInput(inputs.plannedHoursRow, i)}*${n.BreakEvenHoursFactor},"none")`,
      numberFormat: NUMBER_FORMATS.hours,
    }),
  );
  named({
    label: "Break-even productivity",
    units: "% of hours at work",
    // Productivity ÷ factor above 100% cannot be reached: say so rather than show it.
    expression: `IF(ISNUMBER(${n.BreakEvenHoursFactor}),IF(${n.Productivity}<=${n.BreakEvenHoursFactor},${n.Productivity}/${n.BreakEvenHoursFactor},"none: above 100%"),"none")`,
    numberFormat: NUMBER_FORMATS.percent,
    name: "BreakEvenProductivity",
  });
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
  const chartData = revenueExpenseChartData(sheet, {
    revenue: [firstCategoryRow, otherRevenueRow],
    expense: [directStaffRow, otherStaffRow, contractorsRow, lastCategoryRow],
  });
  const chartColumn = value + 2;
  const ref = (sheetName: "Dashboard" | "Provider Model", address: string) => ctx.ref(sheetName, address);
  sheet.chart({
    kind: "column",
    title: "Revenue and expense by category (chosen scenario)",
    from: cellAddress(4, chartColumn),
    to: cellAddress(22, chartColumn),
    categories: ref("Dashboard", chartData.categories),
    // Each series fills only its own categories: overlapped, every category is one bar.
    series: [
      { name: "Revenue", values: ref("Dashboard", chartData.revenue), color: CHART_COLORS.revenue },
      {
        name: "Expense",
        values: ref("Dashboard", chartData.expense),
        color: CHART_COLORS.expense,
      },
    ],
    overlap: 100,
    gapWidth: 50,
    valueAxisFormat: NUMBER_FORMATS.dollars,
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
      {
        name: "FTEs needed",
        values: ref("Provider Model", scenarioColumns(model.fteNeedRow)),
        color: CHART_COLORS.fteNeeded,
      },
      {
        name: "FTEs on payroll",
        values: ref("Provider Model", scenarioColumns(model.payrollRow)),
        color: CHART_COLORS.ftePayroll,
      },
    ],
    overlap: 0,
    gapWidth: 80,
    valueAxisFormat: NUMBER_FORMATS.countDecimal,
  });
  return { spec: sheet.build(), layout: { firstCategoryRow, lastCategoryRow } };
}

/**
 * The revenue and expense chart's data: each P&L line once, its amount under "Revenue" or under
 * "Expense" and the other cell left empty, so the chart colours and names the two apart.
 * Returns the ranges of its labels and of each column, for the chart's references.
 */
function revenueExpenseChartData(
  sheet: StarterSheetBuilder,
  rows: { readonly revenue: readonly number[]; readonly expense: readonly number[] },
): { categories: string; revenue: string; expense: string } {
  const value = FIRST_VALUE_COLUMN;
  sheet.section("Chart data: revenue and expense by category", 3);
  // The units column holds revenue: no column of the sheet is free, and both are wide enough.
  sheet.heading(["Category", "Revenue", "Expense"]);
  const first = sheet.row;
  const lines = [
    ...rows.revenue.map((row) => ({ row, column: UNITS_COLUMN })),
    ...rows.expense.map((row) => ({ row, column: value })),
  ];
  for (const line of lines) {
    const row = sheet.row;
    sheet.put(row, LABEL_COLUMN, [formula(cellAddress(line.row, LABEL_COLUMN))], { style: "label" });
    sheet.put(row, line.column, [formula(cellAddress(line.row, value))], {
      style: "calc",
      numberFormat: NUMBER_FORMATS.dollars,
    });
    sheet.skip();
  }
  const last = sheet.row - 1;
  const column = (c: number) => rangeAddress(first, c, last, c, true);
  return { categories: column(LABEL_COLUMN), revenue: column(UNITS_COLUMN), expense: column(value) };
}

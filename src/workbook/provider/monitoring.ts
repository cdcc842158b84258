import { cellAddress, rangeAddress, rowAnchoredAddress } from "../a1";
import { FIRST_VALUE_COLUMN, type SheetBuilder, type ValueLook } from "../layout";
import { type CellContent, formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext, StarterName } from "../starter/context";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";
import type { ProviderInputsLayout } from "./providerInputs";
import { bandShares, type ContractCells, corridorTarget, stopAdjustment } from "../contract/termFormulas";
import type { CaseRatesLayout } from "../starter/caseRates";

/** What Monitoring reads to project the year's settlement: the case rates and the Contract's cells. */
export interface MonitoringContract {
  readonly caseRates: CaseRatesLayout;
  readonly cells: ContractCells;
}

/** What a block of Monitoring reads, once, until its actuals are entered. */
const ENTER_ACTUALS = "enter actuals on the Actuals sheet";

/** The monitoring year's months, one column each. */
const MONTHS = Array.from({ length: 12 }, (_, i) => `Month ${i + 1}`);
const monthColumns = MONTHS.map((_, i) => FIRST_VALUE_COLUMN + i);
const LAST_MONTH_COLUMN = monthColumns[monthColumns.length - 1];
/** Wide enough for a month's "enter inputs" and its largest amount, "($1,234,567)". */
const MONTH_WIDTHS = monthColumns.map(() => 13);

/** Rows of the Actuals sheet, per level where the figure is per level. */
export interface ActualsLayout {
  readonly monthRow: number;
  readonly consumerRows: readonly number[];
  readonly hourRows: readonly number[];
  readonly reviewedRow: number;
  readonly withinRow: number;
  readonly directCostRow: number;
  readonly otherCostRow: number;
}

const monthRange = (row: number, absolute = false) =>
  rangeAddress(row, FIRST_VALUE_COLUMN, row, LAST_MONTH_COLUMN, absolute);

/** The Actuals sheet: what the provider enters each month (inputs only). */
export function actualsSheet(ctx: StarterContext): { spec: SheetSpec; layout: ActualsLayout } {
  const sheet = startSheet(
    ctx,
    "Actuals",
    "Enter each month's actuals from the EHR and the general ledger; Monitoring sets them against the plan.",
    TAB_COLORS.inputs,
    [2, 44, 18, ...MONTH_WIDTHS],
    3,
  );
  const width = MONTHS.length + 2;
  const blanks: CellContent[] = MONTHS.map(() => null);
  const entry = (label: string, units: string, numberFormat: string) => {
    const row = sheet.line(label, units, blanks, { style: "input", numberFormat });
    sheet.validate({
      range: monthRange(row),
      kind: "decimal",
      min: 0,
      promptTitle: label,
      prompt: `${units} in the month; leave months to come blank.`,
      error: `${label} cannot be negative.`,
    });
    return row;
  };
  const defineBlock = (name: StarterName, first: number, last: number, comment: string) =>
    sheet.define(name, rangeAddress(first, FIRST_VALUE_COLUMN, last, LAST_MONTH_COLUMN, true), comment);

  const monthRow = sheet.line("Month", "", MONTHS, { style: "header" });
  sheet.section("Consumers admitted (new episodes)", width);
  const consumerRows = ctx.options.levels.map((level) =>
    entry(`Level ${level.id}`, "consumers", NUMBER_FORMATS.count),
  );
  defineBlock(
    "ActualConsumers",
    consumerRows[0],
    consumerRows[consumerRows.length - 1],
    "New episodes each month, by level",
  );
  sheet.section("Hours delivered", width);
  const hourRows = ctx.options.levels.map((level) =>
    entry(`Level ${level.id}`, "hours", NUMBER_FORMATS.count),
  );
  defineBlock(
    "ActualHours",
    hourRows[0],
    hourRows[hourRows.length - 1],
    "Direct-service hours delivered each month, by level",
  );
  sheet.section("Level-of-care reviews", width);
  const reviewedRow = entry("Consumers reviewed", "consumers", NUMBER_FORMATS.count);
  const withinRow = entry("Of them, within their level's hour range", "consumers", NUMBER_FORMATS.count);
  defineBlock("ActualReviewed", reviewedRow, reviewedRow, "Consumers whose hours were reviewed each month");
  defineBlock(
    "ActualWithinRange",
    withinRow,
    withinRow,
    "Reviewed consumers whose hours lie within their level's range",
  );
  sheet.section("Costs", width);
  const directCostRow = entry("Direct-service staff", "$", NUMBER_FORMATS.dollars);
  const otherCostRow = entry("Other costs", "$", NUMBER_FORMATS.dollars);
  defineBlock("ActualDirectCost", directCostRow, directCostRow, "Direct-service staff cost each month");
  defineBlock(
    "ActualOtherCost",
    otherCostRow,
    otherCostRow,
    "Other staff, contractors and overhead each month",
  );
  return {
    spec: sheet.build(),
    layout: { monthRow, consumerRows, hourRows, reviewedRow, withinRow, directCostRow, otherCostRow },
  };
}

/**
 * The Monitoring sheet: the plan prorated by month against the actuals, variances, and lights for
 * hours per case outside the guideline, costs over plan, and the payor's share-within-range target.
 */
export function monitoringSheet(
  ctx: StarterContext,
  inputs: ProviderInputsLayout,
  actuals: ActualsLayout,
  contract?: MonitoringContract,
): SheetSpec {
  const { n, options } = ctx;
  const sheet: SheetBuilder = startSheet(
    ctx,
    "Monitoring",
    "Plan prorated by month against the actuals. Early in the year hours per case run low until episodes mature.",
    TAB_COLORS.calcs,
    [2, 44, 18, ...MONTH_WIDTHS],
    3,
  );
  const width = MONTHS.length + 2;
  const at = (row: number, column: number) => cellAddress(row, column);
  const actual = (row: number, column: number) => ctx.ref("Actuals", rowAnchoredAddress(row, column));
  /** Year to date on Actuals: from month 1 to this column. */
  const toDate = (row: number, column: number) =>
    ctx.ref("Actuals", `${cellAddress(row, FIRST_VALUE_COLUMN, true)}:${rowAnchoredAddress(row, column)}`);
  const monthly = (label: string, units: string, build: (c: number) => string, look: ValueLook) =>
    sheet.line(
      label,
      units,
      monthColumns.map((c) => formula(build(c))),
      look,
    );
  const levelInput = (row: number, i: number) =>
    ctx.ref("Provider Inputs", cellAddress(row, FIRST_VALUE_COLUMN + i, true));
  const count = { style: "calc", numberFormat: NUMBER_FORMATS.countDecimal } as const;
  const dollars = { style: "calc", numberFormat: NUMBER_FORMATS.dollars } as const;
  const light = (label: string, build: (c: number) => string) => {
    const row = monthly(label, "", build, { style: "check" });
    sheet.highlightCheck(monthRange(row));
  };
  // A month not yet entered stays empty; the block's band says once what to enter (block).
  const ifEntered = (test: string, expression: string) => `IF(${test},${expression},"")`;
  /** A section band that reads "enter actuals on Actuals" until any of the block's actuals are in. */
  const block = (title: string, actualsIn: string) => {
    const row = sheet.section(title, width);
    sheet.put(row, FIRST_VALUE_COLUMN, [formula(`IF(COUNT(${actualsIn})=0,"${ENTER_ACTUALS}","")`)], {
      style: "section",
    });
  };
  const actualRows = (first: number, last = first) =>
    ctx.ref("Actuals", rangeAddress(first, FIRST_VALUE_COLUMN, last, LAST_MONTH_COLUMN, true));

  monthly("Month", "", (c) => actual(actuals.monthRow, c), { style: "header" });

  options.levels.forEach((level, i) => {
    block(`Level ${level.id}`, actualRows(actuals.consumerRows[i]));
    const planRow = monthly(
      "Consumers admitted, plan",
      "consumers",
      () =>
        ctx.providerOutput(`${n.ConsumersPerYear}*${levelInput(inputs.caseMixRow, i)}/${n.MonthsPerYear}`),
      count,
    );
    const consumers = actuals.consumerRows[i];
    monthly(
      "Consumers admitted, variance",
      "consumers",
      (c) =>
        ifEntered(
          `AND(ISNUMBER(${actual(consumers, c)}),ISNUMBER(${at(planRow, c)}))`,
          `${actual(consumers, c)}-${at(planRow, c)}`,
        ),
      count,
    );
    const perCaseRow = monthly(
      "Hours per case, year to date",
      "hours per episode",
      (c) =>
        ifEntered(
          `SUM(${toDate(consumers, c)})>0`,
          `SUM(${toDate(actuals.hourRows[i], c)})/SUM(${toDate(consumers, c)})`,
        ),
      { style: "calc", numberFormat: NUMBER_FORMATS.hours },
    );
    light("Hours per case within the guideline", (c) =>
      ifEntered(
        `ISNUMBER(${at(perCaseRow, c)})`,
        `AND(${at(perCaseRow, c)}>=${levelInput(inputs.guidelineLowRow, i)},${at(perCaseRow, c)}<=${levelInput(inputs.guidelineHighRow, i)})`,
      ),
    );
  });

  block("Hours", actualRows(actuals.hourRows[0], actuals.hourRows[actuals.hourRows.length - 1]));
  const planHoursRow = monthly(
    "Hours, plan",
    "hours",
    () => ctx.providerOutput(`${n.HoursNeeded}/${n.MonthsPerYear}`),
    count,
  );
  const hourBlock = (c: number) =>
    ctx.ref(
      "Actuals",
      rangeAddress(actuals.hourRows[0], c, actuals.hourRows[actuals.hourRows.length - 1], c),
    );
  const actualHoursRow = monthly(
    "Hours, actual",
    "hours",
    (c) => ifEntered(`COUNT(${hourBlock(c)})>0`, `SUM(${hourBlock(c)})`),
    count,
  );
  monthly(
    "Hours, variance",
    "hours",
    (c) =>
      ifEntered(
        `AND(ISNUMBER(${at(actualHoursRow, c)}),ISNUMBER(${at(planHoursRow, c)}))`,
        `${at(actualHoursRow, c)}-${at(planHoursRow, c)}`,
      ),
    count,
  );

  block("Costs", `${actualRows(actuals.directCostRow)},${actualRows(actuals.otherCostRow)}`);
  const planCostRow = monthly(
    "Costs, plan",
    "$",
    () => ctx.providerOutput(`${n.TotalExpense}/${n.MonthsPerYear}`),
    dollars,
  );
  const costs = (c: number) => `${actual(actuals.directCostRow, c)},${actual(actuals.otherCostRow, c)}`;
  const actualCostRow = monthly(
    "Costs, actual",
    "$",
    (c) => ifEntered(`COUNT(${costs(c)})>0`, `SUM(${costs(c)})`),
    dollars,
  );
  monthly(
    "Costs, variance",
    "$",
    (c) =>
      ifEntered(
        `AND(ISNUMBER(${at(actualCostRow, c)}),ISNUMBER(${at(planCostRow, c)}))`,
        `${at(actualCostRow, c)}-${at(planCostRow, c)}`,
      ),
    dollars,
  );
  const ytd = (row: number, c: number) =>
    `SUM(${cellAddress(row, FIRST_VALUE_COLUMN, true)}:${rowAnchoredAddress(row, c)})`;
  light("Costs to date within plan", (c) =>
    ifEntered(
      `AND(ISNUMBER(${at(actualCostRow, c)}),ISNUMBER(${at(planCostRow, c)}))`,
      `${ytd(actualCostRow, c)}<=${ytd(planCostRow, c)}`,
    ),
  );

  if (contract) revenueAndSettlement(ctx, sheet, actuals, contract);

  block("Services align with the level of care (step 8)", actualRows(actuals.reviewedRow));
  const shareRow = monthly(
    "Share of reviewed consumers within range",
    "% of consumers",
    (c) =>
      ifEntered(
        `N(${actual(actuals.reviewedRow, c)})>0`,
        `${actual(actuals.withinRow, c)}/${actual(actuals.reviewedRow, c)}`,
      ),
    { style: "calc", numberFormat: NUMBER_FORMATS.percentWhole },
  );
  light("Meets the target on Inputs", (c) =>
    ifEntered(
      `AND(ISNUMBER(${at(shareRow, c)}),ISNUMBER(${n.RangeShareTarget}))`,
      `${at(shareRow, c)}>=${n.RangeShareTarget}`,
    ),
  );
  return sheet.build();
}

/**
 * Case-rate revenue earned to date (consumers admitted × their level's case rate), the cost and
 * margin to date, and the year-end settlement projected under the Contract's terms: to date ×
 * months per year ÷ months entered, then corridors on P, stop-loss/stop-gain, withhold and bonus
 * at the measures' values on Settlement (no outlier payments: those need each case's cost).
 */
function revenueAndSettlement(
  ctx: StarterContext,
  sheet: SheetBuilder,
  actuals: ActualsLayout,
  contract: MonitoringContract,
): void {
  const { n, options } = ctx;
  const width = MONTHS.length + 2;
  const toDate = (row: number, c: number) =>
    ctx.ref("Actuals", `${cellAddress(row, FIRST_VALUE_COLUMN, true)}:${rowAnchoredAddress(row, c)}`);
  const dollars = { style: "calc", numberFormat: NUMBER_FORMATS.dollars } as const;
  const costsIn = (c: number) =>
    `COUNT(${toDate(actuals.directCostRow, c)},${toDate(actuals.otherCostRow, c)})>0`;
  const month = (row: number, c: number) => cellAddress(row, c);
  const monthly = (label: string, build: (c: number) => string, style: "calc" | "total" = "calc") =>
    sheet.line(
      label,
      "$",
      monthColumns.map((c) => formula(`IF(${costsIn(c)},${ctx.providerOutput(build(c))},"")`)),
      { ...dollars, style },
    );
  sheet.section(
    "Case-rate revenue, cost and margin to date; the year-end settlement projected (Contract)",
    width,
  );
  const caseRate = (i: number) =>
    ctx.ref("Case Rates", cellAddress(contract.caseRates.caseRateRow, FIRST_VALUE_COLUMN + i, true));
  const revenueRow = monthly("Case-rate revenue earned to date", (c) =>
    options.levels.map((_, i) => `SUM(${toDate(actuals.consumerRows[i], c)})*${caseRate(i)}`).join("+"),
  );
  const costRow = monthly(
    "Cost to date (all costs)",
    (c) => `SUM(${toDate(actuals.directCostRow, c)},${toDate(actuals.otherCostRow, c)})`,
  );
  monthly("Margin to date", (c) => `${month(revenueRow, c)}-${month(costRow, c)}`, "total");
  const months = (c: number) =>
    `COLUMNS(${cellAddress(revenueRow, FIRST_VALUE_COLUMN, true)}:${rowAnchoredAddress(revenueRow, c)})`;
  const yearEnd = (row: number, c: number) => `${month(row, c)}*${n.MonthsPerYear}/${months(c)}`;
  const paymentsRow = monthly("Projected year-end payments, P", (c) => yearEnd(revenueRow, c));
  const careRow = monthly(
    "Projected cost of care (direct staff)",
    (c) => `SUM(${toDate(actuals.directCostRow, c)})*${n.MonthsPerYear}/${months(c)}`,
  );
  const P = (c: number) => month(paymentsRow, c);
  const C = (c: number) => month(careRow, c);
  const r = (c: number) => `IF(${P(c)}>0,(${C(c)}-${corridorTarget(ctx)}*${P(c)})/${P(c)},0)`;
  const corridorRow = monthly("Projected corridor adjustment", (c) => {
    const loss = bandShares(ctx, contract.cells, `(${r(c)})`, "loss").join("+");
    const gain = bandShares(ctx, contract.cells, `(0-${r(c)})`, "gain").join("+");
    return `${P(c)}*(${loss}-(${gain}))`;
  });
  const stopRow = monthly("Projected stop-loss/stop-gain", (c) =>
    stopAdjustment(ctx, `(${P(c)}+${month(corridorRow, c)}-${C(c)})`, P(c)),
  );
  const withheld = (c: number) => `N(${n.WithholdPercent})*${P(c)}`;
  const measuresRow = monthly(
    "Projected withhold kept and bonus",
    (c) =>
      `IF(ISNUMBER(${n.WithholdPercent}),${withheld(c)}*(SUMPRODUCT(${n.WithholdWeights},${n.MeasureScores})-1),0)+IF(COUNT(${n.QualityBonusPool},${n.QualityBonusPoolPercent})>0,IF(ISNUMBER(${n.QualityBonusPool}),${n.QualityBonusPool},N(${n.QualityBonusPoolPercent})*${P(c)})*SUMPRODUCT(${n.BonusWeights},${n.MeasureScores}),0)`,
  );
  monthly(
    "Projected net paid to the provider",
    (c) => `${P(c)}+${month(corridorRow, c)}+${month(stopRow, c)}+${month(measuresRow, c)}`,
    "total",
  );
}

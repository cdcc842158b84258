import { cellAddress, rangeAddress, rowAnchoredAddress } from "../a1";
import { FIRST_VALUE_COLUMN, levelColumnsOf } from "../layout";
import { type CellContent, formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext } from "./context";
import { type InputsLayout, RESERVE_METHODS } from "./inputs";
import { startSheet, TAB_COLORS } from "./sheetTop";

/** What the volume-weighted rate reads until every service code's hours are entered. */
const ENTER_SERVICE_HOURS = "enter service hours on Inputs";
/** The same with the example loaded: the toolkit prints the billed rates but not the volumes. */
const EXAMPLE_SERVICE_HOURS = "the toolkit prints no service hours: enter yours on Inputs";

/** What the reserve lines read until a reserve percentage is entered. */
const ENTER_RESERVE = "enter the risk reserve %";

/** Where Case Rates put what the Scenarios sheet references. */
export interface CaseRatesLayout {
  readonly caseRateRow: number;
  /** Average hours per episode at each level. */
  readonly hoursRow: number;
  /** The rate per hour each level uses (its own, else the model's). */
  readonly rateRow: number;
  /** Cases at each level (the budget's). */
  readonly casesRow: number;
}

/** The Case Rates sheet (step 7): case rate per level, the budget, PMPM and the risk reserve. */
/** What the difference from the model's rate shows before there is a volume-weighted rate. */
const NO_DIFFERENCE_YET = "—";

export function caseRatesSheet(
  ctx: StarterContext,
  inputs: InputsLayout,
): { spec: SheetSpec; layout: CaseRatesLayout } {
  const { n } = ctx;
  const levelCount = ctx.options.levels.length;
  const { levelColumns, lastLevelColumn, totalColumn } = levelColumnsOf(levelCount);
  const sheet = startSheet(
    ctx,
    "Case Rates",
    "Step 7: case rate = average hours × rate per hour; budget = cases × case rate. Nothing is rounded.",
    TAB_COLORS.calcs,
    [2, 40, 24, ...levelColumns.map(() => 15), 17],
    3,
  );
  const width = levelCount + 3;
  const dollars = { style: "calc", numberFormat: NUMBER_FORMATS.dollars } as const;
  /** Inputs' cell for this level column, anchored on its row so the formula reads alike across levels. */
  const input = (row: number, column: number) => ctx.ref("Inputs", rowAnchoredAddress(row, column));
  const perLevel = (build: (column: number) => string): CellContent[] =>
    levelColumns.map((c) => formula(build(c)));
  const at = (row: number, column: number) => cellAddress(row, column);
  const levelsRange = (row: number, absolute = false) =>
    rangeAddress(row, FIRST_VALUE_COLUMN, row, lastLevelColumn, absolute);
  /** The levels' ids over their columns, and "Total" over the totals' column where the table has one. */
  const levelHeader = (withTotal: boolean) =>
    sheet.line(
      "Level of care",
      "",
      [...perLevel((c) => input(inputs.levelIdRow, c)), ...(withTotal ? ["Total"] : [])],
      { style: "header" },
    );
  const total = (row: number, expression: string, numberFormat: string) =>
    sheet.put(row, totalColumn, [formula(expression)], { style: "total", numberFormat });

  sheet.section("Step 2 · Cases", width);
  sheet.namedLine({
    name: "PenetrationRate",
    label: "Penetration rate used",
    units: "% of enrollees",
    expression: ctx.output(`INDEX(${n.PenetrationRates},MATCH(${n.Scenario},${n.ScenarioNames},0))`),
    look: { style: "calc", numberFormat: NUMBER_FORMATS.percent },
    comment: "Penetration rate of the scenario that drives the model",
  });

  sheet.namedLine({
    name: "TotalCases",
    label: "Total cases",
    units: "cases",
    expression: ctx.output(`${n.Enrollees}*${n.PenetrationRate}`),
    look: {
      style: "total",
      numberFormat: NUMBER_FORMATS.count,
    },
    comment: "Expected cases: enrollees × penetration rate",
  });

  sheet.section("Step 7 · Case rates", width);
  levelHeader(false);
  const hoursRow = sheet.line(
    "Average hours",
    "hours per episode",
    perLevel((c) => input(inputs.averageHoursRow, c)),
    {
      style: "calc",
      numberFormat: NUMBER_FORMATS.hours,
    },
  );
  const rateRow = sheet.line(
    "Rate per hour",
    "$ per hour",
    perLevel(
      (c) =>
        `IF(ISNUMBER(${input(inputs.levelRateRow, c)}),${input(inputs.levelRateRow, c)},${n.RatePerHour})`,
    ),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  const caseRateRow = sheet.line(
    "Case rate",
    "$ per case",
    perLevel((c) => ctx.output(`${at(hoursRow, c)}*${at(rateRow, c)}`)),
    {
      style: "total",
      numberFormat: NUMBER_FORMATS.dollars,
    },
  );
  sheet.define("CaseRates", levelsRange(caseRateRow, true), "Case rate per level of care");

  sheet.section("Step 7 · Budget", width);
  levelHeader(true);
  const mixRow = sheet.line(
    "Case mix",
    "% of cases",
    perLevel((c) => input(inputs.caseMixRow, c)),
    {
      style: "calc",
      numberFormat: NUMBER_FORMATS.percentWhole,
    },
  );
  total(mixRow, `SUM(${levelsRange(mixRow)})`, NUMBER_FORMATS.percentWhole);
  const casesRow = sheet.line(
    "Cases",
    "cases",
    perLevel((c) => ctx.output(`${n.TotalCases}*${at(mixRow, c)}`)),
    {
      style: "calc",
      numberFormat: NUMBER_FORMATS.count,
    },
  );
  total(casesRow, ctx.output(`SUM(${levelsRange(casesRow)})`), NUMBER_FORMATS.count);
  const budgetRateRow = sheet.line(
    "Case rate",
    "$ per case",
    perLevel((c) => at(caseRateRow, c)),
    dollars,
  );
  const costsRow = sheet.line(
    "Total costs",
    "$",
    perLevel((c) => ctx.output(`${at(casesRow, c)}*${at(budgetRateRow, c)}`)),
    {
      style: "total",
      numberFormat: NUMBER_FORMATS.dollars,
    },
  );
  total(costsRow, ctx.output(`SUM(${levelsRange(costsRow)})`), NUMBER_FORMATS.dollars);
  sheet.define("LevelCases", levelsRange(casesRow, true), "Cases at each level: total cases × case mix");
  sheet.define("LevelBudgets", levelsRange(costsRow, true), "Total costs per level: cases × case rate");
  sheet.define("TotalBudget", cellAddress(costsRow, totalColumn, true), "The total case-rate budget");

  sheet.section("Capitation equivalent and risk reserve", width);
  sheet.namedLine({
    name: "PMPM",
    label: "Budget per member per month (PMPM)",
    units: "$ per member per month",
    expression: ctx.output(`${n.TotalBudget}/(${n.Enrollees}*${n.MonthsPerYear})`),
    look: { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
    comment: "The budget per enrollee per month",
  });

  // The reserve is optional: the budget stands without it, the reserve lines ask for it.
  sheet.namedLine({
    name: "RiskReserve",
    label: "Risk reserve",
    units: "$",
    expression: ctx.output(
      `IF(${n.RiskReserveMethod}="${RESERVE_METHODS[0]}",${n.NormalPowerReserve},IF(ISNUMBER(${n.RiskReservePct}),${n.TotalBudget}*${n.RiskReservePct},"${ENTER_RESERVE}"))`,
    ),
    look: dollars,
    comment: "Reserve on top of the budget, by the method chosen on Inputs",
  });

  sheet.namedLine({
    name: "BudgetWithReserve",
    label: "Budget with risk reserve",
    units: "$",
    expression: ctx.output(
      `IF(ISNUMBER(${n.RiskReserve}),${n.TotalBudget}+${n.RiskReserve},"${ENTER_RESERVE}")`,
    ),
    look: {
      style: "total",
      numberFormat: NUMBER_FORMATS.dollars,
    },
    comment: "Budget plus risk reserve",
  });

  sheet.section("Step 6 · Cost per hour from service data", width);
  const hoursEnteredRow = sheet.line("Service hours entered", "hours", [formula(`SUM(${n.ServiceHours})`)], {
    style: "calc",
    numberFormat: NUMBER_FORMATS.count,
  });
  const hoursEntered = at(hoursEnteredRow, FIRST_VALUE_COLUMN);
  sheet.namedLine({
    name: "VolumeWeightedRate",
    label: "Volume-weighted cost per hour",
    units: "$ per hour",
    expression: `IF(AND(COUNT(${n.ServiceHours})=ROWS(${n.ServiceHours}),${hoursEntered}>0),SUMPRODUCT(${n.ServiceHours},${n.BilledRatesPerHour})/${hoursEntered},"${ctx.options.example ? EXAMPLE_SERVICE_HOURS : ENTER_SERVICE_HOURS}")`,
    look: { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
    comment: "Cost per hour weighted by service hours",
  });

  // The rate's line says what to enter; the difference shows a dash until there is a rate (not an
  // empty text, which ExcelJS's reader loses, so a saved file would read as never calculated).
  sheet.line(
    "Difference from the rate the model uses",
    "$ per hour",
    [
      formula(
        `IF(ISNUMBER(${n.VolumeWeightedRate}),${n.VolumeWeightedRate}-${n.RatePerHour},"${NO_DIFFERENCE_YET}")`,
      ),
    ],
    { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  return { spec: sheet.build(), layout: { caseRateRow, hoursRow, rateRow, casesRow } };
}

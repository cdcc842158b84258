import { cellAddress, rangeAddress, rowAnchoredAddress } from "../a1";
import { FIRST_VALUE_COLUMN } from "../layout";
import { type CellContent, formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { CaseRatesLayout } from "./caseRates";
import type { StarterContext } from "./context";
import type { InputsLayout } from "./inputs";
import { SCENARIOS } from "./options";
import { startSheet, TAB_COLORS } from "./sheetTop";

/** The Scenarios sheet: the budget under low, medium and high penetration, one formula per row. */
export function scenariosSheet(
  ctx: StarterContext,
  inputs: InputsLayout,
  caseRates: CaseRatesLayout,
): SheetSpec {
  const { n, options } = ctx;
  const scenarioColumns = SCENARIOS.map((_, i) => FIRST_VALUE_COLUMN + i);
  const lastColumn = scenarioColumns[scenarioColumns.length - 1];
  const sheet = startSheet(
    ctx,
    "Scenarios",
    "Step 2's penetration scenarios carried through step 7: the same formula in each column.",
    TAB_COLORS.calcs,
    [2, 40, 24, ...scenarioColumns.map(() => 16)],
    3,
  );
  const perScenario = (build: (column: number) => string): CellContent[] =>
    scenarioColumns.map((c) => formula(build(c)));
  const at = (row: number, column: number) => cellAddress(row, column);
  const count = { style: "calc", numberFormat: NUMBER_FORMATS.count } as const;
  const dollars = { style: "calc", numberFormat: NUMBER_FORMATS.dollars } as const;

  sheet.section("Cases by scenario", SCENARIOS.length + 2);
  sheet.line(
    "Scenario",
    "",
    perScenario((c) => ctx.ref("Inputs", rowAnchoredAddress(inputs.scenarioNameRow, c))),
    { style: "header" },
  );
  const rateRow = sheet.line(
    "Penetration rate",
    "% of enrollees",
    perScenario((c) => ctx.ref("Inputs", rowAnchoredAddress(inputs.penetrationRateRow, c))),
    {
      style: "calc",
      numberFormat: NUMBER_FORMATS.percent,
    },
  );
  const casesRow = sheet.line(
    "Total cases",
    "cases",
    perScenario((c) => ctx.output(`${n.Enrollees}*${at(rateRow, c)}`)),
    { ...count, style: "total" },
  );
  sheet.define(
    "ScenarioCases",
    rangeAddress(casesRow, FIRST_VALUE_COLUMN, casesRow, lastColumn, true),
    "Expected cases under each penetration scenario",
  );
  const levelCaseRows = options.levels.map((level, i) =>
    sheet.line(
      `Cases, level ${level.id}`,
      "cases",
      perScenario((c) =>
        ctx.output(
          `${rowAnchoredAddress(casesRow, c)}*${ctx.ref("Inputs", cellAddress(inputs.caseMixRow, FIRST_VALUE_COLUMN + i, true))}`,
        ),
      ),
      count,
    ),
  );

  sheet.section("Budget by scenario", SCENARIOS.length + 2);
  const levelCostRows = options.levels.map((level, i) =>
    sheet.line(
      `Total costs, level ${level.id}`,
      "$",
      perScenario((c) =>
        ctx.output(
          `${at(levelCaseRows[i], c)}*${ctx.ref("Case Rates", cellAddress(caseRates.caseRateRow, FIRST_VALUE_COLUMN + i, true))}`,
        ),
      ),
      dollars,
    ),
  );
  const first = levelCostRows[0];
  const last = levelCostRows[levelCostRows.length - 1];
  const budgetRow = sheet.line(
    "Total budget",
    "$",
    perScenario((c) => ctx.output(`SUM(${rangeAddress(first, c, last, c)})`)),
    { ...dollars, style: "total" },
  );
  sheet.define(
    "ScenarioBudgets",
    rangeAddress(budgetRow, FIRST_VALUE_COLUMN, budgetRow, lastColumn, true),
    "Total budget under each penetration scenario",
  );
  sheet.line(
    "Budget per member per month (PMPM)",
    "$ per member per month",
    perScenario((c) => ctx.output(`${at(budgetRow, c)}/(${n.Enrollees}*${n.MonthsPerYear})`)),
    {
      style: "calc",
      numberFormat: NUMBER_FORMATS.dollarsCents,
    },
  );
  sheet.line(
    "Difference from the driving scenario",
    "$",
    perScenario((c) => ctx.output(`${at(budgetRow, c)}-${n.TotalBudget}`)),
    dollars,
  );
  return sheet.build();
}

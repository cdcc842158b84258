import { cellAddress, columnAnchoredAddress, rangeAddress, rowAnchoredAddress } from "../a1";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN } from "../layout";
import { formula, type SheetSpec } from "../spec";
import { CHART_COLORS } from "../chartColors";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext } from "../starter/context";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";

const DOWN = "Driver down";
const UP = "Driver up";

/** Where the sorted (tornado) table sits, for its chart. */
export interface SensitivityLayout {
  readonly firstSortedRow: number;
  readonly lastSortedRow: number;
}

/**
 * The Sensitivity sheet: the toolkit's advice to change one driver at a time and watch the margin,
 * done for every driver at once. The model is linear in each driver (direct staff follow the hours),
 * so each change in margin has a closed form, written with the driver's scale factor `s`.
 */
export function sensitivitySheet(ctx: StarterContext): { spec: SheetSpec; layout: SensitivityLayout } {
  const { n } = ctx;
  const sheet = startSheet(
    ctx,
    "Sensitivity",
    "Each driver moved down and up by the step on Provider Inputs, one at a time: the change in the margin.",
    TAB_COLORS.calcs,
    [2, 40, 18, 17, 17, 17, 10],
    3,
  );
  const low = FIRST_VALUE_COLUMN;
  const high = FIRST_VALUE_COLUMN + 1;
  const swing = FIRST_VALUE_COLUMN + 2;
  const rank = FIRST_VALUE_COLUMN + 3;
  /** Each driver's change in margin when scaled by s (the cell above the column, row-anchored). */
  const drivers: [string, (s: string) => string][] = [
    ["Consumers per year", (s) => `(${s}-1)*(${n.CaseRateRevenue}-${n.DirectStaffCost})`],
    ["Average hours, every level", (s) => `-(${s}-1)*${n.DirectStaffCost}`],
    ["Case rates, every level", (s) => `(${s}-1)*${n.CaseRateRevenue}`],
    ["Productivity", (s) => `${n.DirectStaffCost}-${n.DirectStaffCost}/${s}`],
    // Benefits and payroll taxes are shares of salary, so the whole loaded cost moves with it.
    ["Direct-service salary", (s) => `-(${s}-1)*${n.DirectStaffCost}`],
    [
      "Benefits",
      (s) =>
        `-(${s}-1)*${n.BenefitsPct}*(${n.DirectStaffCost}+${n.OtherStaffCost})/(1+${n.BenefitsPct}+${n.PayrollTaxPct})`,
    ],
    ["Other staff salaries", (s) => `-(${s}-1)*${n.OtherStaffCost}`],
    ["Overhead", (s) => `-(${s}-1)*${n.Overhead}`],
    ["Other revenue", (s) => `(${s}-1)*${n.OtherRevenue}`],
  ];

  sheet.section("Change in margin, one driver at a time", 6);
  const headerRow = sheet.heading(["Driver", "", DOWN, UP, "Swing", "Rank"]);
  // The same formula in both columns: the column's heading says which way the driver moves.
  const factorRow = sheet.line(
    "Scale factor",
    "× the driver",
    [low, high].map((c) =>
      formula(`1+${n.SensitivityStep}*IF(${rowAnchoredAddress(headerRow, c)}="${UP}",1,-1)`),
    ),
    { style: "calc", numberFormat: "0.00" },
  );
  const firstDriverRow = sheet.row;
  const lastDriverRow = firstDriverRow + drivers.length - 1;
  const swings = rangeAddress(firstDriverRow, swing, lastDriverRow, swing, true);
  for (const [label, change] of drivers) {
    const row = sheet.line(
      label,
      "$ margin",
      [low, high].map((c) => formula(ctx.providerOutput(change(rowAnchoredAddress(factorRow, c))))),
      { style: "calc", numberFormat: NUMBER_FORMATS.dollars },
    );
    sheet.put(
      row,
      swing,
      [formula(ctx.providerOutput(`ABS(${cellAddress(row, high)}-${cellAddress(row, low)})`))],
      {
        style: "calc",
        numberFormat: NUMBER_FORMATS.dollars,
      },
    );
    // Ties share a RANK, so the count of equal swings above breaks them.
    const above = `${cellAddress(firstDriverRow, swing, true)}:${cellAddress(row, swing)}`;
    sheet.put(
      row,
      rank,
      [
        formula(
          ctx.providerOutput(
            `RANK(${cellAddress(row, swing)},${swings})+COUNTIF(${above},${cellAddress(row, swing)})-1`,
          ),
        ),
      ],
      {
        style: "calc",
        numberFormat: NUMBER_FORMATS.count,
      },
    );
  }

  sheet.section("Sorted by swing (tornado)", 6);
  sheet.heading(["Driver", "", DOWN, UP]);
  const firstSortedRow = sheet.row;
  const ranks = rangeAddress(firstDriverRow, rank, lastDriverRow, rank, true);
  const driverNames = rangeAddress(firstDriverRow, LABEL_COLUMN, lastDriverRow, LABEL_COLUMN, true);
  const changes = rangeAddress(firstDriverRow, low, lastDriverRow, high, true);
  drivers.forEach(() => {
    const row = sheet.row;
    const position = `ROWS(${cellAddress(firstSortedRow, LABEL_COLUMN, true)}:${columnAnchoredAddress(row, LABEL_COLUMN)})`;
    const match = `MATCH(${position},${ranks},0)`;
    sheet.put(row, LABEL_COLUMN, [formula(ctx.providerOutput(`INDEX(${driverNames},${match})`))], {
      style: "label",
    });
    const column = (c: number) =>
      `COLUMNS(${cellAddress(firstSortedRow, low, true)}:${rowAnchoredAddress(firstSortedRow, c)})`;
    sheet.put(
      row,
      low,
      [low, high].map((c) => formula(ctx.providerOutput(`INDEX(${changes},${match},${column(c)})`))),
      { style: "calc", numberFormat: NUMBER_FORMATS.dollars },
    );
    sheet.skip();
  });
  const lastSortedRow = sheet.row - 1;
  const chartTop = sheet.row + 1;
  // A tornado: each driver's down and up changes (one below zero, one above) on one bar from zero,
  // the largest swing on top (the rows are sorted, and bars read top to bottom as the cells).
  sheet.chart({
    kind: "bar",
    title: "Change in margin with each driver moved down and up (largest first)",
    from: cellAddress(chartTop, LABEL_COLUMN),
    to: cellAddress(chartTop + 20, rank),
    categories: ctx.ref(
      "Sensitivity",
      rangeAddress(firstSortedRow, LABEL_COLUMN, lastSortedRow, LABEL_COLUMN, true),
    ),
    series: [
      {
        name: DOWN,
        values: ctx.ref("Sensitivity", rangeAddress(firstSortedRow, low, lastSortedRow, low, true)),
        color: CHART_COLORS.driverDown,
      },
      {
        name: UP,
        values: ctx.ref("Sensitivity", rangeAddress(firstSortedRow, high, lastSortedRow, high, true)),
        color: CHART_COLORS.driverUp,
      },
    ],
    overlap: 100,
    gapWidth: 50,
    valueAxisFormat: NUMBER_FORMATS.dollars,
  });
  return { spec: sheet.build(), layout: { firstSortedRow, lastSortedRow } };
}

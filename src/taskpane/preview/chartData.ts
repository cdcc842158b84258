/**
 * A described chart's data as the preview draws it: its categories and each series' values, read
 * through the chart's own references from the description's calculation (workbook/calc).
 */
import { cellAddress, parseCell, parseSheetReference } from "../../workbook/a1";
import type { CalculatedWorkbook } from "../../workbook/calc";
import type { ChartSpec } from "../../workbook/spec";
import { formatValue } from "./numberFormat";

export interface ChartData {
  readonly chart: ChartSpec;
  readonly categories: readonly string[];
  /** Each series' values by category; null where the cell is empty, text or not calculated. */
  readonly series: readonly {
    readonly name: string;
    readonly color: string;
    readonly values: (number | null)[];
  }[];
}

/** The calculated cells of a sheet-qualified range, in row-major order. */
function cellsOf(reference: string, calculation: CalculatedWorkbook) {
  const { sheet, address } = parseSheetReference(reference);
  const [first, last = first] = address.replace(/\$/g, "").split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  const cells = [];
  for (let r = from.row; r <= to.row; r++)
    for (let c = from.column; c <= to.column; c++) cells.push(calculation.cell(sheet, cellAddress(r, c)));
  return cells;
}

/** A chart's categories and values, as Excel would plot them (an empty cell plots no bar). */
export function chartData(chart: ChartSpec, calculation: CalculatedWorkbook): ChartData {
  return {
    chart,
    categories: cellsOf(chart.categories, calculation).map((c) => (c.ok ? formatValue(c.value) : "?")),
    series: chart.series.map((s) => ({
      name: s.name,
      color: s.color,
      values: cellsOf(s.values, calculation).map((v) =>
        v.ok && typeof v.value === "number" ? v.value : null,
      ),
    })),
  };
}

/**
 * A described sheet as the rows and cells the preview draws: every cell's text under its number
 * format, its look from the description's styles, and whether its value was calculated here.
 */
import { cellAddress, columnLetter, parseCell } from "../../workbook/a1";
import { isFormula, type SheetSpec, type StyleName, type WorkbookSpec } from "../../workbook/spec";
import type { CalculatedWorkbook } from "../../workbook/calc";
import { STYLE_LOOKS } from "../../workbook/styles";
import { formatValue } from "./numberFormat";

export interface GridCell {
  readonly address: string;
  /** What the cell shows: its value under its number format, or a formula not calculated here. */
  readonly text: string;
  readonly kind: "empty" | "constant" | "formula" | "not-calculated";
  /** The formula with its "=", for formula cells. */
  readonly formula?: string;
  readonly style?: StyleName;
  readonly numeric: boolean;
  /** The checks' traffic light: TRUE green, FALSE red. */
  readonly check?: "pass" | "fail";
  /** How many empty cells to its right left-aligned text runs into, as it does in Excel. */
  readonly overflow?: number;
}

export interface SheetGrid {
  readonly name: string;
  readonly tabColor: string;
  /** Column letters and widths in characters, from A. */
  readonly columns: readonly { readonly letter: string; readonly width: number }[];
  readonly rows: readonly { readonly number: number; readonly cells: readonly GridCell[] }[];
}

function cellsOf(range: string): string[] {
  const [first, last = first] = range.replace(/\$/g, "").split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r++)
    for (let c = from.column; c <= to.column; c++) out.push(cellAddress(r, c));
  return out;
}

/** The last row and column a sheet uses: its print area, or further if a block reaches beyond. */
function extent(sheet: SheetSpec): { rows: number; columns: number } {
  const corner = parseCell(sheet.printArea.replace(/\$/g, "").split(":").pop() as string);
  let rows = corner.row;
  let columns = Math.max(corner.column, sheet.columnWidths.length);
  for (const block of sheet.blocks) {
    const origin = parseCell(block.address);
    rows = Math.max(rows, origin.row + block.rows.length - 1);
    columns = Math.max(columns, origin.column + Math.max(...block.rows.map((r) => r.length)) - 1);
  }
  return { rows, columns };
}

export function sheetGrid(sheet: SheetSpec, workbook: CalculatedWorkbook): SheetGrid {
  const styles = new Map<string, StyleName>();
  const formats = new Map<string, string>();
  // Later formats win, as both writers apply them in order.
  for (const format of sheet.formats) {
    for (const address of cellsOf(format.range)) {
      if (format.style) styles.set(address, format.style);
      if (format.numberFormat) formats.set(address, format.numberFormat);
    }
  }
  const checked = new Set(sheet.conditionalFormats.flatMap((h) => cellsOf(h.range)));
  const { rows, columns } = extent(sheet);
  const grid: { number: number; cells: GridCell[] }[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells: GridCell[] = [];
    for (let c = 1; c <= columns; c++) {
      const address = cellAddress(r, c);
      const content = workbook.content(sheet.name, address);
      const style = styles.get(address);
      const base = { address, ...(style ? { style } : {}) };
      if (content === undefined || content === null) {
        cells.push({ ...base, text: "", kind: "empty", numeric: false });
        continue;
      }
      const result = workbook.cell(sheet.name, address);
      if (!result.ok) {
        const text = isFormula(content) ? `=${content.formula}` : "";
        cells.push({ ...base, text, formula: text, kind: "not-calculated", numeric: false });
        continue;
      }
      const value = result.value;
      const check =
        checked.has(address) && typeof value === "boolean" ? (value ? "pass" : "fail") : undefined;
      cells.push({
        ...base,
        text: formatValue(value, formats.get(address)),
        kind: isFormula(content) ? "formula" : "constant",
        ...(isFormula(content) ? { formula: `=${content.formula}` } : {}),
        numeric: typeof value === "number",
        ...(check ? { check } : {}),
      });
    }
    // Text that does not fit runs on over the empty cells to its right, as in Excel.
    cells.forEach((cell, i) => {
      const look = cell.style ? STYLE_LOOKS[cell.style] : undefined;
      if (cell.numeric || cell.text === "" || look?.wrap || (look?.horizontal && look.horizontal !== "left"))
        return;
      let run = 0;
      while (i + run + 1 < cells.length && cells[i + run + 1].kind === "empty") run++;
      if (run > 0) cells[i] = { ...cell, overflow: run };
    });
    grid.push({ number: r, cells });
  }
  return {
    name: sheet.name,
    tabColor: sheet.tabColor,
    columns: Array.from({ length: columns }, (_, i) => ({
      letter: columnLetter(i + 1),
      width: sheet.columnWidths[i] ?? 9,
    })),
    rows: grid,
  };
}

/** Every sheet of a description, drawn from one calculation. */
export function workbookGrids(spec: WorkbookSpec, workbook: CalculatedWorkbook): SheetGrid[] {
  return spec.sheets.map((sheet) => sheetGrid(sheet, workbook));
}

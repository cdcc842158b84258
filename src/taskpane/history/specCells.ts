/** A described workbook's defined names as cells: values calculated, texts as the sheet shows them. */
import { cellAddress, parseCell, parseSheetReference } from "../../workbook/a1";
import { type CalculatedWorkbook, ExcelError, calculateWorkbook } from "../../workbook/calc";
import type { WorkbookSpec } from "../../workbook/spec";
import { type SheetGrid, workbookGrids } from "../preview/sheetGrid";
import type { NamedLookup } from "./inputsPlan";

/** The cells of "D5:G5", in row-major order. */
export function cellsOfRange(address: string): string[] {
  const [first, last = first] = address.replace(/\$/g, "").split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  const cells: string[] = [];
  for (let row = from.row; row <= to.row; row++)
    for (let column = from.column; column <= to.column; column++) cells.push(cellAddress(row, column));
  return cells;
}

/**
 * Looks up a described workbook's names and references (calculated once, here, unless given).
 * @example specLookup(spec)("CaseMix")?.cells[1].text // "37%"
 */
export function specLookup(
  spec: WorkbookSpec,
  calculation: CalculatedWorkbook = calculateWorkbook(spec),
  grids: readonly SheetGrid[] = workbookGrids(spec, calculation),
): NamedLookup {
  return (name) => {
    // A reference ("Inputs!B58:J66") is read as it is; no defined name holds a "!".
    const reference = name.includes("!") ? name : spec.names.find((n) => n.name === name)?.reference;
    if (reference === undefined) return undefined;
    const { sheet, address } = parseSheetReference(reference);
    const grid = grids.find((g) => g.name === sheet);
    const shown = new Map(grid?.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.text])));
    return {
      sheet,
      cells: cellsOfRange(address).map((cell) => {
        const calculated = calculation.cell(sheet, cell);
        const value = calculated.ok ? calculated.value : null;
        return {
          address: cell,
          value: value instanceof ExcelError || (typeof value === "object" && value !== null) ? null : value,
          text: shown.get(cell) ?? "",
        };
      }),
    };
  };
}

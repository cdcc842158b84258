/**
 * Calculates a workbook description's formulas, for the task pane's preview outside Excel.
 *
 * This is deliberately not a spreadsheet engine: it knows the handful of native functions the
 * starter workbook uses (functions/) with Excel's rules for blanks, text, booleans, errors and
 * ranges. A formula using anything else is reported as not calculated (the preview then shows its
 * formula text instead of a value), never guessed. The test suite recalculates the same description
 * with LibreOffice and compares every cell, so the calculation cannot quietly drift from a real engine.
 */
import { cellAddress, parseCell } from "../a1";
import { tokenize } from "../formula/tokenize";
import { type CellContent, isFormula, type WorkbookSpec } from "../spec";
import { evaluate, type Workbook } from "./evaluate";
import { type Node, parseFormula } from "./parse";
import { type CellValue, isMatrix, isRange, type Matrix, NotCalculated, type Range } from "./values";

/** A calculated cell: its value, or why there is none. */
export type Calculated =
  { readonly ok: true; readonly value: CellValue } | { readonly ok: false; readonly reason: string };

export interface CalculatedWorkbook {
  /** A cell's content as described, or undefined when the description leaves it empty. */
  content(sheet: string, address: string): CellContent | undefined;
  /** A cell's value: constants as they are, formulas calculated. */
  cell(sheet: string, address: string): Calculated;
  /** The cells of a defined name, in row-major order; undefined when the name is not defined. */
  named(name: string): Calculated[] | undefined;
  /** Every formula that could not be calculated, with why. */
  readonly notCalculated: readonly { sheet: string; address: string; formula: string; reason: string }[];
  /** How many formulas the description holds. */
  readonly formulaCount: number;
}

const key = (sheet: string, row: number, column: number) => `${sheet}\u0000${row}\u0000${column}`;

/** A defined name's reference ("'Case Rates'!$D$9:$G$9") as a range. */
function nameRange(reference: string): Range {
  const [token, ...rest] = tokenize(reference);
  if (token?.kind !== "reference" || token.sheet === undefined || rest.length > 0) {
    throw new Error(`Not a sheet-qualified cell reference: ${reference}`);
  }
  const { from, to = from } = token;
  return {
    kind: "range",
    sheet: token.sheet,
    from: { row: from.row, column: from.column },
    to: { row: to.row, column: to.column },
  };
}

/** Each cell's content, later blocks over earlier ones, keyed by sheet, row and column. */
function cellContents(spec: WorkbookSpec): Map<string, CellContent> {
  const contents = new Map<string, CellContent>();
  for (const sheet of spec.sheets) {
    for (const block of sheet.blocks) {
      const origin = parseCell(block.address);
      block.rows.forEach((row, r) =>
        row.forEach((content, c) => {
          const k = key(sheet.name, origin.row + r, origin.column + c);
          // A later block's null empties the cell, as Office.js's writer does ("" in Range.formulas).
          if (content === null) contents.delete(k);
          else contents.set(k, content);
        }),
      );
    }
  }
  return contents;
}

/** Calculates every formula of a workbook description. */
export function calculateWorkbook(spec: WorkbookSpec): CalculatedWorkbook {
  const contents = cellContents(spec);
  const sheetsByLowerName = new Map(spec.sheets.map((sheet) => [sheet.name.toLowerCase(), sheet.name]));
  const names = new Map(spec.names.map((name) => [name.name.toLowerCase(), nameRange(name.reference)]));
  const parsed = new Map<string, Node>();
  const results = new Map<string, Calculated>();
  const inProgress = new Set<string>();

  const workbook: Workbook = {
    sheet: (name) => sheetsByLowerName.get(name.toLowerCase()),
    name: (name) => names.get(name.toLowerCase()),
    read: (range) => {
      const rows: CellValue[][] = [];
      for (let r = range.from.row; r <= range.to.row; r++) {
        const row: CellValue[] = [];
        for (let c = range.from.column; c <= range.to.column; c++) row.push(valueAt(range.sheet, r, c));
        rows.push(row);
      }
      return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : ({ kind: "matrix", rows } as Matrix);
    },
  };

  function valueAt(sheet: string, row: number, column: number): CellValue {
    const result = cellResult(sheet, row, column);
    if (!result.ok)
      throw new NotCalculated(`it uses ${cellAddress(row, column)} on ${sheet}, which is not calculated`);
    return result.value;
  }

  function cellResult(sheet: string, row: number, column: number): Calculated {
    const k = key(sheet, row, column);
    const known = results.get(k);
    if (known) return known;
    const content = contents.get(k) ?? null;
    if (!isFormula(content)) return { ok: true, value: content };
    if (inProgress.has(k)) throw new NotCalculated("a circular reference");
    inProgress.add(k);
    let result: Calculated;
    try {
      let node = parsed.get(k);
      if (!node) {
        node = parseFormula(content.formula);
        parsed.set(k, node);
      }
      const evaluated = evaluate(node, sheet, workbook);
      const value = isRange(evaluated) ? workbook.read(evaluated) : evaluated;
      if (isMatrix(value)) throw new NotCalculated("the result is a range (it would spill)");
      result = { ok: true, value: value === null ? 0 : value };
    } catch (error) {
      if (!(error instanceof NotCalculated)) throw error;
      result = { ok: false, reason: error.message };
    } finally {
      inProgress.delete(k);
    }
    results.set(k, result);
    return result;
  }

  const notCalculated: { sheet: string; address: string; formula: string; reason: string }[] = [];
  for (const [k, content] of contents) {
    if (!isFormula(content)) continue;
    const [sheet, row, column] = k.split("\u0000");
    const result = cellResult(sheet, Number(row), Number(column));
    if (!result.ok)
      notCalculated.push({
        sheet,
        address: cellAddress(Number(row), Number(column)),
        formula: content.formula,
        reason: result.reason,
      });
  }

  return {
    content: (sheet, address) => {
      const { row, column } = parseCell(address);
      return contents.get(key(sheet, row, column));
    },
    cell: (sheet, address) => {
      const { row, column } = parseCell(address);
      return cellResult(sheet, row, column);
    },
    named: (name) => {
      const range = names.get(name.toLowerCase());
      if (!range) return undefined;
      const out: Calculated[] = [];
      for (let r = range.from.row; r <= range.to.row; r++)
        for (let c = range.from.column; c <= range.to.column; c++) out.push(cellResult(range.sheet, r, c));
      return out;
    },
    notCalculated,
    formulaCount: [...contents.values()].filter(isFormula).length,
  };
}

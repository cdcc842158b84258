import { cellAddress, parseCell } from "../workbook/a1";
import type { Token } from "../workbook/formula/token";
import { tokenize } from "../workbook/formula/tokenize";
import { relativeForm, typedNumbers } from "../workbook/formulaText";
import { grouped, listWords, shortFormula } from "./format";
import type { AuditCell, AuditGrid, AuditValue, CellRef, Fault } from "./types";

/**
 * The modelling faults the FAST Standard names, found by reading formulas as text: numbers typed
 * inside formulas, a row whose formulas differ across its columns, a number typed over a formula,
 * references to empty cells, and error values.
 */

export interface FastOptions {
  /** Sheets where typed numbers belong (the inputs): a constant there is not "typed over" anything. */
  readonly inputSheets: ReadonlySet<string>;
  /** Sheets to leave out, such as an earlier audit's report. */
  readonly skipSheets?: ReadonlySet<string>;
}

/** True when the formula's value is one of its own text constants, such as "enter inputs". */
function returnedOwnText(tokens: readonly Token[], value: unknown): boolean {
  return (
    typeof value === "string" && tokens.some((token) => token.kind === "string" && token.value === value)
  );
}

/** Functions that test for blanks or take blanks in their stride: a reference inside them may be empty. */
const BLANK_SAFE = new Set([
  "ISNUMBER",
  "ISBLANK",
  "ISTEXT",
  "ISNONTEXT",
  "ISLOGICAL",
  "ISERROR",
  "ISERR",
  "ISNA",
  "ISREF",
  "ISFORMULA",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "N",
  "LEN",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "AVERAGE",
  "AVERAGEIF",
  "MIN",
  "MAX",
  "PRODUCT",
  "IFERROR",
  "IFNA",
]);
/** Functions that test for blanks: a formula using one handles its empty references itself. */
const BLANK_TESTS = new Set([
  "ISNUMBER",
  "ISBLANK",
  "ISTEXT",
  "ISNONTEXT",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "N",
  "LEN",
]);
/** Functions that total a range: a cell applying one to the cells beside it is a total. */
const TOTALS = new Set(["SUM", "SUMPRODUCT", "AVERAGE", "MIN", "MAX", "PRODUCT", "COUNT", "COUNTA"]);

/** A formula's tokens, each with the function calls it sits in, innermost first. */
function withCalls(tokens: readonly Token[]): { token: Token; calls: string[] }[] {
  const stack: string[] = [];
  return tokens.map((token, i) => {
    const calls = [...stack].reverse();
    const previous = tokens[i - 1];
    if (token.kind === "punctuation" && token.char === "(") {
      stack.push(previous?.kind === "function" ? previous.name.toUpperCase() : "");
    } else if (token.kind === "punctuation" && token.char === ")") stack.pop();
    return { token, calls };
  });
}

/** A reference as it appears in a formula, with the cells it covers. */
interface FoundReference {
  readonly text: string;
  readonly sheet: string;
  readonly first: string;
  readonly last: string | undefined;
  /** The function calls it sits in, innermost first. */
  readonly calls: readonly string[];
}

function referencesIn(tokens: readonly Token[], ownSheet: string): FoundReference[] {
  return withCalls(tokens).flatMap(({ token, calls }) =>
    token.kind === "reference"
      ? [
          {
            text: token.text,
            sheet: token.sheet ?? ownSheet,
            first: cellAddress(token.from.row, token.from.column),
            last: token.to && cellAddress(token.to.row, token.to.column),
            calls,
          },
        ]
      : [],
  );
}

/** The defined names of a formula (a sheet's own names aside), with the calls each sits in. */
function namesIn(tokens: readonly Token[]): { name: string; calls: string[] }[] {
  return withCalls(tokens).flatMap(({ token, calls }) =>
    token.kind === "name" && token.sheet === undefined ? [{ name: token.name, calls }] : [],
  );
}

/**
 * True when the formula tests for blanks: it calls a blank test (ISBLANK, LEN…) or compares with a
 * text constant (D5="" or D5="done"), which reads an empty cell as text, not as a zero.
 */
function testsForBlanks(tokens: readonly Token[]): boolean {
  const isEquals = (token: Token | undefined) => token?.kind === "operator" && token.operator === "=";
  return tokens.some(
    (token, i) =>
      (token.kind === "function" && BLANK_TESTS.has(token.name.toUpperCase())) ||
      (token.kind === "string" && (isEquals(tokens[i - 1]) || isEquals(tokens[i + 1]))),
  );
}

const isEmpty = (cell: AuditCell | undefined) =>
  cell === undefined || (cell.formula === undefined && (cell.value === null || cell.value === ""));
const isError = (value: AuditValue): value is { error: string } =>
  typeof value === "object" && value !== null;

/** Cells of one sheet by row, each row's cells by column, for the row checks. */
function rowsOf(cells: readonly AuditCell[]): Map<number, Map<number, AuditCell>> {
  const rows = new Map<number, Map<number, AuditCell>>();
  for (const cell of cells) {
    const { row, column } = parseCell(cell.address);
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)!.set(column, cell);
  }
  return rows;
}

/** Maximal runs of horizontally adjacent cells that pass `keep`, as column lists. */
function runs(row: Map<number, AuditCell>, keep: (cell: AuditCell) => boolean): number[][] {
  const columns = [...row.keys()].filter((c) => keep(row.get(c)!)).sort((a, b) => a - b);
  const result: number[][] = [];
  for (const column of columns) {
    const last = result[result.length - 1];
    if (last && last[last.length - 1] === column - 1) last.push(column);
    else result.push([column]);
  }
  return result;
}

/** A same-row range to one side of the cell, read from its formula ("SUM(D19:G19)" in H19). */
function sameRowRange(cell: AuditCell, rowNumber: number): { from: number; to: number } | null {
  for (const reference of referencesIn(tokenize(cell.formula ?? ""), cell.sheet)) {
    if (
      reference.sheet !== cell.sheet ||
      reference.last === undefined ||
      !TOTALS.has(reference.calls[0] ?? "")
    ) {
      continue;
    }
    const a = parseCell(reference.first);
    const b = parseCell(reference.last);
    if (a.row === rowNumber && b.row === rowNumber && a.column !== b.column) {
      return { from: Math.min(a.column, b.column), to: Math.max(a.column, b.column) };
    }
  }
  return null;
}

/** A relative form with references and numbers blanked: the calculation's shape. */
function shape(form: string): string {
  return form.replace(/R(\[-?\d+\]|\d+)C(\[-?\d+\]|\d+)/g, "ref").replace(/\d+(\.\d+)?/g, "n");
}

function inconsistentRows(sheet: string, rows: Map<number, Map<number, AuditCell>>, faults: Fault[]): void {
  for (const [rowNumber, row] of rows) {
    for (let run of runs(row, (cell) => cell.formula !== undefined)) {
      // A total at either end of the run sums the cells beside it: it is not one of the row's series.
      for (const end of ["last", "first"] as const) {
        if (run.length < 2) break;
        const column = end === "last" ? run[run.length - 1] : run[0];
        const total = row.get(column)!;
        const range = sameRowRange(total, rowNumber);
        const rest = end === "last" ? run.slice(0, -1) : run.slice(1);
        const beside = range && (end === "last" ? range.to < column : range.from > column);
        if (!range || !beside) continue;
        if (range.from !== rest[0] || range.to !== rest[rest.length - 1]) {
          const wanted = `${cellAddress(rowNumber, rest[0])}:${cellAddress(rowNumber, rest[rest.length - 1])}`;
          const used = `${cellAddress(rowNumber, range.from)}:${cellAddress(rowNumber, range.to)}`;
          const left = rest
            .filter((c) => c < range.from || c > range.to)
            .map((c) => cellAddress(rowNumber, c));
          faults.push({
            sheet,
            cell: total.address,
            kind: "inconsistent-row",
            explanation: `The total ${shortFormula(total.formula ?? "")} adds up ${used} while its row runs ${wanted}${left.length > 0 ? `: ${left.join(", ")} ${left.length === 1 ? "is" : "are"} left out` : ""}.`,
          });
        }
        run = rest;
      }
      if (run.length < 3) continue;
      const forms = run.map((c) => relativeForm(row.get(c)!.formula ?? "", rowNumber, c));
      const tally = new Map<string, number>();
      for (const form of forms) tally.set(form, (tally.get(form) ?? 0) + 1);
      if (tally.size === 1) continue;
      const [majority, count] = [...tally].reduce((a, b) => (b[1] > a[1] ? b : a));
      if (count * 2 <= run.length) continue; // no formula holds most of the row: nothing to compare with
      const model = row.get(run[forms.indexOf(majority)])!;
      run.forEach((column, i) => {
        if (forms[i] === majority) return;
        // Two alike beside one unlike may be a row of different calculations (low, high, swing):
        // flag the odd one only when it is the same calculation with other references.
        if (count < 3 && shape(forms[i]) !== shape(majority)) return;
        const cell = row.get(column)!;
        faults.push({
          sheet,
          cell: cell.address,
          kind: "inconsistent-row",
          explanation: `Its formula ${shortFormula(cell.formula ?? "", 60)} differs from the rest of its row (${model.address} has ${shortFormula(model.formula ?? "", 60)}).`,
        });
      });
    }
  }
}

function numbersOverFormulas(
  sheet: string,
  rows: Map<number, Map<number, AuditCell>>,
  faults: Fault[],
): void {
  for (const row of rows.values()) {
    for (const run of runs(row, (cell) => !isEmpty(cell))) {
      const formulas = run.filter((c) => row.get(c)!.formula !== undefined);
      if (formulas.length < 2) continue;
      for (const column of run) {
        const cell = row.get(column)!;
        if (cell.formula !== undefined || typeof cell.value !== "number") continue;
        const neighbour = [row.get(column - 1), row.get(column + 1)].find((n) => n?.formula !== undefined);
        if (!neighbour) continue;
        faults.push({
          sheet,
          cell: cell.address,
          kind: "number-over-formula",
          explanation: `It holds the typed number ${grouped(cell.value, 10)} among formulas (${neighbour.address} has ${shortFormula(neighbour.formula ?? "", 50)}): a number typed over a formula no longer follows the inputs.`,
        });
      }
    }
  }
}

function formulaFaults(grid: AuditGrid, cell: AuditCell, faults: Fault[]): void {
  const formula = cell.formula;
  if (formula === undefined) return;
  const numbers = typedNumbers(formula);
  if (numbers.length > 0) {
    faults.push({
      sheet: cell.sheet,
      cell: cell.address,
      kind: "number-in-formula",
      explanation: `The formula ${shortFormula(formula)} has ${listWords(numbers.map(String))} typed inside: a number in a formula hides an assumption; put it on the inputs and refer to it.`,
    });
  }
  const empty: string[] = [];
  const errorSources: string[] = [];
  const single: { text: string; ref: CellRef; calls: readonly string[] }[] = [];
  const tokens = tokenize(formula);
  for (const reference of referencesIn(tokens, cell.sheet)) {
    const sheet =
      grid.sheetNames.find((name) => name.toLowerCase() === reference.sheet.toLowerCase()) ?? reference.sheet;
    if (reference.last === undefined) {
      single.push({ text: reference.text, ref: { sheet, address: reference.first }, calls: reference.calls });
    }
  }
  for (const { name, calls } of namesIn(tokens)) {
    const cells = grid.named(name);
    if (cells && cells.length === 1) single.push({ text: name, ref: cells[0], calls });
  }
  // A formula that tests for blanks handles its empty references on purpose; one that returned a
  // text of its own ("enter inputs") took a guard's branch and computed nothing with them.
  const testsBlanks = testsForBlanks(tokens) || returnedOwnText(tokens, cell.value);
  for (const { text, ref, calls } of single) {
    const target = grid.cell(ref.sheet, ref.address);
    const safe = testsBlanks || calls.some((call) => BLANK_SAFE.has(call));
    if (isEmpty(target) && !safe && !empty.includes(text)) empty.push(text);
    if (target && isError(target.value) && !errorSources.includes(text)) errorSources.push(text);
  }
  if (empty.length > 0) {
    faults.push({
      sheet: cell.sheet,
      cell: cell.address,
      kind: "empty-reference",
      explanation: `The formula ${shortFormula(formula, 60)} refers to ${empty.join(", ")}, which ${empty.length === 1 ? "is" : "are"} empty: the formula computes with a zero nobody typed.`,
    });
  }
  if (isError(cell.value)) {
    faults.push({
      sheet: cell.sheet,
      cell: cell.address,
      kind: "error-value",
      explanation: `It shows ${cell.value.error}${errorSources.length > 0 ? `, passed on from ${errorSources.join(", ")}` : ` (${shortFormula(formula, 60)})`}.`,
    });
  }
}

/** Every FAST fault of the grid, sheet by sheet in workbook order, row by row. */
export function fastFaults(grid: AuditGrid, options: FastOptions): Fault[] {
  const faults: Fault[] = [];
  const bySheet = new Map<string, AuditCell[]>();
  for (const cell of grid.cells()) {
    if (options.skipSheets?.has(cell.sheet)) continue;
    if (!bySheet.has(cell.sheet)) bySheet.set(cell.sheet, []);
    bySheet.get(cell.sheet)!.push(cell);
  }
  for (const [sheet, cells] of bySheet) {
    const rows = rowsOf(cells);
    for (const cell of cells) {
      formulaFaults(grid, cell, faults);
      if (cell.formula === undefined && isError(cell.value)) {
        faults.push({
          sheet,
          cell: cell.address,
          kind: "error-value",
          explanation: `It holds the error ${cell.value.error}.`,
        });
      }
    }
    inconsistentRows(sheet, rows, faults);
    if (!options.inputSheets.has(sheet)) numbersOverFormulas(sheet, rows, faults);
  }
  const order = new Map(grid.sheetNames.map((name, i) => [name, i]));
  const position = (fault: Fault) => {
    const { row, column } = parseCell(fault.cell);
    return [order.get(fault.sheet) ?? 0, row, column];
  };
  return faults.sort((a, b) => {
    const [pa, pb] = [position(a), position(b)];
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  });
}

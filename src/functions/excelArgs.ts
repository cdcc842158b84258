/**
 * Excel's arguments as the core's types. A `number[][]` parameter arrives as rows of cells: a single
 * cell or a literal as [[x]], a column as [[a], [b]], a row as [[a, b]]. Inside a range a blank cell
 * arrives as null or "" and a text cell as a string, whatever the declared type; an omitted optional
 * argument arrives as null. Pure: no Office global is used.
 */
import { CaseRateInputError } from "../core/errors";
import { describeText } from "../core/format";
import { requireNumber } from "../core/validate";

/** A range argument as Excel passes it. */
export type Range = readonly (readonly unknown[])[];

/** Rows × columns of a range. */
export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

/** The numbers of a range in reading order (row by row) and the shape they came in. */
export interface Grid {
  readonly values: number[];
  readonly shape: Shape;
}

/** True for what Excel passes for an empty cell. */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/** How many of a row's cells come before its trailing blanks (a table's row that ends early). */
export function filledLength(row: readonly unknown[]): number {
  let end = row.length;
  while (end > 0 && isBlank(row[end - 1])) end--;
  return end;
}

/** "4 rows × 1 column". */
export function describeShape(shape: Shape): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${plural(shape.rows, "row")} × ${plural(shape.columns, "column")}`;
}

/** Whether two ranges have the same rows and columns. */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.rows === b.rows && a.columns === b.columns;
}

/** A range argument's rows; a bare value (a caller outside Excel) counts as one cell. */
export function asRange(arg: string, value: unknown): Range {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0 || !value.every((row) => Array.isArray(row) && row.length === value[0].length)) {
    throw new CaseRateInputError(arg, "wrong-type", `${arg} must be a range of cells.`);
  }
  if (value[0].length === 0)
    throw new CaseRateInputError(arg, "empty", `${arg} is empty; select at least one cell.`);
  return value as Range;
}

/** Where a cell sits, for messages: nothing for a single cell, "position 3" in a row or column. */
export function cellPosition(shape: Shape, index: number): string {
  if (shape.rows === 1 && shape.columns === 1) return "";
  if (shape.rows === 1 || shape.columns === 1) return `position ${index + 1}`;
  return `row ${Math.floor(index / shape.columns) + 1}, column ${(index % shape.columns) + 1}`;
}

function describeCell(cell: unknown): string {
  if (typeof cell === "string") return `text ${describeText(cell)}`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return String(cell);
  return "a value that is not a number";
}

/** Cells in what was passed for one value: a row's cells, or 1 for anything that is not a list. */
function cellCount(value: readonly unknown[]): number {
  return value.reduce<number>((count, row) => count + (Array.isArray(row) ? row.length : 1), 0);
}

/**
 * One value as a number: a range where one value is expected, or TRUE/FALSE, is refused in
 * Excel's words; anything else as the core refuses it.
 */
function singleNumber(arg: string, value: unknown): number {
  if (Array.isArray(value)) {
    const cells = cellCount(value);
    throw new CaseRateInputError(
      arg,
      "wrong-type",
      `${arg} must be a single number, not a range of ${cells} cell${cells === 1 ? "" : "s"}.`,
    );
  }
  if (typeof value === "boolean") {
    throw new CaseRateInputError(arg, "not-a-number", `${arg} must be a number, not ${describeCell(value)}.`);
  }
  return requireNumber(arg, value);
}

/**
 * One cell as a number. A blank is refused with `blankHint` (what to type instead, such as "enter 0%
 * if the level has no cases"): a blank share is not 0% by accident.
 */
export function cellNumber(arg: string, cell: unknown, position: string, blankHint: string): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (position === "") {
    if (isBlank(cell)) throw new CaseRateInputError(arg, "blank", `${arg} is blank; ${blankHint}.`);
    return singleNumber(arg, cell);
  }
  if (isBlank(cell)) {
    throw new CaseRateInputError(arg, "blank", `${arg} has a blank cell at ${position}; ${blankHint}.`);
  }
  throw new CaseRateInputError(
    arg,
    "not-a-number",
    `${arg} has ${describeCell(cell)} at ${position}; enter a number.`,
  );
}

/** What a blank cell is asked to hold unless the argument says better. */
export const DEFAULT_BLANK_HINT = "enter a number";

/** Every cell of a range as a number, in reading order, with the range's shape. */
export function gridArg(arg: string, value: unknown, blankHint = DEFAULT_BLANK_HINT): Grid {
  const range = asRange(arg, value);
  const shape = { rows: range.length, columns: range[0].length };
  const values: number[] = new Array(shape.rows * shape.columns);
  let index = 0;
  for (const row of range) {
    for (const cell of row) {
      values[index] =
        typeof cell === "number" && Number.isFinite(cell)
          ? cell
          : cellNumber(arg, cell, cellPosition(shape, index), blankHint);
      index++;
    }
  }
  return { values, shape };
}

/** A list argument (one value per level or cohort): a single cell, a row or a column, as numbers. */
export function listArg(arg: string, value: unknown, blankHint = DEFAULT_BLANK_HINT): Grid {
  const grid = gridArg(arg, value, blankHint);
  if (grid.shape.rows > 1 && grid.shape.columns > 1) {
    throw new CaseRateInputError(
      arg,
      "wrong-type",
      `${arg} is ${describeShape(grid.shape)}; select a single row or column.`,
    );
  }
  return grid;
}

/**
 * A range that pairs cell by cell with `like` (rates with hours, bounds with hours), or a single
 * cell that applies to every cell of `like`: returns the single number or the values in order.
 */
export function matchingArg(
  arg: string,
  value: unknown,
  likeArg: string,
  like: Shape,
  blankHint = DEFAULT_BLANK_HINT,
): number | number[] {
  const grid = gridArg(arg, value, blankHint);
  if (grid.shape.rows === 1 && grid.shape.columns === 1) return grid.values[0];
  if (!sameShape(grid.shape, like)) {
    throw new CaseRateInputError(
      arg,
      "length-mismatch",
      `${arg} is ${describeShape(grid.shape)} but ${likeArg} is ${describeShape(like)}; give one value, or one per cell of ${likeArg} in the same shape.`,
    );
  }
  return grid.values;
}

/** A required single number; blanks and text are refused naming the argument. */
export function numberArg(arg: string, value: unknown): number {
  return singleNumber(arg, value);
}

/** An optional number: undefined when omitted (Excel passes null), else a number. */
export function optionalNumberArg(arg: string, value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : singleNumber(arg, value);
}

/** An optional TRUE/FALSE, FALSE when omitted; a number counts as Excel counts it (0 is FALSE). */
export function optionalBooleanArg(arg: string, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value !== 0;
  throw new CaseRateInputError(
    arg,
    "wrong-type",
    `${arg} must be TRUE or FALSE, not ${describeCell(value)}.`,
  );
}

/** Values in reading order laid out in `shape`: a spill in the orientation of its input. */
export function reshape<T>(values: readonly T[], shape: Shape): T[][] {
  if (values.length !== shape.rows * shape.columns) {
    throw new RangeError(`cannot lay ${values.length} values out as ${describeShape(shape)}`);
  }
  const rows: T[][] = [];
  for (let r = 0; r < shape.rows; r++) rows.push(values.slice(r * shape.columns, (r + 1) * shape.columns));
  return rows;
}

/** The position of a cell for a message about it ("at position 3"), or "" for a single cell. */
export function atCell(shape: Shape, index: number): string {
  const position = cellPosition(shape, index);
  return position === "" ? "" : ` at ${position}`;
}

/**
 * The values a calculation passes around: what a cell holds (CellValue), a rectangle of them
 * (Matrix: a range's cells or an array result), and a reference not yet read (Range), which
 * functions such as ROWS measure without reading its cells.
 */

/** An Excel error value, such as #DIV/0! or #N/A. */
export class ExcelError {
  constructor(readonly code: "#DIV/0!" | "#N/A" | "#VALUE!" | "#REF!" | "#NUM!") {}
}

/** What a cell holds after calculation; null is an empty cell. */
export type CellValue = number | string | boolean | null | ExcelError;

/** Why a formula was not calculated: it uses something this calculation does not know. */
export class NotCalculated extends Error {}

/** A cell position: row and column numbers from 1. */
export interface Cell {
  readonly row: number;
  readonly column: number;
}

/** A rectangle of values: a range's cells or an array result. */
export interface Matrix {
  readonly kind: "matrix";
  readonly rows: readonly (readonly CellValue[])[];
}

/** An unread reference to the cells from one corner to the other of a sheet. */
export interface Range {
  readonly kind: "range";
  readonly sheet: string;
  readonly from: Cell;
  readonly to: Cell;
}

/** What evaluating a formula or a part of one gives. */
export type Value = CellValue | Matrix | Range;

/** True for a rectangle of values. */
export const isMatrix = (v: Value): v is Matrix =>
  typeof v === "object" && v !== null && "kind" in v && v.kind === "matrix";
/** True for an unread reference. */
export const isRange = (v: Value): v is Range =>
  typeof v === "object" && v !== null && "kind" in v && v.kind === "range";
/** True for an Excel error value. */
export const isError = (v: unknown): v is ExcelError => v instanceof ExcelError;

// The errors the calculation returns most, shared rather than made anew each time.
export const DIV0 = new ExcelError("#DIV/0!");
export const NA = new ExcelError("#N/A");
export const VALUE = new ExcelError("#VALUE!");
export const NUM = new ExcelError("#NUM!");

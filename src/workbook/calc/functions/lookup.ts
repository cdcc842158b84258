import { compare } from "../coerce";
import { ExcelError, isError, isRange, type Matrix, NA, NotCalculated, type Range } from "../values";
import { define } from "./definition";

/** Lookup and reference functions: INDEX, MATCH, ROWS, COLUMNS. */

/** A range's or an array's size, without reading a range's cells. */
function dimensions(v: Range | Matrix): { rows: number; columns: number } {
  if (isRange(v)) return { rows: v.to.row - v.from.row + 1, columns: v.to.column - v.from.column + 1 };
  return { rows: v.rows.length, columns: v.rows[0]?.length ?? 0 };
}

export const LOOKUP = {
  ROWS: define([{ type: "reference" }], (v) => dimensions(v).rows),
  COLUMNS: define([{ type: "reference" }], (v) => dimensions(v).columns),
  INDEX: define(
    [{ type: "array" }, { type: "number" }, { type: "number", optional: true }],
    (array, row, column) => {
      const oneIndex = column === undefined;
      if (oneIndex && array.rows[0].length > 1 && array.rows.length > 1)
        throw new NotCalculated("INDEX of a whole row or column");
      // One row with one index: the index counts along the row.
      const [r, c] = oneIndex && array.rows.length === 1 ? [1, row] : [row, column ?? 1];
      const value = array.rows[Math.trunc(r) - 1]?.[Math.trunc(c) - 1];
      return value === undefined ? new ExcelError("#REF!") : value;
    },
  ),
  MATCH: define(
    [{ type: "scalar" }, { type: "array" }, { type: "number", optional: true }],
    (wanted, lookup, matchType = 1) => {
      if (matchType !== 0) throw new NotCalculated("MATCH other than exact (match_type 0)");
      if (lookup.rows.length > 1 && lookup.rows[0].length > 1) return NA;
      const list = lookup.rows.length === 1 ? lookup.rows[0] : lookup.rows.map((row) => row[0]);
      const found = list.findIndex(
        (v) => v !== null && !isError(v) && typeof v === typeof wanted && compare(v, wanted) === 0,
      );
      return found < 0 ? NA : found + 1;
    },
  ),
};

import { toNumber } from "../coerce";
import { type ExcelError, isError, NUM, VALUE } from "../values";
import { define, type Flagged } from "./definition";

/** Math and aggregates: ABS, SQRT, SUM, COUNT, MIN, MAX, SUMPRODUCT. */

/**
 * The numbers SUM, MIN, MAX and COUNT use: a range's numbers only (its text, booleans and blanks
 * left out); a value given directly converted. COUNT skips what is not a number, errors included.
 */
function numbers(lists: readonly (readonly Flagged[])[], countOnly: boolean): number[] | ExcelError {
  const found: number[] = [];
  for (const { value, fromRange } of lists.flat()) {
    if (isError(value)) {
      if (countOnly) continue;
      return value;
    }
    if (typeof value === "number") found.push(value);
    else if (!fromRange && value !== null) {
      const n = toNumber(value);
      if (isError(n)) {
        if (countOnly) continue;
        return n;
      }
      found.push(n);
    }
  }
  return found;
}

/** A reduction of the numbers, or the first error among them. */
const ofNumbers = (reduce: (found: number[]) => number) => (lists: readonly (readonly Flagged[])[]) => {
  const found = numbers(lists, false);
  return isError(found) ? found : reduce(found);
};

export const MATH = {
  ABS: define([{ type: "number" }], (n) => Math.abs(n), { elementwise: true }),
  /** The square root; #NUM! for a negative number, as Excel. */
  SQRT: define([{ type: "number" }], (n) => (n < 0 ? NUM : Math.sqrt(n)), { elementwise: true }),
  SUM: define(
    [{ type: "values", repeat: true }],
    ofNumbers((found) => found.reduce((a, b) => a + b, 0)),
  ),
  COUNT: define([{ type: "values", repeat: true }], (lists) => (numbers(lists, true) as number[]).length),
  MIN: define(
    [{ type: "values", repeat: true }],
    ofNumbers((found) => (found.length === 0 ? 0 : Math.min(...found))),
  ),
  MAX: define(
    [{ type: "values", repeat: true }],
    ofNumbers((found) => (found.length === 0 ? 0 : Math.max(...found))),
  ),
  SUMPRODUCT: define([{ type: "array", repeat: true }], (arrays) => {
    const rows = arrays[0].rows.length;
    const columns = arrays[0].rows[0]?.length ?? 0;
    if (arrays.some((m) => m.rows.length !== rows || m.rows[0].length !== columns)) return VALUE;
    let total = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        let product = 1;
        for (const m of arrays) {
          const v = m.rows[r][c];
          if (isError(v)) return v;
          product *= typeof v === "number" ? v : 0;
        }
        total += product;
      }
    }
    return total;
  }),
};

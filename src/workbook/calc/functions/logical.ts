import { toBoolean } from "../coerce";
import { type ExcelError, isError, VALUE } from "../values";
import { define, type Flagged } from "./definition";

/** Logical functions: IF, AND, NOT. */

/**
 * The logicals AND judges: a range's blanks and text are left out, a value given directly
 * must be a logical; any error is the result, as in Excel, and so is #VALUE! when none is left.
 */
function logicals(lists: readonly (readonly Flagged[])[]): boolean[] | ExcelError {
  const found: boolean[] = [];
  for (const { value, fromRange } of lists.flat()) {
    if (isError(value)) return value;
    if (fromRange && (value === null || typeof value === "string")) continue;
    const truth = toBoolean(value);
    if (isError(truth)) return truth;
    found.push(truth);
  }
  return found.length === 0 ? VALUE : found;
}

export const LOGICAL = {
  IF: define(
    [{ type: "boolean" }, { type: "lazy" }, { type: "lazy", optional: true }],
    (test, then, otherwise) => (test ? then() : otherwise ? otherwise() : false),
  ),
  AND: define([{ type: "values", repeat: true }], (lists) => {
    const found = logicals(lists);
    return isError(found) ? found : found.every(Boolean);
  }),
  NOT: define([{ type: "boolean" }], (truth) => !truth, { elementwise: true }),
};

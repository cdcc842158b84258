import { toBoolean } from "../coerce";
import { isError, VALUE } from "../values";
import { define } from "./definition";

/** Logical functions: IF, AND, NOT. */
export const LOGICAL = {
  IF: define(
    [{ type: "boolean" }, { type: "lazy" }, { type: "lazy", optional: true }],
    (test, then, otherwise) => (test ? then() : otherwise ? otherwise() : false),
  ),
  AND: define([{ type: "values", repeat: true }], (lists) => {
    let seen = false;
    for (const { value, fromRange } of lists.flat()) {
      if (isError(value)) return value;
      // A range's blanks and text are left out; a value given directly must be a logical.
      if (fromRange && (value === null || typeof value === "string")) continue;
      const truth = toBoolean(value);
      if (isError(truth)) return truth;
      seen = true;
      if (!truth) return false;
    }
    return seen ? true : VALUE;
  }),
  NOT: define([{ type: "boolean" }], (truth) => !truth, { elementwise: true }),
};

import { isError } from "../values";
import { define } from "./definition";

/** Information functions: ISNUMBER, N. */
export const INFO = {
  ISNUMBER: define([{ type: "any" }], (value) => typeof value === "number", { elementwise: true }),
  N: define([{ type: "any" }], (value) =>
    typeof value === "number" || isError(value) ? value : typeof value === "boolean" ? Number(value) : 0,
  ),
};

import { criterion } from "../criteria";
import { isError, NA } from "../values";
import { define } from "./definition";

/** Statistical functions: RANK, COUNTIF. */
export const STATISTICAL = {
  RANK: define(
    [{ type: "number" }, { type: "values" }, { type: "number", optional: true }],
    (number, ref, order = 0) => {
      const list: number[] = [];
      for (const { value } of ref) {
        if (isError(value)) return value;
        if (typeof value === "number") list.push(value);
      }
      if (!list.includes(number)) return NA;
      return 1 + list.filter((v) => (order === 0 ? v > number : v < number)).length;
    },
  ),
  COUNTIF: define([{ type: "values" }, { type: "any" }], (range, wanted) => {
    const matches = criterion(wanted);
    return range.filter(({ value }) => matches(value)).length;
  }),
};

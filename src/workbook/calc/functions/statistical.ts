import { incompleteGamma, lnGamma, normalCdf, normalQuantile } from "../../../core/risk";
import { criterion } from "../criteria";
import { isError, NA, NUM } from "../values";
import { define } from "./definition";

/**
 * Statistical functions: RANK, COUNTIF, and the distributions the Risk and Settlement sheets use
 * (NORMSINV, NORMSDIST, NORMDIST, GAMMADIST), computed by the core's special functions to full double precision, so
 * they equal LibreOffice's within 1e-9 relative.
 */
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
  /** Φ⁻¹(p), #NUM! outside 0 < p < 1, as Excel. */
  NORMSINV: define([{ type: "number" }], (p) => (p > 0 && p < 1 ? normalQuantile(p) : NUM), {
    elementwise: true,
  }),
  /** Φ(x). */
  NORMSDIST: define([{ type: "number" }], (x) => normalCdf(x), { elementwise: true }),
  /** The Normal distribution with mean μ and standard deviation σ at x: its distribution function or density; #NUM! for σ ≤ 0. */
  NORMDIST: define(
    [{ type: "number" }, { type: "number" }, { type: "number" }, { type: "boolean" }],
    (x, mean, sd, cumulative) => {
      if (sd <= 0) return NUM;
      const z = (x - mean) / sd;
      return cumulative ? normalCdf(z) : Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    },
  ),
  /** The gamma distribution with shape α and scale β at x: its distribution function or density. */
  GAMMADIST: define(
    [{ type: "number" }, { type: "number" }, { type: "number" }, { type: "boolean" }],
    (x, shape, scale, cumulative) => {
      if (x < 0 || shape <= 0 || scale <= 0) return NUM;
      if (cumulative) return incompleteGamma(shape, x / scale).lower;
      if (x === 0) return shape === 1 ? 1 / scale : shape < 1 ? NUM : 0;
      return Math.exp((shape - 1) * Math.log(x) - x / scale - lnGamma(shape) - shape * Math.log(scale));
    },
  ),
};

import { normalCdf } from "./specialFunctions";

// Acklam's rational approximations (relative error 1.15e-9), refined by one Halley step below.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const LOW = 0.02425;

/** Acklam's approximation of Φ⁻¹(p) for 0 < p ≤ ½. */
function acklamLower(p: number): number {
  if (p < LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * z = Φ⁻¹(p), the standard normal quantile, for 0 < p < 1: Acklam's approximation and one Halley
 * step on the lower tail (1 − p is exact for p ≥ ½), accurate to about 1e-15.
 * @example normalQuantile(0.95) // 1.64485362695147…
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, not ${p}`);
  const lower = p <= 0.5 ? p : 1 - p;
  const x = acklamLower(lower);
  const e = normalCdf(x) - lower;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  const z = x - u / (1 + (x * u) / 2);
  return p <= 0.5 ? z : -z;
}

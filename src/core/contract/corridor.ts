import { CaseRateInputError } from "../errors";
import { describeNumber } from "../format";
import { requireNonNegative } from "../validate";
import type { CorridorBand } from "./terms";

/**
 * Σ payorShareₖ × (min(x, P·uₖ) − P·uₖ₋₁)⁺ over the bands (u₀ = 0, the last band unbounded), in
 * dollars: x is the excess C − target × P (or the gain), so nothing is divided by P.
 */
function bandAmount(bands: readonly CorridorBand[], x: number, payments: number): number {
  let lower = 0;
  let amount = 0;
  for (const band of bands) {
    const upper = band.upTo === undefined ? Infinity : payments * band.upTo;
    if (x <= lower) break;
    amount += band.payorShare * (Math.min(x, upper) - lower);
    lower = upper;
  }
  return amount;
}

/**
 * The corridor adjustment, signed (positive: paid to the provider): with r = (C − target × P) ÷ P,
 * the payor pays its bands' share of a loss (r > 0) and recovers its gain bands' share of a gain
 * (r < 0), each band's share of P × the part of |r| inside it, computed in dollars (exact for any
 * P > 0, however small). P = 0 moves nothing when C is 0 too; beside a cost, r is not defined and
 * the payments are refused.
 * Of the 10% loss: 0.5 × $5,000 (3–8%) + 0.9 × $2,000 (8–10%).
 * @example corridorAdjustment(110000, 100000, 1, [{ upTo: 0.03, payorShare: 0 }, { upTo: 0.08, payorShare: 0.5 }, { payorShare: 0.9 }], undefined) // 4300
 */
export function corridorAdjustment(
  costOfCare: number,
  payments: number,
  corridorTarget: number,
  bands: readonly CorridorBand[],
  gainBands: readonly CorridorBand[] | undefined,
): number {
  requireNonNegative("payments", payments);
  const excess = costOfCare - corridorTarget * payments;
  if (payments === 0 && excess !== 0) {
    throw new CaseRateInputError(
      "payments",
      "division-by-zero",
      `payments are 0 beside a cost of care of ${describeNumber(costOfCare)}: the corridors' r = (C − target × P) ÷ P is not defined.`,
    );
  }
  if (excess > 0) return bandAmount(bands, excess, payments);
  // 0 − x, not −x: no share of a gain is 0, not −0.
  if (excess < 0) return 0 - bandAmount(gainBands ?? bands, -excess, payments);
  return 0;
}

/**
 * The stop-loss/stop-gain adjustment on M = P + corridorAdjustment − C, signed like the corridor's:
 * the payor pays −M − stopLoss × P when the loss −M exceeds stopLoss × P, and recovers
 * M − stopGain × P when the gain exceeds stopGain × P.
 * @example stopLossAdjustment(-30000, 100000, 0.2, undefined) // 10000
 */
export function stopLossAdjustment(
  margin: number,
  payments: number,
  stopLoss: number | undefined,
  stopGain: number | undefined,
): number {
  if (stopLoss !== undefined && -margin > stopLoss * payments) return -margin - stopLoss * payments;
  if (stopGain !== undefined && margin > stopGain * payments) return stopGain * payments - margin;
  return 0;
}

import type { CorridorBand } from "./terms";

/** Σ payorShareₖ × (min(x, uₖ) − uₖ₋₁)⁺ over the bands (u₀ = 0, the last band unbounded): a share of P. */
function bandShare(bands: readonly CorridorBand[], x: number): number {
  let lower = 0;
  let share = 0;
  for (const band of bands) {
    const upper = band.upTo ?? Infinity;
    if (x <= lower) break;
    share += band.payorShare * (Math.min(x, upper) - lower);
    lower = upper;
  }
  return share;
}

/**
 * The corridor adjustment, signed (positive: paid to the provider): with r = (C − target × P) ÷ P,
 * the payor pays its bands' share of a loss (r > 0) and recovers its gain bands' share of a gain
 * (r < 0), each band's share of P × the part of |r| inside it. Nothing moves when P is 0.
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
  if (!(payments > 0)) return 0;
  const r = (costOfCare - corridorTarget * payments) / payments;
  if (r > 0) return payments * bandShare(bands, r);
  // 0 − x, not −x: no share of a gain is 0, not −0.
  if (r < 0) return 0 - payments * bandShare(gainBands ?? bands, -r);
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

import type { SharedSavingsTerm } from "./terms";

/** amount, at most cap × benchmark when there is a cap. */
function capped(amount: number, cap: number | undefined, benchmark: number): number {
  return cap === undefined ? amount : Math.min(amount, cap * benchmark);
}

/**
 * The shared savings, signed (positive: earned by the provider, negative: paid by it): with
 * savings = benchmark − spending, min(sharingRate × savings, cap × benchmark) when savings ≥
 * minimumSavingsRate × benchmark and the quality gate is met; two-sided (lossSharingRate given),
 * −min(lossSharingRate × loss, lossCap × benchmark) when the loss ≥ minimumLossRate × benchmark.
 * @example sharedSavings({ minimumSavingsRate: 0.02, sharingRate: 0.5, cap: 0.1 }, 1000000, 900000, true) // 50000
 */
export function sharedSavings(
  term: SharedSavingsTerm,
  benchmark: number,
  spending: number,
  qualityGateMet: boolean,
): number {
  const savings = benchmark - spending;
  if (savings > 0) {
    if (!qualityGateMet || savings < (term.minimumSavingsRate ?? 0) * benchmark) return 0;
    return capped(term.sharingRate * savings, term.cap, benchmark);
  }
  const loss = -savings;
  if (term.lossSharingRate === undefined || loss === 0 || loss < (term.minimumLossRate ?? 0) * benchmark) {
    return 0;
  }
  return 0 - capped(term.lossSharingRate * loss, term.lossCap, benchmark); // 0, not −0, at a 0 rate
}

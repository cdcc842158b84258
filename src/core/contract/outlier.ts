import { ownValue } from "../own";
import type { OutlierTerm } from "./terms";

/**
 * The outlier threshold of a level: thresholdMultiple × its case rate, or thresholdCost (one for
 * every level, or the level's own); the parser has checked that exactly one is given.
 * @example outlierThreshold({ thresholdMultiple: 2, payorShare: 0.8 }, "B", 4758.52) // 9517.04
 */
export function outlierThreshold(term: OutlierTerm, level: string, caseRate: number): number {
  if (term.thresholdMultiple !== undefined) return term.thresholdMultiple * caseRate;
  const cost = term.thresholdCost;
  if (typeof cost === "number") return cost;
  return (cost === undefined ? undefined : ownValue(cost, level)) ?? Infinity;
}

/**
 * What the payor pays for one case on top of its case rate: payorShare × (cost − threshold)⁺.
 * @example outlierPayment(12000, 9517.04, 0.8) // 1986.368
 */
export function outlierPayment(cost: number, threshold: number, payorShare: number): number {
  return cost > threshold ? payorShare * (cost - threshold) : 0;
}

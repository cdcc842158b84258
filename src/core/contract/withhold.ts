import { weightedScore } from "./measures";
import type { QualityBonusTerm, WithholdTerm } from "./terms";

/**
 * The amount withheld, a positive amount subtracted from the provider's payments: percent ×
 * case-rate payments.
 * @example withheldAmount({ percent: 0.02, measures: [] }, 1000000) // 20000
 */
export function withheldAmount(term: WithholdTerm, caseRatePayments: number): number {
  return term.percent * caseRatePayments;
}

/**
 * What is earned back of the amount withheld: withheld × Σ weight × score at the year's values
 * (never more than withheld, since scores are at most 1 and the weights sum to 1).
 * @example withholdEarned({ percent: 0.02, measures: [{ id: "a", weight: 1, target: 0.75, direction: "atLeast", scoring: "gate" }] }, 20000, { a: 0.8 }) // 20000
 */
export function withholdEarned(
  term: WithholdTerm,
  withheld: number,
  measures: Readonly<Record<string, number>>,
): number {
  return withheld * weightedScore(term.measures, measures);
}

/**
 * The quality bonus: the pool (dollars, or poolPercent × case-rate payments) × Σ weight × score.
 * @example qualityBonus({ poolPercent: 0.01, measures: [{ id: "a", weight: 1, target: 0.75, direction: "atLeast", scoring: "gate" }] }, 1000000, { a: 0.5 }) // 0
 */
export function qualityBonus(
  term: QualityBonusTerm,
  caseRatePayments: number,
  measures: Readonly<Record<string, number>>,
): number {
  const pool = term.pool ?? (term.poolPercent ?? 0) * caseRatePayments;
  return pool * weightedScore(term.measures, measures);
}

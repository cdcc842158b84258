/** Contract terms: settled after the year (one `settle`), priced before signing on the risk simulation. */
export * from "./terms";
export { meets, measureScore, measureValue, weightedScore, gateMet } from "./measures";
export { outlierPayment, outlierThreshold } from "./outlier";
export { corridorAdjustment, stopLossAdjustment } from "./corridor";
export {
  type NormalCorridorRatio,
  expectedCorridorAdjustment,
  expectedStopGainAdjustment,
  expectedStopLossAdjustment,
  normalExcessMean,
} from "./normalTerms";
export { qualityBonus, withheldAmount, withholdEarned } from "./withhold";
export { sharedSavings } from "./sharedSavings";
export {
  type Settlement,
  type SettlementLevel,
  type StatementLine,
  type YearTotals,
  YearTally,
  settle,
} from "./settle";
export { type ClosedCase, type YearActuals, settleYear } from "./actuals";
export { EpisodeYear, episodeCost } from "./episodeYear";
export {
  type ContractPricing,
  type ContractPricingInput,
  type PricedOutcome,
  MARGIN_QUANTILES,
  PAYOR_COST_QUANTILES,
  PRICED_TERMS,
  expectedMeasureValues,
  priceContract,
} from "./price";
export { type FeeForServiceLevel, feeForServiceLevels, feeForServiceRate } from "./feeForService";
export { measureIds, validateContract } from "./validateContract";
export { parseContract } from "./parseContract";
export { contractPricingInputOfModel, feeForServiceOfModel, settlementLevelsOf } from "./fromModel";
export { pricedYear } from "./pricedYear";
export { ACTUALS_KEYS, parseActuals } from "./parseActuals";

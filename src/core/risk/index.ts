/** The year's cost under case rates as a distribution: exact (Panjer, FFT), closed forms and simulation. */
export {
  type HoursCohort,
  type HoursDistribution,
  type RiskInput,
  type RiskLevel,
  type RiskScenario,
  type ValidRiskInput,
  MAX_SIMULATION_YEARS,
  RISK_DEFAULTS,
  validateRiskInput,
} from "./inputs";
export {
  type ByProbability,
  type ExactRisk,
  type LevelRisk,
  type RiskOfYear,
  type SimulationRisk,
  RISK_QUANTILES,
  exactRisk,
  riskOfYear,
} from "./riskOfYear";
export { type CohortTableRisk, cohortTableRiskInput } from "./cohortTable";
export { type YearCostDistribution, aggregateCostDistribution } from "./aggregate";
export {
  type ProviderRisk,
  type ProviderRiskInput,
  type ProviderRiskLevel,
  providerRisk,
  providerRiskLevels,
} from "./providerRisk";
export { providerRiskInputOfModel, riskInputOfModel } from "./fromModel";
export {
  type CaseCostLaw,
  type Spread,
  MAX_GRID_POINTS,
  SURVIVAL_CUTOFF,
  caseCostLaw,
  caseCostOnGrid,
} from "./caseCost";
export {
  QUANTILE_TOLERANCE,
  probabilityAbove,
  quantileIndex,
  reserveAbove,
  tailValueAtRisk,
} from "./quantiles";
export { exactProbabilityOverBudget, exactRiskReserve } from "./budgetRisk";
export { cumulative } from "./gridVector";
export { normalQuantile } from "./normalQuantile";
export { incompleteGamma, lnGamma, normalCdf } from "./specialFunctions";
export { Xoshiro128 } from "./prng";
export { Sampler } from "./samplers";
export { convolve } from "./fft";
export { TOOLKIT_ILLUSTRATIVE_CV, TOOLKIT_RISK_INPUT, TOOLKIT_SCENARIOS } from "./toolkitExample";

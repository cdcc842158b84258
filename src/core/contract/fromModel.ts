import type { RateModel, RateModelResult } from "../model";
import { providerRiskInputOfModel, riskInputOfModel } from "../risk/fromModel";
import type { RiskInput } from "../risk/inputs";
import { wholeIfRoundingNoise } from "../risk/wholeCount";
import { type FeeForServiceLevel, feeForServiceLevels } from "./feeForService";
import type { ContractPricingInput } from "./price";
import type { SettlementLevel } from "./settle";
import type { ContractTerms } from "./terms";

/**
 * The simulated year the contract is priced on. With the provider's directCostPerHour: the
 * provider's consumers at fixed counts by its mix, each hour at directCostPerHour (as the
 * provider's risk); else the payor's year of the risk command, each hour at the level's rate.
 * The seed and simulationYears are the model's risk section's.
 */
function pricedYear(model: RateModel, result: RateModelResult): RiskInput {
  const provider = providerRiskInputOfModel(model, result);
  if (provider === undefined) return riskInputOfModel(model, result);
  const { simulationYears, seed } = model.risk ?? {};
  return {
    levels: provider.levels.map((level) => ({
      id: level.id,
      expectedCases: wholeIfRoundingNoise(level.consumers),
      averageHours: level.averageHours,
      ratePerHour: provider.directCostPerHour,
      ...(level.hoursDistribution === undefined ? {} : { hoursDistribution: level.hoursDistribution }),
    })),
    ratePerHour: provider.directCostPerHour,
    budget: provider.revenue,
    frequency: "fixed",
    ...(simulationYears === undefined ? {} : { simulationYears }),
    ...(seed === undefined ? {} : { seed }),
  };
}

/**
 * What `priceContract` takes from the parsed model and its computed result: the simulated year
 * (pricedYear), the levels' case rates as payments, and the model's contract terms ({} if none).
 */
export function contractPricingInputOfModel(model: RateModel, result: RateModelResult): ContractPricingInput {
  return {
    risk: pricedYear(model, result),
    caseRates: result.levels.map((level) => level.caseRate),
    terms: model.contract ?? {},
  };
}

/**
 * The levels as the settlement pays them: each one's id and case rate.
 * @example settlementLevelsOf({ totalCases: 1, levels: [{ id: "A", name: "A", caseMix: 1, cases: 1, averageHours: 10, ratePerHour: 100, caseRate: 1000, totalCost: 1000 }], totalBudget: 1000, pmpm: 0 }) // [{ id: "A", caseRate: 1000 }]
 */
export function settlementLevelsOf(result: RateModelResult): SettlementLevel[] {
  return result.levels.map((level) => ({ id: level.id, caseRate: level.caseRate }));
}

/**
 * The fee-for-service comparison of the model's levels, when the contract gives the term.
 * @example feeForServiceOfModel({}, { totalCases: 0, levels: [], totalBudget: 0, pmpm: 0 }) // undefined
 */
export function feeForServiceOfModel(
  terms: ContractTerms,
  result: RateModelResult,
): { levels: FeeForServiceLevel[] } | undefined {
  return terms.feeForService === undefined
    ? undefined
    : { levels: feeForServiceLevels(terms.feeForService, result.levels) };
}

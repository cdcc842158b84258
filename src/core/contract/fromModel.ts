import type { RateModel, RateModelResult } from "../model";
import { providerRiskInputOfModel, riskInputOfModel } from "../risk/fromModel";
import { type FeeForServiceLevel, feeForServiceLevels } from "./feeForService";
import type { ContractPricingInput } from "./price";
import { pricedYear } from "./pricedYear";
import type { SettlementLevel } from "./settle";
import type { ContractTerms } from "./terms";

/**
 * What `priceContract` takes from the parsed model and its computed result: the simulated year
 * (pricedYear of the payor's and the provider's years, at contract.costPerHour when given), the
 * levels' case rates as payments, and the model's contract terms ({} if none).
 */
export function contractPricingInputOfModel(model: RateModel, result: RateModelResult): ContractPricingInput {
  return {
    risk: pricedYear(
      riskInputOfModel(model, result),
      providerRiskInputOfModel(model, result),
      model.contract?.costPerHour,
    ),
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

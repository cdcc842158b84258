import type { RiskInput } from "../risk/inputs";
import type { ProviderRiskInput } from "../risk/providerRisk";
import { wholeIfRoundingNoise } from "../risk/wholeCount";

/**
 * The simulated year a contract is priced on (issue 15, "Priced before signing"). With the
 * provider's year (a provider with a direct cost per hour): its consumers at fixed counts by its
 * mix, each hour at its directCostPerHour; else the payor's year (Poisson or as its frequency
 * says), each hour at its level's rate. `costPerHour` (contract.costPerHour), when given, is the
 * cost of an hour in either. The payor's year gives the seed and the simulated years.
 * @example pricedYear({ levels: [{ id: "A", expectedCases: 5, averageHours: 10, ratePerHour: 150 }], ratePerHour: 150, budget: 7500 }, undefined, 100).levels[0].ratePerHour // 100
 */
export function pricedYear(
  payor: RiskInput,
  provider: ProviderRiskInput | undefined,
  costPerHour?: number,
): RiskInput {
  if (provider === undefined) {
    if (costPerHour === undefined) return payor;
    return { ...payor, levels: payor.levels.map((level) => ({ ...level, ratePerHour: costPerHour })) };
  }
  const { simulationYears, seed } = payor;
  const cost = costPerHour ?? provider.directCostPerHour;
  return {
    levels: provider.levels.map((level) => ({
      id: level.id,
      expectedCases: wholeIfRoundingNoise(level.consumers),
      averageHours: level.averageHours,
      ratePerHour: cost,
      ...(level.hoursDistribution === undefined ? {} : { hoursDistribution: level.hoursDistribution }),
    })),
    ratePerHour: cost,
    budget: provider.revenue,
    frequency: "fixed",
    ...(simulationYears === undefined ? {} : { simulationYears }),
    ...(seed === undefined ? {} : { seed }),
  };
}

import { casesPerLevel } from "../caseMix";
import { type RateModel, type RateModelResult, providerMix } from "../model";
import { ownValue } from "../own";
import { expectedCases } from "../penetration";
import { requireShare } from "../validate";
import type { RiskInput, RiskScenario } from "./inputs";
import { type ProviderRiskInput, providerRiskLevels } from "./providerRisk";
import { wholeIfRoundingNoise } from "./wholeCount";

/**
 * The payor's year as the risk computation takes it, from the parsed model and its computed
 * result (one source for the cases and the budget): each level's cases × mix as its expected
 * cases, its rate per hour, its hoursDistribution, the model's total budget and its risk section.
 * With fixed frequency a count's binary rounding (100 × 0.07 = 7.000000000000001) is dropped.
 * @example riskInputOfModel(model, computeRateModel(model)).budget // computeRateModel(model).totalBudget
 */
export function riskInputOfModel(model: RateModel, result: RateModelResult): RiskInput {
  const { scenarioWeights, ...settings } = model.risk ?? {};
  const count = settings.frequency === "fixed" ? wholeIfRoundingNoise : (cases: number) => cases;
  return {
    levels: result.levels.map((level, i) => ({
      id: level.id,
      expectedCases: count(level.cases),
      averageHours: level.averageHours,
      ratePerHour: level.ratePerHour,
      ...spreadOf(model, i),
    })),
    ratePerHour: model.ratePerHour,
    budget: result.totalBudget,
    ...settings,
    ...(scenarioWeights === undefined ? {} : { scenarios: scenariosOf(model, scenarioWeights, count) }),
  };
}

function spreadOf(model: RateModel, index: number) {
  const distribution = model.levels[index].hoursDistribution;
  return distribution === undefined ? {} : { hoursDistribution: distribution };
}

/**
 * Each weighted penetration scenario's expected cases per level: enrollees × its rate × the mix.
 * The parser has checked that the weights name exactly the scenarios.
 */
function scenariosOf(
  model: RateModel,
  weights: Readonly<Record<string, number>>,
  count: (cases: number) => number,
): RiskScenario[] {
  const rates = model.penetrationScenarios ?? {};
  const mix = model.levels.map((level) => level.caseMix);
  const ids = model.levels.map((level) => level.id);
  return Object.keys(weights).map((name) => {
    const rate = requireShare(`penetration rate of scenario ${name}`, ownValue(rates, name));
    return {
      name,
      weight: weights[name],
      expectedCases: casesPerLevel(expectedCases(model.enrollees, rate), mix, ids).map(count),
    };
  });
}

/**
 * The provider's year for providerRisk, when the model's provider section gives directCostPerHour
 * (else undefined): its consumers by its mix, the levels' hours, and as revenue compute's
 * case-rate revenue plus otherRevenue; fixedCosts and otherRevenue default to 0.
 */
export function providerRiskInputOfModel(
  model: RateModel,
  result: RateModelResult,
): ProviderRiskInput | undefined {
  const provider = model.provider;
  const section = result.provider;
  if (provider === undefined || section?.directCostPerHour === undefined) return undefined;
  return {
    levels: providerRiskLevels(
      provider.consumers,
      providerMix(provider, result.levels),
      result.levels.map((level, i) => ({
        id: level.id,
        averageHours: level.averageHours,
        ...spreadOf(model, i),
      })),
    ),
    directCostPerHour: section.directCostPerHour,
    fixedCosts: section.fixedCosts ?? 0,
    revenue: section.revenue + (section.otherRevenue ?? 0),
    ...(model.risk?.confidence === undefined ? {} : { confidence: model.risk.confidence }),
    ...(model.risk?.gridHours === undefined ? {} : { gridHours: model.risk.gridHours }),
  };
}

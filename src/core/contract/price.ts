import { ownValue } from "../own";
import { caseCostLaw } from "../risk/caseCost";
import { type RiskInput, type ValidRiskInput, validateRiskInput } from "../risk/inputs";
import type { ByProbability } from "../risk/riskOfYear";
import { simulateCases, simulatedMean, simulatedQuantile } from "../risk/simulate";
import { outlierThreshold } from "./outlier";
import { type Settlement, type SettlementLevel, YearTally, settle } from "./settle";
import type { ContractTerms } from "./terms";

/** The probabilities the provider's margin is reported at. */
export const MARGIN_QUANTILES: readonly number[] = [0.01, 0.05, 0.5, 0.95, 0.99];

/** The probabilities the payor's cost is reported at. */
export const PAYOR_COST_QUANTILES: readonly number[] = [0.95, 0.99];

/** The terms whose expected values the pricing reports, as the settlement names them. */
export const PRICED_TERMS = [
  "outlierPayments",
  "corridorAdjustment",
  "stopLossAdjustment",
  "withheld",
  "withholdEarned",
  "qualityBonus",
  "sharedSavings",
] as const satisfies readonly (keyof Settlement)[];

/** A contract to price: the year's cases and costs as the risk simulation draws them, and what each level pays. */
export interface ContractPricingInput {
  /** Each level's case cost is hours × its ratePerHour (the cost of an hour of care). */
  readonly risk: RiskInput;
  /** What the payor pays per case, by level in the risk input's order. */
  readonly caseRates: readonly number[];
  readonly terms: ContractTerms;
}

/** The provider's and the payor's year, over the simulated years. */
export interface PricedOutcome {
  readonly expectedProviderMargin: number;
  /** The share of simulated years with a margin below 0. */
  readonly probabilityOfLoss: number;
  readonly marginQuantiles: ByProbability;
  /** E[net paid to the provider]: every dollar the payor pays, the provider receives. */
  readonly expectedPayorCost: number;
  readonly payorCostQuantiles: ByProbability;
}

/** Before signing: the year without and with the terms, each term's expected value, and the closed form. */
export interface ContractPricing {
  readonly withoutTerms: PricedOutcome;
  readonly withTerms: PricedOutcome & {
    readonly terms: Readonly<Record<(typeof PRICED_TERMS)[number], number>>;
  };
  /** Closed forms: expected outlier payments Σ λ × payorShare × E[(X − t)⁺] per level. */
  readonly exact: { readonly outlierPayments: number };
  readonly simulation: {
    readonly years: number;
    readonly seed: number;
    /** Standard errors of the simulated means (sample sd ÷ √years). */
    readonly standardErrors: { readonly outlierPayments: number; readonly providerMargin: number };
  };
}

/**
 * Each measure's value when pricing: contract.expectedMeasures where given, else its target.
 * @example expectedMeasureValues({ withhold: { percent: 0.02, measures: [{ id: "a", weight: 1, target: 0.75, direction: "atLeast", scoring: "gate" }] } }) // { a: 0.75 }
 */
export function expectedMeasureValues(terms: ContractTerms): Record<string, number> {
  const values: Record<string, number> = {};
  const measures = [
    ...(terms.withhold?.measures ?? []),
    ...(terms.qualityBonus?.measures ?? []),
    ...(terms.sharedSavings?.qualityGate ?? []),
  ];
  for (const m of measures) if (ownValue(values, m.id) === undefined) values[m.id] = m.target;
  return { ...values, ...terms.expectedMeasures };
}

/** λ × payorShare × E[(X − t)⁺] summed over the levels, λ the expected cases over the scenarios. */
function exactOutlierPayments(
  terms: ContractTerms,
  input: ValidRiskInput,
  levels: readonly SettlementLevel[],
): number {
  const outlier = terms.outlier;
  if (outlier === undefined) return 0;
  return input.levels.reduce((sum, level, i) => {
    const cases = input.scenarios.reduce((total, s) => total + s.weight * s.expectedCases[i], 0);
    const threshold = outlierThreshold(outlier, level.id, levels[i].caseRate);
    return sum + cases * outlier.payorShare * caseCostLaw(level).excessMean(threshold);
  }, 0);
}

function outcome(margins: Float64Array, payorCosts: Float64Array): PricedOutcome {
  const n = margins.length;
  const losses = margins.reduce((count, margin) => count + (margin < 0 ? 1 : 0), 0);
  const sortedMargins = margins.slice().sort();
  const sortedCosts = payorCosts.slice().sort();
  return {
    expectedProviderMargin: simulatedMean(margins).mean,
    probabilityOfLoss: losses / n,
    marginQuantiles: Object.fromEntries(
      MARGIN_QUANTILES.map((p) => [String(p), simulatedQuantile(sortedMargins, p).value]),
    ),
    expectedPayorCost: simulatedMean(payorCosts).mean,
    payorCostQuantiles: Object.fromEntries(
      PAYOR_COST_QUANTILES.map((p) => [String(p), simulatedQuantile(sortedCosts, p).value]),
    ),
  };
}

/**
 * Prices a contract before signing: each year of the risk input's seeded simulation settled by
 * `settle` with the terms and without them (the same arrangement, no term), the measures at
 * their expected values; with the closed-form expected outlier payments beside the simulated.
 */
export function priceContract(input: ContractPricingInput): ContractPricing {
  const risk = validateRiskInput(input.risk);
  const levels = risk.levels.map((level, i) => ({ id: level.id, caseRate: input.caseRates[i] }));
  const terms = input.terms;
  const bare: ContractTerms = terms.arrangement === undefined ? {} : { arrangement: terms.arrangement };
  const measures = expectedMeasureValues(terms);
  const n = risk.simulationYears;
  const withTally = new YearTally(terms, levels);
  const withoutTally = new YearTally(bare, levels);
  const margins = { with: new Float64Array(n), without: new Float64Array(n) };
  const costs = { with: new Float64Array(n), without: new Float64Array(n) };
  const outliers = new Float64Array(n);
  const termSums = Object.fromEntries(PRICED_TERMS.map((name) => [name, 0])) as Record<
    (typeof PRICED_TERMS)[number],
    number
  >;
  simulateCases(risk, {
    visitCase: (levelIndex, cost) => {
      withTally.add(levelIndex, cost);
      withoutTally.add(levelIndex, cost);
    },
    endYear: (year) => {
      const withTerms = settle(terms, withTally.take(), measures);
      const withoutTerms = settle(bare, withoutTally.take(), {});
      margins.with[year] = withTerms.providerMargin;
      margins.without[year] = withoutTerms.providerMargin;
      costs.with[year] = withTerms.netToProvider;
      costs.without[year] = withoutTerms.netToProvider;
      outliers[year] = withTerms.outlierPayments;
      for (const name of PRICED_TERMS) termSums[name] += withTerms[name];
    },
  });
  return {
    withoutTerms: outcome(margins.without, costs.without),
    withTerms: {
      ...outcome(margins.with, costs.with),
      terms: Object.fromEntries(PRICED_TERMS.map((name) => [name, termSums[name] / n])) as typeof termSums,
    },
    exact: { outlierPayments: exactOutlierPayments(terms, risk, levels) },
    simulation: {
      years: n,
      seed: risk.seed,
      standardErrors: {
        outlierPayments: simulatedMean(outliers).standardError,
        providerMargin: simulatedMean(margins.with).standardError,
      },
    },
  };
}

import {
  type ContractTerms,
  type CorridorBand,
  type Direction,
  type GateMeasure,
  type Measure,
  PRICED_TERMS,
  priceContract,
  pricedYear,
  validateContract,
} from "../../core/contract";
import type { CalculatedWorkbook } from "../calc";
import type { Naming } from "../freeNames";
import type { StarterName } from "../starter/context";
import { numbers, providerRiskInputOf, riskInputOf, unlessRefused } from "../starter/riskFigures";
import {
  ARRANGEMENTS,
  CONTRACT_MEASURES,
  CORRIDOR_BANDS,
  IN_GATE,
  LADDER_STEPS,
  ladderName,
} from "./contractSheet";

/** The core's priced figures for the workbook's terms, and the fingerprint they were computed at. */
export interface ContractFigures {
  readonly withoutTerms: PricedFigures;
  readonly withTerms: PricedFigures;
  /** Each term's simulated expected value, by the settlement's key. */
  readonly terms: Readonly<Record<(typeof PRICED_TERMS)[number], number>>;
  readonly exactOutlierPayments: number;
  readonly outlierStandardError: number;
  readonly years: number;
  readonly seed: number;
  /** The fingerprint's values, by the fingerprint's labels (FINGERPRINT). */
  readonly fingerprint: readonly number[];
}

export interface PricedFigures {
  readonly expectedProviderMargin: number;
  readonly probabilityOfLoss: number;
  readonly expectedPayorCost: number;
}

/** The Contract names summed (numbers) for the fingerprint: a changed term changes its sum. */
export const FINGERPRINT_SUMS: readonly StarterName[] = [
  "OutlierThresholdMultiple",
  "OutlierThresholdCosts",
  "OutlierPayorShare",
  "CorridorTarget",
  "CorridorUpTo",
  "CorridorShares",
  "GainCorridorUpTo",
  "GainCorridorShares",
  "StopLoss",
  "StopGain",
  "WithholdPercent",
  "QualityBonusPool",
  "QualityBonusPoolPercent",
  "MeasureTargets",
  "WithholdWeights",
  "BonusWeights",
  ...Array.from({ length: LADDER_STEPS }, (_, k) => [
    ladderName(k + 1, "Thresholds"),
    ladderName(k + 1, "Earns"),
  ]).flat(),
  "ExpectedMeasures",
  "SavingsBenchmark",
  "MinimumSavingsRate",
  "SharingRate",
  "SavingsCap",
  "MinimumLossRate",
  "LossSharingRate",
  "LossCap",
  "ContractCostPerHour",
  "ContractSimulationYears",
];

/** The Contract's text inputs the fingerprint counts: the atMost measures, the gate, the arrangement. */
export const FINGERPRINT_COUNTS: readonly [StarterName, string][] = [
  ["MeasureDirections", "atMost"],
  ["SavingsGate", IN_GATE],
  ["Arrangement", ARRANGEMENTS[1]],
];

/** The payor's year the pricing runs on, fingerprinted by Risk's closed-form figures. */
export const FINGERPRINT_RISK: readonly StarterName[] = [
  "RiskExpectedCost",
  "RiskStandardDeviation",
  "TotalBudget",
];

/**
 * With the provider model, the provider's year the pricing runs on: its consumers and the cost of a
 * direct hour (as N(): "enter inputs" counts 0), the planned hours summed, and the planned hours
 * per consumer (Σ mix × hours).
 */
export const FINGERPRINT_PROVIDER_VALUES: readonly StarterName[] = ["ConsumersPerYear", "CostPerDirectHour"];
export const FINGERPRINT_PROVIDER_SUMS: readonly StarterName[] = ["PlannedHours"];
export const FINGERPRINT_PROVIDER_PRODUCT: readonly [StarterName, StarterName] = [
  "ProviderCaseMix",
  "PlannedHours",
];

/** A calculated name's cells as numbers (null where not a number) and as text. */
function readNames(calc: CalculatedWorkbook, naming: Naming) {
  const cells = (name: StarterName) => calc.named(naming.name(name)) ?? [];
  const values = (name: StarterName) => numbers(calc, naming.name(name));
  const one = (name: StarterName) => values(name)[0] ?? null;
  const texts = (name: StarterName) =>
    cells(name).map((cell) => (cell.ok && typeof cell.value === "string" ? cell.value : ""));
  return { values, one, texts };
}

/** Whether the workbook holds the provider model's sheets (their names are defined). */
function hasProviderModel(calc: CalculatedWorkbook, naming: Naming): boolean {
  return calc.named(naming.name("ProviderInputsComplete")) !== undefined;
}

/** The fingerprint's values as the first calculation gives them (what its native cells will show). */
function fingerprintOf(calc: CalculatedWorkbook, naming: Naming): number[] | undefined {
  const { values, one, texts } = readNames(calc, naming);
  const counts = FINGERPRINT_COUNTS.map(
    ([name, text]) => texts(name).filter((t) => t.toLowerCase() === text.toLowerCase()).length,
  );
  const risk = FINGERPRINT_RISK.map(one);
  if (risk.some((v) => v === null)) return undefined;
  const sum = (name: StarterName) => values(name).reduce<number>((total, v) => total + (v ?? 0), 0);
  const [mix, hours] = FINGERPRINT_PROVIDER_PRODUCT.map(values);
  const provider = hasProviderModel(calc, naming)
    ? [
        ...FINGERPRINT_PROVIDER_VALUES.map((name) => one(name) ?? 0),
        ...FINGERPRINT_PROVIDER_SUMS.map(sum),
        mix.reduce<number>((total, share, i) => total + (share ?? 0) * (hours[i] ?? 0), 0),
      ]
    : [];
  return [...FINGERPRINT_SUMS.map(sum), ...counts, ...(risk as number[]), ...provider];
}

/** The contract's terms as the Contract sheet holds them, in the core's shape (blank: not in the contract). */
export function contractTermsOf(
  calc: CalculatedWorkbook,
  naming: Naming,
  levelIds: readonly string[],
): ContractTerms {
  const { values, one, texts } = readNames(calc, naming);
  const given = <T>(value: number | null, build: (v: number) => T): T | undefined =>
    value === null ? undefined : build(value);
  const ids = texts("MeasureIds");
  const directions = texts("MeasureDirections");
  const targets = values("MeasureTargets");
  const steps = Array.from({ length: LADDER_STEPS }, (_, k) => ({
    thresholds: values(ladderName(k + 1, "Thresholds")),
    earns: values(ladderName(k + 1, "Earns")),
  }));
  const measure = (i: number, weight: number): Measure => {
    const ladder = steps.flatMap((step) =>
      step.thresholds[i] === null
        ? []
        : [{ threshold: step.thresholds[i] as number, earn: step.earns[i] ?? 0 }],
    );
    return {
      id: ids[i],
      weight,
      target: targets[i] as number,
      direction: directions[i] as Direction,
      scoring: ladder.length === 0 ? "gate" : { ladder },
    };
  };
  const measured = (weights: (number | null)[]) =>
    Array.from({ length: CONTRACT_MEASURES }, (_, i) => i).flatMap((i) =>
      weights[i] === null || targets[i] === null ? [] : [measure(i, weights[i] as number)],
    );
  const bands = (upTo: (number | null)[], shares: (number | null)[]): CorridorBand[] => {
    const list: CorridorBand[] = [];
    for (let k = 0; k < CORRIDOR_BANDS && shares[k] !== null; k++)
      list.push(
        upTo[k] === null
          ? { payorShare: shares[k] as number }
          : { upTo: upTo[k] as number, payorShare: shares[k] as number },
      );
    return list;
  };
  const share = one("OutlierPayorShare");
  const multiple = one("OutlierThresholdMultiple");
  const costs = values("OutlierThresholdCosts");
  const thresholdCost = Object.fromEntries(
    levelIds.flatMap((id, i) => (costs[i] === null ? [] : [[id, costs[i] as number]])),
  );
  const outlier =
    share === null || (multiple === null && Object.keys(thresholdCost).length === 0)
      ? undefined
      : multiple !== null
        ? { thresholdMultiple: multiple, payorShare: share }
        : { thresholdCost, payorShare: share };
  const loss = bands(values("CorridorUpTo"), values("CorridorShares"));
  const gain = bands(values("GainCorridorUpTo"), values("GainCorridorShares"));
  const pool = one("QualityBonusPool");
  const poolPercent = one("QualityBonusPoolPercent");
  const gate = texts("SavingsGate");
  const qualityGate: GateMeasure[] = ids.flatMap((id, i) =>
    gate[i].toLowerCase() === IN_GATE && targets[i] !== null
      ? [{ id, target: targets[i] as number, direction: directions[i] as Direction }]
      : [],
  );
  const expected = values("ExpectedMeasures");
  const expectedMeasures = Object.fromEntries(
    ids.flatMap((id, i) => (expected[i] === null || id === "" ? [] : [[id, expected[i] as number]])),
  );
  const optional = (name: StarterName) => one(name) ?? undefined;
  const terms: ContractTerms = {
    ...(texts("Arrangement")[0] === ARRANGEMENTS[1] ? { arrangement: "sharedSavings" as const } : {}),
    ...(outlier === undefined ? {} : { outlier }),
    ...(loss.length === 0 ? {} : { corridors: loss }),
    ...(gain.length === 0 ? {} : { gainCorridors: gain }),
    ...strip({
      corridorTarget: optional("CorridorTarget"),
      stopLoss: optional("StopLoss"),
      stopGain: optional("StopGain"),
      costPerHour: optional("ContractCostPerHour"),
    }),
    ...given(one("WithholdPercent"), (percent) => ({
      withhold: { percent, measures: measured(values("WithholdWeights")) },
    })),
    ...(pool === null && poolPercent === null
      ? {}
      : {
          qualityBonus: {
            ...strip({ pool: pool ?? undefined, poolPercent: poolPercent ?? undefined }),
            measures: measured(values("BonusWeights")),
          },
        }),
    ...given(one("SharingRate"), (sharingRate) => ({
      sharedSavings: strip({
        benchmark: optional("SavingsBenchmark"),
        minimumSavingsRate: optional("MinimumSavingsRate"),
        sharingRate,
        cap: optional("SavingsCap"),
        ...(qualityGate.length === 0 ? {} : { qualityGate }),
        minimumLossRate: optional("MinimumLossRate"),
        lossSharingRate: optional("LossSharingRate"),
        lossCap: optional("LossCap"),
      }),
    })),
    ...(Object.keys(expectedMeasures).length === 0 ? {} : { expectedMeasures }),
  };
  return validateContract(terms, levelIds);
}

/** The object without its undefined values. */
function strip<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The core's pricing of the Contract's terms on the year pricedYear decides, as `case-rate
 * contract` prices the same model: the provider's consumers at fixed counts at its cost per direct
 * hour when the provider model's inputs are in, else the Risk sheet's payor year at each level's
 * rate; the Contract's cost of an hour, when given, in either. Computed from a first calculation
 * of the workbook; undefined until every input is in, or when the core refuses the terms.
 */
export function contractFiguresOf(calc: CalculatedWorkbook, naming: Naming): ContractFigures | undefined {
  const payor = riskInputOf(calc, naming);
  const fingerprint = fingerprintOf(calc, naming);
  if (payor === undefined || fingerprint === undefined) return undefined;
  const { values, one } = readNames(calc, naming);
  const caseRates = values("CaseRates");
  if (caseRates.some((v) => v === null)) return undefined;
  const years = one("ContractSimulationYears");
  return unlessRefused(() => {
    const terms = contractTermsOf(
      calc,
      naming,
      payor.levels.map((level) => level.id),
    );
    const year = { ...payor, ...(years === null ? {} : { simulationYears: years }) };
    const priced = priceContract({
      risk: pricedYear(year, providerRiskInputOf(calc, naming, payor), terms.costPerHour),
      caseRates: caseRates as number[],
      terms,
    });
    const figures = (o: typeof priced.withoutTerms): PricedFigures => ({
      expectedProviderMargin: o.expectedProviderMargin,
      probabilityOfLoss: o.probabilityOfLoss,
      expectedPayorCost: o.expectedPayorCost,
    });
    return {
      withoutTerms: figures(priced.withoutTerms),
      withTerms: figures(priced.withTerms),
      terms: priced.withTerms.terms,
      exactOutlierPayments: priced.exact.outlierPayments,
      outlierStandardError: priced.simulation.standardErrors.outlierPayments,
      years: priced.simulation.years,
      seed: priced.simulation.seed,
      fingerprint,
    };
  });
}

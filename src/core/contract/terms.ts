/**
 * A contract's terms as the core takes them: what moves money between the payor and the provider
 * after the year, on top of (or, under shared savings, instead of) the case rates. Shares and
 * percentages are fractions (0.03 = 3%).
 */

/** Whether a measure is better high ("atLeast") or low ("atMost"). */
export type Direction = "atLeast" | "atMost";

/** One ladder step: met when the value is at least (or, for an atMost measure, at most) `threshold`. */
export interface LadderStep {
  readonly threshold: number;
  /** The share of the measure's weight earned when this is the best step met, 0–1. */
  readonly earn: number;
}

/** "gate": 1 when the target is met, 0 otherwise; a ladder: the earn of the best step met. */
export type Scoring = "gate" | { readonly ladder: readonly LadderStep[] };

/** A quality measure a withhold or a bonus is earned by. */
export interface Measure {
  readonly id: string;
  /** Its weight; the weights of a list sum to 1. */
  readonly weight: number;
  readonly target: number;
  readonly direction: Direction;
  readonly scoring: Scoring;
}

/** A measure of the shared-savings quality gate: met or not. */
export interface GateMeasure {
  readonly id: string;
  readonly target: number;
  readonly direction: Direction;
}

/** One corridor band: the payor's share of the result up to `upTo` (a share of payments); the last has none. */
export interface CorridorBand {
  readonly upTo?: number;
  readonly payorShare: number;
}

/** Per-case outlier protection: the payor pays payorShare × (cost − threshold)⁺ on top of the case rate. */
export interface OutlierTerm {
  /** threshold = this × the level's case rate. */
  readonly thresholdMultiple?: number;
  /** Or the threshold in dollars: one for every level, or per level id. */
  readonly thresholdCost?: number | Readonly<Record<string, number>>;
  readonly payorShare: number;
}

export interface WithholdTerm {
  /** The share of case-rate payments withheld. */
  readonly percent: number;
  readonly measures: readonly Measure[];
}

export interface QualityBonusTerm {
  /** The pool in dollars, or … */
  readonly pool?: number;
  /** … as a share of case-rate payments. */
  readonly poolPercent?: number;
  readonly measures: readonly Measure[];
}

export interface SharedSavingsTerm {
  /** Dollars; default Σ over the actual cases of their level's case rate. */
  readonly benchmark?: number;
  /** Default 0. */
  readonly minimumSavingsRate?: number;
  readonly sharingRate: number;
  /** Most the provider earns, as a share of the benchmark; none when left out. */
  readonly cap?: number;
  /** Measures that must all be met for savings to be shared (the loss side ignores them). */
  readonly qualityGate?: readonly GateMeasure[];
  /** Two-sided (given lossSharingRate): default 0. */
  readonly minimumLossRate?: number;
  readonly lossSharingRate?: number;
  readonly lossCap?: number;
}

/** One billing code of a fee schedule. */
export interface FeeService {
  readonly code: string;
  readonly billedPerHour: number;
  readonly hoursShare: number;
}

export interface FeeForServiceTerm {
  readonly ratePerHour?: number;
  readonly services?: readonly FeeService[];
  /** The share of a case's hours fee-for-service pays for at all; default 1. */
  readonly billableShare?: number;
}

/** The contract section of the model. */
export interface ContractTerms {
  readonly about?: string;
  /** "caseRate" (default) or "sharedSavings". */
  readonly arrangement?: "caseRate" | "sharedSavings";
  readonly outlier?: OutlierTerm;
  readonly corridors?: readonly CorridorBand[];
  /** Bands for a gain; default `corridors`. */
  readonly gainCorridors?: readonly CorridorBand[];
  /** The ratio of cost of care to payments at which the corridors move nothing; default 1. */
  readonly corridorTarget?: number;
  readonly stopLoss?: number;
  readonly stopGain?: number;
  readonly withhold?: WithholdTerm;
  readonly qualityBonus?: QualityBonusTerm;
  readonly sharedSavings?: SharedSavingsTerm;
  readonly feeForService?: FeeForServiceTerm;
  /** Each measure's value when pricing, by id; default its target. */
  readonly expectedMeasures?: Readonly<Record<string, number>>;
  /** The cost of an hour of care when pricing; default the provider's directCostPerHour, else each level's rate. */
  readonly costPerHour?: number;
}

/** The case-rate terms: refused beside the shared-savings arrangement. */
export const CASE_RATE_TERMS = [
  "outlier",
  "corridors",
  "gainCorridors",
  "corridorTarget",
  "stopLoss",
  "stopGain",
  "withhold",
  "qualityBonus",
] as const satisfies readonly (keyof ContractTerms)[];

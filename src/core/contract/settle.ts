/**
 * The settlement after the year, in the documented order: outliers → P → corridors on P →
 * stop-loss/stop-gain → withhold → bonus (→ shared savings). One function settles both the
 * actual year and every simulated one.
 */
import { describeNumber, describePercent } from "../format";
import { corridorAdjustment, stopLossAdjustment } from "./corridor";
import { gateMet } from "./measures";
import { outlierPayment, outlierThreshold } from "./outlier";
import { sharedSavings } from "./sharedSavings";
import type { ContractTerms } from "./terms";
import { qualityBonus, withheldAmount, withholdEarned } from "./withhold";

/** A level as the settlement pays it. */
export interface SettlementLevel {
  readonly id: string;
  readonly caseRate: number;
}

/** The year's cases summed as the statement needs them. */
export interface YearTotals {
  readonly cases: number;
  /** Σ over the cases of their level's case rate (the shared-savings benchmark's default). */
  readonly caseRates: number;
  /** Σ payorShare × (cost − threshold)⁺ over the cases; 0 without an outlier term. */
  readonly outlierPayments: number;
  /** C: Σ the cases' costs. */
  readonly costOfCare: number;
  /** Σ the cases' fee-for-service payments (`paid`, default the cost). */
  readonly paid: number;
}

/**
 * Sums cases one at a time (the simulation adds millions, so no case objects are kept).
 * @example (() => { const t = new YearTally({}, [{ id: "A", caseRate: 1000 }]); t.add(0, 900); return t.take().caseRates; })() // 1000
 */
export class YearTally {
  private readonly caseRates: readonly number[];
  private readonly thresholds: readonly number[];
  private readonly payorShare: number;
  private totals: {
    cases: number;
    caseRates: number;
    outlierPayments: number;
    costOfCare: number;
    paid: number;
  };

  constructor(terms: ContractTerms, levels: readonly SettlementLevel[]) {
    const outlier = terms.outlier;
    this.caseRates = levels.map((level) => level.caseRate);
    this.thresholds = levels.map((level) =>
      outlier === undefined ? Infinity : outlierThreshold(outlier, level.id, level.caseRate),
    );
    this.payorShare = outlier?.payorShare ?? 0;
    this.totals = YearTally.empty();
  }

  private static empty() {
    return { cases: 0, caseRates: 0, outlierPayments: 0, costOfCare: 0, paid: 0 };
  }

  /** Adds one case of the level at `levelIndex`. */
  add(levelIndex: number, cost: number, paid: number = cost): void {
    const t = this.totals;
    t.cases += 1;
    t.caseRates += this.caseRates[levelIndex];
    t.outlierPayments += outlierPayment(cost, this.thresholds[levelIndex], this.payorShare);
    t.costOfCare += cost;
    t.paid += paid;
  }

  /** The totals so far, and a fresh start for the next year. */
  take(): YearTotals {
    const totals = this.totals;
    this.totals = YearTally.empty();
    return totals;
  }
}

/** One line of the statement: a payment to the provider (signed), a total, or the cost of care. */
export interface StatementLine {
  readonly text: string;
  readonly amount: number;
  /** "payment" lines sum to netToProvider; "total" lines restate a sum; "cost" is the cost of care. */
  readonly kind: "payment" | "total" | "cost";
}

/** The settlement statement, amounts unrounded; adjustments are signed: positive is paid to the provider. */
export interface Settlement {
  readonly arrangement: "caseRate" | "sharedSavings";
  readonly cases: number;
  readonly caseRatePayments: number;
  readonly outlierPayments: number;
  /** P = caseRatePayments + outlierPayments. */
  readonly payments: number;
  readonly corridorAdjustment: number;
  readonly stopLossAdjustment: number;
  readonly withheld: number;
  readonly withholdEarned: number;
  readonly qualityBonus: number;
  /** Under the shared-savings arrangement: Σ paid; else 0. */
  readonly feeForServicePayments: number;
  readonly sharedSavings: number;
  readonly netToProvider: number;
  readonly costOfCare: number;
  readonly providerMargin: number;
  readonly lines: readonly StatementLine[];
}

/** The benchmark, the quality gate and the shared savings, when the term is given. */
function sharedSavingsOf(
  terms: ContractTerms,
  totals: YearTotals,
  measures: Readonly<Record<string, number>>,
) {
  const term = terms.sharedSavings;
  if (term === undefined) return { amount: 0, benchmark: 0 };
  const benchmark = term.benchmark ?? totals.caseRates;
  const met = gateMet(term.qualityGate ?? [], measures);
  return { amount: sharedSavings(term, benchmark, totals.paid, met), benchmark };
}

/** A statement line's writer: its words and its amount. */
type Write = (text: string, amount: number) => void;

/** The figures of the case-rate steps (all 0 but the fee-for-service payments under shared savings). */
interface StepFigures {
  readonly caseRatePayments: number;
  readonly outliers: number;
  readonly corridor: number;
  readonly stop: number;
  readonly withheld: number;
  readonly earned: number;
  readonly bonus: number;
  readonly fees: number;
}

/**
 * The case-rate steps in their order, each written as a line when its term is given: case-rate
 * and outlier payments → P → corridors on P → stop-loss/stop-gain on M → withhold → bonus.
 */
function caseRateSteps(
  terms: ContractTerms,
  totals: YearTotals,
  measures: Readonly<Record<string, number>>,
  pay: Write,
  total: Write,
): StepFigures {
  const C = totals.costOfCare;
  const caseRatePayments = totals.caseRates;
  const outliers = totals.outlierPayments;
  const P = caseRatePayments + outliers;
  pay(`Case-rate payments for ${totals.cases} cases, each at its level's case rate`, caseRatePayments);
  if (terms.outlier !== undefined) {
    pay(
      `Outlier payments: ${describePercent(terms.outlier.payorShare)} of each case's cost above its threshold`,
      outliers,
    );
    total("Payments P (case rates and outlier payments)", P);
  }
  let corridor = 0;
  if (terms.corridors !== undefined || terms.gainCorridors !== undefined) {
    const target = terms.corridorTarget ?? 1;
    const gains = terms.gainCorridors ?? terms.corridors ?? [];
    corridor = corridorAdjustment(C, P, target, terms.corridors ?? [], gains);
    const r = P > 0 ? (C - target * P) / P : 0;
    pay(
      `Corridor adjustment: cost of care is ${describePercent(Math.abs(r))} of payments ${r >= 0 ? "above" : "below"} ${describeNumber(target)} × payments (positive: paid to the provider)`,
      corridor,
    );
  }
  const stop = stopLossAdjustment(P + corridor - C, P, terms.stopLoss, terms.stopGain);
  if (terms.stopLoss !== undefined || terms.stopGain !== undefined) {
    pay(
      "Stop-loss/stop-gain adjustment on the result after corridors (positive: paid to the provider)",
      stop,
    );
  }
  let withheld = 0;
  let earned = 0;
  if (terms.withhold !== undefined) {
    withheld = withheldAmount(terms.withhold, caseRatePayments);
    earned = withholdEarned(terms.withhold, withheld, measures);
    pay(`Withhold: ${describePercent(terms.withhold.percent)} of case-rate payments`, 0 - withheld);
    pay("Withhold earned back by the measures", earned);
  }
  let bonus = 0;
  if (terms.qualityBonus !== undefined) {
    bonus = qualityBonus(terms.qualityBonus, caseRatePayments, measures);
    pay("Quality bonus earned by the measures", bonus);
  }
  return { caseRatePayments, outliers, corridor, stop, withheld, earned, bonus, fees: 0 };
}

/**
 * Settles a year from its totals and the measures' values, in the order outliers → P → corridors
 * on P → stop-loss/stop-gain on M = P + corridor − C → withhold → bonus → shared savings.
 * netToProvider is the sum of the payment lines; providerMargin = netToProvider − costOfCare.
 * @example settle({}, { cases: 2, caseRates: 2000, outlierPayments: 0, costOfCare: 2100, paid: 2100 }, {}).providerMargin // -100
 */
export function settle(
  terms: ContractTerms,
  totals: YearTotals,
  measures: Readonly<Record<string, number>>,
): Settlement {
  const C = totals.costOfCare;
  const shared = sharedSavingsOf(terms, totals, measures);
  const lines: StatementLine[] = [];
  const pay: Write = (text, amount) => lines.push({ text, amount, kind: "payment" });
  const total: Write = (text, amount) => lines.push({ text, amount, kind: "total" });
  let figures: StepFigures;
  if (terms.arrangement === "sharedSavings") {
    const none = { corridor: 0, stop: 0, withheld: 0, earned: 0, bonus: 0 };
    figures = { ...none, caseRatePayments: 0, outliers: 0, fees: totals.paid };
    pay(`Fee-for-service payments for ${totals.cases} cases`, totals.paid);
  } else {
    figures = caseRateSteps(terms, totals, measures, pay, total);
  }
  if (terms.sharedSavings !== undefined) {
    pay(
      `Shared savings against the benchmark of ${describeNumber(shared.benchmark)} (negative: shared losses paid by the provider)`,
      shared.amount,
    );
  }
  const net = lines.filter((line) => line.kind === "payment").reduce((sum, line) => sum + line.amount, 0);
  total("Net paid to the provider", net);
  lines.push({ text: "Cost of care", amount: C, kind: "cost" });
  total("Provider margin (net paid less cost of care)", net - C);
  return {
    arrangement: terms.arrangement ?? "caseRate",
    cases: totals.cases,
    caseRatePayments: figures.caseRatePayments,
    outlierPayments: figures.outliers,
    payments: figures.caseRatePayments + figures.outliers,
    corridorAdjustment: figures.corridor,
    stopLossAdjustment: figures.stop,
    withheld: figures.withheld,
    withholdEarned: figures.earned,
    qualityBonus: figures.bonus,
    feeForServicePayments: figures.fees,
    sharedSavings: shared.amount,
    netToProvider: net,
    costOfCare: C,
    providerMargin: net - C,
    lines,
  };
}

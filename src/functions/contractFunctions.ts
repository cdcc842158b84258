/**
 * VBP.OUTLIER_PAYMENT, VBP.CORRIDOR, VBP.WITHHOLD_EARNED and VBP.SHARED_SAVINGS's work, loaded by
 * functions.ts with import() (its own chunk): their arguments as the core's terms: Excel's ranges as corridor bands and
 * measures, checked by the core's validateContract (the model's own checks), its messages naming
 * the functions' arguments. The settlement pieces do the arithmetic.
 */
import type { ContractTerms, CorridorBand, Direction, LadderStep, Measure } from "../core/contract/terms";
import { validateContract } from "../core/contract/validateContract";
import { CaseRateInputError, type FieldNamer } from "../core/errors";
import { corridorAdjustment } from "../core/contract/corridor";
import { outlierPayment } from "../core/contract/outlier";
import { sharedSavings } from "../core/contract/sharedSavings";
import { withholdEarned } from "../core/contract/withhold";
import { requireFiniteResult, requireNonNegative } from "../core/validate";
import {
  asRange,
  atCell,
  cellNumber,
  filledLength,
  gridArg,
  isBlank,
  listArg,
  matchingArg,
  numberArg,
  optionalBooleanArg,
  optionalNumberArg,
  reshape,
} from "./excelArgs";
import { excelCall } from "./excelErrors";

/**
 * Names the terms' fields, which the core labels by their place in the model
 * ("contract.corridors[1].upTo"), as the function's arguments ("bands row 2, column 1").
 */
function termNamer(args: Readonly<Record<string, string>>): FieldNamer {
  const columns: Readonly<Record<string, number>> = { upTo: 1, payorShare: 2 };
  return (field) => {
    const path = field.label.replace(/^contract\./, "");
    const band = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
    // A ladder step's cells: a row per measure, two columns per step (threshold, earn).
    const step = /^withhold\.measures\[(\d+)\]\.scoring\.ladder\[(\d+)\]\.(threshold|earn)$/.exec(path);
    const name = band
      ? `${args[band[1]] ?? band[1]} row ${Number(band[2]) + 1}, column ${columns[band[3]]}`
      : step
        ? `ladders row ${Number(step[1]) + 1}, column ${2 * Number(step[2]) + (step[3] === "earn" ? 2 : 1)}`
        : (args[path] ?? field.label);
    return field.entry ? `${name} ${field.entry.says}` : name;
  };
}

/** The terms checked as a model's contract section would be (no levels: thresholds are dollars). */
function checkedTerms(terms: ContractTerms): ContractTerms {
  return validateContract(terms, []);
}

/**
 * Corridor bands from a range of two columns: each row's up-to share of payments and the payor's
 * share, the last row's up-to left blank (it reaches to any result).
 */
function bandsArg(arg: string, value: unknown): CorridorBand[] {
  const rows = asRange(arg, value);
  if (rows[0].length !== 2) {
    throw new CaseRateInputError(
      arg,
      "wrong-type",
      `${arg} has ${rows[0].length} columns; give two: each band's upper end (blank on the last row) and the payor's share.`,
    );
  }
  return rows.map(([upTo, payorShare], r) => {
    const share = cellNumber(
      arg,
      payorShare,
      `row ${r + 1}, column 2`,
      "enter the payor's share, 0% for none",
    );
    if (isBlank(upTo)) return { payorShare: share };
    return { upTo: cellNumber(arg, upTo, `row ${r + 1}, column 1`, ""), payorShare: share };
  });
}

/** Each measure's direction from a list of "atLeast"/"atMost" (one per measure), "atLeast" when omitted. */
function directionsArg(arg: string, value: unknown, count: number): Direction[] {
  if (value === null || value === undefined) return new Array<Direction>(count).fill("atLeast");
  const cells = asRange(arg, value).flat();
  if (cells.length !== count) {
    throw new CaseRateInputError(
      arg,
      "length-mismatch",
      `${arg} has ${cells.length} cells but there are ${count} measures; give one direction per measure.`,
    );
  }
  return cells.map((cell, k) => {
    if (cell === "atLeast" || cell === "atMost") return cell;
    throw new CaseRateInputError(
      arg,
      "out-of-range",
      `${arg} at position ${k + 1} must be "atLeast" (higher is better) or "atMost" (lower is better).`,
    );
  });
}

/** The measures, scored as gates (a ladder replaces a gate where given), and their values for the year by id. */
function gateMeasuresArgs(
  names: { values: string; targets: string; weights: string; directions: string },
  values: unknown,
  targets: unknown,
  weights: unknown,
  directions: unknown,
): { measures: Measure[]; values: Record<string, number> } {
  const actual = listArg(names.values, values).values;
  const target = listArg(names.targets, targets).values;
  const weight = listArg(names.weights, weights, "enter 0% for a measure that earns nothing").values;
  for (const [arg, list] of [
    [names.targets, target],
    [names.weights, weight],
  ] as const) {
    if (list.length !== actual.length) {
      throw new CaseRateInputError(
        arg,
        "length-mismatch",
        `${arg} has ${list.length} cells but ${names.values} has ${actual.length}; give one per measure.`,
      );
    }
  }
  const direction = directionsArg(names.directions, directions, actual.length);
  const ids = actual.map((_, k) => `position ${k + 1}`);
  return {
    measures: ids.map((id, k) => ({
      id,
      weight: weight[k],
      target: target[k],
      direction: direction[k],
      scoring: "gate",
    })),
    values: Object.fromEntries(ids.map((id, k) => [id, actual[k]])),
  };
}

/** VBP.OUTLIER_PAYMENT's result from Excel's arguments; throws Excel's error on bad input. */
export function outlierPaymentsOf(cost: unknown, threshold: unknown, payor_share: unknown): number[][] {
  const names = { "outlier.thresholdCost": "threshold", "outlier.payorShare": "payor_share" };
  return excelCall(termNamer(names), () => {
    const costs = gridArg("cost", cost, "enter 0 for a case that cost nothing");
    const thresholds = matchingArg("threshold", threshold, "cost", costs.shape);
    const share = numberArg("payor_share", payor_share);
    const out = costs.values.map((value, i) => {
      const at = atCell(costs.shape, i);
      const limit = typeof thresholds === "number" ? thresholds : thresholds[i];
      const term = checkedTerms({ outlier: { thresholdCost: limit, payorShare: share } }).outlier!;
      const caseCost = requireNonNegative(`cost${at}`, value);
      return outlierPayment(caseCost, term.thresholdCost as number, term.payorShare);
    });
    return reshape(out, costs.shape);
  });
}

/** VBP.CORRIDOR's result from Excel's arguments; throws Excel's error on bad input. */
export function corridorOf(
  cost_of_care: unknown,
  payments: unknown,
  bands: unknown,
  corridor_target: unknown,
  gain_bands: unknown,
): number {
  const names = { corridors: "bands", gainCorridors: "gain_bands", corridorTarget: "corridor_target" };
  return excelCall(termNamer(names), () => {
    const gains =
      gain_bands === null || gain_bands === undefined ? undefined : bandsArg("gain_bands", gain_bands);
    const terms = checkedTerms({
      corridors: bandsArg("bands", bands),
      ...(gains === undefined ? {} : { gainCorridors: gains }),
      ...(corridor_target === null || corridor_target === undefined
        ? {}
        : { corridorTarget: numberArg("corridor_target", corridor_target) }),
    });
    const adjustment = corridorAdjustment(
      requireNonNegative("cost_of_care", numberArg("cost_of_care", cost_of_care)),
      requireNonNegative("payments", numberArg("payments", payments)),
      terms.corridorTarget ?? 1,
      terms.corridors!,
      terms.gainCorridors,
    );
    // target × payments can pass the largest number (the bands themselves stay within the cost).
    return requireFiniteResult("the corridor adjustment", adjustment, ["cost_of_care", "payments"]);
  });
}

/**
 * Each measure's ladder from a range with a row per measure and a pair of columns per step (the
 * threshold, then the share earned there), the row's trailing blanks its missing steps; a row
 * left blank is the measure's gate. Undefined when the argument is omitted: every measure a gate.
 */
function laddersArg(arg: string, value: unknown, count: number): (LadderStep[] | undefined)[] | undefined {
  if (value === null || value === undefined) return undefined;
  const rows = asRange(arg, value);
  if (rows.length !== count) {
    throw new CaseRateInputError(
      arg,
      "length-mismatch",
      `${arg} has ${rows.length} rows but there are ${count} measures; give one row per measure (blank for a gate).`,
    );
  }
  if (rows[0].length % 2 !== 0) {
    throw new CaseRateInputError(
      arg,
      "wrong-type",
      `${arg} has ${rows[0].length} columns; give two per step: the threshold, then the share earned there.`,
    );
  }
  return rows.map((row, r) => {
    const end = filledLength(row);
    if (end === 0) return undefined;
    const steps: LadderStep[] = [];
    for (let c = 0; c < end; c += 2) {
      const at = (column: number) => `row ${r + 1}, column ${column + 1}`;
      steps.push({
        threshold: cellNumber(arg, row[c], at(c), "give each step its threshold"),
        earn: cellNumber(arg, row[c + 1], at(c + 1), "give each step the share earned there, 0% for none"),
      });
    }
    return steps;
  });
}

/** VBP.WITHHOLD_EARNED's result from Excel's arguments; throws Excel's error on bad input. */
export function withholdEarnedOf(
  withheld: unknown,
  values: unknown,
  targets: unknown,
  weights: unknown,
  directions: unknown,
  ladders: unknown,
): number {
  const names = { values: "values", targets: "targets", weights: "weights", directions: "directions" };
  return excelCall(termNamer({ "withhold.measures weights": "weights" }), () => {
    const amount = requireNonNegative("withheld", numberArg("withheld", withheld));
    const year = gateMeasuresArgs(names, values, targets, weights, directions);
    const steps = laddersArg("ladders", ladders, year.measures.length);
    const measures = year.measures.map((measure, k): Measure => {
      const ladder = steps?.[k];
      return ladder === undefined ? measure : { ...measure, scoring: { ladder } };
    });
    const term = checkedTerms({ withhold: { percent: 0, measures } }).withhold!;
    return withholdEarned(term, amount, year.values);
  });
}

/** VBP.SHARED_SAVINGS's result from Excel's arguments; throws Excel's error on bad input. */
export function sharedSavingsArgs(
  benchmark: unknown,
  spending: unknown,
  sharing_rate: unknown,
  minimum_savings_rate: unknown,
  cap: unknown,
  quality_gate_met: unknown,
  loss_sharing_rate: unknown,
  minimum_loss_rate: unknown,
  loss_cap: unknown,
): number {
  const names = {
    "sharedSavings.benchmark": "benchmark",
    "sharedSavings.sharingRate": "sharing_rate",
    "sharedSavings.minimumSavingsRate": "minimum_savings_rate",
    "sharedSavings.cap": "cap",
    "sharedSavings.lossSharingRate": "loss_sharing_rate",
    "sharedSavings.minimumLossRate": "minimum_loss_rate",
    "sharedSavings.lossCap": "loss_cap",
  };
  return excelCall(termNamer(names), () => {
    const term = checkedTerms({
      arrangement: "sharedSavings",
      sharedSavings: {
        benchmark: numberArg("benchmark", benchmark),
        sharingRate: numberArg("sharing_rate", sharing_rate),
        minimumSavingsRate: optionalNumberArg("minimum_savings_rate", minimum_savings_rate),
        cap: optionalNumberArg("cap", cap),
        lossSharingRate: optionalNumberArg("loss_sharing_rate", loss_sharing_rate),
        minimumLossRate: optionalNumberArg("minimum_loss_rate", minimum_loss_rate),
        lossCap: optionalNumberArg("loss_cap", loss_cap),
      },
    }).sharedSavings!;
    const gateMet =
      quality_gate_met === null || quality_gate_met === undefined
        ? true
        : optionalBooleanArg("quality_gate_met", quality_gate_met);
    return sharedSavings(
      term,
      term.benchmark!,
      requireNonNegative("spending", numberArg("spending", spending)),
      gateMet,
    );
  });
}

import { CaseRateInputError } from "./errors";
import { entryOf, type Field } from "./fields";
import { sum, sumProduct } from "./sums";
import { requireFiniteResult, requireNonEmpty, requireNonNegative, requireSameLength } from "./validate";

/** Names the two lists of a weighted average and its result, for messages. */
export interface WeightedAverageFields {
  readonly weights: Field;
  readonly values: Field;
  /** One item of the lists, such as "cohort" or "service code". */
  readonly item: string;
  /** The result as a sentence's subject: "the blended rate per hour". */
  readonly result: string;
}

/**
 * Σ weight × value ÷ Σ weight, over non-negative weights and values of equal count.
 * @example weightedAverage({ weights: "clients", values: "hours", item: "cohort", result: "the average" }, [1, 3], [10, 20]) // 17.5
 */
export function weightedAverage(
  fields: WeightedAverageFields,
  weights: readonly number[],
  values: readonly number[],
): number {
  requireNonEmpty(fields.weights, weights, fields.item);
  requireSameLength(fields.weights, weights, fields.values, values, fields.item);
  const checkedWeights = weights.map((w, i) =>
    requireNonNegative(entryOf(fields.weights, i, `of ${fields.item} ${i + 1}`), w),
  );
  const checkedValues = values.map((v, i) =>
    requireNonNegative(entryOf(fields.values, i, `of ${fields.item} ${i + 1}`), v),
  );
  const inputs = [fields.weights, fields.values];
  // An overflowed total weight would give an average of 0 (or NaN), not the average.
  const totalWeight = requireFiniteResult(fields.result, sum(checkedWeights), inputs);
  if (totalWeight === 0) {
    throw new CaseRateInputError(
      fields.weights,
      "division-by-zero",
      (name) => `${name(fields.weights)} total 0; at least one ${fields.item} needs some.`,
    );
  }
  return requireFiniteResult(
    fields.result,
    sumProduct(fields.weights, checkedWeights, fields.values, checkedValues) / totalWeight,
    inputs,
  );
}

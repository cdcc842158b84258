import { CaseRateInputError } from "./errors";
import { sum, sumProduct } from "./sums";
import { requireNonEmpty, requireNonNegative, requireSameLength } from "./validate";

/** Names the two lists of a weighted average in the user's words, for messages. */
export interface WeightedAverageFields {
  readonly weights: string;
  readonly values: string;
  /** One item of the lists, such as "cohort" or "service code". */
  readonly item: string;
}

/** Σ weight × value ÷ Σ weight, over non-negative weights and values of equal count. */
export function weightedAverage(
  fields: WeightedAverageFields,
  weights: readonly number[],
  values: readonly number[],
): number {
  requireNonEmpty(fields.weights, weights, fields.item);
  requireSameLength(fields.weights, weights, fields.values, values, fields.item);
  const checkedWeights = weights.map((w, i) =>
    requireNonNegative(`${fields.weights} of ${fields.item} ${i + 1}`, w),
  );
  const checkedValues = values.map((v, i) =>
    requireNonNegative(`${fields.values} of ${fields.item} ${i + 1}`, v),
  );
  const totalWeight = sum(checkedWeights);
  if (totalWeight === 0) {
    throw new CaseRateInputError(
      fields.weights,
      "division-by-zero",
      `${fields.weights} total 0; at least one ${fields.item} needs some.`,
    );
  }
  return sumProduct(fields.weights, checkedWeights, fields.values, checkedValues) / totalWeight;
}

import type { Field } from "./fields";
import { requireSameLength } from "./validate";

/** Σ a[i] × b[i] for two validated lists of the same length. */
export function sumProduct(
  firstField: Field,
  first: readonly number[],
  secondField: Field,
  second: readonly number[],
): number {
  requireSameLength(firstField, first, secondField, second);
  return first.reduce((sum, value, index) => sum + value * second[index], 0);
}

/** Σ values. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

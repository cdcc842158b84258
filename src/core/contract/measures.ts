import { cutText } from "../describeValue";
import { CaseRateInputError } from "../errors";
import { field } from "../fields";
import { ownValue } from "../own";
import { requireNumber } from "../validate";
import type { Direction, GateMeasure, Measure } from "./terms";

/**
 * Whether `value` meets `threshold` for a measure of this direction: atLeast when value ≥ it,
 * atMost when value ≤ it.
 * @example meets("atMost", 0.1, 0.12) // true
 */
export function meets(direction: Direction, value: number, threshold: number): boolean {
  return direction === "atLeast" ? value >= threshold : value <= threshold;
}

/**
 * A measure's score, 0–1: a gate 1 when the target is met, else 0; a ladder the earn of the best
 * step met (the highest atLeast threshold, the lowest atMost one), 0 if none.
 * @example measureScore({ id: "f", weight: 1, target: 0.75, direction: "atLeast", scoring: { ladder: [{ threshold: 0.6, earn: 0.5 }, { threshold: 0.75, earn: 1 }] } }, 0.7) // 0.5
 */
export function measureScore(measure: Measure, value: number): number {
  if (measure.scoring === "gate") return meets(measure.direction, value, measure.target) ? 1 : 0;
  let best: { threshold: number; earn: number } | undefined;
  for (const step of measure.scoring.ladder) {
    if (!meets(measure.direction, value, step.threshold)) continue;
    if (best === undefined || meets(measure.direction, step.threshold, best.threshold)) best = step;
  }
  return best?.earn ?? 0;
}

/**
 * The value of measure `id` among the year's values, or a typed error saying it is missing.
 * @example measureValue({ followUp: 0.7 }, "followUp") // 0.7
 */
export function measureValue(values: Readonly<Record<string, number>>, id: string): number {
  const value = ownValue(values, id);
  const shown = cutText(id);
  if (value === undefined) {
    const ref = field("measures", `measure ${shown}`);
    throw new CaseRateInputError(
      ref,
      "blank",
      (name) => `${name(ref)} has no value for the year; give measures.${shown}.`,
    );
  }
  return requireNumber(field("measures", `measures.${shown}`), value);
}

/**
 * Σ weight × score over the measures at the year's values: the share of a withhold earned back or
 * of a bonus pool paid out.
 * @example weightedScore([{ id: "a", weight: 0.6, target: 1, direction: "atLeast", scoring: "gate" }, { id: "b", weight: 0.4, target: 1, direction: "atLeast", scoring: "gate" }], { a: 1, b: 0 }) // 0.6
 */
export function weightedScore(
  measures: readonly Measure[],
  values: Readonly<Record<string, number>>,
): number {
  return measures.reduce((sum, m) => sum + m.weight * measureScore(m, measureValue(values, m.id)), 0);
}

/**
 * Whether every measure of a quality gate meets its target at the year's values (true for none).
 * @example gateMet([{ id: "access", target: 0.9, direction: "atLeast" }], { access: 0.85 }) // false
 */
export function gateMet(gate: readonly GateMeasure[], values: Readonly<Record<string, number>>): boolean {
  return gate.every((m) => meets(m.direction, measureValue(values, m.id), m.target));
}

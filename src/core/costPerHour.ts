import { entryOf, field } from "./fields";
import { sumProduct } from "./sums";
import {
  requireCaseMix,
  requireFiniteResult,
  requireNonEmpty,
  requireNonNegative,
  requireSameLength,
} from "./validate";
import { weightedAverage } from "./weightedAverage";

/**
 * Volume-weighted cost per hour (step 6): Σ service hours × rate per hour ÷ Σ service hours.
 * @example blendedRatePerHour([100, 300], [260.36, 55.5]) // 106.715
 */
export function blendedRatePerHour(serviceHours: readonly number[], ratesPerHour: readonly number[]): number {
  return weightedAverage(
    {
      weights: field("serviceHours"),
      values: field("ratePerHour"),
      item: "service",
      result: "the blended rate per hour",
    },
    serviceHours,
    ratesPerHour,
  );
}

const CLINICIAN_MIX = field("clinicianMix");
const COST_PER_HOUR = field("costPerHour");

/**
 * Cost per hour of a clinician-type mix (step 6): Σ share of hours by clinician type × that type's
 * cost per hour. The shares must make 100%.
 * @example clinicianMixRatePerHour([0.25, 0.75], [200, 100], ["prescriber", "masters"]) // 125
 */
export function clinicianMixRatePerHour(
  clinicianMix: readonly number[],
  costPerHour: readonly number[],
  clinicianTypes?: readonly string[],
): number {
  const labels = clinicianMix.map((_, i) => clinicianTypes?.[i] ?? `clinician type ${i + 1}`);
  const mix = requireCaseMix(CLINICIAN_MIX, clinicianMix, labels);
  requireNonEmpty(COST_PER_HOUR, costPerHour, "clinician type");
  requireSameLength(CLINICIAN_MIX, clinicianMix, COST_PER_HOUR, costPerHour, "clinician type");
  const costs = costPerHour.map((cost, i) =>
    requireNonNegative(entryOf(COST_PER_HOUR, i, `of ${labels[i] ?? `clinician type ${i + 1}`}`), cost),
  );
  return requireFiniteResult("the cost per hour", sumProduct(CLINICIAN_MIX, mix, COST_PER_HOUR, costs), [
    COST_PER_HOUR,
  ]);
}

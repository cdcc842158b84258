import { sumProduct } from "./sums";
import { requireCaseMix, requireNonEmpty, requireNonNegative, requireSameLength } from "./validate";
import { weightedAverage } from "./weightedAverage";

/** Volume-weighted cost per hour (step 6): Σ service hours × rate per hour ÷ Σ service hours. */
export function blendedRatePerHour(serviceHours: readonly number[], ratesPerHour: readonly number[]): number {
  return weightedAverage(
    { weights: "service hours", values: "rate per hour", item: "service" },
    serviceHours,
    ratesPerHour,
  );
}

/**
 * Cost per hour of a clinician-type mix (step 6): Σ share of hours by clinician type × that type's
 * cost per hour. The shares must make 100%.
 */
export function clinicianMixRatePerHour(
  clinicianMix: readonly number[],
  costPerHour: readonly number[],
  clinicianTypes?: readonly string[],
): number {
  const labels = clinicianMix.map((_, i) => clinicianTypes?.[i] ?? `clinician type ${i + 1}`);
  const mix = requireCaseMix("clinician mix", clinicianMix, labels);
  requireNonEmpty("cost per hour", costPerHour, "clinician type");
  requireSameLength("clinician mix", clinicianMix, "cost per hour", costPerHour, "clinician type");
  const costs = costPerHour.map((cost, i) =>
    requireNonNegative(`cost per hour of ${labels[i] ?? `clinician type ${i + 1}`}`, cost),
  );
  return sumProduct("clinician mix", mix, "cost per hour", costs);
}

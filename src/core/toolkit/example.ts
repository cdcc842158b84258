import type { LevelOfCare, RateModel } from "../model";
import { consistentRateInterval, type PrintedFigure, simplestDecimalIn } from "../printedRounding";
import workedExample from "./worked-example.json";

/** The toolkit's worked example as published (a copy of shared/toolkit/worked-example.json). */
export const WORKED_EXAMPLE = workedExample;

const payor = workedExample.payor;
type LevelId = keyof typeof payor.step4_case_mix;

/** The four levels of care with the example's case mix and average hours (steps 3–5). */
export const TOOLKIT_LEVELS: readonly LevelOfCare[] = payor.levels_of_care.map(({ level, description }) => ({
  id: level,
  name: description,
  caseMix: payor.step4_case_mix[level as LevelId],
  averageHours: payor.step5_hours_per_episode[level as LevelId].average,
}));

/** The medium scenario the toolkit carries through steps 4–7. */
const drivingScenario = payor.step2_penetration.scenarios.find(
  (scenario) => scenario.name === payor.step2_penetration.used_for_remainder,
);

/** Every step 7 figure the rate per hour drives, as printed, with what the rate is multiplied by. */
export const TOOLKIT_RATE_FIGURES: readonly PrintedFigure[] = [
  { label: "rate per hour", printed: payor.step7_case_rates.rate_per_hour, multiplier: 1, decimals: 2 },
  ...payor.step7_case_rates.rows.map((row) => ({
    label: `case rate of level ${row.level}`,
    printed: row.case_rate,
    multiplier: row.average_hours,
    decimals: 0,
  })),
  ...payor.step7_budget.rows.map((row) => ({
    label: `total costs of level ${row.level}`,
    printed: row.total_costs,
    multiplier: row.cases * payor.step5_hours_per_episode[row.level as LevelId].average,
    decimals: 0,
  })),
  {
    label: "total budget",
    printed: payor.step7_budget.total_costs,
    multiplier: payor.step7_budget.rows.reduce(
      (hours, row) => hours + row.cases * payor.step5_hours_per_episode[row.level as LevelId].average,
      0,
    ),
    decimals: 0,
  },
];

/**
 * The rate per hour the example uses: the toolkit prints $158.62 but computed step 7 with an
 * unrounded rate; this is the plainest rate that reproduces every printed figure.
 */
export const TOOLKIT_RATE_PER_HOUR: number = (() => {
  const interval = consistentRateInterval(TOOLKIT_RATE_FIGURES);
  if (interval === null) throw new Error("No rate per hour reproduces the toolkit's printed figures.");
  return simplestDecimalIn(interval);
})();

/** The toolkit's rate-setting model (Admirable Mental Health Partners, medium penetration). */
export const TOOLKIT_RATE_MODEL: RateModel = {
  enrollees: payor.step1_population.medicaid_enrollees,
  penetrationRate: drivingScenario?.rate ?? Number.NaN,
  ratePerHour: TOOLKIT_RATE_PER_HOUR,
  levels: TOOLKIT_LEVELS,
};

import { TOOLKIT_LEVELS, TOOLKIT_RATE_PER_HOUR, WORKED_EXAMPLE } from "../toolkit/example";
import type { HoursDistribution, RiskInput, RiskScenario } from "./inputs";

/** The coefficient of variation assumed for levels A, C and D, known only by their average: illustrative. */
export const TOOLKIT_ILLUSTRATIVE_CV = 0.6;

/** Level B's cohort table ("What case rates are NOT"), the other levels gamma with cv 0.6. */
function toolkitHours(id: string): HoursDistribution {
  if (id !== "B") return { family: "gamma", cv: TOOLKIT_ILLUSTRATIVE_CV };
  return {
    cohorts: WORKED_EXAMPLE.utilization_cohorts_level_b.rows.map((row) => ({
      episodes: row.clients,
      averageHours: row.average_hours,
    })),
  };
}

const penetration = WORKED_EXAMPLE.payor.step2_penetration;
const mediumCases =
  penetration.scenarios.find((s) => s.name === penetration.used_for_remainder)?.cases ?? NaN;

/**
 * The toolkit's example as a risk model: 3,000 expected cases (medium penetration) by the case
 * mix, the step 5 average hours, the rate per hour $158.61739, and the step 7 budget, Poisson counts.
 */
export const TOOLKIT_RISK_INPUT: RiskInput = {
  ratePerHour: TOOLKIT_RATE_PER_HOUR,
  budget: WORKED_EXAMPLE.payor.step7_budget.total_costs,
  levels: TOOLKIT_LEVELS.map((level) => ({
    id: level.id,
    expectedCases: mediumCases * level.caseMix,
    averageHours: level.averageHours,
    ratePerHour: TOOLKIT_RATE_PER_HOUR,
    hoursDistribution: toolkitHours(level.id),
  })),
};

/** The toolkit's three penetration scenarios (2,700, 3,000 and 3,300 cases) weighted 0.25, 0.5, 0.25. */
export const TOOLKIT_SCENARIOS: readonly RiskScenario[] = penetration.scenarios.map((scenario) => ({
  name: scenario.name,
  weight: scenario.name === penetration.used_for_remainder ? 0.5 : 0.25,
  expectedCases: TOOLKIT_LEVELS.map((level) => scenario.cases * level.caseMix),
}));

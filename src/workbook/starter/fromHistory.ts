import type { HistoryCohort } from "../../core/history/cohorts";
import type { HistoryModel } from "../../core/history/historyModel";
import type { ServiceFigures } from "../../core/history/services";
import { WORKED_EXAMPLE } from "../../core/toolkit/example";
import type { HistorySource, StarterCohort, StarterInputs, StarterOptions } from "./options";
import { RISK_COHORTS } from "./riskInputs";

/**
 * Low and High penetration as multiples of the history's rate (Medium): the toolkit's 9 / 10 / 11%.
 * The history gives one rate; the spread around it is a guess the user should review.
 */
export const PENETRATION_SPREAD = { Low: 0.9, Medium: 1, High: 1.1 } as const;

/** The toolkit's description of each step 6 service code, e.g. "90801" → "Psychiatric Diagnostic Interview". */
const TOOLKIT_DESCRIPTIONS = new Map(
  WORKED_EXAMPLE.payor.step6_service_codes.rows.map((row) => [String(row[0]), String(row[1])]),
);

/** A level's cohorts, at most RISK_COHORTS: the highest ones merged into the last, its mean exact. */
function riskCohortsOf(cohorts: readonly HistoryCohort[]): StarterCohort[] {
  const kept = cohorts
    .slice(0, RISK_COHORTS - 1)
    .map(({ episodes, averageHours }) => ({ episodes, averageHours }));
  const rest = cohorts.slice(RISK_COHORTS - 1);
  if (rest.length === 0) return kept;
  const episodes = rest.reduce((sum, cohort) => sum + cohort.episodes, 0);
  const hours = rest.reduce((sum, cohort) => sum + cohort.episodes * cohort.averageHours, 0);
  return [...kept, { episodes, averageHours: hours / episodes }];
}

/** Every clinician type in the codes' mixes, sorted (as the history sorts its lists). */
export function clinicianTypesOf(services: readonly ServiceFigures[]): string[] {
  const types = new Set(services.flatMap((service) => Object.keys(service.clinicianMix ?? {})));
  return [...types].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The starter's options from a `case-rate history` model: its levels, steps 1 (with enrollees),
 * 2 (Medium = its penetration rate, Low and High at 0.9× and 1.1×, marked for review), 4, 5 and
 * 6 (its codes and clinician types) and the Risk cohorts; `source` names the file on History.
 * @example starterOptionsOfHistory(model).inputs?.caseMix // [0.2, 0.37, 0.33, 0.1]
 */
export function starterOptionsOfHistory(
  model: HistoryModel,
  source?: HistorySource,
): Pick<StarterOptions, "levels" | "inputs" | "history"> {
  const statistics = model.history.levels;
  const services = (model.history.services ?? []) as readonly ServiceFigures[];
  const clinicianTypes = clinicianTypesOf(services);
  const rate = model.penetrationRate;
  const merged = statistics.filter((level) => level.cohorts.length > RISK_COHORTS).map((level) => level.id);
  const inputs: StarterInputs = {
    enrollees: model.enrollees ?? null,
    penetrationRates: (["Low", "Medium", "High"] as const).map((name) =>
      rate === undefined ? null : rate * PENETRATION_SPREAD[name],
    ),
    caseMix: model.levels.map((level) => level.caseMix),
    minimumHours: model.levels.map((level) => level.minHours),
    maximumHours: model.levels.map((level) => level.maxHours),
    averageHours: model.levels.map((level) => level.averageHours),
    ratePerHour: model.ratePerHour ?? null,
    clinicianTypes,
    serviceCodes: services.map((service) => ({
      code: service.code,
      description: TOOLKIT_DESCRIPTIONS.get(service.code) ?? "",
      clinicianShares: clinicianTypes.map((type) => service.clinicianMix?.[type] ?? 0),
      billedPerHour: service.ratePerHour ?? null,
      hours: service.hours,
    })),
    riskCohorts: model.levels.map((level) =>
      riskCohortsOf(statistics.find((s) => s.id === level.id)?.cohorts ?? []),
    ),
    notes: {
      ...(rate === undefined
        ? {}
        : {
            penetration:
              "Review: Medium is the history's rate (episodes ÷ enrollees); Low and High are 0.9× and 1.1× of it, a guess.",
          }),
      ...(merged.length === 0
        ? {}
        : {
            cohorts: `Level ${merged.join(", ")}: more than ${RISK_COHORTS} cohorts; the highest are merged into cohort ${RISK_COHORTS} (episodes summed, their mean hours kept).`,
          }),
    },
  };
  return {
    levels: model.levels.map((level) => ({ id: level.id, name: `Level ${level.id}` })),
    inputs,
    history: { model, ...(source === undefined ? {} : { source }) },
  };
}

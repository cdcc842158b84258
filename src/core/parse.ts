import { cutText, describeValue, grouped, quoteText } from "./describeValue";
import { CaseRateInputError } from "./errors";
import type { LevelOfCare, ProviderSection, RateModel, RiskSection } from "./model";
import {
  COHORT_KEYS,
  HISTORY_KEYS,
  HOURS_DISTRIBUTION_KEYS,
  LEVEL_KEYS,
  MAX_LEVEL_ID_LENGTH,
  MODEL_KEYS,
  PROVIDER_KEYS,
  RISK_KEYS,
  type Section,
} from "./modelSchema";
import { nearestWord } from "./nearest";
import { definedOnly, ownValue } from "./own";
import type { HoursDistribution } from "./risk/inputs";
import { parseContract } from "./contract/parseContract";
import { fieldName, missing, readSection, requireNumberValue } from "./modelReaders";

/** Longest list of level ids a message shows; past that it gives their count. */
const MAX_LISTED_IDS_LENGTH = 80;

/** A level id: one short line, since messages and labels name the level by it. */
function requireShortId(field: string, id: string): string {
  if (id.length > MAX_LEVEL_ID_LENGTH || /[\p{Cc}\u2028\u2029]/u.test(id)) {
    throw new CaseRateInputError(
      field,
      "out-of-range",
      `${field} is ${quoteText(id)}; a level id is one line of up to ${MAX_LEVEL_ID_LENGTH} characters.`,
    );
  }
  return id;
}

function parseLevel(value: unknown, index: number): LevelOfCare {
  const where = `levels[${index}]`;
  const level = readSection(value, LEVEL_KEYS, where);
  const id = requireShortId(`${where}.id`, level.id);
  return {
    id,
    name: level.name ?? id,
    caseMix: level.caseMix,
    averageHours: level.averageHours,
    ...(level.ratePerHour === undefined ? {} : { ratePerHour: level.ratePerHour }),
    ...(level.hoursDistribution === undefined
      ? {}
      : { hoursDistribution: parseHoursDistribution(level.hoursDistribution, `${where}.hoursDistribution`) }),
  };
}

/**
 * A level's hoursDistribution: exactly one of a cohort table or a family with its cv. Episodes
 * and hours are checked here too, so the message names the row ("levels[1].hoursDistribution.cohorts[0].episodes").
 */
function parseHoursDistribution(value: unknown, where: string): HoursDistribution {
  const spread = readSection(value, HOURS_DISTRIBUTION_KEYS, where);
  if (spread.cohorts !== undefined) {
    if (spread.family !== undefined || spread.cv !== undefined) {
      throw new CaseRateInputError(
        where,
        "wrong-type",
        `${where} gives both cohorts and a family; give one of them.`,
      );
    }
    return { cohorts: spread.cohorts.map((row, k) => parseCohort(row, `${where}.cohorts[${k}]`)) };
  }
  if (spread.family === undefined) {
    throw new CaseRateInputError(
      where,
      "blank",
      `${where} needs either cohorts or a family ("gamma" or "lognormal") with its cv.`,
    );
  }
  if (spread.family !== "gamma" && spread.family !== "lognormal") {
    throw new CaseRateInputError(
      `${where}.family`,
      "out-of-range",
      `${where}.family must be "gamma" or "lognormal", not ${quoteText(spread.family)}.`,
    );
  }
  if (spread.cv === undefined) throw missing(`${where}.cv`);
  if (!(spread.cv > 0)) {
    throw new CaseRateInputError(
      `${where}.cv`,
      "out-of-range",
      `${where}.cv (the coefficient of variation) must be above 0, not ${describeValue(spread.cv)}.`,
    );
  }
  return { family: spread.family, cv: spread.cv };
}

/** One cohort: a whole number of episodes ≥ 0 and average hours ≥ 0. */
function parseCohort(value: unknown, where: string): { episodes: number; averageHours: number } {
  const cohort = readSection(value, COHORT_KEYS, where);
  if (!Number.isInteger(cohort.episodes) || cohort.episodes < 0) {
    throw new CaseRateInputError(
      `${where}.episodes`,
      cohort.episodes < 0 ? "negative" : "not-a-whole-number",
      `${where}.episodes must be a whole number of cases, 0 or more, not ${describeValue(cohort.episodes)}.`,
    );
  }
  if (cohort.averageHours < 0) {
    throw new CaseRateInputError(
      `${where}.averageHours`,
      "negative",
      `${where}.averageHours is ${describeValue(cohort.averageHours)}; it cannot be negative.`,
    );
  }
  return { episodes: cohort.episodes, averageHours: cohort.averageHours };
}

/**
 * Checks a record the model carries but does not compute (`history`): its declared keys and their
 * types all the way down, so a mistyped key is refused there too.
 */
function checkRecord(value: unknown, keys: Section, where: string): void {
  const record = readSection(value, keys, where) as Readonly<Record<string, unknown>>;
  for (const spec of keys) {
    const found = record[spec.key];
    if (found === undefined || spec.keys === undefined) continue;
    const field = fieldName(where, spec.key);
    if (spec.type === "list") {
      const items = spec.keys;
      (found as readonly unknown[]).forEach((item, i) => checkRecord(item, items, `${field}[${i}]`));
    } else checkRecord(found, spec.keys, field);
  }
}

/**
 * Reads a rate-setting model from parsed JSON, checking that every field is there and of the right
 * type and that no key is unknown; the arithmetic checks ranges and the case mix when it runs.
 */
export function parseRateModel(input: unknown): RateModel {
  const model = readSection(input, MODEL_KEYS, "");
  const levels = model.levels.map(parseLevel);
  if (model.history !== undefined) checkRecord(model.history, HISTORY_KEYS, "history");
  return {
    enrollees: model.enrollees,
    penetrationRate: model.penetrationRate,
    ratePerHour: model.ratePerHour,
    levels,
    ...(model.provider === undefined ? {} : { provider: parseProvider(model.provider, levels) }),
    ...(model.penetrationScenarios === undefined
      ? {}
      : { penetrationScenarios: parseNumbersByName(model.penetrationScenarios, "penetrationScenarios") }),
    ...(model.risk === undefined
      ? {}
      : {
          risk: parseRisk(
            model.risk,
            model.penetrationScenarios === undefined ? [] : Object.keys(model.penetrationScenarios),
          ),
        }),
    ...(model.contract === undefined ? {} : { contract: parseContract(model.contract, levels) }),
  };
}

/** An object of numbers keyed by name (penetration scenarios, their weights); at least one. */
function parseNumbersByName(
  object: Readonly<Record<string, unknown>>,
  where: string,
): Record<string, number> {
  const names = Object.keys(object);
  if (names.length === 0) {
    throw new CaseRateInputError(where, "empty", `${where} is empty; name at least one scenario.`);
  }
  return Object.fromEntries(
    names.map((name) => {
      const field = `${where}.${cutText(name)}`;
      return [name, requireNumberValue(field, ownValue(object, name))];
    }),
  );
}

/**
 * The risk section. Its scenarioWeights must name exactly the model's penetrationScenarios, each
 * once; the weights' range and sum are the risk computation's to check.
 */
function parseRisk(value: unknown, scenarios: readonly string[]): RiskSection {
  const risk = readSection(value, RISK_KEYS, "risk");
  if (risk.frequency !== undefined && risk.frequency !== "poisson" && risk.frequency !== "fixed") {
    throw new CaseRateInputError(
      "risk.frequency",
      "out-of-range",
      `risk.frequency must be "poisson" or "fixed", not ${quoteText(risk.frequency)}.`,
    );
  }
  const { scenarioWeights, ...settings } = risk;
  const section = definedOnly(settings) as RiskSection;
  if (scenarioWeights === undefined) return section;
  const weights = parseNumbersByName(scenarioWeights, "risk.scenarioWeights");
  requireSameNames(Object.keys(weights), scenarios);
  return { ...section, scenarioWeights: weights };
}

/** scenarioWeights names every penetration scenario and no other, suggesting the name meant. */
function requireSameNames(named: readonly string[], scenarios: readonly string[]): void {
  if (scenarios.length === 0) {
    throw new CaseRateInputError(
      "risk.scenarioWeights",
      "blank",
      `risk.scenarioWeights weighs penetration scenarios, but the model has no penetrationScenarios; add them, e.g. {"Low": 0.09, "Medium": 0.1, "High": 0.11}.`,
    );
  }
  const unknown = named.find((name) => !scenarios.includes(name));
  if (unknown !== undefined) {
    const near = nearestWord(unknown, scenarios);
    throw new CaseRateInputError(
      `risk.scenarioWeights.${cutText(unknown)}`,
      "out-of-range",
      `risk.scenarioWeights names scenario ${quoteText(unknown)}, which is not among the penetrationScenarios (${listed(scenarios)})${near === undefined ? "." : `; did you mean "${near}"?`}`,
    );
  }
  const left = scenarios.find((name) => !named.includes(name));
  if (left !== undefined) {
    throw new CaseRateInputError(
      `risk.scenarioWeights.${cutText(left)}`,
      "blank",
      `risk.scenarioWeights gives no weight to penetration scenario ${quoteText(left)}; weigh every scenario (0 leaves one out).`,
    );
  }
}

/** Names for a message: all of them when short, else their count. */
function listed(names: readonly string[]): string {
  const text = names.map(cutText).join(", ");
  return text.length <= MAX_LISTED_IDS_LENGTH ? text : `${grouped(names.length)} scenarios`;
}

/** Refuses a provider case mix key that names no level, suggesting the level it most likely meant. */
function refuseUnknownLevels(mix: Readonly<Record<string, unknown>>, ids: readonly string[]): void {
  const known = new Set(ids);
  const unknown = Object.keys(mix).find((id) => !known.has(id));
  if (unknown === undefined) return;
  const near = nearestWord(unknown, ids);
  const text = ids.join(", ");
  const among =
    text.length <= MAX_LISTED_IDS_LENGTH ? `the levels (${text})` : `the ${grouped(ids.length)} levels`;
  throw new CaseRateInputError(
    `provider.caseMix.${cutText(unknown)}`,
    "out-of-range",
    `provider.caseMix names level ${quoteText(unknown)}, which is not among ${among}${near === undefined ? "." : `; did you mean "${near}"?`}`,
  );
}

/** The optional provider section: consumers, direct hours per FTE, and a case mix by level id. */
function parseProvider(value: unknown, levels: readonly LevelOfCare[]): ProviderSection {
  const provider = readSection(value, PROVIDER_KEYS, "provider");
  const section = {
    consumers: provider.consumers,
    directHoursPerFte: provider.directHoursPerFte,
    ...definedOnly({
      directCostPerHour: provider.directCostPerHour,
      fixedCosts: provider.fixedCosts,
      otherRevenue: provider.otherRevenue,
    }),
  };
  if (provider.caseMix === undefined) return section;
  const mix = provider.caseMix;
  const ids = levels.map((level) => level.id);
  refuseUnknownLevels(mix, ids);
  return {
    ...section,
    caseMix: Object.fromEntries(
      ids.map((id) => {
        const field = `provider.caseMix.${id}`;
        const share = ownValue(mix, id);
        if (share === undefined) throw missing(field);
        return [id, requireNumberValue(field, share)];
      }),
    ),
  };
}

import { CaseRateInputError } from "./errors";
import type { LevelOfCare, ProviderSection, RateModel } from "./model";

/** A plain object (JSON object), or a typed error naming where one was expected. */
function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CaseRateInputError(field, "wrong-type", `${field} must be an object with named fields.`);
  }
  return value as Record<string, unknown>;
}

/** A field that must be present; the core's checks then say what is wrong with its value. */
function requirePresent(object: Record<string, unknown>, path: string, key: string): unknown {
  if (!(key in object) || object[key] === undefined) {
    throw new CaseRateInputError(`${path}${key}`, "blank", `${path}${key} is missing.`);
  }
  return object[key];
}

/** A number field, present and typed; range checks belong to the arithmetic. */
function numberField(object: Record<string, unknown>, path: string, key: string): number {
  const value = requirePresent(object, path, key);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new CaseRateInputError(
      `${path}${key}`,
      "not-a-number",
      `${path}${key} must be a number, not ${typeof value === "number" ? value : JSON.stringify(value)}.`,
    );
  }
  return value;
}

/** A text field, present and non-blank. */
function textField(object: Record<string, unknown>, path: string, key: string): string {
  const value = requirePresent(object, path, key);
  if (typeof value !== "string" || value.trim() === "") {
    throw new CaseRateInputError(
      `${path}${key}`,
      "wrong-type",
      `${path}${key} must be a non-blank text, not ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function parseLevel(value: unknown, index: number): LevelOfCare {
  const path = `levels[${index}].`;
  const level = requireObject(`levels[${index}]`, value);
  const id = textField(level, path, "id");
  return {
    id,
    name: level.name === undefined ? id : textField(level, path, "name"),
    caseMix: numberField(level, path, "caseMix"),
    averageHours: numberField(level, path, "averageHours"),
    ...(level.ratePerHour === undefined ? {} : { ratePerHour: numberField(level, path, "ratePerHour") }),
  };
}

/**
 * Reads a rate-setting model from parsed JSON, checking that every field is there and of the right
 * type; the arithmetic checks ranges and the case mix when it runs.
 */
export function parseRateModel(input: unknown): RateModel {
  const model = requireObject("model", input);
  const levels = requirePresent(model, "", "levels");
  if (!Array.isArray(levels)) {
    throw new CaseRateInputError("levels", "wrong-type", "levels must be a list of levels of care.");
  }
  const parsedLevels = levels.map(parseLevel);
  return {
    enrollees: numberField(model, "", "enrollees"),
    penetrationRate: numberField(model, "", "penetrationRate"),
    ratePerHour: numberField(model, "", "ratePerHour"),
    levels: parsedLevels,
    ...(model.provider === undefined ? {} : { provider: parseProvider(model.provider, parsedLevels) }),
  };
}

/** The optional provider section: consumers, direct hours per FTE, and a case mix by level id. */
function parseProvider(value: unknown, levels: readonly LevelOfCare[]): ProviderSection {
  const provider = requireObject("provider", value);
  const section = {
    consumers: numberField(provider, "provider.", "consumers"),
    directHoursPerFte: numberField(provider, "provider.", "directHoursPerFte"),
  };
  if (provider.caseMix === undefined) return section;
  const mix = requireObject("provider.caseMix", provider.caseMix);
  const ids = new Set(levels.map((level) => level.id));
  const unknown = Object.keys(mix).find((id) => !ids.has(id));
  if (unknown !== undefined) {
    throw new CaseRateInputError(
      `provider.caseMix.${unknown}`,
      "out-of-range",
      `provider.caseMix names level "${unknown}", which is not among the levels (${[...ids].join(", ")}).`,
    );
  }
  return {
    ...section,
    caseMix: Object.fromEntries(
      levels.map((level) => [level.id, numberField(mix, "provider.caseMix.", level.id)]),
    ),
  };
}
